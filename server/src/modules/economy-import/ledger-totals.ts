/**
 * From a file's amounts to the sums of the economy tables' lines: each amount's kostnadsställe
 * to its unit (the line of the table "per verksamhet" of the office above it) and its account
 * to its kontogrupp (the line of the office's table "per kontogrupp"). Summed in öre, so the
 * sums are exact, and rounded to whole kronor once, when the figures are shown or written.
 * An amount that maps to no unit or kontogrupp is an error of its line.
 */
import type { LedgerAmount, LedgerLineError, LedgerMeasure } from './ledger-amount.js';
import { ledgerMeasures } from './ledger-amount.js';
import { isLineError, type LedgerItem } from './ledger-readers.js';

/** A line's sums per measure in öre; null where the file has no amount. */
export type MeasureSums = Record<LedgerMeasure, number | null>;

export const emptySums = (): MeasureSums =>
  Object.fromEntries(ledgerMeasures.map((m) => [m, null])) as MeasureSums;

/** Whole kronor from öre, half away from zero, as accountants round. */
export const oreToKronor = (ore: number): number => Math.sign(ore) * Math.round(Math.abs(ore) / 100) || 0;

export const sumsInKronor = (sums: MeasureSums): MeasureSums =>
  Object.fromEntries(
    ledgerMeasures.map((m) => [m, sums[m] == null ? null : oreToKronor(sums[m])]),
  ) as MeasureSums;

function add(sums: MeasureSums, amount: LedgerAmount) {
  sums[amount.measure] = (sums[amount.measure] ?? 0) + amount.amountOre;
}

export interface MappedUnit {
  /** The unit the kostnadsställe is mapped to: its line in the table per verksamhet. */
  unitId: number;
  /** The office whose tables the unit's amounts are in. */
  tableUnitId: number;
}

export interface LedgerLookup {
  unitOf(costCentre: string): MappedUnit | undefined;
  accountGroupOf(account: string): string | null;
}

export interface LineSums {
  unitId: number;
  accountGroup: string | null;
  sums: MeasureSums;
  /** A unit's line split by kontogrupp (the control totals per unit × kontogrupp), by key. */
  byAccountGroup: Map<string, { accountGroup: string; sums: MeasureSums }>;
}

export interface TableSums {
  tableUnitId: number;
  dimension: 'unit' | 'accountGroup';
  /** By the unit's id (per verksamhet) or the kontogrupp (per kontogrupp), in file order. */
  lines: Map<string, LineSums>;
}

/** An investment project's sums on the unit its kostnadsställe is mapped to. */
export interface ProjectSums {
  unitId: number;
  project: string;
  name: string | null;
  sums: MeasureSums;
}

export interface LedgerTotals {
  tables: Map<string, TableSums>;
  /** Per unit × investment project (by `unitId:project`), where the file has projects. */
  projects: Map<string, ProjectSums>;
  /** The whole file: the kommun's sum. */
  kommun: MeasureSums;
  errors: LedgerLineError[];
  /** Every line with an error; only the first MAX_ERRORS are listed. */
  errorLines: number;
  amounts: number;
}

/** The preview lists this many wrong lines; the rest are counted. */
export const MAX_ERRORS = 200;

export async function sumLedger(
  items: AsyncIterable<LedgerItem>,
  lookup: LedgerLookup,
): Promise<LedgerTotals> {
  const totals: LedgerTotals = {
    tables: new Map(),
    projects: new Map(),
    kommun: emptySums(),
    errors: [],
    errorLines: 0,
    amounts: 0,
  };
  let lastWrongLine = -1;
  const wrong = (error: LedgerLineError) => {
    // A line with several amounts is one wrong line, with its first message.
    if (error.line === lastWrongLine) return;
    lastWrongLine = error.line;
    totals.errorLines++;
    if (totals.errors.length < MAX_ERRORS) totals.errors.push(error);
  };
  const line = (
    tableUnitId: number,
    dimension: TableSums['dimension'],
    key: string,
    unitId: number,
    group: string | null,
  ) => {
    const tableKey = `${tableUnitId}:${dimension}`;
    let table = totals.tables.get(tableKey);
    if (!table) totals.tables.set(tableKey, (table = { tableUnitId, dimension, lines: new Map() }));
    let found = table.lines.get(key);
    if (!found) {
      table.lines.set(
        key,
        (found = { unitId, accountGroup: group, sums: emptySums(), byAccountGroup: new Map() }),
      );
    }
    return found;
  };
  for await (const item of items) {
    if (isLineError(item)) {
      wrong(item);
      continue;
    }
    const unit = lookup.unitOf(item.costCentre);
    if (!unit) {
      wrong({
        line: item.line,
        message:
          item.costCentre === ''
            ? `Beloppet${item.account ? ` på konto ${item.account}` : ''} saknar kostnadsställe, så det hör inte till någon enhet.`
            : `Kostnadsställe ”${item.costCentre}” hör inte till någon enhet: lägg till det i kopplingen.`,
      });
      continue;
    }
    let group: string | null = item.accountGroup?.slice(0, 80) ?? null;
    if (group == null && item.account != null) {
      group = lookup.accountGroupOf(item.account);
      if (group == null) {
        wrong({
          line: item.line,
          message: `Konto ${item.account} hör inte till någon kontogrupp: lägg till det i kopplingen.`,
        });
        continue;
      }
    }
    totals.amounts++;
    add(totals.kommun, item);
    const unitLine = line(unit.tableUnitId, 'unit', String(unit.unitId), unit.unitId, null);
    add(unitLine.sums, item);
    if (group != null) {
      const groupKey = group.toLocaleLowerCase('sv-SE');
      add(line(unit.tableUnitId, 'accountGroup', groupKey, unit.tableUnitId, group).sums, item);
      let part = unitLine.byAccountGroup.get(groupKey);
      if (!part) unitLine.byAccountGroup.set(groupKey, (part = { accountGroup: group, sums: emptySums() }));
      add(part.sums, item);
    }
    if (item.project != null) {
      // An investment's project number is at most 40 characters.
      const number = item.project.slice(0, 40);
      const key = `${unit.unitId}:${number}`;
      let project = totals.projects.get(key);
      if (!project) {
        project = { unitId: unit.unitId, project: number, name: null, sums: emptySums() };
        totals.projects.set(key, project);
      }
      project.name ||= item.projectName || null;
      add(project.sums, item);
    }
  }
  return totals;
}
