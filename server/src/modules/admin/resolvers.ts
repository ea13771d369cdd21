import type { Resolvers } from '../../generated/graphql.js';
import { okOrValidationError } from '../editing/validation.js';
import { addUser, openWorkingPeriod } from './admin.service.js';

export const adminResolvers: Resolvers = {
  CreateUserResult: {
    __resolveType: (result) => ('fieldErrors' in result ? 'ValidationError' : 'UserCreated'),
  },
  OpenPeriodResult: {
    __resolveType: (result) => ('fieldErrors' in result ? 'ValidationError' : 'Period'),
  },
  Mutation: {
    createUser: async (_, { input }, ctx) => {
      const outcome = await addUser(ctx, input);
      return okOrValidationError('ok' in outcome ? { ok: { user: outcome.ok } } : outcome);
    },
    openPeriod: async (_, { input }, ctx) => okOrValidationError(await openWorkingPeriod(ctx, input)),
  },
};
