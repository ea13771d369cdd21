/** The HTTP layer as a browser meets it: the session cookie's attributes and CSRF protection. */
import type { Server } from 'node:http';
import { Writable } from 'node:stream';
import { MikroORM } from '@mikro-orm/postgresql';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { ormConfig } from '../src/db/orm-config.js';
import { DEMO_PASSWORD } from '../src/db/seed/demo-users.js';
import { createHttpApp } from '../src/http.js';

let orm: MikroORM;
let http: Server;
let stop: () => Promise<void>;
let base: string;
let logged = '';

beforeAll(async () => {
  orm = await MikroORM.init(ormConfig(inject('demoDatabaseUrl')));
  // Everything the server logs, at the most verbose level, to look for passwords in it.
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logged += chunk.toString();
      done();
    },
  });
  const app = await createHttpApp(loadConfig({ PORT: '0' }), orm, pino({ level: 'trace' }, sink));
  stop = app.stop;
  http = await new Promise<Server>((resolve) => {
    const server = app.app.listen(0, '127.0.0.1', () => resolve(server));
  });
  base = `http://127.0.0.1:${(http.address() as { port: number }).port}`;
});
afterAll(async () => {
  http.close();
  await stop();
  await orm.close(true);
});

const post = (body: object, cookie?: string) =>
  fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });

describe('the session cookie', () => {
  it('is httpOnly and SameSite=Lax, and a request with it is signed in', async () => {
    const response = await post({
      query: `mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { __typename } }`,
      variables: { e: 'politiker@norrtalje.demo', p: DEMO_PASSWORD },
    });
    const setCookie = response.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/^uppf_session=[\w-]+; Path=\/; Expires=.+; HttpOnly; SameSite=Lax$/);
    // Secure is left out only on localhost, where browsers allow plain HTTP.
    expect(setCookie).not.toContain('Secure');
    const cookie = setCookie.split(';')[0]!;
    const me = (await (await post({ query: '{ me { email } }' }, cookie)).json()) as {
      data: { me: { email: string } };
    };
    expect(me.data.me.email).toBe('politiker@norrtalje.demo');
  });
});

describe('CSRF protection', () => {
  it('blocks a simple cross-site GET that a form or an image tag could send', async () => {
    const response = await fetch(`${base}/graphql?query=${encodeURIComponent('{ me { email } }')}`);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('Cross-Site Request Forgery');
  });
});

describe('passwords', () => {
  it('never appear in the logs or in a response, whether the sign-in fails or succeeds', async () => {
    const signIn = (p: string) =>
      post({
        query: `mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { __typename ... on SignInError { message } } }`,
        variables: { e: 'admin@norrtalje.demo', p },
      });
    const wrong = 'fel-lösenord-som-inte-får-synas';
    const bodies = [
      await (await signIn(wrong)).text(),
      await (await signIn(DEMO_PASSWORD)).text(),
      // A malformed request is logged as an error with its variables at hand.
      await (await post({ query: 'mutation($p: Int!) { signOut }', variables: { p: DEMO_PASSWORD } })).text(),
    ];
    // Both attempts are logged, with the account and the outcome.
    expect(logged).toContain('"msg":"sign-in refused"');
    expect(logged).toContain('"msg":"signed in"');
    for (const text of [logged, ...bodies]) {
      expect(text).not.toContain(wrong);
      expect(text).not.toContain(DEMO_PASSWORD);
      expect(text).not.toMatch(/scrypt\$/);
    }
  });
});
