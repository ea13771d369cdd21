/**
 * The administratör's organisation through the client's own documents, on a demo database of
 * its own: a change applies from a period on, and a published report keeps what it showed.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  CloseUnitDocument,
  CreateUnitDocument,
  MoveUnitDocument,
  OrganisationTreeDocument,
  RenameUnitDocument,
  ReportPageDocument,
  UnitPageDocument,
} from '../../../test/client-documents.js';
import {
  graphqlClient,
  periodId,
  unitId,
  type GraphQLTestClient,
  type TestSession,
} from '../../../test/graphql-client.js';
import { dropDatabase, seededDatabase } from '../../../test/test-database.js';
import { DEMO_PASSWORD } from '../../db/seed/demo-users.js';

const dbName = `uppfoljning_organisation_${process.pid}`;
let client: GraphQLTestClient;
const sessions: Record<string, TestSession> = {};

const SIGN_IN = `mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { __typename } }`;
const OPEN_PERIOD = `mutation($input: NewPeriodInput!) { openPeriod(input: $input) { __typename ... on Period { id } } }`;

async function signIn(email: string): Promise<TestSession> {
  const session: TestSession = { address: `10.9.${Math.floor(Math.random() * 250)}.1` };
  expect((await client.data(SIGN_IN, { e: email, p: DEMO_PASSWORD }, session)).signIn.__typename).toBe(
    'SignedIn',
  );
  return session;
}

const sql = async <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
  client.orm.em.fork().getConnection().execute<T[]>(text, params);

let period2026: string;
let ksk: string;
let stab: string;
let ekonomi: string;
let root: string;

beforeAll(async () => {
  client = await graphqlClient(await seededDatabase(inject('adminDatabaseUrl'), dbName));
  sessions.admin = await signIn('admin@norrtalje.demo');
  sessions.redaktör = await signIn('kontor@norrtalje.demo');
  ksk = await unitId(client, 'norrtalje', 'ksk');
  stab = await unitId(client, 'norrtalje', 'ksk-stab');
  ekonomi = await unitId(client, 'norrtalje', 'ksk-ekonomi');
  root = await unitId(client, 'norrtalje', 'norrtalje');
  const opened = await client.data(
    OPEN_PERIOD,
    { input: { key: '2026', label: '2026', kind: 'AR', startDate: '2026-01-01', endDate: '2026-12-31' } },
    sessions.admin,
  );
  period2026 = opened.openPeriod.id;
});
afterAll(async () => {
  await client?.close();
  await dropDatabase(inject('adminDatabaseUrl'), dbName);
});

describe('a published report keeps the organisation it was published with', () => {
  it('answers the report and its unit page byte for byte as before, after the unit and a department are renamed and moved from the next period, while that period shows the new names and tree', async () => {
    const [report] = await sql<{ id: number; period_id: number }>(
      `select r.id, r.period_id from report r join org_unit u on u.id = r.unit_id
        where u.key = 'ksk' and r.status = 'published' order by r.period_id desc limit 1`,
    );
    const reportVars = { id: String(report!.id) };
    const pageVars = { unitId: ksk, periodId: String(report!.period_id) };
    const stabPageVars = { unitId: stab, periodId: String(report!.period_id) };
    const before = {
      report: JSON.stringify(await client.data(ReportPageDocument, reportVars)),
      page: JSON.stringify(await client.data(UnitPageDocument, pageVars)),
      stab: JSON.stringify(await client.data(UnitPageDocument, stabPageVars)),
    };
    expect(before.page).toContain('Kommunstyrelsekontoret');

    const from = { fromPeriodId: period2026 };
    const renamed = await client.data(
      RenameUnitDocument,
      { input: { ...from, unitId: ksk, name: 'Kommunledningskontoret', shortName: 'KLK' } },
      sessions.admin,
    );
    expect(renamed.renameUnit).toMatchObject({ __typename: 'UnitInPeriod', name: 'Kommunledningskontoret' });
    const moved = await client.data(
      MoveUnitDocument,
      { input: { ...from, unitId: ksk, parentId: root } },
      sessions.admin,
    );
    expect(moved.moveUnit).toMatchObject({ __typename: 'UnitInPeriod', parentId: root });
    await client.data(
      RenameUnitDocument,
      { input: { ...from, unitId: stab, name: 'Planeringsavdelningen', shortName: null } },
      sessions.admin,
    );
    await client.data(
      MoveUnitDocument,
      { input: { ...from, unitId: stab, parentId: ekonomi } },
      sessions.admin,
    );

    // The readable difference first, then the bytes.
    expect(await client.data(ReportPageDocument, reportVars)).toEqual(JSON.parse(before.report));
    expect(JSON.stringify(await client.data(ReportPageDocument, reportVars))).toBe(before.report);
    expect(JSON.stringify(await client.data(UnitPageDocument, pageVars))).toBe(before.page);
    expect(JSON.stringify(await client.data(UnitPageDocument, stabPageVars))).toBe(before.stab);

    const next = await client.data(UnitPageDocument, { unitId: ksk, periodId: period2026 }, sessions.admin);
    expect(next.unit.inPeriod.name).toBe('Kommunledningskontoret');
    expect(next.unit.inPeriod.ancestors.map((a) => a.name)).toEqual(['Norrtälje kommun']);
    expect(next.unit.inPeriod.children.map((c) => c.name)).not.toContain('Stab- och planeringsavdelningen');
    const stabNext = await client.data(
      UnitPageDocument,
      { unitId: stab, periodId: period2026 },
      sessions.admin,
    );
    expect(stabNext.unit.inPeriod.ancestors.map((a) => a.name)).toEqual([
      'Norrtälje kommun',
      'Kommunledningskontoret',
      'Ekonomiavdelningen',
    ]);
    // Two periods' names of one unit are two records for the normalised cache.
    expect(next.unit.inPeriod.id).not.toBe(JSON.parse(before.page).unit.inPeriod.id);

    // The administratör's changes; the demo's own import is audited with no user.
    const audit = await sql<{
      action: string;
      before: { name: string };
      after: { name: string; fromPeriod: string };
    }>(
      `select action, before, after from audit_log where entity = 'OrgUnit' and entity_id = ? and user_id is not null order by id`,
      [Number(ksk)],
    );
    expect(audit.map((a) => [a.action, a.before.name, a.after.name, a.after.fromPeriod])).toEqual([
      ['update', 'Kommunstyrelsekontoret', 'Kommunledningskontoret', '2026'],
      ['update', 'Kommunledningskontoret', 'Kommunledningskontoret', '2026'],
    ]);
  });
});

describe('changing the organisation', () => {
  it('creates a unit below a parent from a period on, with a key from its name, not in earlier periods', async () => {
    const working = await periodId(client, 'norrtalje', '2025');
    const { createUnit } = await client.data(
      CreateUnitDocument,
      { input: { fromPeriodId: period2026, parentId: ekonomi, name: 'Upphandlingsenheten', kind: 'ENHET' } },
      sessions.admin,
    );
    expect(createUnit).toMatchObject({
      __typename: 'UnitInPeriod',
      name: 'Upphandlingsenheten',
      kind: 'ENHET',
    });
    const [row] = await sql<{ key: string }>(`select key from org_unit where name = 'Upphandlingsenheten'`);
    expect(row!.key).toBe('upphandlingsenheten');
    const tree2026 = await client.data(OrganisationTreeDocument, { periodId: period2026 }, sessions.admin);
    expect(tree2026.organisationInPeriod.map((u) => u.name)).toContain('Upphandlingsenheten');
    const tree2025 = await client.data(OrganisationTreeDocument, { periodId: working }, sessions.admin);
    expect(tree2025.organisationInPeriod.map((u) => u.name)).not.toContain('Upphandlingsenheten');
    // A key in use names that unit: a new one is refused rather than changing it.
    const taken = await client.data(
      CreateUnitDocument,
      { input: { fromPeriodId: period2026, parentId: ekonomi, name: 'Annan', kind: 'ENHET', key: 'ksk-hr' } },
      sessions.admin,
    );
    expect(taken.createUnit).toMatchObject({
      __typename: 'ValidationError',
      fieldErrors: [
        { field: 'key', message: 'Koden ksk-hr används redan av en enhet i kommunen. Ange en annan kod.' },
      ],
    });
    const [audit] = await sql<{ n: number }>(
      `select count(*)::int as n from audit_log where entity = 'OrgUnit' and action = 'create' and user_id is not null`,
    );
    expect(audit!.n).toBe(1);
  });

  it('closes a unit from a period on: gone from that period’s tree, there in the earlier ones', async () => {
    const it = await unitId(client, 'norrtalje', 'ksk-it');
    const working = await periodId(client, 'norrtalje', '2025');
    const { closeUnit } = await client.data(
      CloseUnitDocument,
      { input: { fromPeriodId: period2026, unitId: it } },
      sessions.admin,
    );
    expect(closeUnit).toMatchObject({ __typename: 'UnitInPeriod', closed: true });
    const children = async (periodId: string) =>
      (
        await client.data(UnitPageDocument, { unitId: ksk, periodId }, sessions.admin)
      ).unit.inPeriod.children.map((c) => c.name);
    expect(await children(period2026)).not.toContain('IT-enheten');
    expect(await children(working)).toContain('IT-enheten');
  });

  it('refuses a move below the unit itself and an unknown parent, naming the field, and changes nothing', async () => {
    const before = await sql(`select * from org_unit_version order by id`);
    const below = await client.data(
      MoveUnitDocument,
      { input: { fromPeriodId: period2026, unitId: ksk, parentId: ekonomi } },
      sessions.admin,
    );
    expect(below.moveUnit).toMatchObject({
      __typename: 'ValidationError',
      fieldErrors: [
        {
          field: 'parentId',
          message: 'Enheten kan inte ligga under sig själv eller under en enhet under sig.',
        },
      ],
    });
    const foreign = await unitId(client, 'alingsas', 'als-ks');
    const other = await client.data(
      MoveUnitDocument,
      { input: { fromPeriodId: period2026, unitId: stab, parentId: foreign } },
      sessions.admin,
    );
    expect(other.moveUnit).toMatchObject({
      __typename: 'ValidationError',
      fieldErrors: [{ field: 'parentId', message: 'Den överordnade enheten finns inte i din kommun.' }],
    });
    const empty = await client.data(
      RenameUnitDocument,
      { input: { fromPeriodId: period2026, unitId: stab, name: '  ' } },
      sessions.admin,
    );
    expect(empty.renameUnit).toMatchObject({ fieldErrors: [{ field: 'name', message: 'Ange ett namn.' }] });
    expect(await sql(`select * from org_unit_version order by id`)).toEqual(before);
  });

  it('refuses with PUBLISHED a change from a period a published report shows the unit in, and writes nothing', async () => {
    const published = await periodId(client, 'norrtalje', '2025-jan-jul');
    const before = await sql(`select * from org_unit_version order by id`);
    for (const run of [
      () =>
        client.run(
          RenameUnitDocument,
          { input: { fromPeriodId: published, unitId: stab, name: 'Annan' } },
          sessions.admin,
        ),
      () =>
        client.run(
          MoveUnitDocument,
          { input: { fromPeriodId: published, unitId: stab, parentId: root } },
          sessions.admin,
        ),
      () =>
        client.run(
          CreateUnitDocument,
          { input: { fromPeriodId: published, parentId: ekonomi, name: 'Ny enhet', kind: 'ENHET' } },
          sessions.admin,
        ),
    ]) {
      const result = await run();
      expect(result.errors?.[0]?.extensions?.code).toBe('PUBLISHED');
    }
    expect(await sql(`select * from org_unit_version order by id`)).toEqual(before);
    // The database refuses it too, whoever sends it.
    await expect(
      sql(`update org_unit_version set name = 'Annan' where unit_id = ? and period_id = ?`, [
        Number(stab),
        Number(published),
      ]),
    ).rejects.toMatchObject({ code: 'UF001' });
    await expect(
      sql(`update org_unit set name = 'Annan' where id = ?`, [Number(stab)]),
    ).rejects.toMatchObject({
      code: 'UF001',
    });
  });

  it('refuses a redaktör and another kommun’s administratör with FORBIDDEN', async () => {
    const input = { fromPeriodId: period2026, unitId: stab, name: 'Annan' };
    const redaktör = await client.run(RenameUnitDocument, { input }, sessions.redaktör);
    expect(redaktör.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const tree = await client.run(OrganisationTreeDocument, { periodId: period2026 }, sessions.redaktör);
    expect(tree.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anonymous = await client.run(RenameUnitDocument, { input });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const [alingsas] = await sql<{ id: number }>(
      `select p.id from period p join kommun k on k.id = p.kommun_id where k.key = 'alingsas' order by p.end_date desc limit 1`,
    );
    const otherAdmin = await signInOtherAdmin();
    const foreign = await client.run(RenameUnitDocument, { input }, otherAdmin);
    expect(foreign.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const ownPeriod = await client.run(
      RenameUnitDocument,
      { input: { ...input, fromPeriodId: String(alingsas!.id) } },
      otherAdmin,
    );
    expect(ownPeriod.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

/** An administratör of Alingsås: made here, as the demo has none. */
async function signInOtherAdmin(): Promise<TestSession> {
  if (sessions.otherAdmin?.token) return sessions.otherAdmin;
  const { createUser } = await import('../auth/user.service.js');
  const em = client.orm.em.fork();
  await em.transactional((tx) =>
    createUser(tx, {
      email: 'admin@alingsas.test',
      name: 'Alingsås admin',
      password: DEMO_PASSWORD,
      role: 'administratör',
      kommunKey: 'alingsas',
    }),
  );
  sessions.otherAdmin = await signIn('admin@alingsas.test');
  return sessions.otherAdmin;
}
