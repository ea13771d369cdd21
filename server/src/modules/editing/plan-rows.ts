/**
 * What the plan of a year (målområden, inriktningsmål, indicators, assignments of a period)
 * shares between its services: the outcome of each row written, the period and units it is
 * written for, and the keys new records get. One rule source for the administration's forms
 * and the spreadsheet import: both hand rows to the same service, which reads what exists
 * and writes the differences in a bounded number of statements.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { ImportTarget, RowStatus } from '../import/import-kind.js';

/** A problem with one field of a row, or with the row (field null). */
export interface PlanRowError {
  field: string | null;
  message: string;
  /** The row would change what a published report shows (answered as PUBLISHED by a form). */
  published?: boolean;
}

export interface PlanRowOutcome {
  row: number;
  status: RowStatus;
  errors: PlanRowError[];
  /** The fields whose values change, for a changed row. */
  changed: string[];
  /** The record the row is about (a goal, an indicator, an assignment); null when wrong. */
  id: number | null;
}

export const wrongRow = (row: number, errors: PlanRowError[]): PlanRowOutcome => ({
  row,
  status: 'wrong',
  errors,
  changed: [],
  id: null,
});

export const PUBLISHED_ROW =
  'visas i en publicerad rapport och kan inte ändras. Ändringar görs i arbetsperioden.';

export interface PlanPeriod {
  id: number;
  key: string;
  /** The year the period ends in. */
  year: number;
}

/** The period written to, which must be one of the kommun's. */
export async function planPeriod(em: EntityManager, target: ImportTarget): Promise<PlanPeriod> {
  const [period] = await em.execute<{ id: number; key: string; end_date: string }[]>(
    `select id, key, to_char(end_date, 'YYYY-MM-DD') as end_date from period where id = ? and kommun_id = ?`,
    [target.periodId, target.kommunId],
  );
  if (!period) throw new Error(`perioden ${target.periodId} hör inte till kommunen ${target.kommunId}`);
  return { id: period.id, key: period.key, year: Number(period.end_date.slice(0, 4)) };
}

export interface PlanUnit {
  id: number;
  key: string;
  name: string;
  /** A published report of the period shows this unit's follow-up: none can be added. */
  published: boolean;
}

/** The kommun's units by key, each with whether a published report of the period shows it. */
export async function planUnits(em: EntityManager, target: ImportTarget): Promise<Map<string, PlanUnit>> {
  const rows = await em.execute<PlanUnit[]>(
    `select id, key, name, shown_in_published_report(?, array[id]) as published
       from org_unit where kommun_id = ?`,
    [target.periodId, target.kommunId],
  );
  return new Map(rows.map((u) => [u.key, u]));
}

export const unknownUnit = (key: string) => `Enheten ”${key}” finns inte i kommunen.`;

/** A slug of a code or title for a key ("1.1" → "1.1", "Mål 1" → "mal-1"). */
export function slug(text: string): string {
  return text
    .toLocaleLowerCase('sv-SE')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50);
}

/**
 * A key not yet used in the kommun: `prefix-slug`, else with the period's key, else numbered.
 * The chosen key is added to `taken`, so one batch never gives a key twice.
 */
export function freshKey(taken: Set<string>, prefix: string, text: string, periodKey: string): string {
  const base = `${prefix}-${slug(text) || 'x'}`;
  let key = base;
  if (taken.has(key)) key = `${base}-${periodKey}`;
  for (let n = 2; taken.has(key); n++) key = `${base}-${periodKey}-${n}`;
  taken.add(key);
  return key;
}

/** The fields of `after` whose values differ from `before`, compared as stored (JSON). */
export function changedFields<T extends Record<string, unknown>>(
  before: T,
  after: Partial<T>,
): (keyof T & string)[] {
  return (Object.keys(after) as (keyof T & string)[]).filter(
    (k) => after[k] !== undefined && JSON.stringify(before[k]) !== JSON.stringify(after[k]),
  );
}

/** Only the named fields of a record: the `before` and `after` of an audit row. */
export const pick = <T extends Record<string, unknown>>(record: T, fields: readonly (keyof T)[]) =>
  Object.fromEntries(fields.map((f) => [f, record[f]])) as Record<string, unknown>;
