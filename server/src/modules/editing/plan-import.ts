/**
 * How the plan's import kinds read cells and answer the import: a service's outcomes, which
 * name fields, come back naming the template's columns.
 */
import { readText, type Cell } from '../import/cells.js';
import type { CellError, RowOutcome } from '../import/import-kind.js';
import type { PlanRowOutcome } from './plan-rows.js';

/** The template's header of each field of a row. */
export type ColumnsOf<Row> = { readonly [F in keyof Row & string]: string };

/**
 * A service's outcomes naming the template's columns. A field of a series is named with its
 * year ("targets.2026"), and its column is the series' header with the year ("Mål 2026").
 */
export function importOutcomes(
  outcomes: PlanRowOutcome[],
  columns: Readonly<Record<string, string>>,
): RowOutcome[] {
  const columnOf = (field: string | null) => {
    if (field === null) return null;
    const [base, year] = field.split('.');
    const label = columns[base!];
    if (label === undefined) return null;
    return year === undefined ? label : `${label} ${year}`;
  };
  return outcomes.map((o) => ({
    row: o.row,
    status: o.status,
    errors: o.errors.map((e) => ({ column: columnOf(e.field), message: e.message })),
    changed: [...new Set(o.changed.map((f) => columnOf(f) ?? f))],
  }));
}

/** A list in one cell, separated by commas or semicolons ("ksk, sbk"); null when empty. */
export function readList(cell: Cell | undefined): string[] | null {
  const text = readText(cell);
  if (text === null) return null;
  const items = text
    .split(/[,;]/)
    .map((s) => s.trim())
    .filter(Boolean);
  return items.length ? items : null;
}

/** Text that must be there, at most `max` characters; an error names the column. */
export function requiredText(
  cell: Cell | undefined,
  column: string,
  errors: CellError[],
  max = 2000,
): string {
  const text = readText(cell);
  if (text === null) errors.push({ column, message: `${column} måste anges.` });
  else if (text.length > max) errors.push({ column, message: `${column} får vara högst ${max} tecken.` });
  return text ?? '';
}

/** Text that may be empty, at most `max` characters. */
export function optionalText(
  cell: Cell | undefined,
  column: string,
  errors: CellError[],
  max = 2000,
): string | null {
  const text = readText(cell);
  if (text !== null && text.length > max)
    errors.push({ column, message: `${column} får vara högst ${max} tecken.` });
  return text;
}

/** Reads a cell with a cells.ts reader, noting its error under the column. */
export function readCell<T>(
  read: { ok: T } | { error: string },
  column: string,
  errors: CellError[],
): T | null {
  if ('error' in read) {
    errors.push({ column, message: read.error });
    return null;
  }
  return read.ok;
}
