/**
 * A sheet's header row against a kind's columns: each header is a column's label, or a
 * header of a series column ("Utfall 2024"), compared without regard to case or spacing.
 * Unknown, repeated and missing required headers are problems of the sheet, named by the
 * header and the column letter, and the sheet's rows are not read.
 */
import type { ImportSheetProblem } from '@uppfoljning/domain';
import { readText, type Cell } from './cells.js';
import type { ImportColumn, RawRow } from './import-kind.js';

/** A problem of a sheet as a whole, as the import answers it. */
export type SheetProblem = ImportSheetProblem;

/** The spreadsheet's letter of a column (0 → A, 26 → AA). */
export function columnLetter(index: number): string {
  let letter = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letter = String.fromCharCode(65 + ((n - 1) % 26)) + letter;
  }
  return letter;
}

const normal = (text: string) => text.replace(/\s+/g, ' ').trim().toLocaleLowerCase('sv-SE');

export interface HeaderMap {
  /** Per cell index, the key its cells are filed under in a RawRow; null for an empty header. */
  keys: (string | null)[];
  problems: { column: string; message: string }[];
}

/** Files each header under its column's label, or under itself for a series. */
export function matchHeaders(columns: readonly ImportColumn[], header: readonly Cell[]): HeaderMap {
  const keys: (string | null)[] = [];
  const problems: HeaderMap['problems'] = [];
  const seen = new Map<string, string>();
  header.forEach((cell, index) => {
    const text = readText(cell);
    if (text == null) {
      keys.push(null);
      return;
    }
    const column = columns.find((c) => !c.series && normal(c.label) === normal(text));
    const series = column ? undefined : columns.find((c) => c.series?.test(text));
    const key = column?.label ?? (series ? text.replace(/\s+/g, ' ') : null);
    const letter = columnLetter(index);
    if (key == null) {
      problems.push({ column: text, message: `Kolumnen ”${text}” (kolumn ${letter}) finns inte i mallen.` });
    } else if (seen.has(normal(key))) {
      problems.push({
        column: text,
        message: `Kolumnen ”${text}” finns två gånger (kolumn ${seen.get(normal(key))} och ${letter}).`,
      });
    } else {
      seen.set(normal(key), letter);
    }
    keys.push(key);
  });
  for (const column of columns.filter((c) => c.required)) {
    const found = column.series
      ? keys.some((k) => k != null && column.series!.test(k))
      : keys.includes(column.label);
    if (!found) {
      problems.push({
        column: column.label,
        message: `Kolumnen ”${column.label}” saknas: den måste finnas.`,
      });
    }
  }
  return { keys, problems };
}

/** One data row's cells filed by header; text is trimmed, as RawRow promises. */
export function rawRow(
  keys: readonly (string | null)[],
  number: number,
  values: readonly Cell[],
): { row: RawRow; stray: string[] } {
  const cells = new Map<string, Cell>();
  const stray: string[] = [];
  values.forEach((value, index) => {
    const cell = typeof value === 'string' ? value.trim() || null : value;
    const key = keys[index];
    if (key) cells.set(key, cell);
    else if (cell != null) stray.push(columnLetter(index));
  });
  return { row: { number, cells }, stray };
}
