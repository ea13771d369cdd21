import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { loadConfig, type Config } from './config.js';
import type { RequestContext } from './context.js';
import { expectedErrorCodes, swedishCoercionError } from './graphql/errors.js';
import { formatRefusal, operationLimits, operationLimitsOf } from './graphql/operation-limits.js';
import { buildSchema } from './graphql/schema.js';
import { signInRequired } from './graphql/sign-in-required.js';
import { withoutSecrets } from './log.js';
import { PUBLISHED_SQLSTATE } from './db/published-sqlstate.js';
import { PUBLISHED_MESSAGE } from './modules/editing/edit-record.js';

/**
 * The Apollo server without a listener: index.ts mounts it on HTTP, the tests call
 * `executeOperation` on it directly. The settings default to those of an empty environment.
 */
export function createServer(
  unsafeLog: Logger,
  config: Config = loadConfig({}),
): ApolloServer<RequestContext> {
  const log = withoutSecrets(unsafeLog);
  const limits = operationLimitsOf(config);
  const guard = operationLimits(limits);
  const production = config.NODE_ENV === 'production';
  return new ApolloServer<RequestContext>({
    schema: buildSchema(),
    // In production the schema is not handed out, nor guessed at through "Did you mean …":
    // the app has its documents built in, and nobody else needs a map of the API.
    introspection: !production,
    hideSchemaDetailsFromClientErrors: production,
    // A device keeping a report for offline reading asks for its screens in batches: one
    // round trip for many small queries on a poor connection (at most GRAPHQL_MAX_BATCH,
    // checked in http.ts, and never a mutation).
    allowBatchedHttpRequests: true,
    parseOptions: { maxTokens: limits.maxTokens },
    validationRules: guard.validationRules,
    // No HTTP cache hints from GraphQL (the PWA caches on its own terms); the plugin would
    // otherwise run for every resolved field.
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      ...guard.plugins,
      // PUBLIC_REPORTS=false: nothing but signing in without a session.
      signInRequired,
    ],
    // Unexpected errors (a database that went away, a bug) are logged with the request id
    // and reach the client only as a masked message it can show and retry.
    formatError: (formatted: GraphQLFormattedError, error: unknown) => {
      const refused = formatRefusal(formatted, error, limits);
      if (refused) return refused;
      const code = formatted.extensions?.code;
      if (code === 'BAD_USER_INPUT') return swedishCoercionError(formatted, error);
      if (typeof code === 'string' && expectedErrorCodes.has(code)) return formatted;
      const original = unwrapResolverError(error);
      // The database's own refusal (a write path that forgot the app's check): what the
      // app would have answered.
      if ((original as { code?: unknown } | null)?.code === PUBLISHED_SQLSTATE) {
        return { message: PUBLISHED_MESSAGE, path: formatted.path, extensions: { code: 'PUBLISHED' } };
      }
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
