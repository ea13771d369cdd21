/**
 * A report's life over GraphQL on a database of its own: drafted, published, frozen. What a
 * published report shows is read in full before and after everything that may happen
 * later (edits of the working period, a new period, a seed reload) and must not change by
 * a byte.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { graphqlClient, type GraphQLTestClient, type TestSession } from '../../../test/graphql-client.js';
import { asOwner, dropDatabase, seededDatabase } from '../../../test/test-database.js';
import { MikroORM } from '@mikro-orm/postgresql';
import { ormConfig } from '../../db/orm-config.js';
import { DEMO_PASSWORD } from '../../db/seed/demo-users.js';
import { loadDemoData } from '../../db/seed/demo-data-loader.js';

const dbName = `uppfoljning_reports_${process.pid}`;
let client: GraphQLTestClient;
const sessions: Record<'admin' | 'kontor' | 'stab', TestSession> = {} as never;

const SIGN_IN = `mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { __typename } }`;

const EDITABLE = `version updatedAt updatedBy { name } viewerCanEdit
  history { hasOlder revisions { at author { name } changes { field before after } } }`;

/** Everything a report shows: its text, and its unit's follow-up and every unit below it. */
const FOLLOW_UP = `
  id period { id label startDate endDate }
  goalSummary { total met partlyMet notMet notAssessed }
  goals { id goal { id code title area { code title } } unit { id name } assessment trend analysis ${EDITABLE} }
  indicators { id indicator { id name unitOfMeasure direction outcomes { year value preliminary label note }
      targets { year value preliminary label note } } unit { id name }
    outcome { year value preliminary label note } assessment trend comment commentDate ${EDITABLE} }
  assignmentSummary { onPlan deviating withoutForecast total rows { __typename } }
  assignments { id assignment { id kind title dueDate originYear ownerUnit { id name } responsibleUnit { id name } }
    status forecast comment commentDate deviationReason ${EDITABLE} }
  economy { id ledger dimension forecastLabel totals { __typename }
    lines { id label accountGroup partOf budgetPeriod outcomePeriod deviationPeriod outcomePreviousYearPeriod
      budgetFullYear forecastFullYear deviationForecast deviationExplanation forecastExplanation countsInTotal note
      ${EDITABLE} } }
  investments { id name budgetTotal forecastTotal outcomeAccumulated comment }
  offTrack { kind severity title reason comment targetId amount }
  internalControls { __typename }
  sickLeave { __typename }
  staffTurnover { __typename }`;

const REPORT_DOCUMENT = `query($id: ID!) { report(id: $id) {
  id title type status publishedAt publishedBy { name }
  sections { id heading body ${EDITABLE} }
  keyFigures { label value unit }
  period { id }
  unit { id name followUp(periodId: $period) { ${FOLLOW_UP} }
    children { id name followUp(periodId: $period) { ${FOLLOW_UP} } } } } }`.replace(
  'query($id: ID!)',
  'query($id: ID!, $period: ID)',
);

async function signIn(email: string): Promise<TestSession> {
  const session: TestSession = { address: `10.9.${Math.floor(Math.random() * 250)}.1` };
  expect((await client.data(SIGN_IN, { e: email, p: DEMO_PASSWORD }, session)).signIn.__typename).toBe(
    'SignedIn',
  );
  return session;
}

const sql = async <T>(query: string, params: unknown[] = []) =>
  client.orm.em.fork().getConnection().execute<T[]>(query, params);
const idOf = async (query: string, params: unknown[] = []) =>
  String((await sql<{ id: number }>(query, params))[0]!.id);

/** The report as the public and as an editor see it, as the bytes the API answers with. */
async function reportOutput(id: string): Promise<string[]> {
  const period = (await client.data(`query($id: ID!) { report(id: $id) { period { id } } }`, { id })).report
    .period.id;
  const views = [undefined, sessions.kontor];
  return Promise.all(
    views.map(async (session) => JSON.stringify(await client.data(REPORT_DOCUMENT, { id, period }, session))),
  );
}

const reportId = (key: string) => idOf(`select id from report where key = ?`, [key]);

const ASSIGNMENT_UNIT = `(select a.owner_unit_id from assignment a where a.id = w.assignment_id)`;

/** A follow-up of a KSK unit in the working period, and its twin in a published period. */
async function twin(
  table: string,
  record: string,
  extra = '',
  unit = 'w.unit_id',
  publishedIn = '2025-jan-jul',
) {
  const rows = await sql<{ working: number; published: number }>(
    `select w.id as working, p.id as published
       from ${table} w join ${table} p on p.${record} = w.${record} ${extra}
       join period wp on wp.id = w.period_id and wp.key = '2025'
       join period pp on pp.id = p.period_id and pp.key = '${publishedIn}'
       join org_unit u on u.id = ${unit} and u.path like (select path || '%' from org_unit where key = 'ksk')
      order by w.id limit 1`,
  );
  return { working: String(rows[0]!.working), published: String(rows[0]!.published) };
}

/** An economy line of KSK in the working period, and the same line in Jan–Jul 2025. */
async function economyTwin() {
  const lines = `select l.id, l.label, l.unit_id, t.dimension, p.key from economy_line l
    join economy_table t on t.id = l.table_id join period p on p.id = t.period_id`;
  const rows = await sql<{ working: number; published: number }>(
    `select w.id as working, p.id as published from (${lines}) w
       join (${lines}) p on p.label = w.label and p.unit_id = w.unit_id and p.dimension = w.dimension
      where w.key = '2025' and p.key = '2025-jan-jul' order by w.id limit 1`,
  );
  return { working: String(rows[0]!.working), published: String(rows[0]!.published) };
}

const versionOf = async (table: string, id: string) =>
  (await sql<{ version: number }>(`select version from ${table} where id = ?`, [Number(id)]))[0]!.version;

beforeAll(async () => {
  // REPORT_DOCUMENT asks for everything a report and its units hold in one query, as no
  // screen does (the app asks a section at a time): beyond the default cost limit.
  client = await graphqlClient(await seededDatabase(inject('adminDatabaseUrl'), dbName), {
    env: { GRAPHQL_MAX_COST: '1000000' },
  });
  sessions.admin = await signIn('admin@norrtalje.demo');
  sessions.kontor = await signIn('kontor@norrtalje.demo');
  sessions.stab = await signIn('stab@norrtalje.demo');
});
afterAll(async () => {
  await client?.close();
  await dropDatabase(inject('adminDatabaseUrl'), dbName);
});

const CREATE_DRAFT = `mutation($input: NewDraftReport!) { createDraftReport(input: $input) {
  __typename ... on Report { id status title sections { heading body } }
  ... on ValidationError { fieldErrors { field message } } } }`;
const PUBLISH = `mutation($id: ID!) { publishReport(id: $id) {
  __typename ... on Report { id status publishedAt publishedBy { name } }
  ... on ValidationError { fieldErrors { field message } } } }`;
const DELETE = `mutation($id: ID!) { deleteDraftReport(id: $id) }`;
const EDIT_SECTION = `mutation($input: ReportSectionEdit!) { editReportSection(input: $input) { __typename } }`;
const EDIT_ASSIGNMENT = `mutation($input: AssignmentFollowUpEdit!) { editAssignmentFollowUp(input: $input) { __typename } }`;
const EDIT_GOAL = `mutation($input: GoalFollowUpEdit!) { editGoalFollowUp(input: $input) { __typename } }`;
const EDIT_INDICATOR = `mutation($input: IndicatorFollowUpEdit!) { editIndicatorFollowUp(input: $input) { __typename } }`;
const EDIT_ECONOMY = `mutation($input: EconomyLineEdit!) { editEconomyLine(input: $input) { __typename } }`;
const LATEST = `query($unitId: ID!) { latestPublishedReport(unitId: $unitId) { id title publishedAt } }`;

describe('a published report never changes', () => {
  // retry: on Node 24 this test has hung for its whole 60 s in 2 of 4 full-suite runs (never
  // alone, never on Node 20), with the database idle; the cause is not found yet and is an open
  // defect, not a slow test. One retry keeps it from hiding every other result meanwhile.
  it(
    'answers byte for byte the same after the working period is edited in every way an editor can',
    { retry: 1 },
    async () => {
      const janJul = await reportId('ksk-uppfoljning-2025-jan-jul');
      const vb2024 = await reportId('ksk-verksamhetsberattelse-2024');
      const before = [...(await reportOutput(janJul)), ...(await reportOutput(vb2024))];
      expect(before[0]).toContain('"status":"PUBLISHED"');
      expect(before[2]).toContain('"outcomes":[{"year":');

      const assignment = await twin('assignment_follow_up', 'assignment_id', '', ASSIGNMENT_UNIT);
      // The interim report assesses no goals or indicators; the 2024 report does.
      const goal = await twin('goal_follow_up', 'goal_id', 'and p.unit_id = w.unit_id', 'w.unit_id', '2024');
      const indicator = await twin(
        'indicator_follow_up',
        'indicator_id',
        'and p.unit_id = w.unit_id',
        'w.unit_id',
        '2024',
      );
      const line = await economyTwin();
      const section = await idOf(
        `select s.id from report_section s join report r on r.id = s.report_id
        where r.key = 'ksk-verksamhetsberattelse-2025' order by s.position limit 1`,
      );
      const edits: [string, string, string, Record<string, unknown>][] = [
        [
          EDIT_ASSIGNMENT,
          'assignment_follow_up',
          assignment.working,
          { comment: 'Ny kommentar', status: 'SLUTFORD' },
        ],
        [EDIT_GOAL, 'goal_follow_up', goal.working, { analysis: 'Ny analys', assessment: 'EJ_UPPFYLLT' }],
        [
          EDIT_INDICATOR,
          'indicator_follow_up',
          indicator.working,
          { outcome: 12345.5, comment: 'Nytt utfall' },
        ],
        [EDIT_ECONOMY, 'economy_line', line.working, { deviationExplanation: 'Ny förklaring' }],
        [EDIT_SECTION, 'report_section', section, { body: 'Ny text i utkastet.' }],
      ];
      for (const [mutation, table, id, fields] of edits) {
        const input = { id, version: await versionOf(table, id), ...fields };
        const result = await client.run<Record<string, { __typename: string }>>(
          mutation,
          { input },
          sessions.kontor,
        );
        expect(result.errors).toBeUndefined();
        expect(Object.values(result.data!)[0]!.__typename).not.toMatch(/Conflict|ValidationError/);
      }
      // The published twins are refused, and so is a change to the published report's text.
      const publishedSection = await idOf(`select id from report_section where report_id = ? limit 1`, [
        Number(janJul),
      ]);
      for (const [mutation, table, id] of [
        [EDIT_ASSIGNMENT, 'assignment_follow_up', assignment.published],
        [EDIT_INDICATOR, 'indicator_follow_up', indicator.published],
        [EDIT_SECTION, 'report_section', publishedSection],
      ] as const) {
        const input = { id, version: await versionOf(table, id), comment: 'x', body: 'x' };
        delete (input as Record<string, unknown>)[table === 'report_section' ? 'comment' : 'body'];
        const refused = await client.run(mutation, { input }, sessions.admin);
        expect(refused.errors?.[0]?.extensions?.code).toBe('PUBLISHED');
      }

      expect([...(await reportOutput(janJul)), ...(await reportOutput(vb2024))]).toEqual(before);
      // The edits did land, in the working period.
      const working = await client.data(
        `query($id: ID!) { indicator(id: $id) { followUps { period { key: id } outcome { value } comment } } }`,
        {
          id: (
            await sql<{ id: number }>(`select indicator_id as id from indicator_follow_up where id = ?`, [
              Number(indicator.working),
            ])
          )[0]!.id,
        },
        sessions.kontor,
      );
      expect(working.indicator.followUps[0]).toMatchObject({
        outcome: { value: 12345.5 },
        comment: 'Nytt utfall',
      });
    },
  );

  it('is refused by the database itself, whatever path a change takes', async () => {
    const janJul = Number(await reportId('ksk-uppfoljning-2025-jan-jul'));
    await expect(
      sql(`update report_section set body = 'ändrad' where report_id = ?`, [janJul]),
    ).rejects.toThrow(/publicerad och kan inte ändras/);
    await expect(sql(`delete from report where id = ?`, [janJul])).rejects.toThrow(/publicerad/);
    await expect(
      sql(
        `insert into report_key_figure (report_id, position, label, value, unit) values (?, 99, 'x', 1, 'st')`,
        [janJul],
      ),
    ).rejects.toThrow(/publicerad/);
    // An unchanged rewrite, as a seed reload does, passes.
    await sql(`update report set title = title where id = ?`, [janJul]);
  });
});

describe('drafting, publishing and deleting', () => {
  it('drafts a report with the sections of the unit’s previous report, only for an administratör', async () => {
    const ksk = await idOf(`select id from org_unit where key = 'ksk'`);
    const period = await idOf(`select id from period where key = '2025'`);
    const input = {
      unitId: ksk,
      periodId: period,
      type: 'MANADSUPPFOLJNING',
      title: 'Månadsuppföljning 2025',
    };
    expect((await client.run(CREATE_DRAFT, { input })).errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    expect((await client.run(CREATE_DRAFT, { input }, sessions.kontor)).errors![0]!.extensions!.code).toBe(
      'FORBIDDEN',
    );
    const { createDraftReport } = await client.data(CREATE_DRAFT, { input }, sessions.admin);
    expect(createDraftReport).toMatchObject({ __typename: 'Report', status: 'DRAFT' });
    const previous = await client.data(`query($id: ID!) { report(id: $id) { sections { heading body } } }`, {
      id: await reportId('ksk-uppfoljning-2025-jan-jul'),
    });
    expect(createDraftReport.sections).toEqual(previous.report.sections);

    const again = await client.data(CREATE_DRAFT, { input }, sessions.admin);
    expect(again.createDraftReport.fieldErrors).toEqual([
      { field: 'type', message: 'Det finns redan ett utkast av den typen för Kommunstyrelsekontoret, 2025.' },
    ]);
    const blank = await client.data(CREATE_DRAFT, { input: { ...input, title: ' ' } }, sessions.admin);
    expect(blank.createDraftReport.fieldErrors).toEqual([{ field: 'title', message: 'Ange en rubrik.' }]);

    // A draft may go; the public never saw it.
    expect((await client.data(DELETE, { id: createDraftReport.id }, sessions.admin)).deleteDraftReport).toBe(
      createDraftReport.id,
    );
    expect(
      (
        await client.run(
          `query($id: ID!) { report(id: $id) { id } }`,
          { id: createDraftReport.id },
          sessions.admin,
        )
      ).errors![0]!.extensions!.code,
    ).toBe('NOT_FOUND');
  });

  it('refuses to publish a report without text, and publishes nothing', async () => {
    const input = {
      unitId: await idOf(`select id from org_unit where key = 'ksk-it'`),
      periodId: await idOf(`select id from period where key = '2025'`),
      type: 'MANADSUPPFOLJNING',
      title: 'IT-enheten 2025',
    };
    // The unit has no report of its own before, so the draft starts with the usual headings
    // and no text, and cannot be published until they are written.
    const { createDraftReport: draft } = await client.data(CREATE_DRAFT, { input }, sessions.admin);
    expect(draft.sections.map((s: { heading: string }) => s.heading)).toEqual([
      'Sammanfattning',
      'Viktiga händelser',
      'Riskanalys',
    ]);
    const { publishReport } = await client.data(PUBLISH, { id: draft.id }, sessions.admin);
    expect(publishReport.fieldErrors).toEqual([
      {
        field: 'sections',
        message:
          'Rapporten publicerades inte: Avsnitten ”Sammanfattning”, ”Viktiga händelser”, ”Riskanalys” saknar text.',
      },
    ]);
    const status = await sql<{ status: string }>(`select status from report where id = ?`, [
      Number(draft.id),
    ]);
    expect(status[0]!.status).toBe('draft');
  });

  it('publishes once, then refuses to publish, edit or delete it, and later edits go to the next period', async () => {
    const draft = await reportId('ksk-verksamhetsberattelse-2025');
    expect((await client.run(PUBLISH, { id: draft }, sessions.kontor)).errors![0]!.extensions!.code).toBe(
      'FORBIDDEN',
    );
    const { publishReport } = await client.data(PUBLISH, { id: draft }, sessions.admin);
    expect(publishReport).toMatchObject({
      __typename: 'Report',
      status: 'PUBLISHED',
      publishedBy: { name: expect.any(String) },
    });
    const published = await reportOutput(draft);

    const twice = await client.run(PUBLISH, { id: draft }, sessions.admin);
    expect(twice.errors![0]!.extensions!.code).toBe('PUBLISHED');
    expect(twice.errors![0]!.message).toBe(
      `Rapporten publicerades ${publishReport.publishedAt} och kan inte publiceras igen.`,
    );
    const deleted = await client.run(DELETE, { id: draft }, sessions.admin);
    expect(deleted.errors![0]!.extensions!.code).toBe('PUBLISHED');
    const section = await idOf(`select id from report_section where report_id = ? limit 1`, [Number(draft)]);
    const edit = await client.run(
      EDIT_SECTION,
      { input: { id: section, version: await versionOf('report_section', section), body: 'Sent' } },
      sessions.admin,
    );
    expect(edit.errors![0]!.extensions!.code).toBe('PUBLISHED');
    // The 2025 follow-ups are frozen with it …
    const { working: frozen } = await twin('assignment_follow_up', 'assignment_id', '', ASSIGNMENT_UNIT);
    const late = await client.run(
      EDIT_ASSIGNMENT,
      {
        input: { id: frozen, version: await versionOf('assignment_follow_up', frozen), comment: 'För sent' },
      },
      sessions.kontor,
    );
    expect(late.errors![0]!.extensions!.code).toBe('PUBLISHED');

    // … and the next period takes the edits.
    const opened = await client.data(
      `mutation($input: NewPeriodInput!) { openPeriod(input: $input) { __typename } }`,
      { input: { key: '2026', label: '2026', kind: 'AR', startDate: '2026-01-01', endDate: '2026-12-31' } },
      sessions.admin,
    );
    expect(opened.openPeriod.__typename).toBe('Period');
    const next = await idOf(
      `select f.id from assignment_follow_up f join period p on p.id = f.period_id and p.key = '2026'
         join assignment a on a.id = f.assignment_id
         join org_unit u on u.id = a.owner_unit_id and u.path like (select path || '%' from org_unit where key = 'ksk')
        order by f.id limit 1`,
    );
    const saved = await client.data(
      EDIT_ASSIGNMENT,
      { input: { id: next, version: await versionOf('assignment_follow_up', next), comment: 'Nu i 2026' } },
      sessions.kontor,
    );
    expect(saved.editAssignmentFollowUp.__typename).toBe('AssignmentFollowUp');

    // A seed reload (run by the tables' owner, as `pnpm seed` is) does not touch it either.
    const owner = await MikroORM.init(
      ormConfig(asOwner(client.orm.config.get('clientUrl'), inject('adminDatabaseUrl'))),
    );
    try {
      await loadDemoData(owner.em.fork());
    } finally {
      await owner.close(true);
    }
    expect(await reportOutput(draft)).toEqual(published);
  });

  it('answers the latest published report of a unit, or of the nearest unit above it', async () => {
    const unit = (key: string) => idOf(`select id from org_unit where key = ?`, [key]);
    const vb2025 = await reportId('ksk-verksamhetsberattelse-2025');
    for (const key of ['ksk', 'ksk-stab']) {
      const { latestPublishedReport } = await client.data(LATEST, { unitId: await unit(key) });
      expect(latestPublishedReport.id).toBe(vb2025);
    }
    const ks = await client.data(LATEST, { unitId: await unit('ks') });
    expect(ks.latestPublishedReport.id).toBe(
      await reportId('ks-verksamhetsberattelse-2024-tjansteskrivelse'),
    );
    const root = await client.data(LATEST, { unitId: await unit('norrtalje') });
    expect(root.latestPublishedReport).toBeNull();
  });
});
