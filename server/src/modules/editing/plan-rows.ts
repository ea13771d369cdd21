/**
 * What the plan of a year (målområden, inriktningsmål, indicators, assignments of a period)
 * shares between its services: the outcome of each row written, the period and units it is
 * written for, and the keys new records get. One rule source for the administration's forms
 * and the spreadsheet import: both hand rows to the same service, which reads what exists
 * and writes the differences in a bounded number of statements.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { executeBound } from '../../db/bound-query.js';
import type { AuditChange } from '../audit/record-changes.js';
import type { ImportTarget, RowStatus } from '../import/import-kind.js';
import { shownSets } from './published-sets.js';

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
    `with ${shownSets}
     select id, key, name, (?::int, id) in (select period_id, unit_id from shown_unit) as published
       from org_unit where kommun_id = ?`,
    [target.kommunId, target.periodId, target.kommunId],
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

/** How a kind of plan record is stored: its table, its name in the audit log, its columns. */
export interface RecordTable<F extends Record<string, unknown>> {
  table: string;
  entity: string;
  /** Each field's column and its SQL type, e.g. `dueDate: ['due_date', 'date']`. */
  columns: { [K in keyof F]: readonly [column: string, type: string] };
}

export interface RecordInsert<F> {
  key: string;
  fields: F;
  /** The row of the file it comes from: its outcome gets the new id. */
  row: number;
}

export interface RecordUpdate<F> {
  id: number;
  before: F;
  after: F;
  fields: (keyof F & string)[];
}

/**
 * Inserts the new records of a kommun (one statement) and updates the changed ones (one
 * more), noting an audit row for each; answers the new records' ids by key. The values
 * travel as one JSON parameter, however many rows there are.
 */
export async function writeRecords<F extends Record<string, unknown>>(
  em: EntityManager,
  spec: RecordTable<F>,
  kommunId: number,
  changes: { inserts: RecordInsert<F>[]; updates: RecordUpdate<F>[]; outcomes: PlanRowOutcome[] },
  audit: AuditChange[],
): Promise<Map<string, number>> {
  const fields = Object.keys(spec.columns) as (keyof F & string)[];
  const column = (f: keyof F) => spec.columns[f][0];
  const recordset = fields.map((f) => `${column(f)} ${spec.columns[f][1]}`).join(', ');
  const asRecord = (values: F) => Object.fromEntries(fields.map((f) => [column(f), values[f]]));
  const ids = new Map<string, number>();
  if (changes.inserts.length) {
    const inserted = await executeBound<{ id: number; key: string }[]>(
      em,
      `insert into ${spec.table} (kommun_id, key, ${fields.map(column).join(', ')})
       select ?, v.key, ${fields.map((f) => `v.${column(f)}`).join(', ')}
         from jsonb_to_recordset(?::jsonb) as v(key text, ${recordset})
       returning id, key`,
      [kommunId, JSON.stringify(changes.inserts.map((i) => ({ key: i.key, ...asRecord(i.fields) })))],
    );
    const byKey = new Map(changes.inserts.map((i) => [i.key, i]));
    const byRow = new Map(changes.outcomes.map((o) => [o.row, o]));
    for (const { id, key } of inserted) {
      ids.set(key, id);
      const planned = byKey.get(key)!;
      const outcome = byRow.get(planned.row);
      if (outcome) outcome.id = id;
      audit.push({
        entity: spec.entity,
        entityId: id,
        action: 'create',
        before: null,
        after: { key, ...planned.fields },
      });
    }
  }
  if (changes.updates.length) {
    await executeBound(
      em,
      `update ${spec.table} t set ${fields.map((f) => `${column(f)} = v.${column(f)}`).join(', ')}
         from jsonb_to_recordset(?::jsonb) as v(id int, ${recordset})
        where t.id = v.id`,
      [JSON.stringify(changes.updates.map((u) => ({ id: u.id, ...asRecord(u.after) })))],
    );
    for (const u of changes.updates) {
      audit.push({
        entity: spec.entity,
        entityId: u.id,
        action: 'update',
        before: pick(u.before, u.fields),
        after: pick(u.after, u.fields),
      });
    }
  }
  return ids;
}

/** A record's fields as read from its table's row (`select *`-style column names). */
export function fieldsOfRow<F extends Record<string, unknown>>(spec: RecordTable<F>, row: object): F {
  const values = row as Record<string, unknown>;
  return Object.fromEntries(
    (Object.keys(spec.columns) as (keyof F & string)[]).map((f) => [f, values[spec.columns[f][0]]]),
  ) as F;
}
