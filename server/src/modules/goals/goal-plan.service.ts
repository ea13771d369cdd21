/**
 * The målområden and inriktningsmål of a period, as the plan of a year (Mål och budget)
 * lists them: keyed by their code within the period. A goal is in a period when a unit
 * follows it up there, so putting one in a period adds its follow-ups ('Ej bedömd') for the
 * units named; a goal or area the kommun already has with the same code and title (from an
 * earlier year) is taken up again rather than made twice, so a carried-over goal keeps its
 * history. Used by the administration's form and by the spreadsheet import alike.
 *
 * Set-based: whatever the number of rows, five reads and at most six writes.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { executeBound } from '../../db/bound-query.js';
import { recordChanges, type AuditChange } from '../audit/record-changes.js';
import type { ImportTarget, ParsedRow } from '../import/import-kind.js';
import {
  changedFields,
  freshKey,
  planPeriod,
  planUnits,
  PUBLISHED_ROW,
  unknownUnit,
  writeRecords,
  wrongRow,
  type PlanRowError,
  type RecordTable,
  type PlanRowOutcome,
} from '../editing/plan-rows.js';
import { shownSets } from '../editing/published-sets.js';

export interface GoalPlanRow {
  areaCode: string;
  areaTitle: string;
  /** Agenda 2030 goals of the area; null keeps those it has. */
  agenda2030: number[] | null;
  code: string;
  title: string;
  /** The keys of the units that follow the goal up in the period. */
  unitKeys: string[];
}

interface AreaRow {
  id: number;
  key: string;
  code: string;
  title: string;
  agenda2030: number[];
  in_period: boolean;
  frozen: boolean;
}

interface GoalRow {
  id: number;
  key: string;
  code: string;
  title: string;
  area_id: number;
  in_period: boolean;
  frozen: boolean;
}

/** An area or goal of this batch: an existing row (id) or one to insert (key). */
interface Planned<T> {
  id: number | null;
  key: string;
  current: T | null;
  next: T;
  /** The row of the file that first set it, for the message of a second, different one. */
  row: number;
}

type AreaFields = { code: string; title: string; agenda2030: number[] };
/** A goal's area is its key until it is written (a new area has no id yet). */
type GoalFields = { code: string; title: string; area: string };

const areaTable: RecordTable<AreaFields> = {
  table: 'goal_area',
  entity: 'GoalArea',
  columns: { code: ['code', 'text'], title: ['title', 'text'], agenda2030: ['agenda2030', 'smallint[]'] },
};
const goalTable: RecordTable<{ code: string; title: string; area: number | null }> = {
  table: 'goal',
  entity: 'Goal',
  columns: { code: ['code', 'text'], title: ['title', 'text'], area: ['area_id', 'int'] },
};

export async function saveGoals(
  em: EntityManager,
  target: ImportTarget,
  rows: readonly ParsedRow<GoalPlanRow>[],
): Promise<PlanRowOutcome[]> {
  const period = await planPeriod(em, target);
  const units = await planUnits(em, target);
  const areaRows = await em.execute<AreaRow[]>(
    `select a.id, a.key, a.code, a.title, a.agenda2030,
            exists (select 1 from goal g join goal_follow_up f on f.goal_id = g.id
                     where g.area_id = a.id and f.period_id = ?) as in_period
       from goal_area a where a.kommun_id = ? order by a.id`,
    [period.id, target.kommunId],
  );
  // Whether a published report shows them, for all the kommun's goals in one go: the
  // database's own rule (the triggers'), so the form and the import refuse exactly what it
  // would. An area is shown when one of its goals is.
  const goalRows = await em.execute<GoalRow[]>(
    `with ${shownSets}
     select g.id, g.key, g.code, g.title, g.area_id, f.goal_id is not null as in_period,
            g.id in (select goal_id from shown_goal) as frozen
       from goal g
       left join (select distinct goal_id from goal_follow_up where period_id = ?) f on f.goal_id = g.id
      where g.kommun_id = ? order by g.id`,
    [target.kommunId, period.id, target.kommunId],
  );
  const frozenAreas = new Set(goalRows.filter((g) => g.frozen).map((g) => g.area_id));
  for (const a of areaRows) a.frozen = frozenAreas.has(a.id);
  const followed = new Set(
    (
      await em.execute<{ goal_id: number; unit_id: number }[]>(
        `select f.goal_id, f.unit_id from goal_follow_up f join goal g on g.id = f.goal_id
          where f.period_id = ? and g.kommun_id = ?`,
        [period.id, target.kommunId],
      )
    ).map((f) => `${f.goal_id}:${f.unit_id}`),
  );

  const areaKeys = new Set(areaRows.map((a) => a.key));
  const goalKeys = new Set(goalRows.map((g) => g.key));
  const areaById = new Map(areaRows.map((a) => [a.id, a]));
  const areaFields = (a: AreaRow): AreaFields => ({ code: a.code, title: a.title, agenda2030: a.agenda2030 });
  // By code within the period; the batch's own areas and goals join them as rows are read.
  const areas = new Map<string, Planned<AreaFields> & { frozen: boolean }>();
  for (const a of areaRows.filter((a) => a.in_period)) {
    areas.set(a.code, {
      id: a.id,
      key: a.key,
      current: areaFields(a),
      next: areaFields(a),
      row: 0,
      frozen: a.frozen,
    });
  }
  const goals = new Map<string, Planned<GoalFields> & { frozen: boolean }>();
  for (const g of goalRows.filter((g) => g.in_period)) {
    const fields = { code: g.code, title: g.title, area: areaById.get(g.area_id)!.key };
    goals.set(g.code, { id: g.id, key: g.key, current: fields, next: fields, row: 0, frozen: g.frozen });
  }
  // What the kommun has outside the period, by code and title, to be taken up again.
  const byCodeAndTitle = <T extends { code: string; title: string }>(items: T[]) =>
    new Map(items.map((i) => [`${i.code}\n${i.title}`, i]));
  const areasOutside = byCodeAndTitle(areaRows.filter((a) => !a.in_period));
  const goalsOutside = byCodeAndTitle(goalRows.filter((g) => !g.in_period));
  const newFollowUps: { goal: string; unitId: number; row: number }[] = [];
  const seenCodes = new Map<string, number>();
  const outcomes: PlanRowOutcome[] = [];

  for (const { row, value } of rows) {
    const errors: PlanRowError[] = [];
    const earlier = seenCodes.get(value.code);
    if (earlier !== undefined) {
      outcomes.push(
        wrongRow(row, [{ field: 'code', message: `Koden ${value.code} finns redan på rad ${earlier}.` }]),
      );
      continue;
    }
    const rowUnits = value.unitKeys.map((key) => ({ key, unit: units.get(key) }));
    for (const { key, unit } of rowUnits)
      if (!unit) errors.push({ field: 'unitKeys', message: unknownUnit(key) });
    if (rowUnits.length === 0)
      errors.push({ field: 'unitKeys', message: 'Ange minst en enhet som följer upp målet.' });

    // The area: in the period by code, else the kommun's with the same code and title.
    let area = areas.get(value.areaCode);
    const areaNext: AreaFields = {
      code: value.areaCode,
      title: value.areaTitle,
      agenda2030: value.agenda2030 ?? area?.next.agenda2030 ?? [],
    };
    let areaChanged: string[] = [];
    if (area) {
      areaChanged = changedFields(area.next, areaNext);
      if (areaChanged.length && area.row > 0 && area.row !== row) {
        errors.push({
          field: 'areaTitle',
          message: `Målområde ${value.areaCode} har ${areaChanged.includes('title') ? `titeln ”${area.next.title}”` : 'andra Agenda 2030-mål'} på rad ${area.row}.`,
        });
      } else if (areaChanged.length && area.frozen) {
        errors.push({
          field: 'areaTitle',
          message: `Målområde ${value.areaCode} ${PUBLISHED_ROW}`,
          published: true,
        });
      }
    }
    // The goal: in the period by code, else the kommun's with the same code and title.
    const goal = goals.get(value.code);
    let goalChanged: string[] = [];
    const reused = goal ? undefined : goalsOutside.get(`${value.code}\n${value.title}`);
    if (goal) {
      goalChanged = changedFields(goal.next, { code: value.code, title: value.title, area: area?.key ?? '' });
      if (goalChanged.length && goal.frozen) {
        errors.push({
          field: 'title',
          message: `Inriktningsmål ${value.code} ${PUBLISHED_ROW}`,
          published: true,
        });
      }
    }
    const followUnits = rowUnits.filter(({ unit }) => unit).map(({ unit }) => unit!);
    const goalId = goal?.id ?? reused?.id ?? null;
    const adding = followUnits.filter((u) => goalId === null || !followed.has(`${goalId}:${u.id}`));
    for (const u of adding.filter((u) => u.published)) {
      errors.push({ field: 'unitKeys', message: `${u.name}s uppföljning ${PUBLISHED_ROW}`, published: true });
    }
    if (errors.length) {
      outcomes.push(wrongRow(row, errors));
      continue;
    }

    // Nothing wrong: the row joins the batch.
    seenCodes.set(value.code, row);
    if (!area) {
      const kept = areasOutside.get(`${value.areaCode}\n${value.areaTitle}`);
      area = kept
        ? { id: kept.id, key: kept.key, current: areaFields(kept), next: areaNext, row, frozen: kept.frozen }
        : {
            id: null,
            key: freshKey(areaKeys, 'omrade', value.areaCode, period.key),
            current: null,
            next: areaNext,
            row,
            frozen: false,
          };
      if (kept) areaChanged = changedFields(areaFields(kept), areaNext);
      areas.set(value.areaCode, area);
    } else {
      area.next = areaNext;
      area.row = row;
    }
    const goalNext: GoalFields = { code: value.code, title: value.title, area: area.key };
    let planned = goal;
    if (planned) {
      planned.next = goalNext;
      planned.row = row;
    } else {
      const fields = reused && {
        code: reused.code,
        title: reused.title,
        area: areaById.get(reused.area_id)?.key ?? '',
      };
      planned = reused
        ? { id: reused.id, key: reused.key, current: fields!, next: goalNext, row, frozen: false }
        : {
            id: null,
            key: freshKey(goalKeys, 'mal', value.code, period.key),
            current: null,
            next: goalNext,
            row,
            frozen: false,
          };
      if (reused) goalChanged = changedFields(fields!, goalNext);
      goals.set(value.code, planned);
    }
    for (const u of adding) {
      newFollowUps.push({ goal: planned.key, unitId: u.id, row });
      if (planned.id !== null) followed.add(`${planned.id}:${u.id}`);
    }
    const changed = [
      ...areaChanged.map((f) => (f === 'title' ? 'areaTitle' : f === 'code' ? 'areaCode' : f)),
      ...goalChanged.map((f) => (f === 'area' ? 'areaCode' : f)),
      ...(adding.length ? ['unitKeys'] : []),
    ];
    const isNew = planned.id === null;
    outcomes.push({
      row,
      status: isNew ? 'new' : changed.length ? 'changed' : 'unchanged',
      errors: [],
      changed: isNew ? [] : [...new Set(changed)],
      id: planned.id,
    });
  }

  await writeGoals(em, target, [...areas.values()], [...goals.values()], newFollowUps, outcomes);
  return outcomes;
}

async function writeGoals(
  em: EntityManager,
  target: ImportTarget,
  areas: (Planned<AreaFields> & { frozen: boolean })[],
  goals: (Planned<GoalFields> & { frozen: boolean })[],
  followUps: { goal: string; unitId: number; row: number }[],
  outcomes: PlanRowOutcome[],
): Promise<void> {
  const audit: AuditChange[] = [];
  const changes = <F extends Record<string, unknown>>(items: (Planned<F> & { frozen: boolean })[]) => ({
    inserts: items.filter((i) => i.id === null).map((i) => ({ key: i.key, fields: i.next, row: i.row })),
    updates: items.flatMap((i) => {
      const fields = i.id !== null && i.current ? changedFields(i.current, i.next) : [];
      return fields.length ? [{ id: i.id!, before: i.current!, after: i.next, fields }] : [];
    }),
  });
  // An area's id is no row's answer: outcomes are the goals'.
  const areaIds = new Map(areas.filter((a) => a.id !== null).map((a) => [a.key, a.id!]));
  for (const [key, id] of await writeRecords(
    em,
    areaTable,
    target.kommunId,
    { ...changes(areas), outcomes: [] },
    audit,
  )) {
    areaIds.set(key, id);
  }
  // A goal's area is stored by id, known now that the new areas have theirs.
  const withAreaId = goals.map((g) => ({
    ...g,
    current: g.current && { ...g.current, area: areaIds.get(g.current.area) ?? null },
    next: { ...g.next, area: areaIds.get(g.next.area) ?? null },
  }));
  const goalIds = new Map(goals.filter((g) => g.id !== null).map((g) => [g.key, g.id!]));
  for (const [key, id] of await writeRecords(
    em,
    goalTable,
    target.kommunId,
    { ...changes(withAreaId), outcomes },
    audit,
  )) {
    goalIds.set(key, id);
  }

  if (followUps.length) {
    const inserted = await executeBound<{ id: number; goal_id: number; unit_id: number }[]>(
      em,
      `insert into goal_follow_up (goal_id, unit_id, period_id, assessment)
       select v.goal_id, v.unit_id, ?, 'Ej bedömd' from jsonb_to_recordset(?::jsonb) as v(goal_id int, unit_id int)
       returning id, goal_id, unit_id`,
      [
        target.periodId,
        JSON.stringify(followUps.map((f) => ({ goal_id: goalIds.get(f.goal), unit_id: f.unitId }))),
      ],
    );
    for (const f of inserted) {
      audit.push({
        entity: 'GoalFollowUp',
        entityId: f.id,
        action: 'create',
        before: null,
        after: { goal: f.goal_id, unit: f.unit_id, period: target.periodId, assessment: 'Ej bedömd' },
      });
    }
  }
  await recordChanges(em, target, audit);
}
