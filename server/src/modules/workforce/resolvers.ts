import type { Resolvers } from '../../generated/graphql.js';
import { enumValues } from '../../graphql/enum-values.js';
import { sickLeaveOf, staffTurnoverOf } from './workforce.service.js';

export const workforceResolvers: Resolvers = {
  FigureScope: enumValues.FigureScope,
  UnitFollowUp: {
    sickLeave: (scope, _, ctx) => sickLeaveOf(ctx, scope),
    staffTurnover: (scope, _, ctx) => staffTurnoverOf(ctx, scope),
  },
  SickLeave: { percent: (s) => (s.percent == null ? null : Number(s.percent)) },
  StaffTurnover: { percent: (s) => (s.percent == null ? null : Number(s.percent)) },
};
