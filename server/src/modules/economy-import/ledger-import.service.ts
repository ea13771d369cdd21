/**
 * One import of a ledger file into a period: read through the kommun's mapping, summed per
 * office, unit and kontogrupp, compared with the period. A preview writes nothing; a
 * confirmation writes in one transaction, and only when no line is wrong, the file changes
 * something, and the outcome is the one the preview showed (its fingerprint).
 */
import { createHash, type Hash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { GraphQLError } from 'graphql';
import { PUBLISHED_SQLSTATE } from '../../db/published-sqlstate.js';
import { recordChanges } from '../audit/record-changes.js';
import { recordCreation } from '../audit/record-creation.js';
import type { ImportTarget } from '../import/import-kind.js';
import { publishedRefusal, STALE_PREVIEW } from '../import/import-run.js';
import { accountGroupLookup } from './account-groups.js';
import { LedgerImport } from './ledger-mapping.entity.js';
import { loadMapping } from './ledger-mapping.service.js';
import {
  ledgerFormatMeasures,
  ledgerReaders,
  type LedgerBody,
  type LedgerFormat,
  type LedgerReadOptions,
} from './ledger-readers.js';
import {
  sumLedger,
  sumsInKronor,
  type LedgerTotals,
  type MappedUnit,
  type MeasureSums,
} from './ledger-totals.js';
import { applyPlan, existingTables, planTables, type LineStatus, type PlannedTable } from './ledger-write.js';
import {
  applyInvestments,
  existingInvestments,
  planInvestments,
  type PlannedInvestment,
} from './ledger-investments.js';
import type { LedgerLineError } from './ledger-amount.js';

export interface LedgerFile {
  name: string;
  format: LedgerFormat;
  body: LedgerBody;
}

export type LedgerRefusal = 'WRONG_LINES' | 'STALE_PREVIEW' | 'UNCHANGED';

export interface LedgerImportResult {
  mode: 'preview' | 'confirm';
  committed: boolean;
  refusal: { code: LedgerRefusal; message: string } | null;
  fingerprint: string;
  tables: PlannedTable[];
  /** The whole file's sums in kronor: the kommun's control total. */
  kommun: MeasureSums;
  /** Per unit × project: the investment each becomes, as it will be written. */
  investments: PlannedInvestment[];
  errors: LedgerLineError[];
  errorLines: number;
  counts: Record<LineStatus, number>;
  /** The file this one replaces, the last one imported into the period. */
  replaces: { fileName: string; importedAt: string } | null;
}

export interface LedgerImportOptions extends LedgerReadOptions {
  mode: 'preview' | 'confirm';
  fingerprint?: string | null;
  /** "Prognos 3": the tables' forecast label, kept as it is when not given. */
  forecastLabel?: string | null;
}

const badInput = (message: string) => new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });

interface UnitRow {
  id: number;
  name: string;
  kind: string;
  parent_id: number | null;
}

/**
 * Each mapped kostnadsställe's unit and the office whose tables hold it: the nearest kontor
 * at or above the unit in the period's organisation, else the unit itself.
 */
async function unitLookup(
  em: EntityManager,
  kommunId: number,
  periodId: number,
  costCentres: Map<string, number>,
) {
  const rows = await em.getConnection().execute<UnitRow[]>(
    `select u.id, coalesce(v.name, u.name) as name, u.kind, coalesce(v.parent_id, u.parent_id) as parent_id
       from org_unit u left join org_unit_version v on v.unit_id = u.id and v.period_id = ?
      where u.kommun_id = ?`,
    [periodId, kommunId],
  );
  const units = new Map(rows.map((r) => [r.id, r]));
  const officeOf = (unitId: number) => {
    for (let u = units.get(unitId), depth = 0; u && depth < 50; u = units.get(u.parent_id ?? -1), depth++) {
      if (u.kind === 'kontor') return u.id;
    }
    return unitId;
  };
  const mapped = new Map<string, MappedUnit>();
  for (const [code, unitId] of costCentres) {
    if (units.has(unitId)) mapped.set(code, { unitId, tableUnitId: officeOf(unitId) });
  }
  return { mapped, nameOf: (id: number) => units.get(id)?.name ?? String(id) };
}

/** The economy lines' and the investments' statuses: what the file changes, together. */
function countsOf(
  tables: readonly PlannedTable[],
  investments: readonly PlannedInvestment[],
): Record<LineStatus, number> {
  const counts: Record<LineStatus, number> = { new: 0, changed: 0, unchanged: 0, cleared: 0 };
  for (const t of tables) for (const l of t.lines) counts[l.status]++;
  for (const i of investments) counts[i.status]++;
  return counts;
}

function refusalOf(
  totals: LedgerTotals,
  counts: Record<LineStatus, number>,
  fingerprint: string,
  sent: string | null | undefined,
): LedgerImportResult['refusal'] {
  if (totals.errorLines > 0) {
    const n = totals.errorLines;
    return {
      code: 'WRONG_LINES',
      message: `Inget importerades: ${n} ${n === 1 ? 'rad är fel' : 'rader är fel'}. Rätta filen eller kopplingen och försök igen.`,
    };
  }
  if (fingerprint !== sent) return { code: 'STALE_PREVIEW', message: STALE_PREVIEW };
  if (counts.new + counts.changed + counts.cleared === 0) {
    return { code: 'UNCHANGED', message: 'Filen ändrar inga siffror, så inget behövde importeras.' };
  }
  return null;
}

function hashed(body: LedgerBody, hash: Hash): LedgerBody {
  if (Buffer.isBuffer(body)) {
    hash.update(body);
    return body;
  }
  return (async function* () {
    for await (const chunk of body) {
      hash.update(chunk);
      yield chunk;
    }
  })();
}

export async function runLedgerImport(
  em: EntityManager,
  target: ImportTarget,
  file: LedgerFile,
  options: LedgerImportOptions,
): Promise<LedgerImportResult> {
  const read = ledgerReaders[file.format];
  const mapping = await loadMapping(em, target.kommunId);
  if (!mapping) {
    throw badInput(
      'Kommunens koppling för huvudboken saknas. Ange först hur filen ser ut och spara kopplingen.',
    );
  }
  const units = await unitLookup(
    em,
    target.kommunId,
    target.periodId,
    new Map(mapping.costCentres.map((c) => [c.code, c.unitId])),
  );
  // The period's last month: a SIE file holds the year, and is read up to it.
  const [period] = await em
    .getConnection()
    .execute<{ lastMonth: string }[]>(
      `select to_char(end_date, 'YYYYMM') as "lastMonth" from period where id = ?`,
      [target.periodId],
    );
  const lastMonth = period!.lastMonth;
  // The file's hash is taken as it is read, so a streamed file is not kept for it.
  const hash = createHash('sha256');
  const totals = await sumLedger(read(hashed(file.body, hash), mapping.settings, { ...options, lastMonth }), {
    unitOf: (code) => units.mapped.get(code),
    accountGroupOf: accountGroupLookup(
      new Map(mapping.accountGroups.map((a) => [a.account, a.accountGroup])),
    ),
  });
  const fileHash = hash.digest('hex');
  const forecastLabel = options.forecastLabel?.trim().slice(0, 60) || null;
  try {
    return await em.transactional(async (tx) => {
      // Two confirmations of one period at once would both plan against the same lines:
      // the second waits for the first and plans against what it wrote.
      if (options.mode === 'confirm') {
        await tx.execute(`select pg_advisory_xact_lock(hashtext('ledger-import'), ?::int)`, [
          target.periodId,
        ]);
      }
      const existing = await existingTables(tx, target.periodId, totals);
      const tables = planTables(totals, existing, units, ledgerFormatMeasures[file.format]);
      const existingProjects = await existingInvestments(tx, target.periodId, totals);
      const investments = planInvestments(totals, existingProjects, units, ledgerFormatMeasures[file.format]);
      const counts = countsOf(tables, investments);
      const previous = await tx.findOne(
        LedgerImport,
        { period: target.periodId },
        { orderBy: { importedAt: 'desc', id: 'desc' } },
      );
      const fingerprint = createHash('sha256')
        .update(fileHash)
        .update(JSON.stringify({ tables, investments, errors: totals.errors, forecastLabel }))
        .digest('hex');
      const result: LedgerImportResult = {
        mode: options.mode,
        committed: false,
        refusal: null,
        fingerprint,
        tables,
        kommun: sumsInKronor(totals.kommun),
        investments,
        errors: totals.errors,
        errorLines: totals.errorLines,
        counts,
        replaces: previous
          ? { fileName: previous.fileName, importedAt: new Date(previous.importedAt).toISOString() }
          : null,
      };
      if (options.mode === 'preview') return result;
      const refusal = refusalOf(totals, counts, fingerprint, options.fingerprint);
      if (refusal) return { ...result, refusal };
      const changes = [
        ...(await applyPlan(tx, target.periodId, tables, existing, forecastLabel)),
        ...(await applyInvestments(tx, target.periodId, investments, existingProjects)),
      ];
      await recordChanges(tx, { userId: target.userId, requestId: target.requestId }, changes);
      const imported = tx.create(LedgerImport, {
        period: target.periodId,
        fileName: file.name,
        fileHash,
        format: file.format,
        importedBy: target.userId,
      });
      await tx.flush();
      recordCreation(tx, {
        by: target.userId,
        entity: 'LedgerImport',
        entityId: imported.id,
        after: {
          fileName: file.name,
          fileHash,
          format: file.format,
          periodId: target.periodId,
          counts,
          replaces: previous
            ? { id: previous.id, fileName: previous.fileName, fileHash: previous.fileHash }
            : null,
        },
        requestId: target.requestId,
      });
      return { ...result, committed: true };
    });
  } catch (error) {
    if ((error as { code?: unknown }).code === PUBLISHED_SQLSTATE) throw publishedRefusal();
    throw error;
  }
}
