/**
 * Changing the organisation from a period: creating, renaming, moving and closing units. A
 * change applies to the period given and every period of the kommun ending on or after it,
 * and is written to those periods' versions (org_unit_version); earlier periods keep their
 * names and tree. It is refused where a published report of one of those periods shows the
 * unit (the unit, above it or below it) or would gain it.
 *
 * One rule source for the administration's forms and the spreadsheet import: both describe
 * the units as they should be (`UnitState`) and `applyUnitStates` checks and writes them
 * all, in a number of SQL statements that does not grow with the units.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { columnLength } from '../../db/column-length.js';
import { thousands } from '../editing/validation.js';
import { OrgUnit, unitKinds, type UnitKind } from './org-unit.entity.js';
import { keyOfName } from './swedish-order.js';
import { pgIntArray, queryVersions, type UnitInPeriodModel } from './unit-in-period.js';

/** The fields of a unit a change names; the form's and the import's own names map onto them. */
export type UnitField = 'fromPeriod' | 'unit' | 'key' | 'name' | 'shortName' | 'kind' | 'parent' | 'closed';

export interface UnitProblem {
  field: UnitField | null;
  message: string;
  /** A published report shows what the change would alter. */
  published?: boolean;
}

/** A unit as it should be from the period on, named by its key within the kommun. */
export interface UnitState {
  key: string;
  name: string;
  shortName: string | null;
  kind: UnitKind;
  /** The parent's key; null for the kommun's root. */
  parentKey: string | null;
  closed: boolean;
}

export type UnitStateOutcome =
  | { status: 'new' | 'changed' | 'unchanged'; unitId: number; changed: UnitField[] }
  | { status: 'wrong'; problems: UnitProblem[] };

export interface ChangeTarget {
  kommunId: number;
  fromPeriodId: number;
  /** Null for the demo data. */
  userId: number | null;
  requestId: string | null;
}

export const MAX_NAME = columnLength(OrgUnit, 'name');
export const MAX_SHORT_NAME = columnLength(OrgUnit, 'shortName');
const MAX_KEY = columnLength(OrgUnit, 'key');

export const PUBLISHED_UNIT =
  'En publicerad rapport visar enheten i en av perioderna ändringen gäller. Välj en senare period att ändringen gäller från.';

/** The checks of one unit's fields on their own; the tree is checked with all of them. */
export function unitStateProblems(state: UnitState): UnitProblem[] {
  const problems: UnitProblem[] = [];
  if (!/^[a-z0-9][a-z0-9-]*$/.test(state.key) || state.key.length > MAX_KEY) {
    problems.push({
      field: 'key',
      message: `Koden ska vara 1–${MAX_KEY} tecken: små bokstäver a–z, siffror och bindestreck.`,
    });
  }
  if (state.name.trim() === '') problems.push({ field: 'name', message: 'Ange ett namn.' });
  if (state.name.length > MAX_NAME) {
    problems.push({ field: 'name', message: `Namnet får vara högst ${thousands(MAX_NAME)} tecken.` });
  }
  if (state.shortName != null && state.shortName.length > MAX_SHORT_NAME) {
    problems.push({ field: 'shortName', message: `Kortnamnet får vara högst ${MAX_SHORT_NAME} tecken.` });
  }
  if (!unitKinds.includes(state.kind)) problems.push({ field: 'kind', message: 'Okänd typ av enhet.' });
  return problems;
}

/** "Ekonomiavdelningen (KSK)" → "ekonomiavdelningen-ksk": a key derived from a name. */
export const keyFromName = (name: string) => keyOfName(name).slice(0, MAX_KEY).replace(/-$/, '') || 'enhet';

interface PeriodRow {
  id: number;
  label: string;
  end_date: string;
  published_units: number[] | null;
}

interface UnitRow {
  id: number;
  key: string;
  kind: UnitKind;
}

/** What the kommun has now in the periods a change from `fromPeriodId` applies to. */
async function loadTree(em: EntityManager, target: ChangeTarget) {
  const periods = await em.execute<PeriodRow[]>(
    `select p.id, p.label, p.end_date::text,
            (select array_agg(r.unit_id) from report r where r.period_id = p.id and r.status = 'published') as published_units
       from period p
      where p.kommun_id = ? and p.end_date >= (select end_date from period where id = ? and kommun_id = ?)
      order by p.end_date, p.start_date desc`,
    [target.kommunId, target.fromPeriodId, target.kommunId],
  );
  const units = await em.execute<UnitRow[]>(`select id, key, kind from org_unit where kommun_id = ?`, [
    target.kommunId,
  ]);
  const versions = periods.length
    ? await queryVersions({ em }, 'where u.kommun_id = ? and v.period_id = any(?::int[])', [
        target.kommunId,
        pgIntArray(periods.map((p) => p.id)),
      ])
    : [];
  return { periods, units, versions };
}

/** A unit's place in one period as the change would leave it. */
interface Node {
  parentId: number | null;
  closed: boolean;
}

/** The path of the unit in the tree, or null when its parents lead round in a circle. */
function pathIn(tree: Map<number, Node>, unitId: number): number[] | null {
  const chain: number[] = [];
  const seen = new Set<number>();
  for (let id: number | null = unitId; id != null; id = tree.get(id)?.parentId ?? null) {
    if (seen.has(id)) return null;
    seen.add(id);
    chain.unshift(id);
  }
  return chain;
}

/** Whether a published report of the period shows the unit: it, above it or below it. */
function shownByReport(path: readonly number[] | null, reportPaths: readonly (readonly number[])[]): boolean {
  if (!path) return false;
  return reportPaths.some((report) => path.includes(report.at(-1)!) || report.includes(path.at(-1)!));
}

/**
 * Checks the units as they should be from the period on and writes those that change. Every
 * state is judged on its own row; a wrong one is not written and neither is anything that
 * depends on it (a unit below a wrong new one).
 */
export async function applyUnitStates(
  em: EntityManager,
  target: ChangeTarget,
  states: readonly UnitState[],
): Promise<UnitStateOutcome[]> {
  const { periods, units, versions } = await loadTree(em, target);
  if (!periods.some((p) => p.id === target.fromPeriodId)) {
    const problem: UnitProblem = { field: 'fromPeriod', message: 'Perioden finns inte i din kommun.' };
    return states.map(() => ({ status: 'wrong', problems: [problem] }));
  }
  const unitByKey = new Map(units.map((u) => [u.key, u]));
  const versionsOf = new Map<number, Map<number, UnitInPeriodModel>>();
  const trees = new Map<number, Map<number, Node>>();
  for (const p of periods) trees.set(p.id, new Map());
  for (const v of versions) {
    trees.get(v.periodId)!.set(v.unitId, { parentId: v.parentId, closed: v.closed });
    if (!versionsOf.has(v.unitId)) versionsOf.set(v.unitId, new Map());
    versionsOf.get(v.unitId)!.set(v.periodId, v);
  }
  const reportPathsBefore = new Map(
    periods.map((p) => [
      p.id,
      (p.published_units ?? []).map((id) => pathIn(trees.get(p.id)!, Number(id)) ?? []),
    ]),
  );

  // New units get ids ahead of the insert, so that the trees can be checked as one.
  let nextNewId = -1;
  const newIds = new Map<string, number>();
  const seenKeys = new Set<string>();
  const outcomes: (UnitStateOutcome & { state: UnitState; id: number })[] = [];
  for (const state of states) {
    const problems = unitStateProblems(state);
    const existing = unitByKey.get(state.key);
    if (seenKeys.has(state.key))
      problems.push({ field: 'key', message: `Koden ${state.key} finns två gånger.` });
    seenKeys.add(state.key);
    if (existing && existing.kind !== state.kind) {
      problems.push({ field: 'kind', message: 'Typen kan inte ändras för en enhet som finns.' });
    }
    const parentId =
      state.parentKey == null
        ? null
        : (unitByKey.get(state.parentKey)?.id ?? newIds.get(state.parentKey) ?? null);
    if (state.parentKey != null && parentId == null) {
      problems.push({ field: 'parent', message: `Det finns ingen enhet med koden ${state.parentKey}.` });
    }
    const isRoot =
      existing != null && periods.some((p) => versionsOf.get(existing.id)?.get(p.id)?.parentId === null);
    if (state.parentKey == null && !isRoot) {
      problems.push({ field: 'parent', message: 'Ange den överordnade enhetens kod.' });
    }
    if (isRoot && state.parentKey != null) {
      problems.push({ field: 'parent', message: 'Kommunen själv kan inte flyttas.' });
    }
    if (isRoot && state.closed)
      problems.push({ field: 'closed', message: 'Kommunen själv kan inte stängas.' });
    const id = existing?.id ?? nextNewId--;
    if (problems.length > 0) {
      outcomes.push({ status: 'wrong', problems, state, id });
      continue;
    }
    if (!existing) newIds.set(state.key, id);
    // Tentatively in every period's tree; taken out again if the checks below refuse it.
    for (const p of periods) trees.get(p.id)!.set(id, { parentId, closed: state.closed });
    const changed = existing ? changedFields(state, parentId, periods, versionsOf.get(existing.id)) : [];
    const status = existing ? (changed.length ? 'changed' : 'unchanged') : 'new';
    outcomes.push({ status, unitId: id, changed, state, id });
  }

  // The tree as a whole: no circles, no open unit below a closed one, nothing a published
  // report shows. A refused unit goes back to what it was, and the check runs again.
  for (let settled = false; !settled;) {
    settled = true;
    for (const [i, outcome] of outcomes.entries()) {
      if (outcome.status === 'wrong' || outcome.status === 'unchanged') continue;
      const problems = treeProblems(outcome.id, outcome.state, periods, trees, reportPathsBefore, versionsOf);
      if (problems.length === 0) continue;
      settled = false;
      outcomes[i] = { status: 'wrong', problems, state: outcome.state, id: outcome.id };
      for (const p of periods) {
        const before = versionsOf.get(outcome.id)?.get(p.id);
        if (before) trees.get(p.id)!.set(outcome.id, { parentId: before.parentId, closed: before.closed });
        else trees.get(p.id)!.delete(outcome.id);
      }
      if (outcome.id < 0) newIds.delete(outcome.state.key);
    }
  }

  const writes = outcomes.filter((o) => o.status === 'new' || o.status === 'changed');
  if (writes.length > 0) await writeStates(em, target, periods, writes, versionsOf, unitByKey);
  const realIds = writes.length
    ? await idsByKey(
        em,
        target.kommunId,
        writes.map((w) => w.state.key),
      )
    : new Map<string, number>();
  return outcomes.map((o): UnitStateOutcome => {
    if (o.status === 'wrong') return { status: 'wrong', problems: o.problems };
    return { status: o.status, changed: o.changed, unitId: realIds.get(o.state.key) ?? o.unitId };
  });
}

function changedFields(
  state: UnitState,
  parentId: number | null,
  periods: readonly PeriodRow[],
  versions: Map<number, UnitInPeriodModel> | undefined,
): UnitField[] {
  const changed = new Set<UnitField>();
  for (const p of periods) {
    const v = versions?.get(p.id);
    if (!v) {
      changed.add('name');
      continue;
    }
    if (v.name !== state.name) changed.add('name');
    if (v.shortName !== state.shortName) changed.add('shortName');
    if (v.parentId !== parentId) changed.add('parent');
    if (v.closed !== state.closed) changed.add('closed');
  }
  return [...changed];
}

const idsOfPath = (path: string | undefined) => (path ? path.split('/').filter(Boolean).map(Number) : null);

function treeProblems(
  id: number,
  state: UnitState,
  periods: readonly PeriodRow[],
  trees: Map<number, Map<number, Node>>,
  reportPathsBefore: Map<number, number[][]>,
  versionsOf: Map<number, Map<number, UnitInPeriodModel>>,
): UnitProblem[] {
  for (const p of periods) {
    const tree = trees.get(p.id)!;
    const node = tree.get(id)!;
    if (node.parentId != null && !tree.has(node.parentId)) {
      return [{ field: 'parent', message: `Den överordnade enheten finns inte i perioden ${p.label}.` }];
    }
    const path = pathIn(tree, id);
    if (!path) {
      return [
        {
          field: 'parent',
          message: 'Enheten kan inte ligga under sig själv eller under en enhet under sig.',
        },
      ];
    }
    if (!state.closed && node.parentId != null && tree.get(node.parentId)?.closed) {
      return [{ field: 'parent', message: `Den överordnade enheten är stängd i perioden ${p.label}.` }];
    }
    if (state.closed && [...tree.values()].some((n) => n.parentId === id && !n.closed)) {
      return [
        { field: 'closed', message: `Stäng eller flytta först enheterna under den (perioden ${p.label}).` },
      ];
    }
    // Shown before the change (renamed, moved away, closed) or after it (moved or added in).
    const reports = reportPathsBefore.get(p.id)!;
    const before = idsOfPath(versionsOf.get(id)?.get(p.id)?.path);
    if (shownByReport(path, reports) || shownByReport(before, reports)) {
      return [{ field: null, message: PUBLISHED_UNIT, published: true }];
    }
  }
  return [];
}

async function idsByKey(em: EntityManager, kommunId: number, keys: string[]): Promise<Map<string, number>> {
  const rows = await em.execute<{ id: number; key: string }[]>(
    `select id, key from org_unit where kommun_id = ? and key = any(?::text[])`,
    [kommunId, `{${keys.join(',')}}`],
  );
  return new Map(rows.map((r) => [r.key, Number(r.id)]));
}

/**
 * The writes, each one statement for all the units: new units, their versions, the changed
 * versions, the paths of the periods, org_unit's latest names and tree, the audit rows.
 */
async function writeStates(
  em: EntityManager,
  target: ChangeTarget,
  periods: readonly PeriodRow[],
  writes: readonly { status: string; state: UnitState; id: number; changed?: UnitField[] }[],
  versionsOf: Map<number, Map<number, UnitInPeriodModel>>,
  unitByKey: Map<string, UnitRow>,
): Promise<void> {
  const periodIds = periods.map((p) => p.id);
  const periodArray = pgIntArray(periodIds);
  const rows = writes.map((w) => ({
    key: w.state.key,
    name: w.state.name,
    short_name: w.state.shortName,
    kind: w.state.kind,
    parent_key: w.state.parentKey,
    closed: w.state.closed,
    is_new: w.status === 'new',
  }));
  const json = JSON.stringify(rows);
  const input = `jsonb_to_recordset(?::jsonb) as c(key text, name text, short_name text, kind text, parent_key text, closed boolean, is_new boolean)`;

  // New units go last among their siblings; parents first, as a new parent may be in the file.
  await em.execute(
    `insert into org_unit (kommun_id, key, name, short_name, kind, path, position)
     select ?, c.key, c.name, c.short_name, c.kind, '',
            (select coalesce(max(position), 0) from org_unit where kommun_id = ?) + row_number() over ()
       from ${input} where c.is_new`,
    [target.kommunId, target.kommunId, json],
  );
  await em.execute(
    `insert into org_unit_version (unit_id, period_id, name, short_name, parent_id, path, position, closed)
     select u.id, p.id, c.name, c.short_name, parent.id, '', u.position, c.closed
       from ${input}
       join org_unit u on u.kommun_id = ? and u.key = c.key
       join org_unit parent on parent.kommun_id = ? and parent.key = c.parent_key
       cross join unnest(?::int[]) as p(id)
      where c.is_new`,
    [json, target.kommunId, target.kommunId, periodArray],
  );
  await em.execute(
    `update org_unit_version v
        set name = c.name, short_name = c.short_name, parent_id = parent.id, closed = c.closed
       from ${input}
       join org_unit u on u.kommun_id = ? and u.key = c.key
       left join org_unit parent on parent.kommun_id = ? and parent.key = c.parent_key
      where not c.is_new and v.unit_id = u.id and v.period_id = any(?::int[])
        and (v.name, v.short_name, v.parent_id, v.closed) is distinct from (c.name, c.short_name, parent.id, c.closed)`,
    [json, target.kommunId, target.kommunId, periodArray],
  );
  // Each period's paths from its parents: only the rows whose path changes are written.
  await em.execute(
    `with recursive tree as (
       select v.id, v.unit_id, v.period_id, '/' || v.unit_id || '/' as path
         from org_unit_version v join org_unit u on u.id = v.unit_id
        where u.kommun_id = ? and v.period_id = any(?::int[]) and v.parent_id is null
       union all
       select v.id, v.unit_id, v.period_id, t.path || v.unit_id || '/'
         from org_unit_version v join tree t on v.parent_id = t.unit_id and v.period_id = t.period_id
     )
     update org_unit_version v set path = tree.path from tree where v.id = tree.id and v.path <> tree.path`,
    [target.kommunId, periodArray],
  );
  // org_unit keeps the latest period's names and tree (the latest as periodsOf orders them:
  // the last to end, the longer of two that end together), for the reads without a period.
  await em.execute(
    `update org_unit u
        set name = v.name, short_name = v.short_name, parent_id = v.parent_id, path = v.path, position = v.position,
            closed = v.closed
       from org_unit_version v
      where v.unit_id = u.id and v.period_id = ? and u.kommun_id = ?
        and (u.name, u.short_name, u.parent_id, u.path, u.position, u.closed)
            is distinct from (v.name, v.short_name, v.parent_id, v.path, v.position, v.closed)`,
    [periodIds.at(-1), target.kommunId],
  );
  const from = periods.find((p) => p.id === target.fromPeriodId)!;
  const keyById = new Map([...unitByKey.values()].map((u) => [u.id, u.key]));
  const parentKeyOf = (id: number | null) => (id == null ? null : (keyById.get(id) ?? null));
  const audits = writes.map((w) => {
    const existing = unitByKey.get(w.state.key);
    const before = existing ? versionsOf.get(existing.id)?.get(target.fromPeriodId) : undefined;
    return {
      key: w.state.key,
      action: w.status === 'new' ? 'create' : 'update',
      before: before
        ? {
            name: before.name,
            shortName: before.shortName,
            parent: parentKeyOf(before.parentId),
            closed: before.closed,
          }
        : null,
      after: {
        name: w.state.name,
        shortName: w.state.shortName,
        kind: w.state.kind,
        parent: w.state.parentKey,
        closed: w.state.closed,
        fromPeriod: from.label,
      },
    };
  });
  await em.execute(
    `insert into audit_log (user_id, entity, entity_id, action, before, after, request_id)
     select ?, 'OrgUnit', u.id, a.action, a.before, a.after, ?
       from jsonb_to_recordset(?::jsonb) as a(key text, action text, before jsonb, after jsonb)
       join org_unit u on u.kommun_id = ? and u.key = a.key`,
    [target.userId, target.requestId, JSON.stringify(audits), target.kommunId],
  );
}
