import type { Resolvers } from '../../generated/graphql.js';
import { enumValues } from '../../graphql/enum-values.js';
import { loaded } from '../../graphql/loaded.js';
import { parseId } from '../../graphql/errors.js';
import {
  assignmentsOfGoal,
  followUpsOfGoal,
  getGoal,
  goalSummary,
  goalsInScope,
  indicatorsOfGoal,
} from './goal.service.js';

export const goalResolvers: Resolvers = {
  GoalAssessment: enumValues.GoalAssessment,
  Trend: enumValues.Trend,
  Query: {
    goal: (_, { id }, ctx) => getGoal(ctx, parseId(id, 'id')),
  },
  UnitFollowUp: {
    goals: (scope, _, ctx) => goalsInScope(ctx, scope),
    goalSummary: (scope, _, ctx) => goalSummary(ctx, scope),
  },
  GoalFollowUp: {
    goal: (f) => f.goal,
    unit: (f) => f.unit,
    period: (f) => loaded(f.period),
  },
  Goal: {
    area: (goal) => loaded(goal.area),
    followUps: (goal, _, ctx) => followUpsOfGoal(ctx, goal),
    indicators: (goal, _, ctx) => indicatorsOfGoal(ctx, goal),
    assignments: (goal, _, ctx) => assignmentsOfGoal(ctx, goal),
  },
};
