/**
 * Reading an XLSX file with exceljs's streaming WorkbookReader: the archive is read as it
 * arrives, each worksheet row by row, so memory follows the row being read rather than the
 * file (shared strings excepted, which the format keeps in one part for the whole workbook).
 */
import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Cell } from './cells.js';
import { UnreadableFile, type Sheet, type SheetRow } from './sheet-rows.js';

const NOT_XLSX =
  'Filen kunde inte läsas som en Excel-fil (.xlsx). Spara den som Excel-arbetsbok eller som CSV och försök igen.';

/** A cell as the reader gives it (number, text, date, rich text, formula, link, error) as a Cell. */
export function xlsxCell(value: ExcelJS.CellValue | undefined): Cell {
  if (value == null) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('error' in value) return String(value.error);
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    return result == null || typeof result === 'object' ? xlsxResult(result) : result;
  }
  if ('text' in value) return typeof value.text === 'string' ? value.text : xlsxCell(value.text);
  return null;
}

function xlsxResult(result: ExcelJS.CellFormulaValue['result']): Cell {
  if (result == null) return null;
  if (result instanceof Date) return result;
  if (typeof result === 'object' && 'error' in result) return String(result.error);
  return result;
}

/** The worksheets of the file, in order, each with its rows. */
export async function* readXlsx(input: Readable): AsyncGenerator<Sheet> {
  // What exceljs 4.4 keeps, and why: the shared strings are cached, as a cell refers to
  // its text by an index into them ('emit' would hand over the index, and the reader would
  // spool every worksheet to a temporary file while waiting for strings it never keeps).
  // Styles are read so that a cell formatted as a date comes as a date, not a serial
  // number; hyperlinks and the archive's other entries are passed over. Reading the
  // benchmark's 10 000 rows peaks at about 20 MB of heap (bench/import.bench.ts, readFile).
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  try {
    for await (const worksheet of reader) {
      const name = (worksheet as unknown as { name?: string }).name ?? null;
      yield { name, rows: worksheetRows(worksheet) };
    }
  } catch (error) {
    if (error instanceof UnreadableFile) throw error;
    throw new UnreadableFile(NOT_XLSX);
  }
}

async function* worksheetRows(worksheet: ExcelJS.stream.xlsx.WorksheetReader): AsyncGenerator<SheetRow> {
  try {
    for await (const row of worksheet) {
      // row.values is 1-based (index 0 unused) and sparse where cells are missing.
      const raw = row.values as (ExcelJS.CellValue | undefined)[];
      const values: Cell[] = [];
      for (let i = 1; i < raw.length; i++) values.push(xlsxCell(raw[i]));
      yield { number: row.number, values };
    }
  } catch {
    throw new UnreadableFile(NOT_XLSX);
  }
}
