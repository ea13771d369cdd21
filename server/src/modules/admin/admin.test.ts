/** An administratör's own tasks over GraphQL, on a database of its own. */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { graphqlClient, type GraphQLTestClient, type TestSession } from '../../../test/graphql-client.js';
import { dropDatabase, seededDatabase } from '../../../test/test-database.js';
import { DEMO_PASSWORD } from '../../db/seed/demo-users.js';

const dbName = `uppfoljning_admin_${process.pid}`;
let client: GraphQLTestClient;
const sessions: Record<string, TestSession> = {};

const SIGN_IN = `mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { __typename } }`;
const CREATE_USER = `mutation($input: NewUserInput!) { createUser(input: $input) {
  __typename
  ... on UserCreated { user { email role units { name } } }
  ... on ValidationError { fieldErrors { field message } } } }`;
const OPEN_PERIOD = `mutation($input: NewPeriodInput!) { openPeriod(input: $input) {
  __typename
  ... on Period { label startDate endDate }
  ... on ValidationError { fieldErrors { field message } } } }`;

async function signIn(email: string, password = DEMO_PASSWORD): Promise<TestSession> {
  const session: TestSession = { address: `10.8.${Math.floor(Math.random() * 250)}.1` };
  expect((await client.data(SIGN_IN, { e: email, p: password }, session)).signIn.__typename).toBe('SignedIn');
  return session;
}

const count = async (sql: string) =>
  (await client.orm.em.fork().getConnection().execute<{ n: number }[]>(sql))[0]!.n;

beforeAll(async () => {
  client = await graphqlClient(await seededDatabase(inject('adminDatabaseUrl'), dbName));
  sessions.admin = await signIn('admin@norrtalje.demo');
  sessions.redaktör = await signIn('stab@norrtalje.demo');
});
afterAll(async () => {
  await client?.close();
  await dropDatabase(inject('adminDatabaseUrl'), dbName);
});

describe('adding a user', () => {
  it('adds a redaktör with units of the kommun, who can then sign in; the audit log says who did it', async () => {
    const unit = await count(`select id as n from org_unit where key = 'ksk-hr'`);
    const { createUser } = await client.data(
      CREATE_USER,
      {
        input: {
          email: 'Ny.Redaktor@norrtalje.se',
          name: 'Nils Ny',
          password: 'ett långt lösenord',
          role: 'REDAKTOR',
          unitIds: [String(unit)],
        },
      },
      sessions.admin,
    );
    expect(createUser).toEqual({
      __typename: 'UserCreated',
      user: { email: 'ny.redaktor@norrtalje.se', role: 'REDAKTOR', units: [{ name: 'HR-avdelningen' }] },
    });
    await signIn('ny.redaktor@norrtalje.se', 'ett långt lösenord');
    expect(
      await count(`select count(*)::int as n from audit_log where entity = 'User' and action = 'create'`),
    ).toBe(1);
  });

  it('refuses units of another kommun and a short password, naming the field, and adds nobody', async () => {
    const foreign = await count(`select id as n from org_unit where key = 'als-ks'`);
    const before = await count(`select count(*)::int as n from app_user`);
    const input = { email: 'x@norrtalje.se', name: 'X', password: 'ett långt lösenord', role: 'REDAKTOR' };
    const other = await client.data(
      CREATE_USER,
      { input: { ...input, unitIds: [String(foreign)] } },
      sessions.admin,
    );
    expect(other.createUser.fieldErrors).toEqual([
      { field: 'unitIds', message: 'Enheterna finns inte i din kommun.' },
    ]);
    const short = await client.data(
      CREATE_USER,
      { input: { ...input, role: 'LASARE', password: 'kort' } },
      sessions.admin,
    );
    expect(short.createUser.fieldErrors).toEqual([
      { field: 'password', message: 'Lösenordet måste ha minst 12 tecken.' },
    ]);
    expect(await count(`select count(*)::int as n from app_user`)).toBe(before);
  });

  it('adds one user when two administratörer add the same e-mail address at once; the other is told it is taken', async () => {
    const before = await count(`select count(*)::int as n from app_user`);
    const audited = await count(`select count(*)::int as n from audit_log where entity = 'User'`);
    const input = { name: 'Samtidig', password: 'ett långt lösenord', role: 'LASARE' };
    // Both pass the check for an existing address before either inserts; the unique index
    // refuses the second insert.
    const answers = await Promise.all(
      ['Samtidig@norrtalje.se', 'samtidig@norrtalje.se'].map((email) =>
        client.run<{ createUser: { __typename: string; fieldErrors?: unknown } }>(
          CREATE_USER,
          { input: { ...input, email } },
          sessions.admin,
        ),
      ),
    );
    expect(answers.flatMap((a) => a.errors ?? [])).toEqual([]);
    const kinds = answers.map((a) => a.data!.createUser.__typename).sort();
    expect(kinds).toEqual(['UserCreated', 'ValidationError']);
    expect(answers.find((a) => a.data!.createUser.fieldErrors)!.data!.createUser.fieldErrors).toEqual([
      { field: 'email', message: 'E-postadressen samtidig@norrtalje.se används redan.' },
    ]);
    expect(await count(`select count(*)::int as n from app_user`)).toBe(before + 1);
    expect(await count(`select count(*)::int as n from audit_log where entity = 'User'`)).toBe(audited + 1);
  });

  it('is refused to a redaktör and to the public', async () => {
    const input = {
      email: 'y@norrtalje.se',
      name: 'Y',
      password: 'ett långt lösenord',
      role: 'ADMINISTRATOR',
    };
    const asEditor = await client.run(CREATE_USER, { input }, sessions.redaktör);
    expect(asEditor.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const asPublic = await client.run(CREATE_USER, { input });
    expect(asPublic.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
  });
});

describe('opening a period', () => {
  const period = {
    key: '2026-jan-apr',
    label: 'Jan–Apr 2026',
    kind: 'TERTIAL',
    startDate: '2026-01-01',
    endDate: '2026-04-30',
  };

  it('checks the dates and the key, in Swedish, and opens nothing on error', async () => {
    const before = await count(`select count(*)::int as n from period`);
    const backwards = await client.data(
      OPEN_PERIOD,
      { input: { ...period, endDate: '2025-12-31' } },
      sessions.admin,
    );
    expect(backwards.openPeriod.fieldErrors).toEqual([
      { field: 'endDate', message: 'Slutdatum får inte vara före startdatum.' },
    ]);
    const taken = await client.data(OPEN_PERIOD, { input: { ...period, key: '2025' } }, sessions.admin);
    expect(taken.openPeriod.fieldErrors).toEqual([
      { field: 'key', message: 'Det finns redan en period med nyckeln 2025.' },
    ]);
    const badDate = await client.run(
      OPEN_PERIOD,
      { input: { ...period, startDate: '2026-02-30' } },
      sessions.admin,
    );
    expect(badDate.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(await count(`select count(*)::int as n from period`)).toBe(before);
  });

  it('opens a period whose follow-ups start from the latest ones; assignments finished in an earlier year drop off', async () => {
    const { openPeriod } = await client.data(OPEN_PERIOD, { input: period }, sessions.admin);
    expect(openPeriod).toEqual({
      __typename: 'Period',
      label: 'Jan–Apr 2026',
      startDate: '2026-01-01',
      endDate: '2026-04-30',
    });
    const carried = (table: string) =>
      count(
        `select count(*)::int as n from ${table} f join period p on p.id = f.period_id where p.key = '2026-jan-apr'`,
      );
    const unfinished2025 = await count(
      `select count(*)::int as n from assignment_follow_up f join period p on p.id = f.period_id
        where p.key = '2025' and f.status not in ('Slutförd', 'Struken', 'Stängs och övergår i nytt uppdrag')`,
    );
    expect(await carried('assignment_follow_up')).toBe(unfinished2025);
    expect(await carried('goal_follow_up')).toBe(18);
    expect(await carried('indicator_follow_up')).toBe(32);
    const asEditor = await client.run(OPEN_PERIOD, { input: { ...period, key: 'x' } }, sessions.redaktör);
    expect(asEditor.errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });
});
