import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphqlClient, type GraphQLTestClient, type TestSession } from '../../../test/graphql-client.js';
import { DEMO_PASSWORD } from '../../db/seed/demo-users.js';
import { FREE_ATTEMPTS_PER_ACCOUNT, FREE_ATTEMPTS_PER_ADDRESS } from './sign-in-throttle.js';
import { Session, SignInThrottle } from './user.entity.js';

const SIGN_IN = /* GraphQL */ `
  mutation SignIn($email: String!, $password: String!) {
    signIn(email: $email, password: $password) {
      __typename
      ... on SignedIn {
        expiresAt
        viewer {
          email
          name
          role
          units {
            name
          }
        }
      }
      ... on SignInError {
        errorCode
        message
        field
      }
    }
  }
`;
const ME = `{ me { email role } }`;

let client: GraphQLTestClient;
beforeAll(async () => {
  client = await graphqlClient();
  await client.orm.em.fork().nativeDelete(SignInThrottle, {});
});
afterAll(async () => {
  await client.orm.em.fork().nativeDelete(SignInThrottle, {});
  await client.close();
});

const signIn = (session: TestSession, email: string, password: string) =>
  client.data(SIGN_IN, { email, password }, session).then((d) => d.signIn);

describe('signing in', () => {
  it('signs in an editor, sets the session cookie, and knows who it is until sign-out', async () => {
    const session: TestSession = { address: '10.0.0.1' };
    const result = await signIn(session, 'Stab@Norrtalje.demo', DEMO_PASSWORD);
    expect(result).toMatchObject({
      __typename: 'SignedIn',
      viewer: {
        email: 'stab@norrtalje.demo',
        role: 'REDAKTOR',
        units: [{ name: 'Stab- och planeringsavdelningen' }],
      },
    });
    expect(session.token).toMatch(/^[\w-]{43}$/);
    expect((await client.data(ME, {}, session)).me).toEqual({
      email: 'stab@norrtalje.demo',
      role: 'REDAKTOR',
    });

    expect((await client.data(`mutation { signOut }`, {}, { ...session })).signOut).toBe(true);
    expect((await client.data(ME, {}, session)).me).toBeNull();
  });

  it('answers a wrong password and an unknown account alike, without telling which', async () => {
    const session: TestSession = { address: '10.0.0.2' };
    const wrong = await signIn(session, 'politiker@norrtalje.demo', 'fel lösenord här');
    const unknown = await signIn(session, 'ingen@norrtalje.demo', 'fel lösenord här');
    expect(wrong).toEqual({
      __typename: 'SignInError',
      errorCode: 'INVALID_CREDENTIALS',
      message: 'Fel e-postadress eller lösenord.',
      field: null,
    });
    expect(unknown).toEqual(wrong);
    expect(session.token).toBeUndefined();
  });

  it('names the missing field', async () => {
    expect(await signIn({}, '', 'x')).toMatchObject({
      errorCode: 'VALIDATION',
      field: 'email',
      message: 'Ange din e-postadress.',
    });
    expect(await signIn({}, 'a@b.se', '')).toMatchObject({ errorCode: 'VALIDATION', field: 'password' });
  });

  it('delays an account after repeated failures, even for the right password from elsewhere', async () => {
    const session: TestSession = { address: '10.0.0.3' };
    for (let i = 0; i < FREE_ATTEMPTS_PER_ACCOUNT; i++) {
      expect((await signIn(session, 'admin@norrtalje.demo', `gissning nummer ${i}`)).errorCode).toBe(
        'INVALID_CREDENTIALS',
      );
    }
    const blocked = await signIn({ address: '10.0.0.4' }, 'admin@norrtalje.demo', DEMO_PASSWORD);
    expect(blocked).toMatchObject({
      errorCode: 'THROTTLED',
      message: expect.stringContaining('För många misslyckade inloggningar'),
    });
  });

  it('delays an address that guesses across many accounts, and only that address', async () => {
    const session: TestSession = { address: '10.0.0.5' };
    for (let i = 0; i < FREE_ATTEMPTS_PER_ADDRESS; i++)
      await signIn(session, `gissning${i}@norrtalje.demo`, 'fel lösenord här');
    expect((await signIn(session, 'ekonomi@norrtalje.demo', DEMO_PASSWORD)).errorCode).toBe('THROTTLED');
    expect((await signIn({ address: '10.0.0.6' }, 'ekonomi@norrtalje.demo', DEMO_PASSWORD)).__typename).toBe(
      'SignedIn',
    );
  });

  it('ends a session when it expires', async () => {
    const session: TestSession = { address: '10.0.0.7' };
    await signIn(session, 'politiker@norrtalje.demo', DEMO_PASSWORD);
    expect((await client.data(ME, {}, session)).me).not.toBeNull();
    await client.orm.em.fork().nativeUpdate(Session, {}, { expiresAt: new Date(Date.now() - 1000) });
    expect((await client.data(ME, {}, session)).me).toBeNull();
  });

  it('never puts a password or its hash in a response', async () => {
    const session: TestSession = { address: '10.0.0.8' };
    const body = JSON.stringify(
      await client.run(SIGN_IN, { email: 'politiker@norrtalje.demo', password: DEMO_PASSWORD }, session),
    );
    expect(body).not.toContain(DEMO_PASSWORD);
    expect(body).not.toContain('scrypt');
    const introspection = JSON.stringify(await client.run(`{ __type(name: "Viewer") { fields { name } } }`));
    expect(introspection).not.toMatch(/password/i);
  });
});
