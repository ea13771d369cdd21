/**
 * The operation limits let through everything the app sends, with room to spare: every
 * document the client has (the generated ones, as Apollo Client sends them) is measured by
 * the same rules the server applies, and the largest depth, aliases, directives, tokens and
 * cost are printed as the evidence the defaults in config.ts are chosen from.
 */
import {
  buildSchema,
  Kind,
  Lexer,
  parse,
  print,
  Source,
  specifiedRules,
  TokenKind,
  validate,
  typeFromAST,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  type DocumentNode,
  type FieldNode,
  type GraphQLInputType,
  type NamedTypeNode,
  type OperationDefinitionNode,
} from 'graphql';
import { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import * as documents from './client-documents.js';
import { loadConfig } from '../src/config.js';
import { ormConfig } from '../src/db/orm-config.js';
import { DEMO_PASSWORD } from '../src/db/seed/demo-users.js';
import { loadTypeDefs } from '../src/graphql/schema.js';
import {
  operationCost,
  operationLimits,
  operationLimitsOf,
  type Measure,
} from '../src/graphql/operation-limits.js';
import { documentAsSent } from './client-documents.js';
import { serveForTest, type TestHttpServer } from './http-server.js';

const schema = buildSchema(loadTypeDefs().join('\n'));
const limits = operationLimitsOf(loadConfig({}));

/** Every operation the client has, as sent: queries, and the mutations it sends one by one. */
const operations = Object.entries(documents as Record<string, unknown>)
  .filter(([name, doc]) => name.endsWith('Document') && typeof doc === 'object')
  .map(([name, doc]) => ({
    name: name.replace(/Document$/, ''),
    sent: print(documentAsSent(doc as DocumentNode)),
  }));

/**
 * Values for an operation's variables that the schema accepts. The cost of the app's
 * documents does not depend on them (they have no @include or @skip), but the cost is
 * computed on coerced variables, as the server does.
 */
function sampleVariables(operation: OperationDefinitionNode): Record<string, unknown> {
  const sample = (type: GraphQLInputType): unknown => {
    if (isNonNullType(type)) return sample(type.ofType);
    if (isListType(type)) return [sample(type.ofType)];
    if (isEnumType(type)) return type.getValues()[0]!.value;
    if (isInputObjectType(type))
      return Object.fromEntries(
        Object.values(type.getFields())
          .filter((f) => isNonNullType(f.type))
          .map((f) => [f.name, sample(f.type)]),
      );
    return (
      { Int: 1, Float: 1, Boolean: true, Date: '2025-01-01', DateTime: '2025-01-01T00:00:00Z' }[type.name] ??
      '1'
    );
  };
  return Object.fromEntries(
    (operation.variableDefinitions ?? []).map((v) => [
      v.variable.name.value,
      sample(typeFromAST(schema, v.type as NamedTypeNode) as GraphQLInputType),
    ]),
  );
}

function tokens(text: string): number {
  const lexer = new Lexer(new Source(text));
  let count = 0;
  while (lexer.advance().kind !== TokenKind.EOF) count++;
  return count;
}

/** The margin each measure keeps below its limit: the app may grow by half before it meets one. */
const MARGIN = 1.5;

describe('the operation limits', () => {
  it('let every operation the app sends pass, with half as much again to spare', () => {
    expect(operations.length).toBeGreaterThan(20);
    const largest: Record<Measure | 'tokens' | 'cost', { value: number; operation: string }> = {
      depth: { value: 0, operation: '' },
      aliases: { value: 0, operation: '' },
      directives: { value: 0, operation: '' },
      tokens: { value: 0, operation: '' },
      cost: { value: 0, operation: '' },
    };
    const note = (measure: keyof typeof largest, value: number, operation: string) => {
      if (value > largest[measure].value) largest[measure] = { value, operation };
    };
    for (const { name, sent } of operations) {
      const document = parse(sent, { maxTokens: limits.maxTokens });
      const { validationRules } = operationLimits(limits, (measure, value) => note(measure, value, name));
      expect(
        validate(schema, document, [...specifiedRules, ...validationRules]).map((e) => e.message),
        name,
      ).toEqual([]);
      note('tokens', tokens(sent), name);
      const operation = document.definitions.find(
        (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
      )!;
      note('cost', operationCost(schema, document, sampleVariables(operation), operation.name?.value), name);
    }
    console.log(
      `largest of the app's ${operations.length} operations, against the limits:\n` +
        Object.entries(largest)
          .map(([measure, { value, operation }]) => `  ${measure}: ${value} (${operation})`)
          .join('\n'),
    );
    expect(largest.depth.value * MARGIN).toBeLessThanOrEqual(limits.maxDepth);
    expect(largest.aliases.value * MARGIN).toBeLessThanOrEqual(limits.maxAliases);
    expect(largest.directives.value * MARGIN).toBeLessThanOrEqual(limits.maxDirectives);
    expect(largest.tokens.value * MARGIN).toBeLessThanOrEqual(limits.maxTokens);
    expect(largest.cost.value * MARGIN).toBeLessThanOrEqual(limits.maxCost);
  });
});

/**
 * Abuse through the real HTTP app of a production server, as an anonymous visitor, on the
 * demo data: each is refused in Swedish with a code, and before any SQL statement runs.
 */
describe('an anonymous visitor of a production server', () => {
  let orm: MikroORM;
  let server: TestHttpServer | undefined;
  let base: string;
  let statements = 0;
  let unitId: string;

  beforeAll(async () => {
    orm = await MikroORM.init(
      ormConfig(inject('demoDatabaseUrl'), {
        onQuery: (sql: string) => {
          statements++;
          return sql;
        },
      }),
    );
    server = await serveForTest(loadConfig({ PORT: '0', NODE_ENV: 'production' }), orm);
    base = server.base;
    const [ksk] = await orm.em
      .fork()
      .getConnection()
      .execute<{ id: number }[]>(
        `select id from org_unit where name = 'Kommunstyrelsekontoret' and key like 'ksk%' limit 1`,
      );
    unitId = String(ksk!.id);
    // The first request of a process compiles the code paths it takes; the times printed
    // are those of a running server.
    await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query":"{ kommuner { id } }"}',
    });
  });
  afterAll(async () => {
    await server?.close();
    await orm?.close(true);
  });

  interface Answer {
    data?: unknown;
    errors?: { message: string; extensions?: { code?: string } }[];
  }
  /** Posts a body and answers with the status, the answer, the SQL statements it cost and how long it took. */
  async function send(body: unknown) {
    statements = 0;
    const started = performance.now();
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const answer = (await response.json()) as Answer | Answer[];
    return { status: response.status, answer, statements, ms: performance.now() - started, response };
  }

  /** Sends the query, expects it refused with `code` and a Swedish message, and prints how fast. */
  async function expectRefused(what: string, body: unknown, code: string) {
    const { status, answer, statements: sql, ms } = await send(body);
    const { errors, data } = answer as Answer;
    console.log(
      `${what}: ${status} ${code} in ${ms.toFixed(1)} ms, ${sql} SQL statements – ${errors?.[0]?.message}`,
    );
    expect(data).toBeUndefined();
    expect(errors?.map((e) => e.extensions?.code)).toContain(code);
    expect(errors?.find((e) => e.extensions?.code === code)?.message).toMatch(/[åäö]|Frågan|frågor/);
    expect(sql).toBe(0);
    expect(status).toBe(400);
  }

  /** `unit { children { parent { children … { name } } } }`, `levels` children deep. */
  const nested = (levels: number) =>
    `{ unit(id: "${unitId}") { ${'children { parent { '.repeat(levels - 1)}children { name }${' } }'.repeat(levels - 1)} } }`;

  it('is refused the nested children–parent query seven deep', async () => {
    await expectRefused('nested 7 deep', { query: nested(7) }, 'QUERY_TOO_DEEP');
  });

  it('is refused a nested query within the depth limit whose lists multiply past the cost limit', async () => {
    // Depth 11, within the limit: five levels of children, each unit's children again.
    await expectRefused('nested 5 deep (depth 11)', { query: nested(5) }, 'QUERY_TOO_COMPLEX');
  });

  /** The unit page's query with its unit asked for `count` times under aliases. */
  function aliasedUnitPage(count: number) {
    const document = documentAsSent(documents.UnitPageDocument);
    const definitions = document.definitions.map((d) => {
      if (d.kind !== Kind.OPERATION_DEFINITION) return d;
      const [unit] = d.selectionSet.selections as FieldNode[];
      const selections = Array.from({ length: count }, (_, i) => ({
        ...unit!,
        alias: { kind: Kind.NAME, value: `u${i}` } as const,
      }));
      return { ...d, selectionSet: { ...d.selectionSet, selections } };
    });
    return { query: print({ ...document, definitions }), variables: { unitId } };
  }

  it('is refused two hundred aliases of the unit page, by its length', async () => {
    await expectRefused('200 aliases of the unit page', aliasedUnitPage(200), 'TOO_MANY_TOKENS');
  });

  it('is refused more aliases than the limit, however short', async () => {
    const query = `{ ${Array.from({ length: 16 }, (_, i) => `k${i}: kommuner { id }`).join(' ')} }`;
    await expectRefused('16 aliases', { query }, 'TOO_MANY_ALIASES');
  });

  it('is refused a query of a hundred thousand tokens', async () => {
    await expectRefused(
      '100 000 tokens',
      { query: `{ unit(id: "${unitId}") { ${'id '.repeat(100_000)}} }` },
      'TOO_MANY_TOKENS',
    );
  });

  it('is refused a query with many directives', async () => {
    await expectRefused(
      '50 directives',
      { query: `{ unit(id: "${unitId}") { ${'id @include(if: true) '.repeat(50)}} }` },
      'TOO_MANY_DIRECTIVES',
    );
  });

  it('is refused a query whose lists multiply past the cost limit', async () => {
    // Every kommun's every unit's reports with every section's history: within the depth limit.
    const query = `{ kommuner { periods { id } root { children { children { children { reports {
      sections { history { revisions { changes { field before after } } } } } } } } } } }`;
    await expectRefused('oversized list cost', { query }, 'QUERY_TOO_COMPLEX');
  });

  it('is refused a batch of a hundred operations, none of which runs', async () => {
    await expectRefused(
      'batch of 100',
      Array.from({ length: 100 }, () => ({ query: `{ unit(id: "${unitId}") { id } }` })),
      'BATCH_TOO_LARGE',
    );
  });

  it('is refused a mutation in a batch: signing in there signs nobody in', async () => {
    const { answer, response } = await send([
      { query: `{ unit(id: "${unitId}") { id } }` },
      {
        query: `mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { __typename } }`,
        variables: { e: 'politiker@norrtalje.demo', p: DEMO_PASSWORD },
      },
    ]);
    const [query, mutation] = answer as Answer[];
    expect(query!.data).toEqual({ unit: { id: unitId } });
    expect(mutation!.data).toBeUndefined();
    expect(mutation!.errors?.[0]?.extensions?.code).toBe('BATCHED_MUTATION');
    expect(mutation!.errors?.[0]?.message).toMatch(/ändring/);
    expect(response.headers.get('set-cookie')).toBeNull();
  });

  it('is refused introspection', async () => {
    await expectRefused(
      'introspection',
      { query: '{ __schema { types { name } } }' },
      'INTROSPECTION_DISABLED',
    );
  });

  it('gets no "Did you mean" suggestion of the schema’s names in an error', async () => {
    const { answer } = await send({ query: `{ unit(id: "${unitId}") { nam } }` });
    const [error] = (answer as Answer).errors!;
    expect(error!.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(error!.message).toContain('nam');
    expect(error!.message).not.toMatch(/Did you mean|"name"/);
  });

  it('has the offline download’s batches of 25 of the app’s queries answered in full', async () => {
    const sql = orm.em.fork().getConnection();
    const [{ period } = { period: 0 }] = await sql.execute<{ period: number }[]>(
      `select period_id as period from report where unit_id = ${Number(unitId)} and status = 'published' order by published_at desc limit 1`,
    );
    const units = await sql.execute<{ id: number }[]>(
      `select id from org_unit where path like (select path from org_unit where id = ${Number(unitId)}) || '%' order by path limit 5`,
    );
    const screens = [
      documents.UnitPageDocument,
      documents.GoalsSectionDocument,
      documents.IndicatorsSectionDocument,
      documents.AssignmentsSectionDocument,
      documents.EconomySectionDocument,
    ];
    const batch = units.flatMap(({ id }) =>
      screens.map((doc) => ({
        query: print(documentAsSent(doc)),
        variables: { unitId: String(id), periodId: String(period) },
      })),
    );
    expect(batch).toHaveLength(25);
    const { status, answer, ms } = await send(batch);
    console.log(`a batch of 25 of the offline download: ${status} in ${ms.toFixed(0)} ms`);
    expect(status).toBe(200);
    for (const one of answer as Answer[]) {
      expect(one.errors).toBeUndefined();
      expect(one.data).toBeTruthy();
    }
  });
});
