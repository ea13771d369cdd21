import type { Resolvers } from '../../generated/graphql.js';
import { MIN_PASSWORD_LENGTH } from '../auth/password.js';
import { okOrValidationError } from '../editing/validation.js';
import { koladaKommuner } from './kolada-municipalities.js';
import { setUpFirstKommun, setupNeeded } from './kommun-setup.service.js';

export const setupResolvers: Resolvers = {
  Query: {
    setup: async (_, __, ctx) => {
      const needed = await setupNeeded(ctx.em);
      return {
        needed,
        kommunChoices: needed ? [...koladaKommuner()] : [],
        passwordMinLength: MIN_PASSWORD_LENGTH,
      };
    },
  },
  SetUpResult: {
    __resolveType: (result) =>
      'fieldErrors' in result ? 'ValidationError' : 'errorCode' in result ? 'SetupError' : 'SetUpDone',
  },
  Mutation: {
    setUp: async (_, { input }, ctx) => {
      const outcome = await setUpFirstKommun(ctx, input);
      if ('refused' in outcome) {
        ctx.log.warn({ address: ctx.address, errorCode: outcome.refused.errorCode }, 'set-up refused');
        return outcome.refused;
      }
      if ('invalid' in outcome) return okOrValidationError(outcome);
      const { kommun, admin, token, expiresAt } = outcome.ok;
      ctx.log.info({ kommunId: kommun.id, userId: admin.id, address: ctx.address }, 'kommun set up');
      ctx.cookie.set(token, expiresAt);
      return { kommun, viewer: admin };
    },
  },
};
