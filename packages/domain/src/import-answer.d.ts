/**
 * The spreadsheet import's answer: what the server's /import (server/src/modules/import)
 * sends as JSON lines and the import page (client/src/features/import) reads. One source,
 * so the two cannot drift apart.
 */

/** What an import does with a row: writes it new, changes it, leaves it, or refuses it. */
export type ImportRowStatus = 'new' | 'changed' | 'unchanged' | 'wrong';

/** A problem with one cell, or with the row as a whole (column null). */
export interface ImportCellError {
  column: string | null;
  message: string;
}

export interface ImportRowOutcome {
  /** The row's number in the file, as a spreadsheet shows it (the header is row 1). */
  row: number;
  status: ImportRowStatus;
  /** Why a row is wrong; empty otherwise. */
  errors: ImportCellError[];
  /** For a changed row, the headers of the columns whose values change. */
  changed: string[];
}

/** A problem of the file or a sheet as a whole (a missing column, a sheet of no kind). */
export interface ImportSheetProblem {
  /** The sheet's name, or null for a CSV file. */
  sheet: string | null;
  column: string | null;
  message: string;
}

export type ImportMode = 'preview' | 'confirm';

/** Why a confirmation wrote nothing. */
export type ImportRefusal = 'WRONG_ROWS' | 'STALE_PREVIEW';

export interface ImportSheetResult<Kind extends string = string> {
  kind: Kind;
  /** The sheet's name in the file; null for a CSV file. */
  sheet: string | null;
  rows: ImportRowOutcome[];
}

export interface ImportResult<Kind extends string = string> {
  mode: ImportMode;
  /** Whether the rows were written (a confirmation that went through). */
  committed: boolean;
  /** Why a confirmation wrote nothing, in Swedish. */
  refusal: { code: ImportRefusal; message: string } | null;
  /** Hash of the file and of every row's outcome: the confirmation sends back the preview's. */
  fingerprint: string;
  counts: Record<ImportRowStatus, number>;
  problems: ImportSheetProblem[];
  sheets: ImportSheetResult<Kind>[];
}

/** A kind the import takes, as GET /import/kinds lists it for the choices and templates. */
export interface ImportKindChoice {
  name: string;
  sheetName: string;
}
