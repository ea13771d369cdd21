/**
 * What the file readers hand over, whatever the format: sheets of rows of cells, in the
 * order of the file, with the row numbers a spreadsheet shows. The readers stream: rows
 * come as they are read, so a file of thousands of rows is never held as a whole.
 */
import type { Cell } from './cells.js';

export interface SheetRow {
  /** The row's number as a spreadsheet shows it (the first row is 1). */
  number: number;
  /** The cells from column A on; a missing cell is null. */
  values: Cell[];
}

export interface Sheet {
  /** The sheet's name in a workbook; null for a CSV file, which is one sheet without a name. */
  name: string | null;
  rows: AsyncIterable<SheetRow>;
}

/**
 * A file the import cannot read at all (not an XLSX, not UTF-8, over a limit): the import
 * answers with the message and reads no further.
 */
export class UnreadableFile extends Error {
  constructor(
    message: string,
    readonly code: 'UNREADABLE_FILE' | 'FILE_TOO_LARGE' | 'TOO_MANY_ROWS' = 'UNREADABLE_FILE',
  ) {
    super(message);
  }
}

/** Whether every cell of the row is empty: such rows are left out, as a spreadsheet user expects. */
export function isEmptyRow(values: readonly Cell[]): boolean {
  return values.every((v) => v == null || (typeof v === 'string' && v.trim() === ''));
}
