import type { Resolvers } from '../../generated/graphql.js';
import { enumValues } from '../../graphql/enum-values.js';
import { okOrValidationError } from '../editing/validation.js';
import { changePassword, mySessions, signOutEverywhere, signOutSession } from './account.service.js';
import { signIn, signOut } from './session.service.js';

export const authResolvers: Resolvers = {
  Role: enumValues.Role,
  Query: {
    me: (_, __, ctx) => ctx.viewer,
    mySessions: (_, __, ctx) => mySessions(ctx),
  },
  ChangePasswordResult: {
    __resolveType: (result) => ('fieldErrors' in result ? 'ValidationError' : 'PasswordChanged'),
  },
  Mutation: {
    signIn: async (_, { email, password }, ctx) => {
      const outcome = await signIn(ctx.em, {
        email,
        password,
        address: ctx.address,
        userAgent: ctx.userAgent,
      });
      // A security log of who tried from where; never the password, hash or token.
      const attempt = { email: email.trim().toLowerCase().slice(0, 254), address: ctx.address };
      if (!outcome.ok) {
        ctx.log.warn({ ...attempt, errorCode: outcome.errorCode }, 'sign-in refused');
        return { __typename: 'SignInError', ...outcome, field: outcome.field ?? null };
      }
      ctx.log.info({ ...attempt, userId: outcome.user.id }, 'signed in');
      ctx.cookie.set(outcome.token, outcome.expiresAt);
      return { __typename: 'SignedIn', viewer: outcome.user, expiresAt: outcome.expiresAt.toISOString() };
    },
    signOut: async (_, __, ctx) => {
      const ended = await signOut(ctx.em, ctx.sessionToken);
      ctx.cookie.clear();
      return ended;
    },
    changePassword: async (_, input, ctx) => {
      const outcome = await changePassword(ctx, input);
      const userId = ctx.viewer?.id;
      if ('ok' in outcome) ctx.log.info({ userId, ...outcome.ok }, 'password changed');
      else ctx.log.warn({ userId, address: ctx.address }, 'password change refused');
      return okOrValidationError(outcome);
    },
    signOutEverywhere: async (_, __, ctx) => {
      const ended = await signOutEverywhere(ctx);
      ctx.log.info({ userId: ctx.viewer?.id, ended }, 'signed out everywhere');
      return ended;
    },
    signOutSession: (_, { id }, ctx) => signOutSession(ctx, id),
  },
  Viewer: {
    kommun: (user) => user.kommun,
    units: (user) => user.units.getItems(),
  },
};
