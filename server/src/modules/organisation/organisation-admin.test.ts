/**
 * The administratör's organisation through the client's own documents, on a demo database of
 * its own: a change applies from a period on, and a published report keeps what it showed.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  AssignmentsSectionDocument,
  CloseUnitDocument,
  CreateDraftReportDocument,
  CreateUnitDocument,
  EconomySectionDocument,
  EditAssignmentFollowUpDocument,
  GoalsSectionDocument,
  IndicatorsSectionDocument,
  MoveUnitDocument,
  OrganisationTreeDocument,
  RenameUnitDocument,
  ReportPageDocument,
  ReportsSectionDocument,
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

describe('a department moved to another office from the next period', () => {
  it('stays on its old office’s lists with its old name in the periods before, and is on the new office’s lists with its new name from then on', async () => {
    const jul = await periodId(client, 'norrtalje', '2025-jan-jul');
    const year2024 = await periodId(client, 'norrtalje', '2024');
    const working = await periodId(client, 'norrtalje', '2025');
    const rtj = await unitId(client, 'norrtalje', 'ksk-raddningstjanst');
    const sbk = await unitId(client, 'norrtalje', 'sbk');
    const draft = async (periodId: string, title: string) => {
      const { createDraftReport } = await client.data(
        CreateDraftReportDocument,
        { input: { unitId: rtj, periodId, type: 'TERTIALRAPPORT', title } },
        sessions.admin,
      );
      expect(createDraftReport.__typename).toBe('Report');
    };
    await draft(jul, 'Räddningstjänsten jan–jul 2025');
    await draft(working, 'Räddningstjänsten 2025');
    const published = await sql<{ id: number }>(
      `select r.id from report r join org_unit u on u.id = r.unit_id
        where u.key = 'ksk' and r.status = 'published' order by r.id`,
    );
    expect(published).toHaveLength(2);

    // Everything the office, the new office and the department show for the earlier periods.
    const sections = [
      UnitPageDocument,
      GoalsSectionDocument,
      IndicatorsSectionDocument,
      AssignmentsSectionDocument,
      EconomySectionDocument,
    ];
    const snapshot = async () => {
      const answers: string[] = [];
      for (const r of published) {
        answers.push(JSON.stringify(await client.data(ReportPageDocument, { id: String(r.id) })));
      }
      for (const unit of [ksk, sbk, rtj]) {
        for (const period of [year2024, jul]) {
          for (const doc of sections) {
            const variables = { unitId: unit, periodId: period };
            answers.push(
              JSON.stringify(await client.data(doc as typeof UnitPageDocument, variables, sessions.admin)),
            );
          }
        }
      }
      return answers;
    };
    const before = await snapshot();

    const from = { fromPeriodId: working };
    const renamed = await client.data(
      RenameUnitDocument,
      { input: { ...from, unitId: rtj, name: 'Räddningstjänsten Roslagen', shortName: null } },
      sessions.admin,
    );
    expect(renamed.renameUnit).toMatchObject({ __typename: 'UnitInPeriod' });
    const moved = await client.data(
      MoveUnitDocument,
      { input: { ...from, unitId: rtj, parentId: sbk } },
      sessions.admin,
    );
    expect(moved.moveUnit).toMatchObject({ __typename: 'UnitInPeriod', parentId: sbk });

    // The readable difference first, then the bytes.
    const after = await snapshot();
    expect(after.map((a) => JSON.parse(a))).toEqual(before.map((b) => JSON.parse(b)));
    expect(after).toEqual(before);

    const page = (doc: (typeof sections)[number], unitId: string, periodId: string) =>
      client.data(doc as typeof IndicatorsSectionDocument, { unitId, periodId }, sessions.admin);
    const indicatorsOf = async (unitId: string, periodId: string) =>
      (await page(IndicatorsSectionDocument, unitId, periodId)).unit.followUp!.indicators.filter(
        (i) => i.responsibleUnitInPeriod.unitId === rtj,
      );
    const assignmentsOf = async (unitId: string, periodId: string) =>
      (
        await client.data(AssignmentsSectionDocument, { unitId, periodId }, sessions.admin)
      ).unit.followUp!.assignments.filter((a) => a.responsibleUnitInPeriod?.unitId === rtj);
    const names = (rows: { name: string }[]) => [...new Set(rows.map((r) => r.name))];

    // Before the move: under the old office, with the old name, and not under the new one.
    const oldIndicators = await indicatorsOf(ksk, year2024);
    expect(oldIndicators).toHaveLength(4);
    expect(names(oldIndicators.map((i) => i.responsibleUnitInPeriod))).toEqual(['Räddningstjänsten']);
    expect(await indicatorsOf(sbk, year2024)).toEqual([]);
    const oldAssignments = await assignmentsOf(ksk, jul);
    expect(oldAssignments).toHaveLength(1);
    expect(names(oldAssignments.map((a) => a.responsibleUnitInPeriod!))).toEqual(['Räddningstjänsten']);
    expect(await assignmentsOf(sbk, jul)).toEqual([]);
    expect(await assignmentsOf(sbk, year2024)).toEqual([]);
    const economy = async (unitId: string, periodId: string) =>
      (await client.data(EconomySectionDocument, { unitId, periodId }, sessions.admin)).unit.followUp!;
    const kskInvestments = (await economy(ksk, year2024)).investments.length;
    expect((await economy(sbk, year2024)).investments).toEqual([]);
    expect(kskInvestments).toBeGreaterThanOrEqual(11);
    // The department's own pages read the office above it in the period.
    expect((await economy(rtj, jul)).economy.map((t) => t.unitInPeriod.name)).toEqual([
      'Kommunstyrelsekontoret',
    ]);
    const goals = await client.data(
      GoalsSectionDocument,
      { unitId: rtj, periodId: year2024 },
      sessions.admin,
    );
    expect(goals.unit.followUp!.goals.length).toBeGreaterThan(0);
    // The off-track list is a fragment of the page's, masked in the page's type.
    type OffTrack = { offTrack: { kind: string; title: string }[] };
    const unitPage = async (unitId: string, periodId: string) => {
      const followUp = (await client.data(UnitPageDocument, { unitId, periodId }, sessions.admin)).unit
        .followUp!;
      return followUp as typeof followUp & OffTrack;
    };
    expect((await unitPage(sbk, jul)).unitInPeriod.children.map((c) => c.name)).toEqual([]);

    // From the move on: under the new office, with the new name.
    const newIndicators = await indicatorsOf(sbk, working);
    expect(newIndicators).toHaveLength(4);
    expect(names(newIndicators.map((i) => i.responsibleUnitInPeriod))).toEqual([
      'Räddningstjänsten Roslagen',
    ]);
    const newAssignments = await assignmentsOf(sbk, working);
    expect(newAssignments).toHaveLength(1);
    expect(names(newAssignments.map((a) => a.responsibleUnitInPeriod!))).toEqual([
      'Räddningstjänsten Roslagen',
    ]);
    expect((await economy(rtj, working)).economy).toEqual([]);
    const sbkPage = await unitPage(sbk, working);
    expect(sbkPage.unitInPeriod.children.map((c) => c.name)).toEqual(['Räddningstjänsten Roslagen']);
    // What deviates below the new office is on its list of what is off track.
    const deviating = newAssignments.filter((a) => a.forecast === 'AVVIKELSE_FRAN_PLAN');
    const offTrackTitles = sbkPage.offTrack.filter((o) => o.kind === 'ASSIGNMENT').map((o) => o.title);
    for (const a of deviating) expect(offTrackTitles).toContain(a.assignment.title);
    const julOffTrack = (await unitPage(sbk, jul)).offTrack.filter((o) => o.kind === 'ASSIGNMENT');
    expect(julOffTrack).toEqual([]);

    // The reports: each under the office its unit was below in the report's period.
    const reports = async (unitId: string) =>
      (await client.data(ReportsSectionDocument, { unitId }, sessions.admin)).unit.reports.map(
        (r) => r.title,
      );
    expect(await reports(ksk)).toContain('Räddningstjänsten jan–jul 2025');
    expect(await reports(ksk)).not.toContain('Räddningstjänsten 2025');
    expect(await reports(sbk)).toContain('Räddningstjänsten 2025');
    expect(await reports(sbk)).not.toContain('Räddningstjänsten jan–jul 2025');
  });
  it('lets the new office’s redaktör edit the department’s records from the move on, and not those of the periods before', async () => {
    // After the move of the test before.
    const sbkEditor = await signInNewRedaktör('sbk@norrtalje.test', 'sbk');
    const followUpOf = async (periodKey: string) => {
      const [row] = await sql<{ id: number; version: number }>(
        `select f.id, f.version from assignment_follow_up f
           join assignment a on a.id = f.assignment_id join org_unit u on u.id = a.responsible_unit_id
           join period p on p.id = f.period_id
          where u.key = 'ksk-raddningstjanst' and p.key = ? order by f.id limit 1`,
        [periodKey],
      );
      return { id: String(row!.id), version: row!.version };
    };
    const edit = async (periodKey: string) =>
      client.run(
        EditAssignmentFollowUpDocument,
        { input: { ...(await followUpOf(periodKey)), comment: 'Från Samhällsbyggnadskontoret' } },
        sbkEditor,
      );
    // Below the office in the working period: saved.
    const saved = await edit('2025');
    expect(saved.errors).toBeUndefined();
    expect(
      (saved.data as { editAssignmentFollowUp: { __typename: string } }).editAssignmentFollowUp.__typename,
    ).toBe('AssignmentFollowUp');
    // Not below it in January–July: not theirs, whatever the published report says.
    const earlier = await edit('2025-jan-jul');
    expect(earlier.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
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

/** A redaktör of one unit: made here, as the demo has none of it. */
async function signInNewRedaktör(email: string, unitKey: string): Promise<TestSession> {
  const { createUser } = await import('../auth/user.service.js');
  const em = client.orm.em.fork();
  await em.transactional((tx) =>
    createUser(tx, {
      email,
      name: 'Redaktör',
      password: DEMO_PASSWORD,
      role: 'redaktör',
      kommunKey: 'norrtalje',
      unitKeys: [unitKey],
    }),
  );
  return signIn(email);
}
