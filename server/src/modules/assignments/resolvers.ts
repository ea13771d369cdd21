import type { Resolvers } from '../../generated/graphql.js';
import { enumValues } from '../../graphql/enum-values.js';
import { parseId } from '../../graphql/errors.js';
import { loaded, loadedOrNull } from '../../graphql/loaded.js';
import { unitAsOf, unitOf } from '../organisation/organisation.service.js';
import { editResultType, runEdit } from '../editing/edit-record.js';
import { editableFields } from '../editing/resolvers.js';
import { assignmentFollowUpKind } from './assignment-edit.js';
import {
  assignmentOrigins,
  assignmentSummary,
  filteredAssignments,
  followUpsOf,
  getAssignment,
  originOf,
  predecessorOf,
  successorOf,
} from './assignment.service.js';

export const assignmentResolvers: Resolvers = {
  AssignmentKind: enumValues.AssignmentKind,
  AssignmentStatus: enumValues.AssignmentStatus,
  Forecast: enumValues.Forecast,
  Query: {
    assignment: (_, { id }, ctx) => getAssignment(ctx, parseId(id, 'id')),
  },
  UnitFollowUp: {
    assignments: (scope, { filter }, ctx) => filteredAssignments(ctx, scope, filter),
    assignmentSummary: (scope, _, ctx) => assignmentSummary(ctx, scope),
    assignmentOrigins: (scope, _, ctx) => assignmentOrigins(ctx, scope),
  },
  AssignmentFollowUp: {
    assignment: (f) => f.assignment,
    period: (f) => loaded(f.period),
    goal: (f) => loadedOrNull(f.goal),
    origin: (f, _, ctx) => originOf(ctx, f),
    ownerUnitInPeriod: async (f, _, ctx) => unitAsOf(ctx, (await loaded(f.assignment)).ownerUnit, f.period),
    responsibleUnitInPeriod: async (f, _, ctx) => {
      const { responsibleUnit } = await loaded(f.assignment);
      return responsibleUnit ? unitAsOf(ctx, responsibleUnit, f.period) : null;
    },
    ...editableFields(assignmentFollowUpKind),
  },
  AssignmentFollowUpEditResult: { __resolveType: editResultType('AssignmentFollowUp') },
  Mutation: {
    editAssignmentFollowUp: (_, { input }, ctx) => runEdit(ctx, assignmentFollowUpKind, input),
  },
  Assignment: {
    goal: async (a, _, ctx) => loadedOrNull((await followUpsOf(ctx, a))[0]?.goal),
    ownerUnit: (a, _, ctx) => unitOf(ctx, a.ownerUnit),
    responsibleUnit: (a, _, ctx) => (a.responsibleUnit ? unitOf(ctx, a.responsibleUnit) : null),
    successor: (a, _, ctx) => successorOf(ctx, a),
    followUps: (a, _, ctx) => followUpsOf(ctx, a),
    predecessor: (a, _, ctx) => predecessorOf(ctx, a),
  },
};
