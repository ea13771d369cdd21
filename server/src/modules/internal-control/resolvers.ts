import type { Resolvers } from '../../generated/graphql.js';
import { InternalControl } from './internal-control.entity.js';

export const internalControlResolvers: Resolvers = {
  UnitFollowUp: {
    internalControls: (scope, _, ctx) =>
      ctx.em.find(
        InternalControl,
        { unit: scope.unit, period: scope.period },
        { orderBy: { position: 'asc' } },
      ),
  },
};
