import type { Resolvers } from '../../generated/graphql.js';
import { enumValues } from '../../graphql/enum-values.js';
import { loaded } from '../../graphql/loaded.js';
import { parseId } from '../../graphql/errors.js';
import { editResultType, runEdit } from '../editing/edit-record.js';
import { editableFields } from '../editing/resolvers.js';
import { goalFollowUpKind } from './goal-edit.js';
import { unitAsOf } from '../organisation/organisation.service.js';
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
    unitInPeriod: (f, _, ctx) => unitAsOf(ctx, f.unit, f.period),
    period: (f) => loaded(f.period),
    ...editableFields(goalFollowUpKind),
  },
  GoalFollowUpEditResult: { __resolveType: editResultType('GoalFollowUp') },
  Mutation: {
    editGoalFollowUp: (_, { input }, ctx) => runEdit(ctx, goalFollowUpKind, input),
  },
  Goal: {
    area: (goal) => loaded(goal.area),
    followUps: (goal, _, ctx) => followUpsOfGoal(ctx, goal),
    indicators: (goal, _, ctx) => indicatorsOfGoal(ctx, goal),
    assignments: (goal, _, ctx) => assignmentsOfGoal(ctx, goal),
  },
};
