import type { Resolvers } from '../../generated/graphql.js';
import { offTrack } from './off-track.service.js';

export const overviewResolvers: Resolvers = {
  UnitFollowUp: {
    offTrack: (scope, _, ctx) => offTrack(ctx, scope),
  },
};
