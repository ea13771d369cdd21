/**
 * The templates a kommun fills in, made from the kinds' columns. An XLSX template has the
 * header row alone on each kind's sheet, each header with a note saying what the column
 * takes and an example, and a sheet "Instruktioner" listing every column: help and examples
 * never sit in a row that an import would read as data. A CSV template is the header row
 * alone, with ';' and a byte order mark, as Swedish Excel opens and saves it.
 */
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ImportColumn, ImportKind } from './import-kind.js';
import { INSTRUCTIONS_SHEET } from './import-run.js';

/** A file name without å, ä, ö or spaces: "Mål" → "mal". */
export const fileSlug = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

const note = (column: ImportColumn) =>
  [column.help, column.required ? 'Måste fyllas i.' : 'Får lämnas tom.', `Exempel: ${column.example}`].join(
    '\n',
  );

/** Writes a workbook with a sheet per kind, in the order given, and the instructions sheet. */
export async function writeXlsxTemplate(kinds: readonly ImportKind<unknown>[], out: Writable): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: true,
  });
  for (const kind of kinds) {
    const sheet = workbook.addWorksheet(kind.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = kind.columns.map((c) => ({ width: Math.max(14, c.label.length + 4) }));
    const header = sheet.getRow(1);
    kind.columns.forEach((column, index) => {
      const cell = header.getCell(index + 1);
      cell.value = column.label;
      cell.font = { bold: true };
      cell.note = note(column);
    });
    header.commit();
    sheet.commit();
  }
  const help = workbook.addWorksheet(INSTRUCTIONS_SHEET);
  help.columns = [{ width: 16 }, { width: 28 }, { width: 14 }, { width: 70 }, { width: 24 }];
  help
    .addRow(['Fyll i en rad per post under rubrikraden på varje blad. Det här bladet importeras inte.'])
    .commit();
  help.addRow([]).commit();
  const titles = help.addRow(['Blad', 'Kolumn', 'Obligatorisk', 'Beskrivning', 'Exempel']);
  titles.font = { bold: true };
  titles.commit();
  for (const kind of kinds) {
    for (const column of kind.columns) {
      help
        .addRow([kind.sheetName, column.label, column.required ? 'Ja' : 'Nej', column.help, column.example])
        .commit();
    }
  }
  help.commit();
  await workbook.commit();
}

const csvCell = (text: string) => (/[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

export function csvTemplate(kind: ImportKind<unknown>): string {
  return `\ufeff${kind.columns.map((c) => csvCell(c.label)).join(';')}\r\n`;
}
