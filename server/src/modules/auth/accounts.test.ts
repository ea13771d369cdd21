/**
 * Accounts over GraphQL with the client's own operations, on a database of its own (users are
 * disabled and passwords changed here): an administratör disables and enables a user, a
 * person changes their password, lists their sessions and signs out there or everywhere.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  ChangePasswordDocument,
  DisableUserDocument,
  EnableUserDocument,
  KommunUsersDocument,
  MySessionsDocument,
  type MySessionsQuery,
  SignInDocument,
  SignOutEverywhereDocument,
  SignOutSessionDocument,
  ViewerDocument,
} from '../../../test/client-documents.js';
import { graphqlClient, type GraphQLTestClient, type TestSession } from '../../../test/graphql-client.js';
import { dropDatabase, seededDatabase } from '../../../test/test-database.js';
import { DEMO_PASSWORD } from '../../db/seed/demo-users.js';
import { LAST_USED_MINUTES } from './session.service.js';
import { FREE_ATTEMPTS_PER_ACCOUNT } from './sign-in-throttle.js';
import { createUser } from './user.service.js';
import type { Role } from './user.entity.js';

const dbName = `uppfoljning_accounts_${process.pid}`;
let client: GraphQLTestClient;
let databaseUrl: string;
let address = 0;

const FIREFOX = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:120.0) Gecko/20100101 Firefox/120.0';
const IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1';
const PASSWORD = 'ett eget långt lösenord';

/** A new browser of the person: its own address, so the address throttle stays out of it. */
async function signIn(email: string, password = PASSWORD, userAgent?: string): Promise<TestSession> {
  const session: TestSession = { address: `10.11.${++address}.1`, userAgent };
  const { signIn } = await client.data(SignInDocument, { email, password }, session);
  expect(signIn.__typename).toBe('SignedIn');
  return session;
}

const me = async (session: TestSession) => (await client.data(ViewerDocument, {}, session)).me;

const sql = async <T = { n: number }>(query: string, params: unknown[] = []) =>
  client.orm.em.fork().getConnection().execute<T[]>(query, params);
const count = async (query: string, params: unknown[] = []) => (await sql(query, params))[0]!.n;
const sessionsOf = (email: string) =>
  count(`select count(*)::int as n from session s join app_user u on u.id = s.user_id where u.email = ?`, [
    email,
  ]);
const failuresOf = async (email: string) =>
  (
    await sql<{ failures: number }>(
      `select failures from sign_in_throttle where kind = 'account' and key = ?`,
      [email],
    )
  )[0]?.failures ?? 0;
const idOf = async (email: string) =>
  String(await count(`select id as n from app_user where email = ?`, [email]));

async function addUser(email: string, role: Role, kommunKey = 'norrtalje') {
  await createUser(client.orm.em.fork(), {
    email,
    name: email.split('@')[0]!,
    role,
    kommunKey,
    unitKeys: role === 'redaktör' ? ['ksk-hr'] : [],
    password: PASSWORD,
  });
}

let admin: TestSession;
beforeAll(async () => {
  databaseUrl = await seededDatabase(inject('adminDatabaseUrl'), dbName);
  client = await graphqlClient(databaseUrl);
  admin = await signIn('admin@norrtalje.demo', DEMO_PASSWORD);
});
afterAll(async () => {
  await client?.close();
  await dropDatabase(inject('adminDatabaseUrl'), dbName);
});

describe('disabling a user', () => {
  it('ends every session of the user at once, so their next request is anonymous, and audits it', async () => {
    await addUser('avstangd@norrtalje.se', 'redaktör');
    const phone = await signIn('avstangd@norrtalje.se');
    const desk = await signIn('avstangd@norrtalje.se');
    expect((await me(phone))?.email).toBe('avstangd@norrtalje.se');
    const id = await idOf('avstangd@norrtalje.se');

    const { disableUser } = await client.data(DisableUserDocument, { id }, admin);
    expect(disableUser).toEqual({
      __typename: 'UserAccount',
      id,
      disabledAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      disabledBy: 'Anna Admin',
    });
    expect(await me(phone)).toBeNull();
    expect(await me(desk)).toBeNull();
    expect(await sessionsOf('avstangd@norrtalje.se')).toBe(0);
    // An edit from the old session is refused as from someone not signed in.
    const sessions = await client.run(MySessionsDocument, {}, desk);
    expect(sessions.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    const audit = await sql<{ before: unknown; after: { disabledAt: string }; user_id: number }>(
      `select before, after, user_id from audit_log where entity = 'User' and action = 'update' and entity_id = ?`,
      [Number(id)],
    );
    const disabledAt = disableUser.__typename === 'UserAccount' ? disableUser.disabledAt : undefined;
    expect(audit).toEqual([
      {
        before: { disabledAt: null },
        after: { disabledAt },
        user_id: Number(await idOf('admin@norrtalje.demo')),
      },
    ]);
    const { kommunUsers } = await client.data(KommunUsersDocument, {}, admin);
    expect(kommunUsers.find((u) => u.id === id)).toMatchObject({
      email: 'avstangd@norrtalje.se',
      disabledBy: 'Anna Admin',
    });
    expect(kommunUsers.filter((u) => u.disabledAt)).toHaveLength(1);
  });

  it('refuses a disabled user at sign-in with the words of a wrong password, and counts the attempt', async () => {
    await addUser('spärrad@norrtalje.se', 'läsare');
    await addUser('aktiv@norrtalje.se', 'läsare');
    await client.data(DisableUserDocument, { id: await idOf('spärrad@norrtalje.se') }, admin);

    const wrong = await client.data(
      SignInDocument,
      { email: 'aktiv@norrtalje.se', password: 'fel lösenord här' },
      { address: '10.12.0.1' },
    );
    const session: TestSession = { address: '10.12.0.2' };
    const disabled = await client.data(
      SignInDocument,
      { email: 'spärrad@norrtalje.se', password: PASSWORD },
      session,
    );
    expect(wrong.signIn).toEqual({
      __typename: 'SignInError',
      message: 'Fel e-postadress eller lösenord.',
      field: null,
    });
    expect(disabled).toEqual(wrong);
    expect(session.token).toBeUndefined();
    expect(await failuresOf('spärrad@norrtalje.se')).toBe(1);
    expect(await failuresOf('aktiv@norrtalje.se')).toBe(1);

    const { enableUser } = await client.data(
      EnableUserDocument,
      { id: await idOf('spärrad@norrtalje.se') },
      admin,
    );
    expect(enableUser).toMatchObject({ __typename: 'UserAccount', disabledAt: null, disabledBy: null });
    await signIn('spärrad@norrtalje.se');
    expect(
      await count(
        `select count(*)::int as n from audit_log where entity = 'User' and action = 'update' and entity_id = ?`,
        [Number(await idOf('spärrad@norrtalje.se'))],
      ),
    ).toBe(2);
  });

  it('is refused to a redaktör, a läsare, the public and an administratör of another kommun', async () => {
    await addUser('kvar@norrtalje.se', 'redaktör');
    const target = await signIn('kvar@norrtalje.se');
    const id = await idOf('kvar@norrtalje.se');
    const [other] = await sql<{ key: string }>(`select key from kommun where key <> 'norrtalje' limit 1`);
    await addUser('admin@annan.se', 'administratör', other!.key);
    const foreignAdmin = await signIn('admin@annan.se');

    const refusals = [];
    for (const session of [
      await signIn('stab@norrtalje.demo', DEMO_PASSWORD),
      await signIn('politiker@norrtalje.demo', DEMO_PASSWORD),
      undefined,
      foreignAdmin,
    ]) {
      for (const document of [DisableUserDocument, EnableUserDocument]) {
        const result = await client.run(document, { id }, session);
        refusals.push(result.errors?.[0]?.extensions?.code);
      }
    }
    expect(refusals).toEqual([
      'FORBIDDEN',
      'FORBIDDEN',
      'FORBIDDEN',
      'FORBIDDEN',
      'UNAUTHENTICATED',
      'UNAUTHENTICATED',
      'FORBIDDEN',
      'FORBIDDEN',
    ]);
    // The other kommun's administratör lists only their own kommun's users.
    const { kommunUsers } = await client.data(KommunUsersDocument, {}, foreignAdmin);
    expect(kommunUsers.map((u) => u.email)).toEqual(['admin@annan.se']);
    expect((await me(target))?.email).toBe('kvar@norrtalje.se');
    expect(
      await count(`select count(*)::int as n from app_user where disabled_at is not null and email = ?`, [
        'kvar@norrtalje.se',
      ]),
    ).toBe(0);
  });

  it('refuses an administratör disabling themselves, naming the field', async () => {
    const { disableUser } = await client.data(
      DisableUserDocument,
      { id: await idOf('admin@norrtalje.demo') },
      admin,
    );
    expect(disableUser).toEqual({
      __typename: 'ValidationError',
      message: 'Inget sparades: rätta uppgifterna och försök igen.',
      fieldErrors: [{ field: 'id', message: 'Du kan inte stänga av ditt eget konto.' }],
    });
    expect((await me(admin))?.email).toBe('admin@norrtalje.demo');
  });
});

describe('changing one’s password', () => {
  it('refuses a wrong current password, counts it as a failed sign-in, and changes nothing', async () => {
    await addUser('glomsk@norrtalje.se', 'läsare');
    const session = await signIn('glomsk@norrtalje.se');
    const before = await failuresOf('glomsk@norrtalje.se');
    const { changePassword } = await client.data(
      ChangePasswordDocument,
      { currentPassword: 'inte mitt lösenord', newPassword: 'ett helt nytt lösenord' },
      session,
    );
    expect(changePassword).toEqual({
      __typename: 'ValidationError',
      message: 'Inget sparades: rätta uppgifterna och försök igen.',
      fieldErrors: [{ field: 'currentPassword', message: 'Fel nuvarande lösenord.' }],
    });
    expect(await failuresOf('glomsk@norrtalje.se')).toBe(before + 1);
    await signIn('glomsk@norrtalje.se', PASSWORD);

    // Guessing through a session meets the sign-in's throttle.
    for (let i = 1; i < FREE_ATTEMPTS_PER_ACCOUNT; i++) {
      await client.data(
        ChangePasswordDocument,
        { currentPassword: `gissning ${i}`, newPassword: 'ett helt nytt lösenord' },
        session,
      );
    }
    const throttled = await client.data(
      ChangePasswordDocument,
      { currentPassword: PASSWORD, newPassword: 'ett helt nytt lösenord' },
      session,
    );
    expect(throttled.changePassword).toMatchObject({
      fieldErrors: [
        { field: 'currentPassword', message: expect.stringContaining('För många misslyckade inloggningar') },
      ],
    });
  });

  it('holds a new password to the rule of a new user, and refuses the demo password in production', async () => {
    await addUser('regel@norrtalje.se', 'läsare');
    const session = await signIn('regel@norrtalje.se');
    const short = await client.data(
      ChangePasswordDocument,
      { currentPassword: PASSWORD, newPassword: 'kort' },
      session,
    );
    expect(short.changePassword).toMatchObject({
      fieldErrors: [{ field: 'newPassword', message: 'Lösenordet måste ha minst 12 tecken.' }],
    });

    const production = await graphqlClient(databaseUrl, { env: { NODE_ENV: 'production' } });
    try {
      const demo = await production.data(
        ChangePasswordDocument,
        { currentPassword: PASSWORD, newPassword: DEMO_PASSWORD },
        session,
      );
      expect(demo.changePassword).toMatchObject({
        fieldErrors: [{ field: 'newPassword', message: expect.stringContaining('Demolösenordet') }],
      });
    } finally {
      await production.close();
    }
    await signIn('regel@norrtalje.se', PASSWORD);
  });

  it('ends the person’s other sessions and keeps this one', async () => {
    await addUser('byter@norrtalje.se', 'redaktör');
    const here = await signIn('byter@norrtalje.se');
    const others = [await signIn('byter@norrtalje.se'), await signIn('byter@norrtalje.se')];
    const bystander = await signIn('stab@norrtalje.demo', DEMO_PASSWORD);

    const { changePassword } = await client.data(
      ChangePasswordDocument,
      { currentPassword: PASSWORD, newPassword: 'ett helt nytt lösenord' },
      here,
    );
    expect(changePassword).toEqual({ __typename: 'PasswordChanged', endedSessions: 2 });
    expect((await me(here))?.email).toBe('byter@norrtalje.se');
    for (const other of others) expect(await me(other)).toBeNull();
    expect((await me(bystander))?.email).toBe('stab@norrtalje.demo');
    expect(await sessionsOf('byter@norrtalje.se')).toBe(1);

    const old = await client.data(
      SignInDocument,
      { email: 'byter@norrtalje.se', password: PASSWORD },
      { address: '10.13.0.1' },
    );
    expect(old.signIn.__typename).toBe('SignInError');
    await signIn('byter@norrtalje.se', 'ett helt nytt lösenord');
  });
});

describe('one’s own sessions', () => {
  it('lists only the viewer’s sessions, by device and without their tokens, marking this one', async () => {
    await addUser('resande@norrtalje.se', 'läsare');
    const desk = await signIn('resande@norrtalje.se', PASSWORD, FIREFOX);
    const phone = await signIn('resande@norrtalje.se', PASSWORD, IPHONE);
    await signIn('politiker@norrtalje.demo', DEMO_PASSWORD, FIREFOX);

    const result = await client.run<MySessionsQuery>(MySessionsDocument, {}, phone);
    const sessions = result.data!.mySessions;
    expect(sessions.map((s) => [s.device, s.current])).toEqual([
      ['Safari på iOS (mobil)', true],
      ['Firefox på Windows', false],
    ]);
    const body = JSON.stringify(result);
    for (const token of [desk.token!, phone.token!]) expect(body).not.toContain(token);
    const hashes = await sql<{ token_hash: string }>(`select token_hash from session`);
    for (const { token_hash } of hashes) expect(body).not.toContain(token_hash);
    const stored = await sql<{ device: string }>(
      `select device from session s join app_user u on u.id = s.user_id where u.email = ? order by s.id`,
      ['resande@norrtalje.se'],
    );
    expect(stored).toEqual([{ device: 'Firefox på Windows' }, { device: 'Safari på iOS (mobil)' }]);

    const anonymous = await client.run(MySessionsDocument, {});
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('notes when a session was last used, at most every few minutes', async () => {
    await addUser('sallan@norrtalje.se', 'läsare');
    const session = await signIn('sallan@norrtalje.se');
    const usedMinutesAgo = async (minutes: number) => {
      await sql(
        `update session set last_used_at = now() - make_interval(mins => ?) where user_id = (select id from app_user where email = ?)`,
        [minutes, 'sallan@norrtalje.se'],
      );
      await me(session);
      const [shown] = (await client.data(MySessionsDocument, {}, session)).mySessions;
      return (Date.now() - Date.parse(shown!.lastUsedAt)) / 60_000;
    };
    // Used a while ago, but within the interval: not written again.
    expect(await usedMinutesAgo(LAST_USED_MINUTES - 5)).toBeGreaterThan(LAST_USED_MINUTES - 6);
    // Older than that: this request is its last use.
    expect(await usedMinutesAgo(LAST_USED_MINUTES + 5)).toBeLessThan(1);
  });

  it('signs out one session of one’s own, and none of anyone else’s', async () => {
    await addUser('ensam@norrtalje.se', 'läsare');
    await addUser('granne@norrtalje.se', 'läsare');
    const here = await signIn('ensam@norrtalje.se');
    const there = await signIn('ensam@norrtalje.se');
    const neighbour = await signIn('granne@norrtalje.se');
    const [neighbourSession] = (await client.data(MySessionsDocument, {}, neighbour)).mySessions;
    const mine = (await client.data(MySessionsDocument, {}, here)).mySessions;

    const foreign = await client.data(SignOutSessionDocument, { id: neighbourSession!.id }, here);
    expect(foreign.signOutSession).toBe(false);
    expect((await me(neighbour))?.email).toBe('granne@norrtalje.se');

    const other = mine.find((s) => !s.current)!;
    expect((await client.data(SignOutSessionDocument, { id: other.id }, here)).signOutSession).toBe(true);
    expect(await me(there)).toBeNull();
    expect((await me(here))?.email).toBe('ensam@norrtalje.se');

    const current = mine.find((s) => s.current)!;
    expect((await client.data(SignOutSessionDocument, { id: current.id }, here)).signOutSession).toBe(true);
    expect(here.token).toBeUndefined();
    expect(await sessionsOf('ensam@norrtalje.se')).toBe(0);
  });

  it('signs out everywhere, this session too, and clears the cookie', async () => {
    await addUser('overallt@norrtalje.se', 'redaktör');
    const sessions = [
      await signIn('overallt@norrtalje.se'),
      await signIn('overallt@norrtalje.se'),
      await signIn('overallt@norrtalje.se'),
    ];
    const bystander = await signIn('ekonomi@norrtalje.demo', DEMO_PASSWORD);
    const browsers = sessions.map((s) => ({ ...s }));
    const { signOutEverywhere } = await client.data(SignOutEverywhereDocument, {}, browsers[0]);
    expect(signOutEverywhere).toBe(3);
    expect(browsers[0]!.token).toBeUndefined();
    // The tokens the browsers held are all dead, the one that asked included.
    for (const session of sessions) expect(await me(session)).toBeNull();
    expect(await sessionsOf('overallt@norrtalje.se')).toBe(0);
    expect((await me(bystander))?.email).toBe('ekonomi@norrtalje.demo');

    const stale = { ...sessions[1] };
    expect((await client.data(SignOutEverywhereDocument, {}, stale)).signOutEverywhere).toBe(0);
    expect(stale.token).toBeUndefined();
  });
});
