import type { Resolvers } from '../../generated/graphql.js';
import { addUser, openWorkingPeriod } from './admin.service.js';

const invalid = (fieldErrors: { field: string; message: string }[]) => ({
  message: 'Inget sparades: rätta uppgifterna och försök igen.',
  fieldErrors,
});

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
      return 'ok' in outcome ? { user: outcome.ok } : invalid(outcome.invalid);
    },
    openPeriod: async (_, { input }, ctx) => {
      const outcome = await openWorkingPeriod(ctx, input);
      return 'ok' in outcome ? outcome.ok : invalid(outcome.invalid);
    },
  },
};
