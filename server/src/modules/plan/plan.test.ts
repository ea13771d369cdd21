/**
 * The plan of a period over GraphQL, through the plan page's own documents, on a database of
 * its own: who may, what is saved and audited, and what a published report keeps.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  OpenPeriodDocument,
  PeriodPlanDocument,
  PlanPeriodsDocument,
  SavePlanAssignmentDocument,
  SavePlanGoalDocument,
  SavePlanIndicatorDocument,
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
import { shownSets } from '../editing/published-sets.js';

const dbName = `uppfoljning_plan_${process.pid}`;
let client: GraphQLTestClient;
const sessions: Record<string, TestSession> = {};
let working: string;
let published: string;
let ksk: string;
let stab: string;

const SIGN_IN = `mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { __typename } }`;

async function signIn(email: string): Promise<TestSession> {
  const session: TestSession = { address: `10.7.${Math.floor(Math.random() * 250)}.1` };
  expect((await client.data(SIGN_IN, { e: email, p: DEMO_PASSWORD }, session)).signIn.__typename).toBe(
    'SignedIn',
  );
  return session;
}

const rows = <T>(sql: string, params: unknown[] = []) =>
  client.orm.em.fork().getConnection().execute<T[]>(sql, params);
const tables = () =>
  rows(`select (select json_agg(g order by g.id) from goal g) as goals,
               (select json_agg(i order by i.id) from indicator i) as indicators,
               (select json_agg(a order by a.id) from assignment a) as assignments,
               (select count(*)::int from goal_follow_up) as goal_follow_ups,
               (select count(*)::int from audit_log) as audit`);

beforeAll(async () => {
  client = await graphqlClient(await seededDatabase(inject('adminDatabaseUrl'), dbName));
  sessions.admin = await signIn('admin@norrtalje.demo');
  sessions.redaktör = await signIn('stab@norrtalje.demo');
  sessions.läsare = await signIn('politiker@norrtalje.demo');
  working = await periodId(client, 'norrtalje', '2025');
  published = await periodId(client, 'norrtalje', '2024');
  ksk = await unitId(client, 'norrtalje', 'ksk');
  stab = await unitId(client, 'norrtalje', 'ksk-stab');
});
afterAll(async () => {
  await client?.close();
  await dropDatabase(inject('adminDatabaseUrl'), dbName);
});

const goalInput = (over: Record<string, unknown> = {}) => ({
  periodId: working,
  areaCode: '8',
  areaTitle: 'Ett nytt målområde',
  agenda2030: [11],
  code: '8.1',
  title: 'Ett nytt inriktningsmål',
  unitIds: [ksk],
  ...over,
});

describe('the plan of a period', () => {
  it('lists the periods and the plan of one, in a number of statements that does not grow with it', async () => {
    const { me } = await client.data(PlanPeriodsDocument, {}, sessions.admin);
    expect(me?.kommun.periods.map((p) => p.label)).toEqual(['2025', 'Jan–Jul 2025', '2024']);
    const plan = await client.run(PeriodPlanDocument, { periodId: working }, sessions.admin);
    expect(plan.errors).toBeUndefined();
    const { periodPlan } = plan.data as {
      periodPlan: { goals: unknown[]; indicators: unknown[]; assignments: unknown[] };
    };
    expect(periodPlan.goals.length).toBeGreaterThan(10);
    expect(periodPlan.indicators.length).toBeGreaterThan(10);
    expect(periodPlan.assignments.length).toBeGreaterThan(10);
    expect(plan.statements).toBeLessThanOrEqual(12);
  });

  it('adds an inriktningsmål with its målområde for the units that follow it up, audited as the administratör', async () => {
    const { savePlanGoal } = await client.data(SavePlanGoalDocument, { input: goalInput() }, sessions.admin);
    expect(savePlanGoal.__typename).toBe('PlanGoal');
    const { periodPlan } = await client.data(PeriodPlanDocument, { periodId: working }, sessions.admin);
    const added = periodPlan.goals.find((g) => g.goal.code === '8.1');
    expect(added).toMatchObject({
      goal: {
        title: 'Ett nytt inriktningsmål',
        area: { code: '8', title: 'Ett nytt målområde', agenda2030: [11] },
      },
      units: [{ name: 'Kommunstyrelsekontoret' }],
    });
    const audit = await rows<{ entity: string; email: string }>(
      `select a.entity, u.email from audit_log a join app_user u on u.id = a.user_id
        where a.entity in ('Goal', 'GoalArea', 'GoalFollowUp') order by a.id`,
    );
    expect(audit).toEqual([
      { entity: 'GoalArea', email: 'admin@norrtalje.demo' },
      { entity: 'Goal', email: 'admin@norrtalje.demo' },
      { entity: 'GoalFollowUp', email: 'admin@norrtalje.demo' },
    ]);
  });

  it('changes the title by the code, and names the field of a mistake', async () => {
    const renamed = await client.data(
      SavePlanGoalDocument,
      { input: goalInput({ title: 'Ett bättre namn', unitIds: [ksk, stab] }) },
      sessions.admin,
    );
    expect(renamed.savePlanGoal.__typename).toBe('PlanGoal');
    const [goal] = await rows<{ title: string; n: number }>(
      `select g.title, (select count(*)::int from goal_follow_up f where f.goal_id = g.id) as n from goal g where g.code = '8.1'`,
    );
    expect(goal).toEqual({ title: 'Ett bättre namn', n: 2 });
    const wrong = await client.data(
      SavePlanGoalDocument,
      { input: goalInput({ code: ' ', unitIds: ['999999'] }) },
      sessions.admin,
    );
    expect(wrong.savePlanGoal).toMatchObject({
      __typename: 'ValidationError',
      fieldErrors: [{ field: 'code', message: 'Inriktningsmålets kod måste anges.' }],
    });
    const foreign = await unitId(client, 'alingsas', 'als-ks');
    const other = await client.data(
      SavePlanGoalDocument,
      { input: goalInput({ unitIds: [foreign] }) },
      sessions.admin,
    );
    expect(other.savePlanGoal).toMatchObject({
      fieldErrors: [{ field: 'unitIds', message: 'Enheten finns inte i din kommun.' }],
    });
  });

  it('adds an indicator with targets and a Kolada KPI, whose Kolada title the plan shows', async () => {
    const input = {
      periodId: working,
      key: 'ind-ny',
      name: 'En ny indikator',
      goalCode: '8.1',
      unitOfMeasure: '%',
      direction: 'LOWER' as const,
      decimals: 1,
      origin: 'KF' as const,
      responsibleUnitId: stab,
      followUpUnitId: ksk,
      koladaKpiId: 'n00097',
      targets: [{ year: 2026, value: 1.5 }],
      outcomes: [{ year: 2024, value: 2.25 }],
    };
    const { savePlanIndicator } = await client.data(SavePlanIndicatorDocument, { input }, sessions.admin);
    expect(savePlanIndicator.__typename).toBe('PlanIndicator');
    const { periodPlan } = await client.data(PeriodPlanDocument, { periodId: working }, sessions.admin);
    expect(periodPlan.indicators.find((i) => i.indicator.key === 'ind-ny')).toMatchObject({
      units: [{ name: 'Kommunstyrelsekontoret' }],
      indicator: {
        name: 'En ny indikator',
        direction: 'LOWER',
        decimals: 1,
        koladaKpiId: 'N00097',
        koladaTitle: 'Nettokostnadsavvikelse totalt (exkl. LSS), andel (%)',
        goal: { code: '8.1' },
        responsibleUnit: { name: 'Stab- och planeringsavdelningen' },
        targets: [{ year: 2026, value: 1.5 }],
        outcomes: [{ year: 2024, value: 2.25 }],
      },
    });
    const wrong = await client.data(
      SavePlanIndicatorDocument,
      {
        input: {
          ...input,
          key: 'ind-fel',
          goalCode: '9.9',
          koladaKpiId: 'N99999',
          targets: [{ year: 2026, value: 1e10 }],
        },
      },
      sessions.admin,
    );
    expect(wrong.savePlanIndicator).toMatchObject({
      __typename: 'ValidationError',
      fieldErrors: [{ field: 'targets.2026', message: 'Målvärdet är orimligt stort.' }],
    });
    const unknown = await client.data(
      SavePlanIndicatorDocument,
      { input: { ...input, key: 'ind-fel', goalCode: '9.9', koladaKpiId: 'N99999' } },
      sessions.admin,
    );
    expect(unknown.savePlanIndicator).toMatchObject({
      fieldErrors: [
        { field: 'goalCode', message: 'Inriktningsmål 9.9 finns inte i perioden.' },
        { field: 'koladaKpiId', message: 'Kolada har inget nyckeltal med id N99999.' },
      ],
    });
  });

  it('adds an assignment under its goal with who decided it and when, starting Ej påbörjad', async () => {
    const input = {
      periodId: working,
      kind: 'NAMNDINITIATIV' as const,
      title: 'Ett nytt initiativ',
      goalCode: '8.1',
      ownerUnitId: ksk,
      responsibleUnitId: stab,
      dueDate: '2025-12-31',
      originYear: 2025,
      decidedBy: 'Kommunstyrelsen',
      decidedOn: '2025-02-10',
    };
    const { savePlanAssignment } = await client.data(SavePlanAssignmentDocument, { input }, sessions.admin);
    expect(savePlanAssignment.__typename).toBe('PlanAssignment');
    const { periodPlan } = await client.data(PeriodPlanDocument, { periodId: working }, sessions.admin);
    expect(periodPlan.assignments.find((a) => a.assignment.title === 'Ett nytt initiativ')).toMatchObject({
      goal: { code: '8.1' },
      assignment: {
        kind: 'NAMNDINITIATIV',
        decidedBy: 'Kommunstyrelsen',
        decidedOn: '2025-02-10',
        dueDate: '2025-12-31',
      },
    });
    const [followUp] = await rows(
      `select f.status from assignment_follow_up f join assignment a on a.id = f.assignment_id
        where a.title = 'Ett nytt initiativ' and f.period_id = ?`,
      [working],
    );
    expect(followUp).toEqual({ status: 'Ej påbörjad' });
  });

  it('refuses anyone but an administratör of the kommun, changing nothing', async () => {
    const before = await tables();
    for (const who of ['redaktör', 'läsare'] as const) {
      const goal = await client.run(
        SavePlanGoalDocument,
        { input: goalInput({ title: 'X' }) },
        sessions[who],
      );
      expect(goal.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const plan = await client.run(PeriodPlanDocument, { periodId: working }, sessions[who]);
      expect(plan.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const anonymous = await client.run(SavePlanGoalDocument, { input: goalInput({ title: 'X' }) }, {});
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const alingsas = await periodId(client, 'alingsas', '2024-jan-aug');
    const other = await client.run(
      SavePlanGoalDocument,
      { input: goalInput({ periodId: alingsas }) },
      sessions.admin,
    );
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await tables()).toEqual(before);
  });

  it('refuses with PUBLISHED what a published report shows, changing nothing', async () => {
    const [goal] = await rows<{ area_code: string; area_title: string; title: string }>(
      `select a.code as area_code, a.title as area_title, g.title from goal g join goal_area a on a.id = g.area_id
        where g.key = 'mal-1.1'`,
    );
    const before = await tables();
    const renamed = await client.run(
      SavePlanGoalDocument,
      {
        input: goalInput({
          periodId: published,
          areaCode: goal!.area_code,
          areaTitle: goal!.area_title,
          code: '1.1',
          title: 'Ett annat namn',
        }),
      },
      sessions.admin,
    );
    expect(renamed.errors?.[0]?.extensions?.code).toBe('PUBLISHED');
    const assignment = await client.run(
      SavePlanAssignmentDocument,
      {
        input: {
          periodId: published,
          kind: 'UPPDRAG',
          title: 'Nytt i en publicerad rapport',
          ownerUnitId: ksk,
        },
      },
      sessions.admin,
    );
    expect(assignment.errors?.[0]?.extensions?.code).toBe('PUBLISHED');
    expect(await tables()).toEqual(before);
  });
});

describe('what a published report shows, asked of all rows at once', () => {
  it('answers for every unit, goal, area, indicator and assignment what the database’s row-by-row rule answers', async () => {
    // Each record of every kommun: whether the triggers' function says a published report
    // shows it, and whether the plan's sets do.
    const kommuner = await rows<{ id: number }>(`select id from kommun order by id`);
    const tally: Record<string, { rows: number; shown: number; disagree: number }> = {};
    for (const { id } of kommuner) {
      const answers = await rows<{ kind: string; by_row: boolean; by_set: boolean }>(
        `with ${shownSets}
         select 'unit' as kind, shown_in_published_report(p.id, array[u.id]) as by_row,
                (p.id, u.id) in (select period_id, unit_id from shown_unit) as by_set
           from period p join org_unit u on u.kommun_id = p.kommun_id where p.kommun_id = ?
         union all
         select 'goal', frozen_by_published_report('goal', to_jsonb(g)), g.id in (select goal_id from shown_goal)
           from goal g where g.kommun_id = ?
         union all
         select 'area', frozen_by_published_report('goal_area', to_jsonb(a)),
                exists (select 1 from goal g where g.area_id = a.id and g.id in (select goal_id from shown_goal))
           from goal_area a where a.kommun_id = ?
         union all
         select 'indicator follow-up', frozen_by_published_report('indicator_follow_up', to_jsonb(f)),
                f.id in (select id from shown_indicator_follow_up)
           from indicator_follow_up f join indicator i on i.id = f.indicator_id where i.kommun_id = ?
         union all
         select 'assignment', frozen_by_published_report('assignment', to_jsonb(a)),
                a.id in (select assignment_id from shown_assignment_follow_up)
           from assignment a where a.kommun_id = ?
         union all
         select 'assignment follow-up', frozen_by_published_report('assignment_follow_up', to_jsonb(f)),
                f.id in (select id from shown_assignment_follow_up)
           from assignment_follow_up f join assignment a on a.id = f.assignment_id where a.kommun_id = ?`,
        [id, id, id, id, id, id, id],
      );
      for (const a of answers) {
        const t = (tally[a.kind] ??= { rows: 0, shown: 0, disagree: 0 });
        t.rows++;
        if (a.by_row) t.shown++;
        if (a.by_row !== a.by_set) t.disagree++;
      }
    }
    // The seeded reports show some of each kind, and leave some of each unshown.
    for (const [kind, t] of Object.entries(tally)) {
      expect({ kind, disagree: t.disagree }).toEqual({ kind, disagree: 0 });
      expect(t.shown, kind).toBeGreaterThan(0);
      expect(t.shown, kind).toBeLessThan(t.rows);
    }
    expect(Object.keys(tally).length).toBe(6);
  });
});

describe('opening a period from the plan page', () => {
  it('names the end date when it is before the start, in Swedish, and opens a tertial otherwise', async () => {
    const input = {
      key: '2026-jan-apr',
      label: 'Jan–Apr 2026',
      kind: 'TERTIAL' as const,
      startDate: '2026-04-30',
      endDate: '2026-01-01',
    };
    const wrong = await client.data(OpenPeriodDocument, { input }, sessions.admin);
    expect(wrong.openPeriod).toMatchObject({
      __typename: 'ValidationError',
      fieldErrors: [{ field: 'endDate', message: 'Slutdatum får inte vara före startdatum.' }],
    });
    const opened = await client.data(
      OpenPeriodDocument,
      { input: { ...input, startDate: '2026-01-01', endDate: '2026-04-30' } },
      sessions.admin,
    );
    expect(opened.openPeriod).toMatchObject({ __typename: 'Period', label: 'Jan–Apr 2026' });
    // Everything carried over: the new goal of 2025 is in the tertial too.
    const { periodPlan } = await client.data(
      PeriodPlanDocument,
      { periodId: (opened.openPeriod as { id: string }).id },
      sessions.admin,
    );
    expect(periodPlan.goals.some((g) => g.goal.code === '8.1')).toBe(true);
  });
});
