/**
 * Who reads what without signing in, over every query the client sends with every set of
 * variables the demo data allows (test/client-queries.ts), on a database of its own.
 *
 * - PUBLIC_REPORTS=false: every operation is refused with UNAUTHENTICATED, but signing in
 *   and asking who is signed in.
 * - PUBLIC_REPORTS on: exactly what the published reports show is readable: each report's
 *   unit and the units below it, for its period. The expected sets are computed here from
 *   the tables (published reports, the subtree by path, the period), not through the API.
 * - Publishing one unit's report (as the administratör, with the client's own document)
 *   adds exactly that subtree for that period.
 */
import { WITHOUT_SIGNING_IN } from '../src/graphql/sign-in-required.js';
import { Kind, OperationTypeNode, print } from 'graphql';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/db/seed/demo-users.js';
import {
  AssignmentsSectionDocument,
  documentAsSent,
  EditAssignmentFollowUpDocument,
  PublishReportDocument,
  SignInDocument,
  UnitPageDocument,
  type AssignmentsSectionQuery,
  type UnitPageQuery,
} from './client-documents.js';
import { clientOperations, clientQueries, variablesFor } from './client-queries.js';
import { graphqlClient, type GraphQLTestClient, type TestSession } from './graphql-client.js';
import { dropDatabase, seededDatabase } from './test-database.js';

const dbName = `uppfoljning_read_access_${process.pid}`;
let open: GraphQLTestClient;
let closed: GraphQLTestClient;

beforeAll(async () => {
  const url = await seededDatabase(inject('adminDatabaseUrl'), dbName);
  open = await graphqlClient(url);
  closed = await graphqlClient(url, { publicReports: false });
});
afterAll(async () => {
  await open?.close();
  await closed?.close();
  await dropDatabase(inject('adminDatabaseUrl'), dbName);
});

const sql = <T>(query: string, params: unknown[] = []) =>
  open.orm.em.fork().getConnection().execute<T[]>(query, params);
const ids = async (query: string, params: unknown[] = []) =>
  new Set((await sql<{ id: number | string }>(query, params)).map((r) => String(r.id)));

/** An operation of only the root fields that need no sign-in: the sign-in screen's, the set-up's. */
const isSignInOperation = (operation: (typeof clientOperations)[number]['operation']) =>
  operation.selectionSet.selections.every(
    (s) => s.kind === Kind.FIELD && WITHOUT_SIGNING_IN.has(s.name.value),
  );

async function signIn(client: GraphQLTestClient, email: string): Promise<TestSession> {
  const session: TestSession = { address: `10.7.${Math.floor(Math.random() * 250)}.1` };
  const answer = await client.data(SignInDocument, { email, password: DEMO_PASSWORD }, session);
  expect(answer.signIn.__typename).toBe('SignedIn');
  return session;
}

/**
 * What the published reports show, by the tables: `<unit>:<period>` for each unit at or below
 * a published report's unit in the report's period (UnitFollowUp's id), and the follow-up
 * records of those scopes, each by the units that make it a unit's (as the reports list them).
 */
async function expectedReadable() {
  const covered = `join report r on r.status = 'published' join org_unit ru on ru.id = r.unit_id`;
  const under = (unitColumn: string) =>
    `(select path from org_unit where id = ${unitColumn}) like ru.path || '%'`;
  const scopes = new Set(
    (
      await sql<{ unit: number; period: number }>(
        `select distinct u.id as unit, r.period_id as period from org_unit u ${covered}
          where u.path like ru.path || '%'`,
      )
    ).map((r) => `${r.unit}:${r.period}`),
  );
  const assignmentFollowUps = await ids(
    `select distinct f.id from assignment_follow_up f join assignment a on a.id = f.assignment_id ${covered}
      where r.period_id = f.period_id and (${under('a.owner_unit_id')} or ${under('a.responsible_unit_id')})`,
  );
  const indicatorFollowUps = await ids(
    `select distinct f.id from indicator_follow_up f join indicator i on i.id = f.indicator_id ${covered}
      where r.period_id = f.period_id and (${under('f.unit_id')} or ${under('i.responsible_unit_id')})`,
  );
  const goalFollowUps = await ids(
    `select distinct f.id from goal_follow_up f ${covered}
      where r.period_id = f.period_id and ${under('f.unit_id')}`,
  );
  const economyLines = await ids(
    `select distinct l.id from economy_line l join economy_table t on t.id = l.table_id ${covered}
      where r.period_id = t.period_id and (${under('l.unit_id')} or ${under('t.unit_id')})`,
  );
  const investments = await ids(
    `select distinct v.id from investment v ${covered} where r.period_id = v.period_id and ${under('v.unit_id')}`,
  );
  const list = (set: Set<string>) => (set.size ? [...set].map(Number) : [0]);
  const assignments = await ids(
    `select distinct assignment_id as id from assignment_follow_up where id in (?)`,
    [list(assignmentFollowUps)],
  );
  const indicators = await ids(
    `select distinct indicator_id as id from indicator_follow_up where id in (?)`,
    [list(indicatorFollowUps)],
  );
  const goals = await ids(
    `select goal_id as id from goal_follow_up where id in (?)
     union select i.goal_id from indicator i where i.id in (?)
     union select goal_id from assignment_follow_up where id in (?) and goal_id is not null`,
    [list(goalFollowUps), list(indicators), list(assignmentFollowUps)],
  );
  const reports = await ids(`select id from report where status = 'published'`);
  return {
    UnitFollowUp: scopes,
    AssignmentFollowUp: assignmentFollowUps,
    IndicatorFollowUp: indicatorFollowUps,
    GoalFollowUp: goalFollowUps,
    EconomyLine: economyLines,
    Investment: investments,
    Assignment: assignments,
    Indicator: indicators,
    Goal: goals,
    Report: reports,
  };
}
type Typename = keyof Awaited<ReturnType<typeof expectedReadable>>;

/** Every record (`__typename` and `id`) anywhere in an answer, by type. */
function recordsIn(data: unknown, into: Map<string, Set<string>>) {
  if (Array.isArray(data)) return data.forEach((d) => recordsIn(d, into));
  if (!data || typeof data !== 'object') return;
  const object = data as Record<string, unknown>;
  const { __typename: typename, id } = object;
  if (typeof typename === 'string' && (typeof id === 'string' || typeof id === 'number')) {
    if (!into.has(typename)) into.set(typename, new Set());
    into.get(typename)!.add(String(id));
  }
  Object.values(object).forEach((v) => recordsIn(v, into));
}

/** Runs every client query with every variable set, not signed in, a few at a time. */
async function sweep(client: GraphQLTestClient) {
  const calls: { query: string; variables: Record<string, unknown>; name: string }[] = [];
  for (const { doc, operation } of clientQueries) {
    const query = print(documentAsSent(doc));
    for (const variables of await variablesFor(client, operation))
      calls.push({ query, variables, name: operation.name?.value ?? '' });
  }
  const answers: { name: string; variables: Record<string, unknown>; data: unknown; codes: string[] }[] = [];
  const queue = [...calls];
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (let call = queue.shift(); call; call = queue.shift()) {
        const result = await client.run(call.query, call.variables);
        answers.push({
          name: call.name,
          variables: call.variables,
          data: result.data,
          codes: (result.errors ?? []).map((e) => String(e.extensions?.code)),
        });
      }
    }),
  );
  return answers;
}

/** The `<unit>:<period>` pairs whose follow-up the public reads, asked of each pair. */
async function readableScopes(session?: TestSession): Promise<Set<string>> {
  const pairs = await sql<{ unit: number; period: number }>(
    `select u.id as unit, p.id as period from org_unit u join period p on p.kommun_id = u.kommun_id`,
  );
  const readable = new Set<string>();
  for (const { unit, period } of pairs) {
    const result = await open.run<UnitPageQuery>(
      UnitPageDocument,
      { unitId: String(unit), periodId: String(period) },
      session,
    );
    if (result.data?.unit?.followUp) readable.add(result.data.unit.followUp.id);
    else expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  }
  return readable;
}

const unitOf = async (key: string) =>
  String((await sql<{ id: number }>(`select id from org_unit where key = ?`, [key]))[0]!.id);
const periodOf = async (kommun: string, key: string) =>
  String(
    (
      await sql<{ id: number }>(
        `select p.id from period p join kommun k on k.id = p.kommun_id where k.key = ? and p.key = ?`,
        [kommun, key],
      )
    )[0]!.id,
  );

describe('with PUBLIC_REPORTS=false', () => {
  it('refuses every operation of the client without signing in, with UNAUTHENTICATED in Swedish, but signing in', async () => {
    let refused = 0;
    let answered = 0;
    for (const { doc, operation } of clientOperations) {
      const signInOnly = isSignInOperation(operation);
      const variableSets =
        operation.operation === OperationTypeNode.QUERY
          ? await variablesFor(closed, operation)
          : // A mutation is refused before its variables are even looked at.
            [{}];
      for (const variables of variableSets) {
        if (signInOnly) continue;
        const result = await closed.run(doc, variables);
        expect(result.data ?? null, `${operation.name?.value}(${JSON.stringify(variables)})`).toBeNull();
        expect(result.errors).toMatchObject([
          { message: 'Logga in för att läsa uppföljningen.', extensions: { code: 'UNAUTHENTICATED' } },
        ]);
        // Refused before any resolver: not a statement spent on it.
        expect(result.statements).toBe(0);
        refused++;
      }
      if (signInOnly) answered++;
    }
    // The 36 units, 85 assignments, 26 goals and 45 indicators of the demo data, among others.
    const [counts] = await sql<{ units: number; assignments: number; goals: number; indicators: number }>(
      `select (select count(*)::int from org_unit) as units, (select count(*)::int from assignment) as assignments,
              (select count(*)::int from goal) as goals, (select count(*)::int from indicator) as indicators`,
    );
    console.log(`PUBLIC_REPORTS=false: ${refused} answers refused, ${answered} sign-in operations left open`);
    const { units, assignments, goals, indicators } = counts!;
    expect(refused).toBeGreaterThanOrEqual(units + assignments + goals + indicators);
    expect(answered).toBeGreaterThanOrEqual(1);
  }, 600_000);

  it('answers who is signed in, lets one sign in, and then reads everything of the kommun', async () => {
    expect(await closed.data(`{ me { name } }`)).toEqual({ me: null });
    const session = await signIn(closed, 'politiker@norrtalje.demo');
    const working = await periodOf('norrtalje', '2025');
    const page = await closed.data(
      UnitPageDocument,
      { unitId: await unitOf('sbk'), periodId: working },
      session,
    );
    expect(page.unit.followUp?.period.label).toBe('2025');
    expect(await closed.data(`{ me { name } }`, {}, session)).toEqual({ me: { name: 'Pia Politiker' } });
  });

  it('refuses an operation that hides its fields in a fragment', async () => {
    const result = await closed.run(`query { ...Q } fragment Q on Query { me { name } kommuner { name } }`);
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('with PUBLIC_REPORTS on, not signed in', () => {
  it('reads exactly what the published reports show: their units and those below, for their periods', async () => {
    const expected = await expectedReadable();
    const answers = await sweep(open);
    const seen = new Map<string, Set<string>>();
    const codes = new Map<string, number>();
    for (const answer of answers) {
      recordsIn(answer.data, seen);
      for (const code of answer.codes) codes.set(code, (codes.get(code) ?? 0) + 1);
    }
    console.log(
      `${answers.length} answers, refusals ${JSON.stringify(Object.fromEntries(codes))}; read ${[...seen]
        .map(([type, set]) => `${set.size} ${type}`)
        .join(', ')}`,
    );
    // Refusals say to sign in, or that a draft is not there.
    expect([...codes.keys()].filter((c) => !['UNAUTHENTICATED', 'NOT_FOUND'].includes(c))).toEqual([]);
    expect(codes.get('UNAUTHENTICATED')).toBeGreaterThan(0);

    const readable = (type: Typename) => [...(seen.get(type) ?? [])].sort();
    const allowed = (type: Typename) => [...expected[type]].sort();
    // Every covered scope, and only those, was read: every (unit, period) pair was asked for.
    expect(readable('UnitFollowUp')).toEqual(allowed('UnitFollowUp'));
    expect(expected.UnitFollowUp.size).toBeGreaterThan(10);
    // Every follow-up a published report shows was read, and nothing else.
    for (const type of [
      'AssignmentFollowUp',
      'IndicatorFollowUp',
      'EconomyLine',
      'Assignment',
      'Report',
    ] as const) {
      expect({ type, records: readable(type) }).toEqual({ type, records: allowed(type) });
    }
    for (const type of ['GoalFollowUp', 'Investment', 'Indicator', 'Goal'] as const) {
      expect({ type, outside: readable(type).filter((id) => !expected[type].has(id)) }).toEqual({
        type,
        outside: [],
      });
      expect(readable(type).length).toBeGreaterThan(0);
    }
    // What other units work on, in a period with a published report or in the working period,
    // is not there.
    const unpublished = await ids(`select id from assignment_follow_up where id not in (?)`, [
      [...expected.AssignmentFollowUp].map(Number),
    ]);
    expect(unpublished.size).toBeGreaterThan(0);
    expect(readable('AssignmentFollowUp').filter((id) => unpublished.has(id))).toEqual([]);
  }, 900_000);

  it('does not show Samhällsbyggnadskontoret’s working assignments of 2025, where only KSK has a draft', async () => {
    const refusals = await sbkWorkingAssignmentsAreHidden(
      'Perioden 2025 är inte publicerad ännu. Logga in för att läsa den.',
    );
    expect(refusals).toBe(9);
    // Its 2024 follow-up is in Kommunstyrelsen's published Verksamhetsberättelse 2024.
    const [sbk, year2024] = [await unitOf('sbk'), await periodOf('norrtalje', '2024')];
    const in2024 = await open.data(AssignmentsSectionDocument, { unitId: sbk, periodId: year2024 });
    expect(in2024.unit.followUp?.id).toBe(`${sbk}:${year2024}`);
    expect(in2024.unit.followUp?.assignments.length).toBeGreaterThanOrEqual(9);
  });
});

/**
 * Samhällsbyggnadskontoret's assignments of the working period 2025 (nine in the demo data)
 * are not readable without signing in, not on its page, not as assignments, not as history.
 * Answers how many were checked.
 */
async function sbkWorkingAssignmentsAreHidden(refusal: string): Promise<number> {
  const sbk = await unitOf('sbk');
  const working = await periodOf('norrtalje', '2025');
  const followUps = await sql<{ id: number; assignment: number; elsewhere: boolean }>(
    `select f.id, f.assignment_id as assignment,
            exists (select 1 from assignment_follow_up o where o.assignment_id = f.assignment_id
                     and o.period_id <> f.period_id) as elsewhere
       from assignment_follow_up f join assignment a on a.id = f.assignment_id
      where f.period_id = ? and a.owner_unit_id = ?`,
    [working, sbk],
  );
  const refused = await open.run<AssignmentsSectionQuery>(AssignmentsSectionDocument, {
    unitId: sbk,
    periodId: working,
  });
  expect(refused.data?.unit).toMatchObject({ id: sbk, followUp: null });
  expect(refused.errors).toMatchObject([
    {
      message: refusal,
      extensions: { code: 'UNAUTHENTICATED' },
      path: ['unit', 'followUp'],
    },
  ]);
  for (const { id, assignment, elsewhere } of followUps) {
    const answer = await open.run<{ assignment: { followUps: { id: string }[] } }>(
      `query($id: ID!) { assignment(id: $id) { id followUps { id comment } } }`,
      { id: String(assignment) },
    );
    if (elsewhere) expect(answer.data?.assignment.followUps.map((f) => f.id)).not.toContain(String(id));
    else expect(answer.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const history = await open.run(`query($id: ID!) { editable(type: AssignmentFollowUp, id: $id) { id } }`, {
      id: String(id),
    });
    expect(history.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  }
  return followUps.length;
}

describe('publishing one unit’s report', () => {
  it('makes that unit and those below it readable for that period, and nothing else', async () => {
    const before = await readableScopes();
    const expectedBefore = (await expectedReadable()).UnitFollowUp;
    expect([...before].sort()).toEqual([...expectedBefore].sort());

    const report = (
      await sql<{ id: number; unit_id: number; period_id: number }>(
        `select id, unit_id, period_id from report where key = 'ksk-verksamhetsberattelse-2025'`,
      )
    )[0]!;
    const admin = await signIn(open, 'admin@norrtalje.demo');
    const published = await open.data(PublishReportDocument, { id: String(report.id) }, admin);
    expect(published.publishReport).toMatchObject({ __typename: 'Report', status: 'PUBLISHED' });

    const after = await readableScopes();
    const subtree = (
      await sql<{ id: number }>(
        `select u.id from org_unit u join org_unit ru on ru.id = ? where u.path like ru.path || '%'`,
        [report.unit_id],
      )
    ).map((u) => `${u.id}:${report.period_id}`);
    // Kommunstyrelsekontoret and the units below it.
    expect(subtree.length).toBeGreaterThan(1);
    expect([...after].filter((s) => !before.has(s)).sort()).toEqual(subtree.sort());
    expect([...before].filter((s) => !after.has(s))).toEqual([]);
    expect([...after].sort()).toEqual([...(await expectedReadable()).UnitFollowUp].sort());

    // Samhällsbyggnadskontoret's assignments are still its working data, and stay editable: a
    // comment saved after publishing is not public either.
    const sbkFollowUp = (
      await sql<{ id: number; version: number }>(
        `select f.id, f.version from assignment_follow_up f join assignment a on a.id = f.assignment_id
          where f.period_id = ? and a.owner_unit_id = ? order by f.id limit 1`,
        [report.period_id, await unitOf('sbk')],
      )
    )[0]!;
    const saved = await open.data(
      EditAssignmentFollowUpDocument,
      {
        input: {
          id: String(sbkFollowUp.id),
          version: sbkFollowUp.version,
          comment: 'Sparad efter att KSK:s verksamhetsberättelse publicerades.',
        },
      },
      admin,
    );
    expect(saved.editAssignmentFollowUp.__typename).toBe('AssignmentFollowUp');
    expect(
      await sbkWorkingAssignmentsAreHidden(
        'Uppföljningen av Samhällsbyggnadskontoret för 2025 är inte publicerad ännu. Logga in för att läsa den.',
      ),
    ).toBe(9);

    // Samhällsbyggnadskontoret and Kommunstyrelsen are still working on 2025.
    for (const key of ['sbk', 'ks', 'norrtalje']) {
      const result = await open.run<UnitPageQuery>(UnitPageDocument, {
        unitId: await unitOf(key),
        periodId: String(report.period_id),
      });
      expect(result.data?.unit?.followUp).toBeNull();
      expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
  }, 600_000);
});
