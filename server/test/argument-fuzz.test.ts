/**
 * Bad input, everywhere: every argument of every field of the schema that takes arguments
 * (the Query and Mutation fields, and the nested ones such as `history(first:)` and
 * `assignments(filter:)`), and every field of an input object in it, gets each bad value
 * its type can carry: a NUL character, a lone surrogate, text one character longer than the
 * field takes, dates PostgreSQL cannot store or nobody means, and numbers at the ends of
 * their range. The fields are read from the schema, so a new mutation or argument is fuzzed
 * without a line here; one the sweep cannot fill with valid values fails the test.
 *
 * Each answer must be a refusal that names the field (the ValidationError member of the
 * result, a BAD_USER_INPUT error with the field, or signing in's VALIDATION error), never
 * "Ett oväntat fel"; numbers may also be answered as asked, or as a version conflict.
 * Nothing in the database may change over the whole sweep.
 */
import {
  getNamedType,
  getNullableType,
  isAbstractType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isObjectType,
  isScalarType,
  isUnionType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/db/seed/demo-users.js';
import { limitedCoordinates, maxLengthOf } from '../src/graphql/argument-guard.js';
import { buildSchema } from '../src/graphql/schema.js';
import { graphqlClient, type GraphQLTestClient, type TestSession } from './graphql-client.js';
import { dropDatabase, seededDatabase } from './test-database.js';

const dbName = `uppfoljning_fuzz_${process.pid}`;
let client: GraphQLTestClient;
let admin: TestSession;
const schema: GraphQLSchema = buildSchema();

const sql = async <T>(query: string, params: unknown[] = []) =>
  client.orm.em.fork().getConnection().execute<T[]>(query, params);
const one = async (what: string, query: string, params: unknown[] = []) => {
  const [row] = await sql<{ id: number; version?: number }>(query, params);
  if (!row) throw new Error(`the demo data has no ${what}`);
  return row;
};

// ---------------------------------------------------------------------------------------
// Valid values, by schema coordinate (`Type.field(argument:)` or `InputType.field`; `*.`
// for any type). Ids and versions come from the demo database; anything else not named here
// is filled by its type.

const valid: Record<string, unknown> = {};

async function lookUpValidValues() {
  const kommun = await one('kommun', `select id from kommun where key = 'norrtalje'`);
  const unit = await one(
    'office',
    `select u.id from org_unit u join kommun k on k.id = u.kommun_id where k.key = 'norrtalje' and u.key = 'ksk'`,
  );
  // The working period: the latest one with no published report, so its records are editable.
  const period = await one(
    'working period',
    `select p.id from period p join kommun k on k.id = p.kommun_id where k.key = 'norrtalje'
      and not exists (select 1 from report r where r.period_id = p.id and r.status = 'published')
      order by p.end_date desc limit 1`,
  );
  const inPeriod = (table: string) =>
    one(table, `select id, version from ${table} where period_id = ? order by id limit 1`, [period.id]);
  const assignment = await inPeriod('assignment_follow_up');
  const goal = await inPeriod('goal_follow_up');
  const indicator = await inPeriod('indicator_follow_up');
  const economyLine = await one(
    'economy line',
    `select l.id, l.version from economy_line l join economy_table t on t.id = l.table_id
      where t.period_id = ? order by l.id limit 1`,
    [period.id],
  );
  const ids = async (table: string, column: string, id: number) =>
    (await one(table, `select ${column} as id from ${table} where id = ?`, [id])).id;
  const unitKeyed = async (key: string) =>
    (await one(key, `select id from org_unit where key = ? and kommun_id = ?`, [key, kommun.id])).id;
  const reader = await one('reader', `select id from app_user where email = 'politiker@norrtalje.demo'`);
  const published = await one('published report', `select id from report where status = 'published' limit 1`);
  // Two drafts of the working period: one to publish, one to delete, and a section to edit.
  const draft = async (type: string) => {
    const { createDraftReport } = await client.data(
      `mutation($input: NewDraftReport!) { createDraftReport(input: $input) { ... on Report { id } } }`,
      { input: { unitId: String(unit.id), periodId: String(period.id), type, title: `Fuzz ${type}` } },
      admin,
    );
    if (!createDraftReport?.id) throw new Error(`could not draft a ${type}`);
    return Number(createDraftReport.id);
  };
  const toPublish = await draft('TERTIALRAPPORT');
  const toDelete = await draft('DELARSRAPPORT');
  const section = await one(
    'report section',
    `select id, version from report_section where report_id = ? order by id limit 1`,
    [toPublish],
  );
  const edit = (row: { id: number; version?: number }) => ({ id: String(row.id), version: row.version });
  Object.assign(valid, {
    'Query.kommun(id:)': String(kommun.id),
    'Query.unit(id:)': String(unit.id),
    'Query.assignment(id:)': String(await ids('assignment_follow_up', 'assignment_id', assignment.id)),
    'Query.goal(id:)': String(await ids('goal_follow_up', 'goal_id', goal.id)),
    'Query.indicator(id:)': String(await ids('indicator_follow_up', 'indicator_id', indicator.id)),
    'Query.report(id:)': String(published.id),
    'Query.latestPublishedReport(unitId:)': String(unit.id),
    // Through `editable`, each kind of record is reached by its own type and id.
    'Query.editable(type:)': (next = 'AssignmentFollowUp') => next,
    'Query.editable(id:)': (next = 'AssignmentFollowUp') =>
      String(
        {
          AssignmentFollowUp: assignment,
          GoalFollowUp: goal,
          IndicatorFollowUp: indicator,
          EconomyLine: economyLine,
          ReportSection: section,
        }[next]?.id,
      ),
    'OrgUnit.followUp(periodId:)': String(period.id),
    'OrgUnit.inPeriod(periodId:)': String(period.id),
    'Query.organisationInPeriod(periodId:)': String(period.id),
    'CreateUnitInput.fromPeriodId': String(period.id),
    'CreateUnitInput.parentId': String(unit.id),
    'CreateUnitInput.kind': 'ENHET',
    'CreateUnitInput.key': 'fuzz-enhet',
    'RenameUnitInput.unitId': String(await unitKeyed('ksk-stab')),
    'RenameUnitInput.fromPeriodId': String(period.id),
    'MoveUnitInput.unitId': String(await unitKeyed('ksk-it')),
    'MoveUnitInput.parentId': String(await unitKeyed('ksk-ekonomi')),
    'MoveUnitInput.fromPeriodId': String(period.id),
    'CloseUnitInput.unitId': String(await unitKeyed('ksk-hr')),
    'CloseUnitInput.fromPeriodId': String(period.id),
    'AssignmentFilter.responsibleUnitId': String(unit.id),
    '*.history(first:)': 5,
    '*.history(after:)': '1',
    'Report.changes(economyThreshold:)': 1_000_000,
    'NewUserInput.email': 'ny.person@norrtalje.se',
    'NewUserInput.password': 'ett långt lösenord',
    'NewUserInput.role': 'LASARE',
    'NewUserInput.unitIds': [String(unit.id)],
    'NewPeriodInput.key': '2031',
    'NewPeriodInput.kind': 'AR',
    'NewPeriodInput.startDate': '2031-01-01',
    'NewPeriodInput.endDate': '2031-12-31',
    'NewDraftReport.unitId': String(unit.id),
    'NewDraftReport.periodId': String(period.id),
    'NewDraftReport.type': 'VERKSAMHETSBERATTELSE',
    'Mutation.signIn(email:)': 'admin@norrtalje.demo',
    'Mutation.signIn(password:)': DEMO_PASSWORD,
    'Mutation.publishReport(id:)': String(toPublish),
    'Mutation.deleteDraftReport(id:)': String(toDelete),
    '*.idempotencyKey': 'fuzz-0001-abcdef',
    'Mutation.disableUser(id:)': String(reader.id),
    'Mutation.enableUser(id:)': String(reader.id),
    'Mutation.changePassword(currentPassword:)': DEMO_PASSWORD,
    'Mutation.changePassword(newPassword:)': 'ett nytt långt lösenord',
    // No session has this id: answered false, and the admin's own session stays.
    'Mutation.signOutSession(id:)': '2147483647',
    'Query.periodPlan(periodId:)': String(period.id),
    'PlanGoalInput.periodId': String(period.id),
    'PlanGoalInput.unitIds': [String(unit.id)],
    'PlanGoalInput.agenda2030': [8],
    'PlanIndicatorInput.periodId': String(period.id),
    'PlanIndicatorInput.goalCode': '1.1',
    'PlanIndicatorInput.decimals': 1,
    'PlanIndicatorInput.responsibleUnitId': String(unit.id),
    'PlanIndicatorInput.followUpUnitId': String(unit.id),
    'PlanIndicatorInput.koladaKpiId': 'N00097',
    'YearValueInput.year': 2027,
    'PlanAssignmentInput.periodId': String(period.id),
    'PlanAssignmentInput.goalCode': '1.1',
    'PlanAssignmentInput.ownerUnitId': String(unit.id),
    'PlanAssignmentInput.responsibleUnitId': String(unit.id),
    'PlanAssignmentInput.originYear': 2025,
    AssignmentFollowUpEdit: edit(assignment),
    GoalFollowUpEdit: edit(goal),
    IndicatorFollowUpEdit: edit(indicator),
    EconomyLineEdit: edit(economyLine),
    ReportSectionEdit: edit(section),
  });
}

const byType: Record<string, unknown> = {
  String: 'Prov',
  Int: 1,
  Float: 1.5,
  Boolean: true,
  Kronor: 1000,
  Date: '2026-06-30',
};

/** A valid value; `next` is the concrete type a path goes on to, for a value that depends on it. */
function validValue(type: GraphQLInputType, coordinate: string, next?: string): unknown {
  const named = valid[coordinate] ?? valid[coordinate.replace(/^\w+\./, '*.')];
  if (typeof named === 'function') return (named as (next?: string) => unknown)(next);
  if (named !== undefined) return named;
  const nullable = getNullableType(type);
  if (isListType(nullable)) return [validValue(nullable.ofType, coordinate)];
  if (isInputObjectType(nullable)) {
    const ids = (valid[nullable.name] ?? {}) as Record<string, unknown>;
    return Object.fromEntries(
      Object.values(nullable.getFields()).map((f) => [
        f.name,
        ids[f.name] ?? validValue(f.type, `${nullable.name}.${f.name}`),
      ]),
    );
  }
  if (isEnumType(nullable)) return nullable.getValues()[0]!.name;
  if (isScalarType(nullable) && nullable.name in byType) return byType[nullable.name];
  throw new Error(`no valid value for ${coordinate} (${String(type)}): add one to the sweep`);
}

// ---------------------------------------------------------------------------------------
// The fields with arguments, each with a way to reach it from the root.

interface Step {
  parent: GraphQLObjectType;
  field: GraphQLField<unknown, unknown>;
}
interface Target {
  name: string;
  operation: 'query' | 'mutation';
  path: Step[];
}

/** Every field that takes arguments, reached by the shortest path from Query or Mutation. */
function targets(): Target[] {
  const found = new Map<string, Target>();
  const mutation = schema.getMutationType()!;
  for (const field of Object.values(mutation.getFields()))
    if (field.args.length)
      found.set(`Mutation.${field.name}`, {
        name: `Mutation.${field.name}`,
        operation: 'mutation',
        path: [{ parent: mutation, field }],
      });
  const queue: { type: GraphQLObjectType; path: Step[] }[] = [{ type: schema.getQueryType()!, path: [] }];
  const seen = new Set<string>();
  while (queue.length) {
    const { type, path } = queue.shift()!;
    if (seen.has(type.name)) continue;
    seen.add(type.name);
    for (const field of Object.values(type.getFields())) {
      const step = { parent: type, field };
      const name = `${type.name}.${field.name}`;
      if (field.args.length && !found.has(name))
        found.set(name, { name, operation: 'query', path: [...path, step] });
      const next = getNamedType(field.type);
      const objects = isObjectType(next) ? [next] : isAbstractType(next) ? schema.getPossibleTypes(next) : [];
      for (const object of objects) queue.push({ type: object, path: [...path, step] });
    }
  }
  return [...found.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** What a refusal says, asked for where the target's result can be one. */
const refusalSelections: Record<string, string> = {
  ValidationError: '... on ValidationError { fieldErrors { field message } }',
  SignInError: '... on SignInError { errorCode field message }',
};

function selectionOf(field: GraphQLField<unknown, unknown>): string {
  const type = getNamedType(field.type);
  if (isLeafType(type)) return '';
  const members = isUnionType(type) ? type.getTypes().map((t) => t.name) : [];
  const asks = members.filter((m) => m in refusalSelections).map((m) => refusalSelections[m]);
  return ` { __typename ${asks.join(' ')} }`;
}

/**
 * The target's arguments are variables of their own names, as in the client's documents (a
 * refusal of graphql-js names the variable); those of the steps before it are prefixed.
 */
const variableName = (target: Target, i: number, arg: string) =>
  i === target.path.length - 1 ? arg : `${target.path[i]!.field.name}_${arg}_${i}`;

/** The operation reaching a target, each argument on the way a variable. */
function operationFor(target: Target): { query: string; variables: Record<string, unknown> } {
  const definitions: string[] = [];
  const variables: Record<string, unknown> = {};
  let selection = '';
  for (let i = target.path.length - 1; i >= 0; i--) {
    const { parent, field } = target.path[i]!;
    const next = target.path[i + 1]?.parent.name;
    const args = field.args.map((arg) => {
      const name = variableName(target, i, arg.name);
      definitions.push(`$${name}: ${String(arg.type)}`);
      variables[name] = validValue(arg.type, `${parent.name}.${field.name}(${arg.name}:)`, next);
      return `${arg.name}: $${name}`;
    });
    const call = `${field.name}${args.length ? `(${args.join(', ')})` : ''}`;
    if (i === target.path.length - 1) {
      selection = `${call}${selectionOf(field)}`;
    } else {
      // An abstract type's next step is asked for on the concrete type the path goes through.
      const inner = getNamedType(field.type).name === next ? selection : `... on ${next} { ${selection} }`;
      selection = `${call} { ${inner} }`;
    }
  }
  const head = definitions.length ? `(${definitions.join(', ')})` : '';
  return { query: `${target.operation}${head} { ${selection} }`, variables };
}

// ---------------------------------------------------------------------------------------
// The bad values, and where each goes.

interface Spot {
  /** The variable the value goes into, and where in it. */
  variable: string;
  within: string[];
  /** The argument path the refusal must name, e.g. `input.comment`. */
  field: string;
  coordinate: string;
  type: GraphQLInputType;
}

function spotsOf(target: Target): Spot[] {
  const i = target.path.length - 1;
  const { parent, field } = target.path[i]!;
  const spots: Spot[] = [];
  const walk = (
    type: GraphQLInputType,
    variable: string,
    within: string[],
    path: string[],
    coordinate: string,
  ) => {
    const nullable = getNullableType(type);
    if (isListType(nullable))
      return walk(nullable.ofType, variable, [...within, '0'], [...path, '0'], coordinate);
    if (isInputObjectType(nullable)) {
      for (const f of Object.values(nullable.getFields()))
        walk(f.type, variable, [...within, f.name], [...path, f.name], `${nullable.name}.${f.name}`);
      return;
    }
    spots.push({ variable, within, field: path.join('.'), coordinate, type: nullable });
  };
  for (const arg of field.args)
    walk(
      arg.type,
      variableName(target, i, arg.name),
      [],
      [arg.name],
      `${parent.name}.${field.name}(${arg.name}:)`,
    );
  return spots;
}

type Expectation = 'refused' | 'answered or refused';
interface BadValue {
  label: string;
  value: unknown;
  expect: Expectation;
}

function badValues(spot: Spot): BadValue[] {
  const type = spot.type;
  if (isEnumType(type) || !isScalarType(type)) return [];
  const refused = (label: string, value: unknown): BadValue => ({ label, value, expect: 'refused' });
  const either = (label: string, value: unknown): BadValue => ({
    label,
    value,
    expect: 'answered or refused',
  });
  switch (type.name) {
    case 'String':
    case 'ID':
      return [
        refused('NUL', 'a\u0000b'),
        refused('lone surrogate', 'a\uD800b'),
        refused('over-length', 'x'.repeat(maxLengthOf(spot.coordinate) + 1)),
      ];
    case 'Date':
      return [
        refused('year 0000', '0000-01-01'),
        refused('year 9999', '9999-12-31'),
        refused('before 1900', '1899-12-31'),
        refused('NUL', '2026-01-01\u0000'),
      ];
    case 'Int':
      return [either('2^31-1', 2 ** 31 - 1), either('-2^31', -(2 ** 31)), either('-1', -1), either('0', 0)];
    case 'Float':
      return [either('1e308', 1e308), either('-1e308', -1e308)];
    case 'Kronor':
      return [either('max safe', Number.MAX_SAFE_INTEGER), either('min safe', -Number.MAX_SAFE_INTEGER)];
    case 'Boolean':
      return [];
    default:
      throw new Error(`no bad values for the scalar ${type.name}: add them to the sweep`);
  }
}

function put(variables: Record<string, unknown>, spot: Spot, value: unknown): Record<string, unknown> {
  const copy = structuredClone(variables);
  if (spot.within.length === 0) {
    copy[spot.variable] = value;
    return copy;
  }
  let at = copy[spot.variable] as Record<string, unknown>;
  for (const key of spot.within.slice(0, -1)) at = at[key] as Record<string, unknown>;
  at[spot.within.at(-1)!] = value;
  return copy;
}

// ---------------------------------------------------------------------------------------
// Judging an answer.

interface Answer {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** The object of the answer that holds the target field, if the path reached one. */
function holderOf(answer: Answer, target: Target): Record<string, unknown> | undefined {
  let at: unknown = answer.data;
  for (const { field } of target.path.slice(0, -1)) {
    at = (at as Record<string, unknown> | null | undefined)?.[field.name];
    if (Array.isArray(at)) at = at[0];
  }
  return (at ?? undefined) as Record<string, unknown> | undefined;
}

/** The target field's result (the first item of a list). */
function resultOf(answer: Answer, target: Target): unknown {
  const at = holderOf(answer, target)?.[target.path.at(-1)!.field.name];
  return Array.isArray(at) ? at[0] : at;
}

const names = (candidate: unknown, spot: Spot) => {
  const inInput = spot.field.split('.').slice(1).join('.');
  return candidate === spot.field || (inInput !== '' && candidate === inInput);
};

/** How the answer refused the value, naming the field; undefined if it did not. */
function refusal(answer: Answer, target: Target, spot: Spot): string | undefined {
  const error = answer.errors?.[0];
  if (error) {
    const ext = error.extensions ?? {};
    if (ext.code === 'BAD_USER_INPUT' && (names(ext.field, spot) || error.message.includes(spot.field)))
      return 'BAD_USER_INPUT';
    return undefined;
  }
  const result = resultOf(answer, target) as Record<string, unknown> | undefined;
  if (result?.__typename === 'ValidationError') {
    const fieldErrors = result.fieldErrors as { field: string; message: string }[];
    if (fieldErrors.some((e) => names(e.field, spot) && e.message)) return 'ValidationError';
  }
  if (result?.__typename === 'SignInError' && result.errorCode === 'VALIDATION' && names(result.field, spot))
    return 'SignInError';
  return undefined;
}

// ---------------------------------------------------------------------------------------

/** Every table's rows, as one digest each: any change anywhere shows. */
async function digest(): Promise<Record<string, string>> {
  const tables = await sql<{ name: string }>(
    `select tablename as name from pg_tables where schemaname = 'public' order by tablename`,
  );
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = await sql<{ n: number; md5: string | null }>(
      `select count(*)::int as n, md5(string_agg(t::text, '|' order by t::text)) as md5 from "${name}" t`,
    );
    out[name] = `${row!.n}:${row!.md5}`;
  }
  return out;
}

beforeAll(async () => {
  client = await graphqlClient(await seededDatabase(inject('adminDatabaseUrl'), dbName));
  admin = { address: '10.9.0.1' };
  const { signIn } = await client.data(
    `mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { __typename } }`,
    { e: 'admin@norrtalje.demo', p: DEMO_PASSWORD },
    admin,
  );
  expect(signIn.__typename).toBe('SignedIn');
  await lookUpValidValues();
});
afterAll(async () => {
  await client?.close();
  await dropDatabase(inject('adminDatabaseUrl'), dbName);
});

describe('bad input to any argument', () => {
  it('is refused with a Swedish error naming the field, never an unexpected error, and changes nothing', async () => {
    const sweep = targets();
    const failures: string[] = [];
    const counts = { fields: sweep.length, arguments: 0, cases: 0, refused: 0 };
    const before = await digest();
    for (const target of sweep) {
      const { query, variables } = operationFor(target);
      const spots = spotsOf(target);
      counts.arguments += spots.length;
      const session = target.name === 'Mutation.signIn' ? undefined : admin;
      for (const spot of spots) {
        for (const bad of badValues(spot)) {
          counts.cases++;
          const answer = await client.run(query, put(variables, spot, bad.value), session);
          const how = refusal(answer, target, spot);
          if (how) counts.refused++;
          const unexpected = answer.errors?.find((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR');
          const answered = !answer.errors?.length;
          const ok = how !== undefined || (bad.expect === 'answered or refused' && answered);
          if (!ok || unexpected)
            failures.push(
              `${target.name} ${spot.field} = ${bad.label}: ${String(JSON.stringify(answer.errors ?? resultOf(answer, target))).slice(0, 200)}`,
            );
        }
      }
    }
    console.info(`argument fuzz: ${JSON.stringify(counts)}, ${failures.length} failures`);
    expect(failures).toEqual([]);
    expect(await digest()).toEqual(before);
    // Every field with arguments was reached and its every argument tried.
    expect(counts.fields).toBeGreaterThanOrEqual(
      Object.values(schema.getQueryType()!.getFields()).filter((f) => f.args.length).length +
        Object.values(schema.getMutationType()!.getFields()).filter((f) => f.args.length).length,
    );
    expect(counts.refused).toBeGreaterThan(0);
  });

  it('fills every field with values the server accepts, so the bad value is the only fault in each case', async () => {
    // Queries first, then the mutations in an order where each still finds what it needs.
    // The admin's own password changes last, keeping the admin's session.
    const order = [
      'Mutation.publishReport',
      'Mutation.deleteDraftReport',
      'Mutation.disableUser',
      'Mutation.enableUser',
      'Mutation.changePassword',
    ];
    const sweep = targets().sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));
    const failures: string[] = [];
    for (const target of sweep) {
      const { query, variables } = operationFor(target);
      const session = target.name === 'Mutation.signIn' ? undefined : admin;
      const answer = await client.run(query, variables, session);
      const reached = target.path.at(-1)!.field.name in (holderOf(answer, target) ?? {});
      if (answer.errors?.length || !reached)
        failures.push(
          `${target.name}: ${String(JSON.stringify(answer.errors ?? answer.data)).slice(0, 300)}`,
        );
    }
    expect(failures).toEqual([]);
  });

  it('says in Swedish what is wrong and where', async () => {
    const createUser = await client.run<{ createUser: unknown }>(
      `mutation($input: NewUserInput!) { createUser(input: $input) {
        ... on ValidationError { message fieldErrors { field message } } } }`,
      { input: { email: 'a@b.se', name: 'x'.repeat(201), password: 'a\u0000'.repeat(7), role: 'LASARE' } },
      admin,
    );
    expect(createUser.data?.createUser).toEqual({
      message: 'Inget sparades: rätta uppgifterna och försök igen.',
      fieldErrors: [
        { field: 'name', message: 'Fältet name får vara högst 200 tecken.' },
        { field: 'password', message: 'Fältet password innehåller ett otillåtet tecken (NUL).' },
      ],
    });
    const signIn = await client.run<{ signIn: unknown }>(
      `mutation($email: String!, $password: String!) { signIn(email: $email, password: $password) {
        ... on SignInError { errorCode field message } } }`,
      { email: 'admin@norrtalje.demo\uD800', password: 'x' },
    );
    expect(signIn.data?.signIn).toEqual({
      errorCode: 'VALIDATION',
      field: 'email',
      message:
        'Fältet email innehåller ett ofullständigt tecken (ett halvt Unicode-tecken) som inte kan sparas.',
    });
    const search = await client.run(
      `query($id: ID!, $filter: AssignmentFilter) { unit(id: $id) { followUp { assignments(filter: $filter) { id } } } }`,
      { id: valid['Query.unit(id:)'], filter: { search: 'a\u0000' } },
    );
    expect(search.errors?.[0]).toMatchObject({
      message: 'Fältet filter.search innehåller ett otillåtet tecken (NUL).',
      extensions: { code: 'BAD_USER_INPUT', field: 'filter.search' },
    });
    const period = await client.run(
      `mutation($input: NewPeriodInput!) { openPeriod(input: $input) { __typename } }`,
      { input: { key: '2032', label: 'År 0', kind: 'AR', startDate: '0000-01-01', endDate: '2032-12-31' } },
      admin,
    );
    expect(period.errors?.[0]).toMatchObject({
      message:
        'Ogiltigt värde för input.startDate. Ange ett datum mellan 1900-01-01 och 2200-12-31 som ÅÅÅÅ-MM-DD (fick "0000-01-01").',
      extensions: { code: 'BAD_USER_INPUT', field: 'input.startDate' },
    });
  });

  it('names only inputs that exist in the schema among those with a column length', () => {
    const exists = (coordinate: string) => {
      const arg = /^(\w+)\.(\w+)\((\w+):\)$/.exec(coordinate);
      if (arg) {
        const type = schema.getType(arg[1]!) as GraphQLObjectType | undefined;
        return Boolean(type?.getFields()[arg[2]!]?.args.some((a) => a.name === arg[3]));
      }
      const [typeName, fieldName] = coordinate.split('.');
      const type = schema.getType(typeName!);
      return isInputObjectType(type) && fieldName! in type.getFields();
    };
    expect(limitedCoordinates().filter((c) => !exists(c))).toEqual([]);
  });
});
