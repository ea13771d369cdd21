import type { Resolvers } from '../../generated/graphql.js';
import { okOrValidationError } from '../editing/validation.js';
import { addUser, openWorkingPeriod } from './admin.service.js';
import { kommunUsers, setUserDisabled } from './user-access.service.js';

export const adminResolvers: Resolvers = {
  CreateUserResult: {
    __resolveType: (result) => ('fieldErrors' in result ? 'ValidationError' : 'UserCreated'),
  },
  OpenPeriodResult: {
    __resolveType: (result) => ('fieldErrors' in result ? 'ValidationError' : 'Period'),
  },
  UserAccountResult: {
    __resolveType: (result) => ('fieldErrors' in result ? 'ValidationError' : 'UserAccount'),
  },
  UserAccount: {
    disabledAt: (user) => user.disabledAt?.toISOString() ?? null,
    // Populated wherever a UserAccount is answered (user-access.service.ts).
    disabledBy: (user) => user.disabledBy?.name ?? null,
  },
  Query: {
    kommunUsers: (_, __, ctx) => kommunUsers(ctx),
  },
  Mutation: {
    disableUser: async (_, { id }, ctx) => okOrValidationError(await setUserDisabled(ctx, id, true)),
    enableUser: async (_, { id }, ctx) => okOrValidationError(await setUserDisabled(ctx, id, false)),
    createUser: async (_, { input }, ctx) => {
      const outcome = await addUser(ctx, input);
      return okOrValidationError('ok' in outcome ? { ok: { user: outcome.ok } } : outcome);
    },
    openPeriod: async (_, { input }, ctx) => okOrValidationError(await openWorkingPeriod(ctx, input)),
  },
};
