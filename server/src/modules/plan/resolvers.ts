import type { Resolvers } from '../../generated/graphql.js';
import { loaded, loadedOrNull } from '../../graphql/loaded.js';
import { okOrValidationError } from '../editing/validation.js';
import { koladaKpiTitle } from '../indicators/kolada-kpis.js';
import {
  periodPlan,
  planAssignments,
  planGoals,
  planIndicators,
  planUnitsOf,
  savePlanAssignment,
  savePlanGoal,
  savePlanIndicator,
} from './plan.service.js';

const resultType =
  <T extends string>(typename: T) =>
  (result: object) =>
    'fieldErrors' in result ? ('ValidationError' as const) : typename;

export const planResolvers: Resolvers = {
  Query: {
    periodPlan: (_, { periodId }, ctx) => periodPlan(ctx, periodId),
  },
  PeriodPlan: {
    id: ({ period }) => String(period.id),
    period: ({ period }) => period,
    goals: ({ period }, _, ctx) => planGoals(ctx, period),
    indicators: ({ period }, _, ctx) => planIndicators(ctx, period),
    assignments: ({ period }, _, ctx) => planAssignments(ctx, period),
    units: ({ period }, _, ctx) => planUnitsOf(ctx, period),
  },
  PlanGoal: {
    id: (g) => `${g.periodId}:${g.goal.id}`,
    goal: (g) => g.goal,
    units: (g) => g.units,
  },
  PlanIndicator: {
    id: (i) => `${i.periodId}:${i.indicator.id}`,
    indicator: (i) => i.indicator,
    units: (i) => i.units,
  },
  PlanAssignment: {
    id: (a) => `${a.periodId}:${a.assignment.id}`,
    assignment: (a) => loaded(a.assignment),
    goal: (a) => loadedOrNull(a.goal),
  },
  SavePlanGoalResult: { __resolveType: resultType('PlanGoal') },
  SavePlanIndicatorResult: { __resolveType: resultType('PlanIndicator') },
  SavePlanAssignmentResult: { __resolveType: resultType('PlanAssignment') },
  Mutation: {
    savePlanGoal: async (_, { input }, ctx) => okOrValidationError(await savePlanGoal(ctx, input)),
    savePlanIndicator: async (_, { input }, ctx) => okOrValidationError(await savePlanIndicator(ctx, input)),
    savePlanAssignment: async (_, { input }, ctx) =>
      okOrValidationError(await savePlanAssignment(ctx, input)),
  },
  Indicator: {
    key: (i) => i.key,
    decimals: (i) => i.decimals ?? null,
    koladaTitle: (i) => (i.koladaKpiId ? (koladaKpiTitle(i.koladaKpiId) ?? null) : null),
  },
  Assignment: {
    key: (a) => a.key,
    decidedBy: (a) => a.decidedBy ?? null,
    decidedOn: (a) => a.decidedOn ?? null,
  },
};
