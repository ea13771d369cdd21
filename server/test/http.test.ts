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
import { User } from '../src/modules/auth/user.entity.js';
import { withoutSecrets } from '../src/log.js';

let orm: MikroORM;
let http: Server;
let stop: () => Promise<void>;
let base: string;
let logged = '';
let sink: Writable;

beforeAll(async () => {
  orm = await MikroORM.init(ormConfig(inject('demoDatabaseUrl')));
  // Everything the server logs, at the most verbose level, to look for passwords in it.
  sink = new Writable({
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

describe('the trace-level log', () => {
  const signIn = async (email: string, password: string, cookie?: string) => {
    const response = await post(
      {
        query: `mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { __typename } }`,
        variables: { e: email, p: password },
      },
      cookie,
    );
    return response.headers.get('set-cookie')?.split(';')[0];
  };
  const email = 'logg-provet@norrtalje.demo';
  afterAll(() => orm.em.fork().nativeDelete(User, { email: { $like: 'logg-provet%' } }));

  it('carries no password, hash or session token after failing inserts, sign-ins and cookies', async () => {
    const password = 'nytt-lösenord-som-inte-får-loggas';
    const admin = (await signIn('admin@norrtalje.demo', DEMO_PASSWORD))!;
    const createUser = (name: string, address = email) =>
      post(
        {
          query: `mutation($i: NewUserInput!) { createUser(input: $i) { __typename } }`,
          variables: { i: { email: address, name, password, role: 'LASARE' } },
        },
        admin,
      ).then(
        (r) =>
          r.json() as Promise<{
            data?: { createUser: { __typename: string } };
            errors?: { extensions: { code: string } }[];
          }>,
      );
    // Each checks that the address is free, then hashes (slowly), then inserts: the unique
    // e-mail address refuses all inserts but one, and those are told the address is taken.
    const answers = await Promise.all(Array.from({ length: 4 }, () => createUser('Logg Provet')));
    expect(
      answers.map((a) => a.errors?.[0]?.extensions.code ?? a.data!.createUser.__typename).sort(),
    ).toEqual(['UserCreated', 'ValidationError', 'ValidationError', 'ValidationError']);

    // No failed insert of a user is left for the API to log; one made below it, with a
    // password hash in its statement, loses its values in the log all the same.
    const { kommun, passwordHash } = await orm.em.fork().findOneOrFail(User, { email });
    const failedInsert = (values: { email?: string; name?: string }) =>
      orm.em
        .fork()
        .insert(User, {
          kommun,
          email,
          name: 'Logg Provet',
          role: 'läsare' as const,
          passwordHash,
          ...values,
        })
        .then(
          () => expect.fail('the insert should fail'),
          (error: unknown) => error,
        );
    const serverLog = withoutSecrets(pino({ level: 'trace' }, sink));
    serverLog.error({ err: await failedInsert({}) }, 'insert failed');
    serverLog.error(
      { err: await failedInsert({ email: 'logg-provet-2@norrtalje.demo', name: 'x'.repeat(300) }) },
      'insert failed',
    );
    // What went wrong is still there for whoever reads the log: only the values are gone.
    expect(logged).toContain('duplicate key value violates unique constraint');
    expect(logged).toContain('value too long');

    const wrong = 'ett-annat-fel-lösenord-i-loggen';
    await signIn('kontor@norrtalje.demo', wrong);
    const session = (await signIn('kontor@norrtalje.demo', DEMO_PASSWORD))!;
    await signIn('kontor@norrtalje.demo', wrong, 'uppf_session=%E0%A4%A');
    await post({ query: '{ me { email } }' }, `uppf_session=${'A'.repeat(43)}; other=%`);

    const hash = (await orm.em.fork().findOneOrFail(User, { email })).passwordHash;
    const tokens = [admin, session].map((c) => decodeURIComponent(c.split('=')[1]!));
    for (const secret of [password, wrong, DEMO_PASSWORD, hash, ...tokens]) {
      expect(logged).not.toContain(secret);
    }
    expect(logged).not.toMatch(/scrypt\$/);
  });
});

describe('the security headers', () => {
  it('allow scripts, styles, the service worker and GraphQL only from the app’s own origin, and no framing', async () => {
    for (const path of ['/', '/graphql', '/healthz']) {
      const response = await fetch(`${base}${path}`, { method: path === '/graphql' ? 'POST' : 'GET' });
      const csp = response.headers.get('content-security-policy') ?? '';
      const directives = Object.fromEntries(
        csp
          .split(';')
          .map((d) => d.trim().split(/\s+/))
          .map(([name, ...values]) => [name, values.join(' ')]),
      );
      expect(directives, path).toMatchObject({
        'default-src': "'self'",
        'script-src': "'self'",
        'style-src': "'self'",
        'connect-src': "'self'",
        'worker-src': "'self'",
        'manifest-src': "'self'",
        'object-src': "'none'",
        'frame-ancestors': "'none'",
      });
      expect(csp).not.toContain('unsafe-inline');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      // Served over plain HTTP: no HSTS.
      expect(response.headers.get('strict-transport-security')).toBeNull();
    }
  });

  it('include HSTS when a trusted proxy says the request came over HTTPS, and only then', async () => {
    const behindProxy = await createHttpApp(
      loadConfig({ PORT: '0', TRUST_PROXY: 'loopback' }),
      orm,
      pino({ level: 'silent' }),
    );
    const server = await new Promise<Server>((resolve) => {
      const s = behindProxy.app.listen(0, '127.0.0.1', () => resolve(s));
    });
    try {
      const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/healthz`;
      const overTls = await fetch(url, { headers: { 'x-forwarded-proto': 'https' } });
      expect(overTls.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
      expect((await fetch(url)).headers.get('strict-transport-security')).toBeNull();
      // The proxy of the main app is not trusted: a client cannot ask for HSTS itself.
      const untrusted = await fetch(`${base}/healthz`, { headers: { 'x-forwarded-proto': 'https' } });
      expect(untrusted.headers.get('strict-transport-security')).toBeNull();
    } finally {
      server.close();
      await behindProxy.stop();
    }
  });

  it('refuse a TRUST_PROXY that is no list of proxies, with a message naming it', () => {
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.300' })).toThrow(/TRUST_PROXY/);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }).TRUST_PROXY).toBe('loopback, 10.0.0.0/8');
    expect(loadConfig({ TRUST_PROXY: '1' }).TRUST_PROXY).toBe(1);
  });
});

describe('a body the server cannot read', () => {
  const raw = (body: string) =>
    fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

  it('too large is answered 413 with a Swedish JSON error', async () => {
    const response = await raw(
      JSON.stringify({ query: '{ me { email } }', variables: { x: 'x'.repeat(1_100_000) } }),
    );
    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({
      errors: [
        { message: 'Anropet är för stort: högst 1mb tas emot.', extensions: { code: 'PAYLOAD_TOO_LARGE' } },
      ],
    });
  });

  it('not JSON is answered 400 with a Swedish JSON error', async () => {
    const response = await raw('{"query": "{ me { email } }",');
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({
      errors: [
        {
          message: 'Anropet kunde inte läsas: innehållet är inte giltig JSON.',
          extensions: { code: 'INVALID_JSON' },
        },
      ],
    });
  });
});

describe('PUBLIC_REPORTS=false over HTTP', () => {
  it('answers an anonymous read 200 with UNAUTHENTICATED, and reads for the signed-in', async () => {
    const closed = await createHttpApp(
      loadConfig({ PORT: '0', PUBLIC_REPORTS: 'false' }),
      orm,
      pino({ level: 'silent' }),
    );
    const server = await new Promise<Server>((resolve) => {
      const s = closed.app.listen(0, '127.0.0.1', () => resolve(s));
    });
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/graphql`;
    const send = (query: string, variables: object = {}, cookie?: string) =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
        body: JSON.stringify({ query, variables }),
      });
    try {
      const refused = await send('{ kommuner { name } }');
      expect(refused.status).toBe(200);
      expect(await refused.json()).toEqual({
        errors: [
          { message: 'Logga in för att läsa uppföljningen.', extensions: { code: 'UNAUTHENTICATED' } },
        ],
      });
      const signedIn = await send(
        `mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { __typename } }`,
        { e: 'politiker@norrtalje.demo', p: DEMO_PASSWORD },
      );
      expect(signedIn.status).toBe(200);
      const cookie = signedIn.headers.get('set-cookie')!.split(';')[0]!;
      const read = (await (await send('{ kommuner { name } }', {}, cookie)).json()) as {
        data: { kommuner: unknown[] };
      };
      expect(read.data.kommuner.length).toBeGreaterThan(0);
    } finally {
      server.close();
      await closed.stop();
    }
  });
});
