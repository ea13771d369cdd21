/**
 * The uppdrag and nämndinitiativ of a period's plan: keyed by their code (the assignment's
 * key in the kommun) where one is given, else by their title among the period's. An
 * assignment is in a period when it has a follow-up there: a new one starts 'Ej påbörjad'
 * under its inriktningsmål of the period. Used by the administration's form and by the
 * spreadsheet import alike.
 *
 * Set-based: whatever the number of rows, five reads and at most five writes.
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
  fieldsOfRow,
  writeRecords,
  wrongRow,
  type PlanRowError,
  type RecordTable,
  type PlanRowOutcome,
} from '../editing/plan-rows.js';
import { shownSets } from '../editing/published-sets.js';
import type { AssignmentKind } from './assignment.entity.js';

export interface AssignmentPlanRow {
  /** The assignment's key in the kommun; null: found by its title in the period. */
  code: string | null;
  kind: AssignmentKind;
  title: string;
  /** The inriktningsmål of the period it is listed under; null for none. */
  goalCode: string | null;
  ownerUnitKey: string;
  responsibleUnitKey: string | null;
  dueDate: string | null;
  /** The year of the Mål och budget (or board decision) it was given in. */
  originYear: number | null;
  decidedBy: string | null;
  decidedOn: string | null;
}

/** What a row is keyed by: its code, else its title. */
export const assignmentKey = (row: Pick<AssignmentPlanRow, 'code' | 'title'>) => row.code ?? row.title;

interface AssignmentDbRow {
  id: number;
  key: string;
  kind: string;
  title: string;
  owner_unit_id: number;
  responsible_unit_id: number | null;
  due_date: string | null;
  origin_year: number | null;
  decided_by: string | null;
  decided_on: string | null;
  follow_up_id: number | null;
  follow_up_goal_id: number | null;
  /** A published report shows the assignment (a follow-up of it, in any period). */
  frozen: boolean;
  /** A published report shows its follow-up of the period. */
  follow_up_frozen: boolean;
}

type AssignmentFields = {
  kind: string;
  title: string;
  ownerUnit: number;
  responsibleUnit: number | null;
  dueDate: string | null;
  originYear: number | null;
  decidedBy: string | null;
  decidedOn: string | null;
};

const fieldOf: Record<keyof AssignmentFields, keyof AssignmentPlanRow> = {
  kind: 'kind',
  title: 'title',
  ownerUnit: 'ownerUnitKey',
  responsibleUnit: 'responsibleUnitKey',
  dueDate: 'dueDate',
  originYear: 'originYear',
  decidedBy: 'decidedBy',
  decidedOn: 'decidedOn',
};

const assignmentTable: RecordTable<AssignmentFields> = {
  table: 'assignment',
  entity: 'Assignment',
  columns: {
    kind: ['kind', 'text'],
    title: ['title', 'text'],
    ownerUnit: ['owner_unit_id', 'int'],
    responsibleUnit: ['responsible_unit_id', 'int'],
    dueDate: ['due_date', 'date'],
    originYear: ['origin_year', 'smallint'],
    decidedBy: ['decided_by', 'text'],
    decidedOn: ['decided_on', 'date'],
  },
};

const fieldsOf = (a: AssignmentDbRow) => fieldsOfRow(assignmentTable, a);

export async function saveAssignments(
  em: EntityManager,
  target: ImportTarget,
  rows: readonly ParsedRow<AssignmentPlanRow>[],
): Promise<PlanRowOutcome[]> {
  const period = await planPeriod(em, target);
  const units = await planUnits(em, target);
  const goals = new Map(
    (
      await em.execute<{ id: number; code: string }[]>(
        `select distinct g.id, g.code from goal g join goal_follow_up f on f.goal_id = g.id
          where f.period_id = ? and g.kommun_id = ?`,
        [period.id, target.kommunId],
      )
    ).map((g) => [g.code, g.id]),
  );
  const codes = rows.flatMap((r) => (r.value.code ? [r.value.code] : []));
  // With whether a published report shows each and its follow-up of the period, for all
  // at once: the database's own rule (the triggers'), so the form and the import refuse
  // what it would.
  const found = await em.execute<AssignmentDbRow[]>(
    `with ${shownSets}
     select a.id, a.key, a.kind, a.title, a.owner_unit_id, a.responsible_unit_id,
            to_char(a.due_date, 'YYYY-MM-DD') as due_date, a.origin_year, a.decided_by,
            to_char(a.decided_on, 'YYYY-MM-DD') as decided_on, f.id as follow_up_id, f.goal_id as follow_up_goal_id,
            a.id in (select assignment_id from shown_assignment_follow_up) as frozen,
            f.id is not null and f.id in (select id from shown_assignment_follow_up) as follow_up_frozen
       from assignment a
       left join assignment_follow_up f on f.assignment_id = a.id and f.period_id = ?
      where a.kommun_id = ? and (a.key in (select jsonb_array_elements_text(?::jsonb)) or f.id is not null)
      order by a.id`,
    [target.kommunId, period.id, target.kommunId, JSON.stringify(codes)],
  );
  const byKey = new Map(found.map((a) => [a.key, a]));
  const byTitle = new Map<string, AssignmentDbRow>();
  for (const a of found) if (a.follow_up_id !== null && !byTitle.has(a.title)) byTitle.set(a.title, a);
  const keys = new Set(
    (
      await em.execute<{ key: string }[]>(`select key from assignment where kommun_id = ?`, [target.kommunId])
    ).map((a) => a.key),
  );

  const inserts: { key: string; fields: AssignmentFields; goal: number | null; row: number }[] = [];
  const updates: {
    id: number;
    before: AssignmentFields;
    after: AssignmentFields;
    fields: (keyof AssignmentFields)[];
  }[] = [];
  const followUpInserts: { key: string; goal: number | null }[] = [];
  const followUpMoves: { id: number; goal: number | null; before: number | null }[] = [];
  const seen = new Map<string, number>();
  const taken = new Set<number>();
  const outcomes: PlanRowOutcome[] = [];

  for (const { row, value } of rows) {
    const key = assignmentKey(value);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      const field = value.code ? 'code' : 'title';
      outcomes.push(
        wrongRow(row, [
          { field, message: `${value.code ? 'Koden' : 'Titeln'} ${key} finns redan på rad ${earlier}.` },
        ]),
      );
      continue;
    }
    const errors: PlanRowError[] = [];
    const goal = value.goalCode === null ? null : goals.get(value.goalCode);
    if (goal === undefined) {
      errors.push({ field: 'goalCode', message: `Inriktningsmål ${value.goalCode} finns inte i perioden.` });
    }
    const owner = units.get(value.ownerUnitKey);
    if (!owner) errors.push({ field: 'ownerUnitKey', message: unknownUnit(value.ownerUnitKey) });
    const responsible = value.responsibleUnitKey === null ? null : units.get(value.responsibleUnitKey);
    if (responsible === undefined) {
      errors.push({ field: 'responsibleUnitKey', message: unknownUnit(value.responsibleUnitKey!) });
    }
    if (errors.length || goal === undefined || !owner || responsible === undefined) {
      outcomes.push(wrongRow(row, errors));
      continue;
    }
    const current = value.code ? byKey.get(value.code) : byTitle.get(value.title);
    const next: AssignmentFields = {
      kind: value.kind,
      title: value.title,
      ownerUnit: owner.id,
      responsibleUnit: responsible?.id ?? null,
      dueDate: value.dueDate,
      originYear: value.originYear,
      decidedBy: value.decidedBy,
      decidedOn: value.decidedOn,
    };
    const fields = current ? changedFields(fieldsOf(current), next) : [];
    if (fields.length && current!.frozen) {
      errors.push({
        field: fieldOf[fields[0]!],
        message: `Uppdraget ${current!.key} ${PUBLISHED_ROW}`,
        published: true,
      });
    }
    const addFollowUp = !current || current.follow_up_id === null;
    const moveGoal = !addFollowUp && current.follow_up_goal_id !== goal;
    if (
      (moveGoal && current.follow_up_frozen) ||
      (addFollowUp && (owner.published || responsible?.published))
    ) {
      errors.push({
        field: 'goalCode',
        message: `Uppdragets uppföljning i perioden ${PUBLISHED_ROW}`,
        published: true,
      });
    }
    if (current && taken.has(current.id)) {
      errors.push({
        field: value.code ? 'code' : 'title',
        message: `Uppdraget finns redan på en tidigare rad.`,
      });
    }
    if (errors.length) {
      outcomes.push(wrongRow(row, errors));
      continue;
    }

    seen.set(key, row);
    const recordKey = current?.key ?? value.code ?? freshKey(keys, 'a', value.title, period.key);
    if (value.code) keys.add(value.code);
    if (current) {
      taken.add(current.id);
      if (fields.length) updates.push({ id: current.id, before: fieldsOf(current), after: next, fields });
      if (moveGoal)
        followUpMoves.push({ id: current.follow_up_id!, goal, before: current.follow_up_goal_id });
    } else {
      inserts.push({ key: recordKey, fields: next, goal, row });
    }
    if (addFollowUp) followUpInserts.push({ key: recordKey, goal });
    const changed = [...fields.map((f) => fieldOf[f]), ...(addFollowUp || moveGoal ? ['goalCode'] : [])];
    outcomes.push({
      row,
      status: current ? (changed.length ? 'changed' : 'unchanged') : 'new',
      errors: [],
      changed: current ? [...new Set(changed)] : [],
      id: current?.id ?? null,
    });
  }

  await writeAssignments(em, target, { found, inserts, updates, followUpInserts, followUpMoves, outcomes });
  return outcomes;
}

async function writeAssignments(
  em: EntityManager,
  target: ImportTarget,
  plan: {
    found: AssignmentDbRow[];
    inserts: { key: string; fields: AssignmentFields; row: number }[];
    updates: {
      id: number;
      before: AssignmentFields;
      after: AssignmentFields;
      fields: (keyof AssignmentFields)[];
    }[];
    followUpInserts: { key: string; goal: number | null }[];
    followUpMoves: { id: number; goal: number | null; before: number | null }[];
    outcomes: PlanRowOutcome[];
  },
): Promise<void> {
  const audit: AuditChange[] = [];
  const ids = new Map(plan.found.map((a) => [a.key, a.id]));
  for (const [key, id] of await writeRecords(em, assignmentTable, target.kommunId, plan, audit))
    ids.set(key, id);
  if (plan.followUpInserts.length) {
    const inserted = await executeBound<{ id: number; assignment_id: number; goal_id: number | null }[]>(
      em,
      `insert into assignment_follow_up (assignment_id, period_id, goal_id, status)
       select v.assignment_id, ?, v.goal_id, 'Ej påbörjad' from jsonb_to_recordset(?::jsonb) as v(assignment_id int, goal_id int)
       returning id, assignment_id, goal_id`,
      [
        target.periodId,
        JSON.stringify(plan.followUpInserts.map((f) => ({ assignment_id: ids.get(f.key), goal_id: f.goal }))),
      ],
    );
    for (const f of inserted) {
      audit.push({
        entity: 'AssignmentFollowUp',
        entityId: f.id,
        action: 'create',
        before: null,
        after: {
          assignment: f.assignment_id,
          period: target.periodId,
          goal: f.goal_id,
          status: 'Ej påbörjad',
        },
      });
    }
  }
  if (plan.followUpMoves.length) {
    await executeBound(
      em,
      `update assignment_follow_up f set goal_id = v.goal_id, version = f.version + 1, updated_at = current_timestamp
         from jsonb_to_recordset(?::jsonb) as v(id int, goal_id int) where f.id = v.id`,
      [JSON.stringify(plan.followUpMoves.map((m) => ({ id: m.id, goal_id: m.goal })))],
    );
    for (const m of plan.followUpMoves) {
      audit.push({
        entity: 'AssignmentFollowUp',
        entityId: m.id,
        action: 'update',
        before: { goal: m.before },
        after: { goal: m.goal },
      });
    }
  }
  await recordChanges(em, target, audit);
}
