import type { Resolvers } from '../../generated/graphql.js';
import { enumValues } from '../../graphql/enum-values.js';
import { loaded } from '../../graphql/loaded.js';
import { goalSummary, goalsInScope } from './goal.service.js';

export const goalResolvers: Resolvers = {
  GoalAssessment: enumValues.GoalAssessment,
  Trend: enumValues.Trend,
  UnitFollowUp: {
    goals: (scope, _, ctx) => goalsInScope(ctx, scope),
    goalSummary: (scope, _, ctx) => goalSummary(ctx, scope),
  },
  GoalFollowUp: {
    goal: (f) => f.goal,
    unit: (f) => f.unit,
  },
  Goal: {
    area: (goal) => loaded(goal.area),
  },
};
