/**
 * The tables a file's sums become, compared with what the period holds: which lines are new,
 * which change and which the file leaves without figures. The plan is the preview; applying
 * it is the import. Only the figures are written: a line's label, place and the staff's
 * explanations stay as they are.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AuditChange } from '../audit/record-changes.js';
import {
  EconomyLine,
  EconomyTable,
  type IEconomyLine,
  type IEconomyTable,
} from '../economy/economy.entity.js';
import { ledgerMeasures, type LedgerMeasure } from './ledger-amount.js';
import { costGroups } from './kommun-bas.js';
import {
  emptySums,
  sumsInKronor,
  type LedgerTotals,
  type LineSums,
  type MeasureSums,
  type TableSums,
} from './ledger-totals.js';

export type LineStatus = 'new' | 'changed' | 'unchanged' | 'cleared';

export interface PlannedLine {
  label: string;
  unitId: number;
  accountGroup: string | null;
  /** Whole kronor, our sign convention. */
  figures: MeasureSums;
  status: LineStatus;
  /** A unit's line split by kontogrupp, for the preview's control totals; not written. */
  byAccountGroup: { accountGroup: string; figures: MeasureSums }[];
}

export interface PlannedTable {
  unitId: number;
  unitName: string;
  dimension: 'unit' | 'accountGroup';
  /** The lines of the file, then the period's lines the file leaves without figures. */
  lines: PlannedLine[];
  /** The sum of the file's lines, rounded once. */
  total: MeasureSums;
}

export interface UnitNames {
  nameOf(unitId: number): string;
}

const same = (a: string | null | undefined, b: string | null | undefined) =>
  (a ?? '').toLocaleLowerCase('sv-SE') === (b ?? '').toLocaleLowerCase('sv-SE');

const figuresOf = (line: IEconomyLine): MeasureSums =>
  Object.fromEntries(ledgerMeasures.map((m) => [m, line[m] ?? null])) as MeasureSums;

const sameFigures = (a: MeasureSums, b: MeasureSums) => ledgerMeasures.every((m) => a[m] === b[m]);

/** The existing line a planned line is: by unit in a table per verksamhet, else by kontogrupp. */
function existingLine(
  table: IEconomyTable | undefined,
  dimension: string,
  unitId: number,
  group: string | null,
) {
  return table?.lines
    .getItems()
    .find((l) => (dimension === 'unit' ? l.unit.id === unitId : same(l.accountGroup ?? l.label, group)));
}

/** The period's drift tables of the offices the file is about, with their lines. */
export async function existingTables(em: EntityManager, periodId: number, totals: LedgerTotals) {
  const unitIds = [...new Set([...totals.tables.values()].map((t) => t.tableUnitId))];
  if (unitIds.length === 0) return new Map<string, IEconomyTable>();
  const tables = await em.find(
    EconomyTable,
    { period: periodId, ledger: 'drift', unit: { $in: unitIds } },
    { populate: ['lines'] },
  );
  return new Map(tables.map((t) => [`${t.unit.id}:${t.dimension}`, t]));
}

const COSTS = 'Kostnader';

/**
 * A table per kontogrupp as the period prints it. A file's accounts give Kommun-Bas groups
 * (Personalkostnader, Lokalhyror, …); a report such as 000 prints only "Kostnader", their sum,
 * with "Varav kapitalkostnader" a part of it. Where the period's table has a "Kostnader" line
 * and the file does not, the cost groups are summed into it, and a cost group with a line of
 * its own in that table is kept as well, as its "varav" line, outside the table's total.
 */
function asPrinted(
  sums: TableSums,
  table: IEconomyTable | undefined,
): { lines: LineSums[]; parts: Set<LineSums> } {
  const lines = [...sums.lines.values()];
  const parts = new Set<LineSums>();
  const printsCosts = table?.lines.getItems().some((l) => same(l.accountGroup ?? l.label, COSTS));
  if (sums.dimension !== 'accountGroup' || !printsCosts || lines.some((l) => same(l.accountGroup, COSTS))) {
    return { lines, parts };
  }
  const out: LineSums[] = [];
  let costs: LineSums | null = null;
  for (const line of lines) {
    if (!(costGroups as readonly string[]).some((g) => same(g, line.accountGroup))) {
      out.push(line);
      continue;
    }
    if (!costs) {
      costs = { unitId: line.unitId, accountGroup: COSTS, sums: emptySums(), byAccountGroup: new Map() };
      out.push(costs);
    }
    for (const m of ledgerMeasures) {
      if (line.sums[m] != null) costs.sums[m] = (costs.sums[m] ?? 0) + line.sums[m];
    }
    if (existingLine(table, sums.dimension, line.unitId, line.accountGroup)) {
      out.push(line);
      parts.add(line);
    }
  }
  return { lines: out, parts };
}

export function planTables(
  totals: LedgerTotals,
  existing: ReadonlyMap<string, IEconomyTable>,
  names: UnitNames,
  /** The measures the file's format has; the others (a SIE file's forecast) stay as they are. */
  carried: readonly LedgerMeasure[] = ledgerMeasures,
): PlannedTable[] {
  const keep = (figures: MeasureSums, old: IEconomyLine | undefined) => {
    for (const m of ledgerMeasures) if (!carried.includes(m)) figures[m] = old?.[m] ?? null;
    return figures;
  };
  const planned: PlannedTable[] = [];
  for (const [key, sums] of totals.tables) {
    const table = existing.get(key);
    const total = emptySums();
    const lines: PlannedLine[] = [];
    const matched = new Set<IEconomyLine>();
    const printed = asPrinted(sums, table);
    for (const line of printed.lines) {
      for (const m of ledgerMeasures) {
        if (line.sums[m] != null && !printed.parts.has(line)) total[m] = (total[m] ?? 0) + line.sums[m];
      }
      const found = existingLine(table, sums.dimension, line.unitId, line.accountGroup);
      const figures = keep(sumsInKronor(line.sums), found);
      if (found) matched.add(found);
      lines.push({
        label: found?.label ?? line.accountGroup ?? names.nameOf(line.unitId),
        unitId: line.unitId,
        accountGroup: line.accountGroup,
        figures,
        status: !found ? 'new' : sameFigures(figuresOf(found), figures) ? 'unchanged' : 'changed',
        byAccountGroup: [...line.byAccountGroup.values()].map((part) => ({
          accountGroup: part.accountGroup,
          figures: sumsInKronor(part.sums),
        })),
      });
    }
    // What the period has and the file does not: the file is the ledger's whole truth for its
    // offices, so those figures go; the line and its explanations stay.
    for (const old of table?.lines.getItems() ?? []) {
      if (matched.has(old) || !carried.some((m) => old[m] != null)) continue;
      lines.push({
        label: old.label,
        unitId: old.unit.id,
        accountGroup: old.accountGroup ?? null,
        figures: keep(emptySums(), old),
        status: 'cleared',
        byAccountGroup: [],
      });
    }
    planned.push({
      unitId: sums.tableUnitId,
      unitName: names.nameOf(sums.tableUnitId),
      dimension: sums.dimension,
      lines,
      total: sumsInKronor(total),
    });
  }
  return planned;
}

/**
 * Writes the planned figures in the caller's transaction, batched by the flush, and answers
 * the audit rows of the lines it changed and made.
 */
export async function applyPlan(
  em: EntityManager,
  periodId: number,
  planned: readonly PlannedTable[],
  existing: ReadonlyMap<string, IEconomyTable>,
  forecastLabel: string | null,
): Promise<AuditChange[]> {
  const changes: AuditChange[] = [];
  const made: IEconomyLine[] = [];
  for (const plan of planned) {
    let table = existing.get(`${plan.unitId}:${plan.dimension}`);
    if (!table) {
      table = em.create(EconomyTable, {
        unit: plan.unitId,
        period: periodId,
        ledger: 'drift',
        dimension: plan.dimension,
        forecastLabel,
      });
    } else if (forecastLabel) table.forecastLabel = forecastLabel;
    let position = Math.max(0, ...table.lines.getItems().map((l) => l.position));
    for (const line of plan.lines) {
      if (line.status === 'unchanged') continue;
      const found = existingLine(table, plan.dimension, line.unitId, line.accountGroup);
      if (found) {
        const before = figuresOf(found);
        em.assign(found, line.figures);
        changes.push({
          entity: 'EconomyLine',
          entityId: found.id,
          action: 'update',
          before,
          after: line.figures,
        });
        continue;
      }
      const created = em.create(EconomyLine, {
        table,
        unit: line.unitId,
        accountGroup: line.accountGroup,
        label: line.label.slice(0, 200),
        position: ++position,
        ...line.figures,
      });
      table.lines.add(created);
      made.push(created);
    }
  }
  await em.flush();
  return [...changes, ...createdChanges('EconomyLine', made, figuresOf)];
}

/** The audit rows of rows an import made, once the flush has given them their ids. */
export const createdChanges = <T extends { id: number }>(
  entity: string,
  made: readonly T[],
  after: (row: T) => Record<string, unknown>,
): AuditChange[] =>
  made.map((row) => ({ entity, entityId: row.id, action: 'create', before: null, after: after(row) }));
