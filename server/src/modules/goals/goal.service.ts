import type { RequestContext } from '../../context.js';
import { inSubtree, scopeKey, scopeTree, type UnitScope } from '../organisation/unit-scope.js';
import { assignmentsInScope, readableAssignmentFollowUps } from '../assignments/assignment.service.js';
import { indicatorsInScope, mayReadIndicator } from '../indicators/indicator.service.js';
import { notPublished, readableRows, readsWorkingData } from '../access/read-access.js';
import { goalFollowUpKind } from './goal-edit.js';
import { readablePeriodIds } from '../organisation/organisation.service.js';
import { notFound } from '../../graphql/errors.js';
import { AssignmentFollowUp } from '../assignments/assignment.entity.js';
import { Indicator, type IIndicator } from '../indicators/indicator.entity.js';
import { Goal, GoalFollowUp, type IGoal, type IGoalFollowUp } from './goal.entity.js';
import { compareGoalCodes } from '../organisation/swedish-order.js';

const byGoalCode = (a: IGoalFollowUp, b: IGoalFollowUp) =>
  compareGoalCodes(a.goal.code, b.goal.code) || a.unit.id - b.unit.id;

/**
 * Goal assessments for a unit and period. Offices assess goals; a department usually does
 * not, so it sees the assessments of the nearest unit above it, limited to the goals its
 * own indicators and assignments serve.
 */
export function goalsInScope(ctx: RequestContext, scope: UnitScope): Promise<IGoalFollowUp[]> {
  return ctx.memo(scopeKey(scope, 'goals'), async () => {
    const tree = await scopeTree(ctx, scope);
    const rows = await ctx.em.find(
      GoalFollowUp,
      {
        period: scope.period,
        $or: [{ unit: inSubtree(tree) }, { unit: { $in: tree.ancestorIds } }],
      },
      { populate: ['goal', 'goal.area', 'unit'] },
    );
    const own = rows.filter((r) => tree.subtreeIds.has(r.unit.id));
    if (own.length > 0 || rows.length === 0) return own.sort(byGoalCode);

    const [indicators, assignments] = await Promise.all([
      indicatorsInScope(ctx, scope),
      assignmentsInScope(ctx, scope),
    ]);
    const served = new Set<number>([
      ...indicators.map((i) => i.indicator.goal.id),
      ...assignments.flatMap((a) => (a.goal ? [a.goal.id] : [])),
    ]);
    // Nearest assessing unit above: the last of the period's ancestors among the rows.
    const rank = (r: IGoalFollowUp) => tree.ancestorIds.indexOf(r.unit.id);
    const nearest = rows.reduce((best, r) => (rank(r) > rank(best) ? r : best));
    return rows.filter((r) => r.unit.id === nearest.unit.id && served.has(r.goal.id)).sort(byGoalCode);
  });
}

export async function goalSummary(ctx: RequestContext, scope: UnitScope) {
  const goals = await goalsInScope(ctx, scope);
  const count = (a: IGoalFollowUp['assessment']) => goals.filter((g) => g.assessment === a).length;
  return {
    total: goals.length,
    met: count('Uppfyllt'),
    partlyMet: count('Delvis uppfyllt'),
    notMet: count('Ej uppfyllt'),
    notAssessed: count('Ej bedömd'),
  };
}

/**
 * A goal; without signing in, only one a published report shows: assessed there, or heading
 * an indicator or an assignment it shows.
 */
export async function getGoal(ctx: RequestContext, id: number): Promise<IGoal> {
  const goal = await ctx.em.findOne(Goal, { id }, { populate: ['area'] });
  if (!goal) throw notFound('Målet', id);
  if (readsWorkingData(ctx, goal.kommun.id)) return goal;
  const [assessments, indicators, assignments] = await Promise.all([
    followUpsOfGoal(ctx, goal),
    indicatorsOfGoal(ctx, goal),
    assignmentsOfGoal(ctx, goal),
  ]);
  if (assessments.length + indicators.length + assignments.length === 0) {
    throw notPublished(ctx, 'Målet är inte publicerat');
  }
  return goal;
}

/** The goal's follow-ups the request may read, latest period first. */
export async function followUpsOfGoal(ctx: RequestContext, goal: IGoal) {
  const rows = await ctx.em.find(
    GoalFollowUp,
    { goal, period: { $in: await readablePeriodIds(ctx, goal.kommun.id) } },
    { populate: ['period', 'unit'], orderBy: { period: { endDate: 'desc' } } },
  );
  return readableRows(ctx, goal.kommun.id, rows, (f) => ({
    period: f.period,
    units: goalFollowUpKind.unitsOf(f),
  }));
}

/** The goal's indicators; without signing in, those a published report shows. */
export async function indicatorsOfGoal(ctx: RequestContext, goal: IGoal): Promise<IIndicator[]> {
  const indicators = await ctx.em.find(Indicator, { goal }, { orderBy: { id: 'asc' } });
  if (readsWorkingData(ctx, goal.kommun.id)) return indicators;
  const readable = await Promise.all(indicators.map((i) => mayReadIndicator(ctx, i)));
  return indicators.filter((_, i) => readable[i]);
}

/** The assignments listed under the goal in a follow-up the request may read, each once. */
export async function assignmentsOfGoal(ctx: RequestContext, goal: IGoal) {
  const rows = await ctx.em.find(
    AssignmentFollowUp,
    { goal, period: { $in: await readablePeriodIds(ctx, goal.kommun.id) } },
    {
      populate: ['period', 'assignment.ownerUnit', 'assignment.responsibleUnit'],
      orderBy: { assignment: { kind: 'asc', id: 'asc' } },
    },
  );
  const followUps = await readableAssignmentFollowUps(ctx, goal.kommun.id, rows);
  return [...new Map(followUps.map((f) => [f.assignment.id, f.assignment])).values()];
}
