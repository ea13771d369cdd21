import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import type { RequestContext } from './context.js';
import { expectedErrorCodes, swedishCoercionError } from './graphql/errors.js';
import { loadTypeDefs, resolvers } from './graphql/schema.js';

/**
 * The Apollo server without a listener: index.ts mounts it on HTTP, the tests call
 * `executeOperation` on it directly.
 */
export function createServer(log: Logger): ApolloServer<RequestContext> {
  return new ApolloServer<RequestContext>({
    typeDefs: loadTypeDefs(),
    resolvers: resolvers as never,
    introspection: true,
    // A device keeping a report for offline reading asks for its screens in batches: one
    // round trip for many small queries on a poor connection.
    allowBatchedHttpRequests: true,
    // No HTTP cache hints from GraphQL (the PWA caches on its own terms); the plugin would
    // otherwise run for every resolved field.
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginCacheControlDisabled()],
    // Unexpected errors (a database that went away, a bug) are logged with the request id
    // and reach the client only as a masked message it can show and retry.
    formatError: (formatted: GraphQLFormattedError, error: unknown) => {
      const code = formatted.extensions?.code;
      if (code === 'BAD_USER_INPUT') return swedishCoercionError(formatted);
      if (typeof code === 'string' && expectedErrorCodes.has(code)) return formatted;
      const original = unwrapResolverError(error);
      const requestId = (error as { requestId?: string })?.requestId;
      log.error({ err: original, path: formatted.path, requestId }, 'unexpected error in GraphQL request');
      return {
        message: 'Ett oväntat fel inträffade. Försök igen om en stund.',
        path: formatted.path,
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      };
    },
  });
}
