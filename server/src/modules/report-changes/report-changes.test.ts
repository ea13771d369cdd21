/**
 * "Changes since the previous report" on the demo data: Norrtälje's Kommunstyrelsekontoret,
 * Verksamhetsberättelse 2024 (source 001) → Uppföljning januari–juli 2025 (source 000). The
 * expected values were read from server/src/db/seed-data/norrtalje/*.json and the source
 * texts, not from the service.
 */
import { toTkr } from '../economy/economy-figures.js';
import { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { generateLargeKommun, type LargeKommun } from '../../../bench/large-kommun.js';
import {
  graphqlClient,
  unitId,
  type GraphQLTestClient,
  type TestSession,
} from '../../../test/graphql-client.js';
import { createDatabase, dropDatabase } from '../../../test/test-database.js';
import { ormConfig } from '../../db/orm-config.js';
import { DEMO_PASSWORD } from '../../db/seed/demo-users.js';

const CHANGES = /* GraphQL */ `
  query ReportChanges($id: ID!, $threshold: Kronor) {
    report(id: $id) {
      title
      previousReport {
        id
        title
        period {
          label
        }
      }
      changes(economyThreshold: $threshold) {
        economyThreshold
        assignments {
          marks
          assignment {
            __typename
            id
            title
            kind
          }
          unit {
            name
          }
          before {
            status
            forecast
            comment
          }
          after {
            status
            forecast
            comment
          }
        }
        goals {
          marks
          goal {
            __typename
            id
            code
          }
          unit {
            name
          }
          before {
            assessment
          }
          after {
            assessment
          }
        }
        indicators {
          marks
          indicator {
            __typename
            id
            name
          }
          unit {
            name
          }
          before {
            assessment
          }
          after {
            assessment
            comment
          }
        }
        economyLines {
          unit {
            id
            name
          }
          before {
            label
          }
          after {
            __typename
            id
            label
          }
          deviationBefore
          deviationAfter
          deviationChange
        }
      }
    }
  }
`;
const REPORTS = `query($id: ID!) { unit(id: $id) { reports { id title status period { label } } } }`;
const SIGN_IN = `mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { __typename } }`;

/**
 * The changes of one report, whatever its size: the report, the previous report, the unit's
 * family, and one statement per period for each of assignments, goals, indicators, economy.
 */
const MAX_STATEMENTS = 11;

let client: GraphQLTestClient;
let ksk: string;
let reports: { id: string; title: string; status: string; period: { label: string } }[];
const reportIn = (label: string) => reports.find((r) => r.period.label === label)!.id;

const changesOf = async (id: string, threshold?: number, session?: TestSession) =>
  (await client.data(CHANGES, { id, threshold }, session)).report;

beforeAll(async () => {
  client = await graphqlClient();
  ksk = await unitId(client, 'norrtalje', 'ksk');
  reports = (await client.data(REPORTS, { id: ksk })).unit.reports;
});
afterAll(() => client.close());

describe('the Jan–Jul 2025 report of Kommunstyrelsekontoret', () => {
  it('is compared with Verksamhetsberättelse 2024', async () => {
    const report = await changesOf(reportIn('Jan–Jul 2025'));
    expect(report.title).toBe('Uppföljning januari–juli 2025');
    expect(report.previousReport).toEqual({
      id: reportIn('2024'),
      title: 'Verksamhetsberättelse 2024 för kommunstyrelsekontoret',
      period: { label: '2024' },
    });
  });

  it('marks 36 assignments: the 32 new on the 2025 list and the 4 carried over from 2024, whose status changed', async () => {
    const { assignments } = (await changesOf(reportIn('Jan–Jul 2025'))).changes;
    // 21 uppdrag and 15 nämndinitiativ on the Jan–Jul list; every one has a comment dated 2025-07-31.
    expect(assignments).toHaveLength(36);
    const withMark = (mark: string) => assignments.filter((c: any) => c.marks.includes(mark));
    const fresh = withMark('NEW');
    expect(fresh).toHaveLength(32);
    expect(fresh.filter((c: any) => c.assignment.kind === 'UPPDRAG')).toHaveLength(20);
    expect(fresh.filter((c: any) => c.assignment.kind === 'NAMNDINITIATIV')).toHaveLength(12);
    expect(fresh.every((c: any) => c.before === null && c.marks.join() === 'NEW,COMMENT')).toBe(true);
    expect(withMark('STATUS')).toHaveLength(4);
    expect(withMark('FORECAST')).toHaveLength(2);
    expect(withMark('COMMENT')).toHaveLength(36);
    expect(assignments.every((c: any) => c.assignment.__typename === 'Assignment')).toBe(true);

    const titled = (start: string) => assignments.find((c: any) => c.assignment.title.startsWith(start));
    expect(titled('Trygghetskameror ska sättas upp')).toMatchObject({
      marks: ['STATUS', 'FORECAST', 'COMMENT'],
      unit: { name: 'Stab- och planeringsavdelningen' },
      before: { status: 'STANGS_OCH_OVERGAR', forecast: 'AVVIKELSE_FRAN_PLAN' },
      after: { status: 'PABORJAD', forecast: 'ENLIGT_PLAN' },
    });
    expect(titled('Trygghetskameror ska sättas upp').after.comment).toMatch(
      /^Kommande aktuella platser är Kvisthamra skola/,
    );
    expect(titled('Undersöka objektinnehavares uppfattning')).toMatchObject({
      marks: ['STATUS', 'FORECAST', 'COMMENT'],
      unit: { name: 'Räddningstjänsten' },
      before: { status: 'KVARSTAENDE', forecast: 'AVVIKELSE_FRAN_PLAN' },
      after: { status: 'PABORJAD', forecast: 'ENLIGT_PLAN' },
    });
    expect(titled('Ta fram åtgärdsplan för att inte överskrida')).toMatchObject({
      marks: ['STATUS', 'COMMENT'],
      before: { status: 'STANGS_OCH_OVERGAR', forecast: 'AVVIKELSE_FRAN_PLAN' },
      after: { status: 'PABORJAD', forecast: 'AVVIKELSE_FRAN_PLAN' },
    });
    expect(
      titled('Arbeta fram handlingsplan för informations- och kommunikationsförbättringar'),
    ).toMatchObject({
      marks: ['STATUS', 'COMMENT'],
      unit: { name: 'Näringslivsenheten' },
      before: { status: 'STANGS_OCH_OVERGAR' },
      after: { status: 'SLUTFORD', forecast: 'AVVIKELSE_FRAN_PLAN' },
    });
  });

  it('has no goal or indicator changes: the Jan–Jul report assesses neither', async () => {
    const { changes } = await changesOf(reportIn('Jan–Jul 2025'));
    expect(changes.goals).toEqual([]);
    expect(changes.indicators).toEqual([]);
  });

  it('lists the six economy lines whose full-year deviation moved more than 1 000 tkr', async () => {
    const { changes } = await changesOf(reportIn('Jan–Jul 2025'));
    expect(changes.economyThreshold).toBe(1_000_000);
    // 2024: outcome − budget for the year; Jan–Jul 2025: Prognos 3 − budget for the year,
    // each as 001 and 000 print it (the kronor round to the printed tkr).
    expect(
      changes.economyLines.map((c: any) => [
        c.after.label,
        c.unit.name,
        toTkr(c.deviationBefore),
        toTkr(c.deviationAfter),
      ]),
    ).toEqual([
      ['Intäkter', 'Kommunstyrelsekontoret', -1_267, 1_456],
      ['Kostnader', 'Kommunstyrelsekontoret', 23_622, 3_427],
      ['Varav kapitalkostnader', 'Kommunstyrelsekontoret', 14_811, 1_017],
      ['Stab och planering', 'Stab- och planeringsavdelningen', 3_329, 1_866],
      ['Räddningstjänst', 'Räddningstjänsten', 3_959, 1_246],
      ['IT', 'IT-enheten', 13_450, 1_372],
    ]);
    expect(
      changes.economyLines.every((c: any) => c.deviationChange === c.deviationAfter - c.deviationBefore),
    ).toBe(true);
    expect(changes.economyLines.every((c: any) => c.before.label === c.after.label)).toBe(true);
    expect(changes.economyLines[0].after.__typename).toBe('EconomyLine');
  });

  it('takes a threshold: 500 tkr adds Kommundirektör (−700 tkr) and Näringsliv (−545 tkr), none lists all ten lines', async () => {
    const half = (await changesOf(reportIn('Jan–Jul 2025'), 500_000)).changes.economyLines;
    expect(half.map((c: any) => c.after.label)).toEqual([
      'Intäkter',
      'Kostnader',
      'Varav kapitalkostnader',
      'Kommundirektör',
      'Näringsliv',
      'Stab och planering',
      'Räddningstjänst',
      'IT',
    ]);
    expect((await changesOf(reportIn('Jan–Jul 2025'), 0)).changes.economyLines).toHaveLength(10);
  });

  it('refuses a negative threshold', async () => {
    const result = await client.run(CHANGES, { id: reportIn('Jan–Jul 2025'), threshold: -1 });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('a report without an earlier published report', () => {
  it('has no previous report and no changes (Verksamhetsberättelse 2024)', async () => {
    const report = await changesOf(reportIn('2024'));
    expect(report.previousReport).toBeNull();
    expect(report.changes).toEqual({
      economyThreshold: 1_000_000,
      assignments: [],
      goals: [],
      indicators: [],
      economyLines: [],
    });
  });
});

describe('readers', () => {
  let läsare: TestSession;
  beforeAll(async () => {
    läsare = { address: '10.77.0.1' };
    const signedIn = await client.data(SIGN_IN, { e: 'politiker@norrtalje.demo', p: DEMO_PASSWORD }, läsare);
    expect(signedIn.signIn.__typename).toBe('SignedIn');
  });

  it('shows the public (not signed in) the same changes as a signed-in reader', async () => {
    for (const label of ['Jan–Jul 2025', '2024']) {
      expect(await changesOf(reportIn(label))).toEqual(await changesOf(reportIn(label), undefined, läsare));
    }
  });

  it("compares the kommun's draft with the latest published report, Jan–Jul 2025", async () => {
    const own = (await client.data(REPORTS, { id: ksk }, läsare)).unit.reports;
    const draft = own.find((r: any) => r.status === 'DRAFT');
    expect(draft.period.label).toBe('2025');
    const report = await changesOf(draft.id, undefined, läsare);
    expect(report.previousReport.period.label).toBe('Jan–Jul 2025');
    // The new period started as copies of the latest follow-ups: the Jan–Jul assignments and
    // economy, unchanged so far, and the 2024 goal and indicator assessments, which the
    // Jan–Jul report did not make.
    expect(report.changes.assignments).toEqual([]);
    expect(report.changes.economyLines).toEqual([]);
    expect(report.changes.goals).toHaveLength(18);
    expect(report.changes.indicators).toHaveLength(32);
    expect(
      [...report.changes.goals, ...report.changes.indicators].every((c: any) => c.marks[0] === 'NEW'),
    ).toBe(true);
  });
});

describe('the cost of the changes', () => {
  const largeDb = `uppfoljning_changes_${process.pid}`;
  let large: GraphQLTestClient;
  let generated: LargeKommun;

  beforeAll(async () => {
    const url = await createDatabase(inject('adminDatabaseUrl'), largeDb);
    const orm = await MikroORM.init(ormConfig(url));
    await orm.getMigrator().up();
    generated = await generateLargeKommun(orm.em.fork(), {
      boards: 1,
      officesPerBoard: 1,
      departmentsPerOffice: 10,
      years: 2,
      goalsPerArea: 3,
      indicatorsPerDepartment: 10,
      assignmentsPerDepartment: 20,
    });
    await orm.close(true);
    large = await graphqlClient(url);
  }, 120_000);
  afterAll(async () => {
    await large?.close();
    await dropDatabase(inject('adminDatabaseUrl'), largeDb);
  });

  it(`is a fixed number of SQL statements (at most ${MAX_STATEMENTS}), the same for 36 changes and for hundreds`, async () => {
    const onDemo = await client.run(CHANGES, { id: reportIn('Jan–Jul 2025') });
    const latest = (await large.data(REPORTS, { id: String(generated.officeId) })).unit.reports[0].id;
    const onLarge = await large.run<any>(CHANGES, { id: latest, threshold: 0 });
    expect(onDemo.errors).toBeUndefined();
    expect(onLarge.errors).toBeUndefined();
    const changes = onLarge.data.report.changes;
    // Every generated comment names its period, so each of the 200 assignments has a new one.
    expect(changes.assignments).toHaveLength(200);
    expect(changes.goals.length).toBeGreaterThan(0);
    expect(changes.indicators).toHaveLength(100);
    expect(changes.economyLines.length).toBeGreaterThan(0);
    expect(onDemo.statements).toBeLessThanOrEqual(MAX_STATEMENTS);
    expect(onLarge.statements).toBe(onDemo.statements);
  });
});
