/**
 * Guessing passwords through the real HTTP app on a real PostgreSQL: in a batch, with
 * aliases, in parallel, from behind a proxy. What counts is what a guesser notices: how many
 * guesses are answered at all (INVALID_CREDENTIALS means the password was tried), and what an
 * owner notices: that they get in after a short wait.
 */
import type { Server } from 'node:http';
import { MikroORM } from '@mikro-orm/postgresql';
import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { ormConfig } from '../src/db/orm-config.js';
import { DEMO_PASSWORD } from '../src/db/seed/demo-users.js';
import { createHttpApp } from '../src/http.js';
import {
  FREE_ATTEMPTS_PER_ACCOUNT,
  FREE_ATTEMPTS_PER_ADDRESS,
} from '../src/modules/auth/sign-in-throttle.js';

let orm: MikroORM;
const apps: { server: Server; stop: () => Promise<void> }[] = [];
/** The app as it listens on its own: X-Forwarded-For is not believed. */
let direct: string;
/** The app behind a proxy on the same machine (TRUST_PROXY=loopback). */
let proxied: string;

async function start(env: Record<string, string>): Promise<string> {
  const app = await createHttpApp(loadConfig({ PORT: '0', ...env }), orm, pino({ level: 'silent' }));
  const server = await new Promise<Server>((resolve) => {
    const s = app.app.listen(0, '127.0.0.1', () => resolve(s));
  });
  apps.push({ server, stop: app.stop });
  return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
}

const forgetAttempts = () => orm.em.fork().getConnection().execute('delete from sign_in_throttle');

beforeAll(async () => {
  orm = await MikroORM.init(ormConfig(inject('demoDatabaseUrl')));
  direct = await start({});
  proxied = await start({ TRUST_PROXY: 'loopback' });
});
beforeEach(forgetAttempts);
afterAll(async () => {
  await forgetAttempts();
  for (const app of apps) {
    app.server.close();
    await app.stop();
  }
  await orm.close(true);
});

const SIGN_IN = `mutation($e: String!, $p: String!) {
  signIn(email: $e, password: $p) { __typename ... on SignInError { errorCode message } }
}`;

interface Answer {
  __typename: string;
  errorCode?: string;
  message?: string;
}

async function post(base: string, body: unknown, from?: string) {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(from ? { 'x-forwarded-for': from } : {}) },
    body: JSON.stringify(body),
  });
  return { json: (await response.json()) as unknown, cookie: response.headers.get('set-cookie') };
}

async function signIn(base: string, email: string, password: string, from?: string): Promise<Answer> {
  const { json } = await post(base, { query: SIGN_IN, variables: { e: email, p: password } }, from);
  return (json as { data: { signIn: Answer } }).data.signIn;
}

const tried = (answers: Answer[]) => answers.filter((a) => a.errorCode === 'INVALID_CREDENTIALS').length;
const refused = (answers: Answer[]) => answers.filter((a) => a.errorCode === 'THROTTLED').length;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('guessing passwords', () => {
  it('in a batch is refused as a whole, and nothing in it is tried or counted', async () => {
    const from = '198.51.100.1';
    const batch = [...Array.from({ length: 6 }, (_, i) => `fel lösenord ${i}`), DEMO_PASSWORD].map((p) => ({
      query: SIGN_IN,
      variables: { e: 'ekonomi@norrtalje.demo', p },
    }));
    const { json, cookie } = await post(proxied, batch, from);
    const codes = (json as { errors?: { extensions: { code: string } }[] }[]).map(
      (r) => r.errors?.[0]?.extensions.code,
    );
    expect(codes).toEqual(Array(7).fill('BATCHED_MUTATION'));
    expect(cookie).toBeNull();
    // Nothing was counted: the owner's very next attempt is tried, and signs in.
    const rows = await orm.em.fork().getConnection().execute('select * from sign_in_throttle');
    expect(rows).toEqual([]);
    expect((await signIn(proxied, 'ekonomi@norrtalje.demo', DEMO_PASSWORD, from)).__typename).toBe(
      'SignedIn',
    );
  });

  it('with aliases counts each one, and the right password after them is refused too', async () => {
    const guesses = [...Array.from({ length: 7 }, (_, i) => `fel lösenord ${i}`), DEMO_PASSWORD];
    const query = `mutation { ${guesses
      .map(
        (p, i) =>
          `g${i}: signIn(email: "kontor@norrtalje.demo", password: "${p}") { __typename ... on SignInError { errorCode message } }`,
      )
      .join('\n')} }`;
    const { json, cookie } = await post(proxied, { query }, '198.51.100.2');
    const answers = Object.values((json as { data: Record<string, Answer> }).data);
    expect(answers).toHaveLength(8);
    expect(tried(answers)).toBe(FREE_ATTEMPTS_PER_ACCOUNT);
    expect(refused(answers)).toBe(8 - FREE_ATTEMPTS_PER_ACCOUNT);
    expect(answers.at(-1)).toMatchObject({ errorCode: 'THROTTLED' });
    expect(cookie).toBeNull();
  });

  /**
   * The free attempts, and one more for each delay that ran out while the requests came in
   * (1 s, then 2 s, …): on a busy machine 50 requests can take longer than the first delay.
   */
  const allowedWithin = (free: number, seconds: number) => free + Math.floor(Math.log2(seconds + 1));

  it.each([
    ['one account', FREE_ATTEMPTS_PER_ACCOUNT, () => 'admin@norrtalje.demo'],
    [
      'many accounts from one address',
      FREE_ATTEMPTS_PER_ADDRESS,
      (i: number) => `gissning${i}@norrtalje.demo`,
    ],
  ])(
    'in 50 parallel requests against %s tries no more than the free attempts',
    async (what, free, account) => {
      const started = Date.now();
      const answers = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          signIn(proxied, account(i), `parallell gissning ${i}`, `198.51.100.${free}`),
        ),
      );
      const seconds = (Date.now() - started) / 1000;
      console.log(
        `50 parallel guesses at ${what}: ${tried(answers)} tried, ${refused(answers)} refused in ${seconds} s`,
      );
      expect(tried(answers)).toBeGreaterThanOrEqual(free);
      expect(tried(answers)).toBeLessThanOrEqual(allowedWithin(free, seconds));
      expect(tried(answers) + refused(answers)).toBe(50);
    },
  );

  it('meets a delay that doubles, and the owner signs in once it has passed', async () => {
    const from = '198.51.100.5';
    const account = 'stab@norrtalje.demo';
    for (let i = 0; i < FREE_ATTEMPTS_PER_ACCOUNT; i++)
      expect(await signIn(proxied, account, `fel lösenord ${i}`, from)).toMatchObject({
        errorCode: 'INVALID_CREDENTIALS',
      });
    // Even the right password is refused during the delay: otherwise guessing would go on.
    expect(await signIn(proxied, account, DEMO_PASSWORD, from)).toEqual({
      __typename: 'SignInError',
      errorCode: 'THROTTLED',
      message: 'För många misslyckade inloggningar. Försök igen om 1 sekund.',
    });
    await sleep(1_100);
    expect((await signIn(proxied, account, 'fel lösenord igen', from)).errorCode).toBe('INVALID_CREDENTIALS');
    expect((await signIn(proxied, account, 'fel lösenord igen', from)).message).toBe(
      'För många misslyckade inloggningar. Försök igen om 2 sekunder.',
    );
    await sleep(2_100);
    expect((await signIn(proxied, account, DEMO_PASSWORD, from)).__typename).toBe('SignedIn');
  });

  it('is answered alike whether the account exists or not', async () => {
    const answersFor = async (account: string, from: string) => {
      const answers: Answer[] = [];
      for (let i = 0; i < FREE_ATTEMPTS_PER_ACCOUNT + 2; i++)
        answers.push(await signIn(proxied, account, `fel lösenord ${i}`, from));
      return answers;
    };
    expect(await answersFor('ingen-sadan@norrtalje.demo', '198.51.100.6')).toEqual(
      await answersFor('politiker@norrtalje.demo', '198.51.100.7'),
    );
  });

  it('from one address is not forgiven by a successful sign-in in between', async () => {
    const from = '198.51.100.8';
    for (let i = 0; i < FREE_ATTEMPTS_PER_ADDRESS - 1; i++)
      await signIn(proxied, `gissning${i}@norrtalje.demo`, 'fel lösenord här', from);
    // The guesser's own account: before, a success wiped the count.
    expect((await signIn(proxied, 'politiker@norrtalje.demo', DEMO_PASSWORD, from)).__typename).toBe(
      'SignedIn',
    );
    expect((await signIn(proxied, 'gissning-sist@norrtalje.demo', 'fel lösenord här', from)).errorCode).toBe(
      'INVALID_CREDENTIALS',
    );
    expect((await signIn(proxied, 'gissning-efter@norrtalje.demo', 'fel lösenord här', from)).errorCode).toBe(
      'THROTTLED',
    );
  });
});

describe('the client address', () => {
  const guessFromEverywhere = (base: string, from: (i: number) => string) =>
    Promise.all(
      Array.from({ length: FREE_ATTEMPTS_PER_ADDRESS }, (_, i) =>
        signIn(base, `gissning${i}@norrtalje.demo`, 'fel lösenord här', from(i)),
      ),
    );
  const counted = () =>
    orm.em
      .fork()
      .getConnection()
      .execute<{ key: string; failures: number }[]>(
        `select key, failures from sign_in_throttle where kind = 'address' order by key`,
      );

  it('behind a trusted proxy is the one in X-Forwarded-For, so one client does not slow down the others', async () => {
    await guessFromEverywhere(proxied, () => '203.0.113.7');
    expect(await counted()).toEqual([{ key: '203.0.113.7', failures: FREE_ATTEMPTS_PER_ADDRESS }]);
    expect((await signIn(proxied, 'ekonomi@norrtalje.demo', DEMO_PASSWORD, '203.0.113.8')).__typename).toBe(
      'SignedIn',
    );
  });

  it('without TRUST_PROXY ignores X-Forwarded-For, so a client cannot pose as many', async () => {
    await guessFromEverywhere(direct, (i) => `203.0.113.${i + 10}`);
    expect(await counted()).toEqual([{ key: '127.0.0.1', failures: FREE_ATTEMPTS_PER_ADDRESS }]);
  });
});
