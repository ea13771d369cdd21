import type { RequestContext } from '../../context.js';
import { badInput, notFound, parseId } from '../../graphql/errors.js';
import { loaded } from '../../graphql/loaded.js';
import { periodYear } from '../organisation/org-unit.entity.js';
import { readablePeriodIds } from '../organisation/organisation.service.js';
import { inSubtree, scopeKey, scopeTree, type UnitScope } from '../organisation/unit-scope.js';
import {
  Assignment,
  AssignmentFollowUp,
  assignmentKinds,
  assignmentStatuses,
  type AssignmentKind,
  type AssignmentStatus,
  type Forecast,
  type IAssignment,
  type IAssignmentFollowUp,
} from './assignment.entity.js';
import { compareGoalCodes } from '../organisation/swedish-order.js';
import { notPublished, readableRows, readsWorkingData } from '../access/read-access.js';
import { assignmentFollowUpKind } from './assignment-edit.js';

/**
 * The follow-ups of a period for the assignments on the lists of the unit and the units
 * below it, or that a unit below it is responsible for.
 */
export function assignmentsInScope(ctx: RequestContext, scope: UnitScope): Promise<IAssignmentFollowUp[]> {
  return ctx.memo(scopeKey(scope, 'assignments'), async () => {
    const tree = await scopeTree(ctx, scope);
    const rows = await ctx.em.find(
      AssignmentFollowUp,
      {
        period: scope.period,
        $or: [
          { assignment: { ownerUnit: inSubtree(tree) } },
          { assignment: { responsibleUnit: inSubtree(tree) } },
        ],
      },
      { populate: ['assignment', 'goal'] },
    );
    return rows.sort(
      (a, b) =>
        assignmentKinds.indexOf(a.assignment.kind) - assignmentKinds.indexOf(b.assignment.kind) ||
        compareGoalCodes(a.goal?.code, b.goal?.code) ||
        a.assignment.id - b.assignment.id,
    );
  });
}

export interface AssignmentFilter {
  kind?: AssignmentKind | null;
  status?: AssignmentStatus[] | null;
  forecast?: Forecast | null;
  responsibleUnitId?: string | null;
  search?: string | null;
}

const MAX_SEARCH_LENGTH = 200;

/** Filters combine with AND; the search matches title and comment, ignoring case. */
export async function filteredAssignments(
  ctx: RequestContext,
  scope: UnitScope,
  filter: AssignmentFilter | null | undefined,
): Promise<IAssignmentFollowUp[]> {
  const all = await assignmentsInScope(ctx, scope);
  if (!filter) return all;
  const responsibleUnitId =
    filter.responsibleUnitId == null ? null : parseId(filter.responsibleUnitId, 'filter.responsibleUnitId');
  const search = filter.search?.trim().toLocaleLowerCase('sv') ?? '';
  if (search.length > MAX_SEARCH_LENGTH) {
    throw badInput('filter.search', `högst ${MAX_SEARCH_LENGTH} tecken.`);
  }
  return all.filter(
    (f) =>
      (!filter.kind || f.assignment.kind === filter.kind) &&
      (!filter.status?.length || filter.status.includes(f.status)) &&
      (!filter.forecast || f.forecast === filter.forecast) &&
      (responsibleUnitId === null || f.assignment.responsibleUnit?.id === responsibleUnitId) &&
      (!search ||
        f.assignment.title.toLocaleLowerCase('sv').includes(search) ||
        (f.comment ?? '').toLocaleLowerCase('sv').includes(search)),
  );
}

/**
 * The summary table the reports open with: per kind and status, the count by forecast,
 * with totals. Only combinations that occur get a row, in the reports' order.
 */
export async function assignmentSummary(ctx: RequestContext, scope: UnitScope) {
  const all = await assignmentsInScope(ctx, scope);
  const rows = assignmentKinds.flatMap((kind) =>
    assignmentStatuses.flatMap((status) => {
      const items = all.filter((f) => f.assignment.kind === kind && f.status === status);
      if (items.length === 0) return [];
      return [{ kind, status, ...countByForecast(items) }];
    }),
  );
  return { rows, ...countByForecast(all) };
}

/**
 * An assignment that still deviates from plan: a completed one is done, however late, and is
 * history rather than a deviation a meeting can act on.
 */
export const isDeviation = (f: IAssignmentFollowUp) =>
  f.forecast === 'Avvikelse från plan' && f.status !== 'Slutförd';

function countByForecast(items: IAssignmentFollowUp[]) {
  const onPlan = items.filter((f) => f.forecast === 'Enligt plan').length;
  const deviating = items.filter((f) => f.forecast === 'Avvikelse från plan').length;
  return { onPlan, deviating, withoutForecast: items.length - onPlan - deviating, total: items.length };
}

export type AssignmentOrigin = 'THIS_YEAR' | 'EARLIER_YEAR' | 'UNKNOWN';

/**
 * The year of the earliest follow-up of each assignment or of one it continues (its
 * predecessors, however many): one statement for every assignment of a page. `union` drops
 * rows already found, so a cycle of successors ends too.
 */
function firstFollowedUpYear(ctx: RequestContext, assignmentId: number): Promise<number | null> {
  return ctx
    .loader<number, number | null>('assignment-first-year', async (ids) => {
      const rows = await ctx.em.execute<{ id: number; year: number }[]>(
        `with recursive lineage (id, ancestor) as (
           select id, id from assignment where id in (?)
           union
           select l.id, pre.id from lineage l join assignment pre on pre.successor_id = l.ancestor
         )
         select l.id, min(extract(year from p.end_date))::int as year
           from lineage l
           join assignment_follow_up f on f.assignment_id = l.ancestor
           join period p on p.id = f.period_id
          group by l.id`,
        [[...ids]],
      );
      const years = new Map(rows.map((r) => [r.id, r.year]));
      return ids.map((id) => years.get(id) ?? null);
    })
    .load(assignmentId);
}

/**
 * Where an assignment on a period's list comes from, seen from the period's year. The year
 * it was given in decides where a source gives it; otherwise an assignment that was on an
 * earlier year's list, itself or as the one it continues, is kvarvarande; else nobody knows.
 */
export async function originOf(ctx: RequestContext, f: IAssignmentFollowUp): Promise<AssignmentOrigin> {
  const year = periodYear(await loaded(f.period));
  const { originYear } = await loaded(f.assignment);
  if (originYear != null) return originYear < year ? 'EARLIER_YEAR' : 'THIS_YEAR';
  const first = await firstFollowedUpYear(ctx, f.assignment.id);
  return first !== null && first < year ? 'EARLIER_YEAR' : 'UNKNOWN';
}

/** The origins of the list counted per kind, as the reports' summaries state them. */
export async function assignmentOrigins(ctx: RequestContext, scope: UnitScope) {
  const all = await assignmentsInScope(ctx, scope);
  const origins = await Promise.all(all.map((f) => originOf(ctx, f)));
  return assignmentKinds.flatMap((kind) => {
    const ofKind = origins.filter((_, i) => all[i]!.assignment.kind === kind);
    if (ofKind.length === 0) return [];
    const count = (origin: AssignmentOrigin) => ofKind.filter((o) => o === origin).length;
    return [
      { kind, thisYear: count('THIS_YEAR'), earlierYear: count('EARLIER_YEAR'), unknown: count('UNKNOWN') },
    ];
  });
}

/** An assignment; without signing in, only one a published report shows. */
export async function getAssignment(ctx: RequestContext, id: number): Promise<IAssignment> {
  const assignment = await ctx.em.findOne(Assignment, { id }, { populate: ['successor'] });
  if (!assignment) throw notFound('Uppdraget', id);
  if (!(await mayReadAssignment(ctx, assignment))) {
    throw notPublished(ctx, 'Uppdraget är inte publicerat');
  }
  return assignment;
}

/** An assignment is readable where one of its follow-ups is. */
export async function mayReadAssignment(ctx: RequestContext, assignment: IAssignment): Promise<boolean> {
  if (readsWorkingData(ctx, assignment.kommun.id)) return true;
  return (await followUpsOf(ctx, assignment)).length > 0;
}

/** The assignment's follow-ups the request may read, latest period first. */
export function followUpsOf(ctx: RequestContext, assignment: IAssignment): Promise<IAssignmentFollowUp[]> {
  return ctx.memo(`assignment-follow-ups:${assignment.id}`, async () => {
    const rows = await ctx.em.find(
      AssignmentFollowUp,
      { assignment, period: { $in: await readablePeriodIds(ctx, assignment.kommun.id) } },
      {
        populate: ['period', 'goal', 'assignment.ownerUnit', 'assignment.responsibleUnit'],
        orderBy: { period: { endDate: 'desc' } },
      },
    );
    return readableAssignmentFollowUps(ctx, assignment.kommun.id, rows);
  });
}

/** Follow-ups (with their units loaded) that a published report shows, unless signed in. */
export const readableAssignmentFollowUps = (
  ctx: RequestContext,
  kommunId: number,
  rows: IAssignmentFollowUp[],
) =>
  readableRows(ctx, kommunId, rows, (f) => ({
    period: f.period,
    units: assignmentFollowUpKind.unitsOf(f),
  }));

export async function predecessorOf(
  ctx: RequestContext,
  assignment: IAssignment,
): Promise<IAssignment | null> {
  const predecessor = await ctx.em.findOne(Assignment, { successor: assignment });
  return predecessor && (await mayReadAssignment(ctx, predecessor)) ? predecessor : null;
}

/** The assignment it was closed into, where the request may read it. */
export async function successorOf(ctx: RequestContext, assignment: IAssignment): Promise<IAssignment | null> {
  const successor = assignment.successor ? await loaded(assignment.successor) : null;
  return successor && (await mayReadAssignment(ctx, successor)) ? successor : null;
}
