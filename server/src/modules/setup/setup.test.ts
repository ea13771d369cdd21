/**
 * The first start of an installation with no kommun: Kolada's list, the one-time token the
 * server logs, the set-up page's mutation, and `pnpm kommun:create`'s service function for
 * any database. Each part on a migrated database of its own, without the demo data.
 */
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  SetUpDocument,
  SetupDocument,
  UnitPageDocument,
  ViewerDocument,
} from '../../../test/client-documents.js';
import { graphqlClient, type GraphQLTestClient, type TestSession } from '../../../test/graphql-client.js';
import { createDatabase, dropDatabase } from '../../../test/test-database.js';
import { withoutSecrets } from '../../log.js';
import { signIn } from '../auth/session.service.js';
import { FREE_ATTEMPTS_PER_ADDRESS } from '../auth/sign-in-throttle.js';
import { UserInputError } from '../auth/user.service.js';
import { koladaKommun, koladaKommuner, parseKoladaMunicipalities } from './kolada-municipalities.js';
import { createKommun, kommunKey, offerSetup } from './kommun-setup.service.js';

const PASSWORD = 'ett långt lösenord';

async function emptyDatabase(name: string): Promise<GraphQLTestClient> {
  const client = await graphqlClient(await createDatabase(inject('adminDatabaseUrl'), name));
  await client.orm.getMigrator().up();
  return client;
}

const counter = (client: GraphQLTestClient) => async (table: string) =>
  (
    await client.orm.em
      .fork()
      .getConnection()
      .execute<{ n: number }[]>(`select count(*)::int as n from ${table}`)
  )[0]!.n;

/** offerSetup as the server calls it at start, with what it logged. */
async function startServer(client: GraphQLTestClient) {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  const token = await offerSetup(client.orm.em.fork(), withoutSecrets(pino(sink)), 'http://127.0.0.1:4000');
  return { token, log: lines.map((l) => (JSON.parse(l) as { msg: string; level: number }).msg) };
}

describe('Kolada’s list of kommuner', () => {
  it('offers the 290 kommuner of the repository’s copy, in Swedish order, without the regions and Riket', () => {
    const kommuner = koladaKommuner();
    expect(kommuner).toHaveLength(290);
    expect(koladaKommun('1489')).toEqual({ code: '1489', name: 'Alingsås', type: 'K' });
    expect(koladaKommun('0188')?.name).toBe('Norrtälje');
    expect(koladaKommun('0980')?.name).toBe('Gotland');
    for (const region of ['0000', '0001', '0009']) expect(koladaKommun(region)).toBeUndefined();
    expect(kommuner[0]!.name).toBe('Ale');
    // Å, Ä and Ö come after Z in Swedish.
    expect(kommuner.at(-1)!.name.startsWith('Ö')).toBe(true);
    const index = (name: string) => kommuner.findIndex((k) => k.name === name);
    expect(index('Åre')).toBeGreaterThan(index('Ystad'));
    expect(index('Örebro')).toBeGreaterThan(index('Älvkarleby'));
  });

  it('reads the three columns and stops at a row of another shape, naming its line', () => {
    expect(
      parseKoladaMunicipalities('id,title,type\r\n1489,Alingsås,K\r\n0009,Region Gotland,L\r\n'),
    ).toEqual([
      { code: '1489', name: 'Alingsås', type: 'K' },
      { code: '0009', name: 'Region Gotland', type: 'L' },
    ]);
    expect(() => parseKoladaMunicipalities('kod,namn\n1489,Alingsås,K\n')).toThrow(/id,title,type/);
    expect(() => parseKoladaMunicipalities('id,title,type\n1489,Alingsås,K\n"0188","Norrtälje",K\n')).toThrow(
      /rad 3/,
    );
    expect(() => parseKoladaMunicipalities('id,title,type\n1489,Alingsås,X\n')).toThrow(/rad 2/);
    expect(() => parseKoladaMunicipalities('id,title,type\n1489,Alingsås,K\n1489,Alingsås,K\n')).toThrow(
      /koden 1489 finns redan/,
    );
  });

  it('makes the kommun’s key from its name', () => {
    expect(kommunKey('Alingsås')).toBe('alingsas');
    expect(kommunKey('Upplands Väsby')).toBe('upplands-vasby');
    expect(kommunKey('Malung-Sälen')).toBe('malung-salen');
    expect(kommunKey('Öckerö')).toBe('ockero');
  });
});

describe('the set-up page on an empty database', () => {
  const dbName = `uppfoljning_setup_page_${process.pid}`;
  let client: GraphQLTestClient;
  let count: (table: string) => Promise<number>;
  const input = (token: string, fields: Record<string, string> = {}) => ({
    input: {
      token,
      koladaCode: '1489',
      name: 'Anna Admin',
      email: 'anna@alingsas.se',
      password: PASSWORD,
      ...fields,
    },
  });

  beforeAll(async () => {
    client = await emptyDatabase(dbName);
    count = counter(client);
  });
  afterAll(async () => {
    await client?.close();
    await dropDatabase(inject('adminDatabaseUrl'), dbName);
  });

  it('says set-up is needed and offers Kolada’s kommuner', async () => {
    const { setup } = await client.data(SetupDocument, {});
    expect(setup.needed).toBe(true);
    expect(setup.passwordMinLength).toBe(12);
    expect(setup.kommunChoices).toHaveLength(290);
    expect(setup.kommunChoices).toContainEqual({ code: '1489', name: 'Alingsås' });
  });

  it('logs the link with a 32-byte token at start, keeps only its hash, and replaces it at the next start', async () => {
    const first = await startServer(client);
    expect(first.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(first.token!, 'base64url')).toHaveLength(32);
    expect(first.log).toHaveLength(1);
    expect(first.log[0]).toContain(`http://127.0.0.1:4000/installera?token=${first.token}`);
    const rows = await client.orm.em
      .fork()
      .getConnection()
      .execute<{ token_hash: string }[]>('select token_hash from setup_token');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0]!.token_hash).not.toContain(first.token);

    const second = await startServer(client);
    expect(second.token).not.toBe(first.token);
    expect(await count('setup_token')).toBe(1);
    const old = await client.data(SetUpDocument, input(first.token!), { address: '10.12.0.1' });
    expect(old.setUp).toMatchObject({ __typename: 'SetupError', errorCode: 'INVALID_TOKEN' });
  });

  it('refuses a wrong token in Swedish and creates nothing', async () => {
    await startServer(client);
    for (const token of ['fel', 'x'.repeat(43), 'x'.repeat(5000)]) {
      const { setUp } = await client.data(SetUpDocument, input(token), { address: '10.12.0.2' });
      expect(setUp).toEqual({
        __typename: 'SetupError',
        errorCode: 'INVALID_TOKEN',
        message:
          'Länken gäller inte. Använd hela länken från serverns logg efter den senaste starten; den gäller en gång.',
      });
    }
    expect(await count('kommun')).toBe(0);
    expect(await count('app_user')).toBe(0);
  });

  it('names the field of an unknown code, a short password or a bad address, and keeps the token for the next try', async () => {
    const { token } = await startServer(client);
    const session = { address: '10.12.0.3' };
    const wrong: Record<string, string>[] = [
      { koladaCode: '9999' },
      { koladaCode: '0009' },
      { password: 'kort' },
      { email: 'inte en adress' },
    ];
    const refusals = await Promise.all(
      wrong.map(async (fields) => (await client.data(SetUpDocument, input(token!, fields), session)).setUp),
    );
    expect(refusals.map((r) => (r.__typename === 'ValidationError' ? r.fieldErrors : r))).toEqual([
      [
        {
          field: 'koladaCode',
          message:
            'Kolada har ingen kommun med koden "9999". Ange en fyrsiffrig kommunkod, till exempel 1489 för Alingsås.',
        },
      ],
      [
        {
          field: 'koladaCode',
          message:
            'Kolada har ingen kommun med koden "0009". Ange en fyrsiffrig kommunkod, till exempel 1489 för Alingsås.',
        },
      ],
      [{ field: 'password', message: 'Lösenordet måste ha minst 12 tecken.' }],
      [{ field: 'email', message: 'Ange en giltig e-postadress.' }],
    ]);
    for (const table of ['kommun', 'org_unit', 'app_user', 'session', 'audit_log'])
      expect(await count(table)).toBe(0);
    expect(await count('setup_token')).toBe(1);
  });

  let admin: TestSession;

  it('creates the kommun and its administratör once when the token is sent twice at once, and signs the administratör in', async () => {
    const { token } = await startServer(client);
    const sessions: TestSession[] = [{ address: '10.12.0.4' }, { address: '10.12.0.5' }];
    const results = await Promise.all(
      sessions.map((session, i) =>
        client.data(
          SetUpDocument,
          input(token!, i ? { koladaCode: '0188', email: 'nils@norrtalje.se' } : {}),
          session,
        ),
      ),
    );
    const done = results.map((r) => r.setUp).filter((r) => r.__typename === 'SetUpDone');
    expect(done).toHaveLength(1);
    const refused = results.map((r) => r.setUp).find((r) => r.__typename === 'SetupError');
    expect(refused && ['INVALID_TOKEN', 'ALREADY_SET_UP']).toContain(refused?.errorCode);
    expect(await count('kommun')).toBe(1);
    expect(await count('app_user')).toBe(1);
    expect(await count('setup_token')).toBe(0);

    const winner = sessions[results.findIndex((r) => r.setUp.__typename === 'SetUpDone')]!;
    expect(winner.token).toBeTruthy();
    admin = winner;
    const { me } = await client.data(ViewerDocument, {}, admin);
    expect(me).toMatchObject({ role: 'ADMINISTRATOR', units: [] });
    const kommun = await client.data<{
      kommuner: { name: string; koladaCode: string; root: { name: string; kind: string } }[];
    }>('{ kommuner { name koladaCode root { name kind } } }');
    expect(kommun.kommuner).toHaveLength(1);
    expect(me?.kommun.name).toBe(kommun.kommuner[0]!.name);
    expect(['Alingsås', 'Norrtälje']).toContain(kommun.kommuner[0]!.name);
    expect(kommun.kommuner[0]!.root).toEqual({ name: `${kommun.kommuner[0]!.name} kommun`, kind: 'KOMMUN' });
    // The page the set-up lands on: the kommun's root, in its first working period.
    const landed = done[0]!.__typename === 'SetUpDone' ? done[0]!.kommun.root.id : '';
    const { unit } = await client.data(UnitPageDocument, { unitId: landed, periodId: null }, admin);
    expect(unit).toMatchObject({
      inPeriod: { name: `${kommun.kommuner[0]!.name} kommun` },
      followUp: {
        period: { label: String(new Date().getFullYear()) },
        unitInPeriod: { name: `${kommun.kommuner[0]!.name} kommun` },
      },
    });
    // The rows are the administratör's in the audit log.
    const audit = await client.orm.em
      .fork()
      .getConnection()
      .execute<{ entity: string; user_id: number }[]>(
        'select entity, user_id from audit_log order by entity',
      );
    expect(audit.map((a) => a.entity)).toEqual(['Kommun', 'Period', 'User']);
    expect(audit.map((a) => String(a.user_id))).toEqual([me!.id, me!.id, me!.id].map(String));
  });

  it('lets the new administratör do what only an administratör may: add a user to the kommun', async () => {
    const CREATE_USER = `mutation($input: NewUserInput!) { createUser(input: $input) {
      __typename ... on UserCreated { user { email role kommun { name } } } } }`;
    const newUser = { email: 'lasare@kommun.se', name: 'Lisa Läsare', password: PASSWORD, role: 'LASARE' };
    const { me } = await client.data(ViewerDocument, {}, admin);
    const created = await client.data(CREATE_USER, { input: newUser }, admin);
    expect(created.createUser).toEqual({
      __typename: 'UserCreated',
      user: { email: 'lasare@kommun.se', role: 'LASARE', kommun: { name: me!.kommun.name } },
    });
    // Without the session the same mutation is refused.
    const anonymous = await client.run(CREATE_USER, { input: { ...newUser, email: 'x@kommun.se' } });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('is done once a kommun exists: no choices, no new token at start, and the mutation refused', async () => {
    const { setup } = await client.data(SetupDocument, {});
    expect(setup).toMatchObject({ needed: false, kommunChoices: [] });
    const restart = await startServer(client);
    expect(restart).toEqual({ token: null, log: [] });
    const { setUp } = await client.data(SetUpDocument, input('vad som helst', { koladaCode: '0180' }), {
      address: '10.12.0.6',
    });
    expect(setUp).toMatchObject({ __typename: 'SetupError', errorCode: 'ALREADY_SET_UP' });
    expect(await count('kommun')).toBe(1);
  });

  it('counts the tries against the address like failed sign-ins, and then asks it to wait', async () => {
    const session = { address: '10.12.0.7' };
    for (let i = 0; i < FREE_ATTEMPTS_PER_ADDRESS; i++) {
      const { setUp } = await client.data(SetUpDocument, input('fel'), session);
      expect(setUp).toMatchObject({ errorCode: 'ALREADY_SET_UP' });
    }
    const { setUp } = await client.data(SetUpDocument, input('fel'), session);
    expect(setUp).toEqual({
      __typename: 'SetupError',
      errorCode: 'THROTTLED',
      message: 'För många försök. Försök igen om 1 sekund.',
    });
    // The same counter as sign-ins: a sign-in from that address waits too.
    const signInFrom = await signIn(client.orm.em.fork(), {
      email: 'x@kommun.se',
      password: 'x',
      address: session.address,
    });
    expect(signInFrom).toMatchObject({ ok: false, errorCode: 'THROTTLED' });
  });
});

describe('pnpm kommun:create’s service, on a database with kommuner', () => {
  const dbName = `uppfoljning_kommun_create_${process.pid}`;
  let client: GraphQLTestClient;
  let count: (table: string) => Promise<number>;
  const admin = (email: string, password = PASSWORD) => ({ name: 'Ada Admin', email, password });
  const refusal = async (work: Promise<unknown>) => {
    const error = await work.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UserInputError);
    return { field: (error as UserInputError).field, message: (error as UserInputError).message };
  };

  beforeAll(async () => {
    client = await emptyDatabase(dbName);
    count = counter(client);
  });
  afterAll(async () => {
    await client?.close();
    await dropDatabase(inject('adminDatabaseUrl'), dbName);
  });

  it('creates Alingsås with its root unit and an administratör who can sign in, and spends a set-up token left over', async () => {
    await startServer(client);
    const {
      kommun,
      root,
      period,
      admin: user,
    } = await createKommun(client.orm.em.fork(), {
      koladaCode: ' 1489 ',
      admin: admin('Ada@Alingsas.se'),
    });
    expect(kommun).toMatchObject({ name: 'Alingsås', koladaCode: '1489', key: 'alingsas' });
    expect(root).toMatchObject({
      name: 'Alingsås kommun',
      kind: 'kommun',
      key: 'alingsas',
      path: `/${root.id}/`,
    });
    expect(user).toMatchObject({ email: 'ada@alingsas.se', role: 'administratör' });
    const year = String(new Date().getFullYear());
    expect(period).toMatchObject({ key: year, label: year, kind: 'år', startDate: `${year}-01-01` });
    expect(await count('setup_token')).toBe(0);
    const signedIn = await signIn(client.orm.em.fork(), {
      email: 'ada@alingsas.se',
      password: PASSWORD,
      address: '10.13.0.1',
    });
    expect(signedIn.ok).toBe(true);
  });

  it('adds a second kommun to the same installation', async () => {
    await createKommun(client.orm.em.fork(), { koladaCode: '0188', admin: admin('ada@norrtalje.se') });
    const { kommuner } = await client.data<{ kommuner: { name: string; root: { name: string } }[] }>(
      '{ kommuner { name root { name } } }',
    );
    expect(kommuner).toEqual([
      { name: 'Alingsås', root: { name: 'Alingsås kommun' } },
      { name: 'Norrtälje', root: { name: 'Norrtälje kommun' } },
    ]);
  });

  it('refuses a kommun that exists, an unknown code, a short password and a taken address, and writes nothing', async () => {
    const before = await Promise.all(['kommun', 'org_unit', 'app_user', 'audit_log'].map(count));
    const em = () => client.orm.em.fork();
    expect(await refusal(createKommun(em(), { koladaCode: '1489', admin: admin('ny@alingsas.se') }))).toEqual(
      {
        field: 'koladaCode',
        message: 'Kommunen Alingsås (1489) finns redan i installationen.',
      },
    );
    expect(await refusal(createKommun(em(), { koladaCode: '12', admin: admin('ny@x.se') }))).toEqual({
      field: 'koladaCode',
      message:
        'Kolada har ingen kommun med koden "12". Ange en fyrsiffrig kommunkod, till exempel 1489 för Alingsås.',
    });
    expect(
      await refusal(createKommun(em(), { koladaCode: '1480', admin: admin('ny@goteborg.se', 'kort') })),
    ).toEqual({
      field: 'password',
      message: 'Lösenordet måste ha minst 12 tecken.',
    });
    expect(
      await refusal(createKommun(em(), { koladaCode: '1480', admin: admin('ada@alingsas.se') })),
    ).toEqual({
      field: 'email',
      message: 'E-postadressen ada@alingsas.se används redan.',
    });
    expect(await Promise.all(['kommun', 'org_unit', 'app_user', 'audit_log'].map(count))).toEqual(before);
  });

  it('gives a kommun a key of its own when a kommun without a Kolada code has the plain one', async () => {
    await client.orm.em
      .fork()
      .getConnection()
      .execute(`insert into kommun (key, name, kolada_code) values ('ale', 'Ale (utan kod)', null)`);
    const { kommun } = await createKommun(client.orm.em.fork(), {
      koladaCode: '1440',
      admin: admin('ada@ale.se'),
    });
    expect(kommun).toMatchObject({ name: 'Ale', key: 'ale-1440' });
  });
});
