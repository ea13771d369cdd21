/**
 * Runs GraphQL operations against the real schema and a real database, the way a request
 * does (a forked EntityManager and a fresh context per operation), and counts the SQL
 * statements each one costs.
 */
import { MikroORM } from '@mikro-orm/postgresql';
import type { ApolloServer } from '@apollo/server';
import type { DocumentNode } from 'graphql';
import { pino } from 'pino';
import { inject } from 'vitest';
import { asSent } from './client-documents.js';
import { loadConfig } from '../src/config.js';
import { createRequestContext, type RequestContext } from '../src/context.js';
import { ormConfig } from '../src/db/orm-config.js';
import { viewerForToken } from '../src/modules/auth/session.service.js';
import { createServer } from '../src/server.js';

export interface OperationResult<T> {
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown>; path?: readonly (string | number)[] }[];
  statements: number;
}

/** A browser's cookie jar, as far as the session cookie goes. */
export interface TestSession {
  token?: string;
  address?: string;
  /** The browser's User-Agent header. */
  userAgent?: string;
}

/**
 * A document of the client's (test/client-documents.ts), typed by codegen with its result
 * and variables: the shape of TypedDocumentNode, which the server does not depend on.
 */
export interface ClientDocument<R, V> extends DocumentNode {
  __apiType?: (variables: V) => R;
}

export interface GraphQLTestClient {
  orm: MikroORM;
  run<T = Record<string, unknown>>(
    query: string | DocumentNode,
    variables?: Record<string, unknown>,
    session?: TestSession,
  ): Promise<OperationResult<T>>;
  /** Like run, but fails the test on errors and returns the data. */
  data<R, V>(document: ClientDocument<R, V>, variables: V, session?: TestSession): Promise<R>;
  data<T = any>(query: string, variables?: Record<string, unknown>, session?: TestSession): Promise<T>;
  close(): Promise<void>;
}

export interface TestServerSettings {
  /** PUBLIC_REPORTS; on by default, as in the product. */
  publicReports?: boolean;
  /** Settings of the environment, e.g. a higher GRAPHQL_MAX_COST for a query no screen sends. */
  env?: Record<string, string>;
}

export async function graphqlClient(
  url = inject('demoDatabaseUrl'),
  settings: TestServerSettings = {},
): Promise<GraphQLTestClient> {
  let statements = 0;
  const orm = await MikroORM.init(
    ormConfig(url, {
      onQuery: (sql: string) => {
        statements++;
        return sql;
      },
    }),
  );
  const log = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const config = loadConfig(settings.env ?? {});
  const server: ApolloServer<RequestContext> = createServer(log, config);
  await server.start();

  const run = async <T>(
    operation: string | DocumentNode,
    variables?: Record<string, unknown>,
    session?: TestSession,
  ): Promise<OperationResult<T>> => {
    const query = typeof operation === 'string' ? operation : asSent(operation);
    const em = orm.em.fork();
    // The session lookup happens before the operation, as in the HTTP layer; it is not
    // counted as part of the operation's statements.
    const viewer = await viewerForToken(em, session?.token);
    statements = 0;
    const response = await server.executeOperation(
      { query, variables },
      {
        contextValue: createRequestContext({
          em,
          requestId: 'test',
          log,
          viewer,
          sessionToken: session?.token,
          address: session?.address ?? '127.0.0.1',
          userAgent: session?.userAgent,
          production: config.NODE_ENV === 'production',
          publicReports: settings.publicReports ?? true,
          cookie: {
            set: (token) => {
              if (session) session.token = token;
            },
            clear: () => {
              if (session) session.token = undefined;
            },
          },
        }),
      },
    );
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    const { data, errors } = response.body.singleResult;
    return {
      data: (data ?? undefined) as T | undefined,
      errors: errors as OperationResult<T>['errors'],
      statements,
    };
  };
  return {
    orm,
    run,
    async data<T>(
      query: string | DocumentNode,
      variables?: Record<string, unknown>,
      session?: TestSession,
    ): Promise<T> {
      const result = await run<T>(query, variables, session);
      if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
      return result.data as T;
    },
    async close() {
      await server.stop();
      await orm.close(true);
    },
  };
}

/** Looks a unit up by its seed key, as tests speak of units by name, not by id. */
export async function unitId(client: GraphQLTestClient, kommunKey: string, unitKey: string): Promise<string> {
  const rows = await client.orm.em
    .fork()
    .getConnection()
    .execute<{ id: number }[]>(
      'select u.id from org_unit u join kommun k on k.id = u.kommun_id where k.key = ? and u.key = ?',
      [kommunKey, unitKey],
    );
  if (!rows[0]) throw new Error(`no unit ${kommunKey}/${unitKey}`);
  return String(rows[0].id);
}

export async function periodId(
  client: GraphQLTestClient,
  kommunKey: string,
  periodKey: string,
): Promise<string> {
  const rows = await client.orm.em
    .fork()
    .getConnection()
    .execute<{ id: number }[]>(
      'select p.id from period p join kommun k on k.id = p.kommun_id where k.key = ? and p.key = ?',
      [kommunKey, periodKey],
    );
  if (!rows[0]) throw new Error(`no period ${kommunKey}/${periodKey}`);
  return String(rows[0].id);
}
