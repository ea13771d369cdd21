/**
 * The contract between the spreadsheet import and the domains it writes to. A domain
 * (organisation, goals, indicators, assignments) describes its template's columns, reads one
 * row into a typed value, and writes all of a file's rows in a bounded number of statements,
 * saying for each row whether it was new, changed or unchanged. The framework (files,
 * templates, preview, confirmation, progress) knows nothing of the domains.
 *
 * A preview is the real import run in a transaction that is rolled back, and confirming runs
 * it again and commits: so what the preview lists is exactly what is written, a later sheet
 * sees the rows of an earlier one (indicators under goals made by the same file), and the
 * rules live once, in `importRows`. The administration's forms write through the same
 * domain services, so a row and a form are checked by the same rules.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { ImportCellError, ImportRowOutcome, ImportRowStatus } from '@uppfoljning/domain';
import type { Cell } from './cells.js';

/** In the order a workbook's sheets are imported: each may refer to the ones before. */
export const importKindNames = ['organisation', 'goals', 'indicators', 'assignments'] as const;
export type ImportKindName = (typeof importKindNames)[number];

export interface ImportColumn {
  /** The header in the template, in Swedish ("Kod", "Överordnad enhet (kod)"). */
  label: string;
  required: boolean;
  /** What the template's help row says about the column: format and allowed values. */
  help: string;
  /** A value for the template's example row. */
  example: string;
  /**
   * Headers that stand for a series, as "Mål 2026" or "Utfall 2024": matched by this
   * pattern (its first group the year) instead of the label, any number of times. The label
   * is then the series' header as the template shows it, and matches the pattern itself
   * ("Utfall 2024"), so that a template imports as it is.
   */
  series?: RegExp;
}

/** One row of a sheet: its cells by header, as written in the file (trimmed). */
export interface RawRow {
  /** The row's number in the file as a spreadsheet shows it (the header is row 1). */
  number: number;
  cells: ReadonlyMap<string, Cell>;
}

/** A row's outcome, as the import answers it (the shared package's shapes). */
export type CellError = ImportCellError;
export type RowStatus = ImportRowStatus;
export type RowOutcome = ImportRowOutcome;

/** Where an import writes: a kommun's period, on behalf of an administratör. */
export interface ImportTarget {
  kommunId: number;
  periodId: number;
  /** The administratör; null for the demo data, which is loaded through the import too. */
  userId: number | null;
  requestId: string | null;
}

export interface ParsedRow<Value> {
  row: number;
  value: Value;
}

export interface ImportKind<Value> {
  name: ImportKindName;
  /** The sheet's name in a workbook and the template's title ("Organisation", "Mål"). */
  sheetName: string;
  columns: readonly ImportColumn[];
  /** Reads one row; pure. A row with errors is listed as wrong and not written. */
  parse(row: RawRow): { value: Value; errors: [] } | { value: null; errors: CellError[] };
  /** What a row is keyed by within the period (a code, or a title): a key twice is an error. */
  keyOf(value: Value): string;
  /**
   * Compares the rows with the period and writes the differences, in the caller's
   * transaction (through `em`: its queries, flushes and `em.execute` run in it), in a number of SQL statements that does not grow with the rows (batched).
   * Audited as edits are. A row that refers to what does not exist (an unknown unit, a
   * goal code not in the period) or that would change what a published report shows comes
   * back wrong, with its error, and is not written.
   */
  importRows(
    em: EntityManager,
    target: ImportTarget,
    rows: readonly ParsedRow<Value>[],
  ): Promise<RowOutcome[]>;
}
