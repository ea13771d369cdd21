import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphqlClient, periodId, unitId, type GraphQLTestClient } from '../../../test/graphql-client.js';

const SUMMARY = /* GraphQL */ `
  query Summary($unitId: ID!, $periodId: ID) {
    unit(id: $unitId) {
      followUp(periodId: $periodId) {
        assignmentSummary {
          rows {
            kind
            status
            onPlan
            deviating
            withoutForecast
            total
          }
          onPlan
          deviating
          withoutForecast
          total
        }
      }
    }
  }
`;

const LIST = /* GraphQL */ `
  query List($unitId: ID!, $periodId: ID, $filter: AssignmentFilter) {
    unit(id: $unitId) {
      followUp(periodId: $periodId) {
        assignments(filter: $filter) {
          status
          forecast
          comment
          commentDate
          assignment {
            id
            kind
            title
            dueDate
            responsibleUnit {
              name
            }
            goal {
              code
            }
          }
        }
      }
    }
  }
`;

type Row = { kind: string; status: string; onPlan: number; deviating: number; total: number };
const table = (rows: Row[]) => rows.map((r) => `${r.kind} ${r.status} ${r.onPlan}/${r.deviating}`);

let client: GraphQLTestClient;
let ksk: string;
let stab: string;
let jul2025: string;
let year2024: string;

beforeAll(async () => {
  client = await graphqlClient();
  ksk = await unitId(client, 'norrtalje', 'ksk');
  stab = await unitId(client, 'norrtalje', 'ksk-stab');
  jul2025 = await periodId(client, 'norrtalje', '2025-jan-jul');
  year2024 = await periodId(client, 'norrtalje', '2024');
});
afterAll(() => client.close());

describe('the assignment summary table', () => {
  it('reproduces the printed Jan–Jul 2025 table of Kommunstyrelsekontoret from the items', async () => {
    const data = await client.data(SUMMARY, { unitId: ksk, periodId: jul2025 });
    const summary = data.unit.followUp.assignmentSummary;
    expect(table(summary.rows)).toEqual([
      'UPPDRAG EJ_PABORJAD 0/1',
      'UPPDRAG PABORJAD 15/1',
      'UPPDRAG SLUTFORD 3/1',
      'NAMNDINITIATIV EJ_PABORJAD 0/1',
      'NAMNDINITIATIV PABORJAD 7/3',
      'NAMNDINITIATIV SLUTFORD 3/1',
    ]);
    expect(summary).toMatchObject({ onPlan: 28, deviating: 8, withoutForecast: 0, total: 36 });
  });

  it('reproduces the printed 2024 table of the verksamhetsberättelse (36 items)', async () => {
    const data = await client.data(SUMMARY, { unitId: ksk, periodId: year2024 });
    const summary = data.unit.followUp.assignmentSummary;
    expect(table(summary.rows)).toEqual([
      'UPPDRAG SLUTFORD 11/6',
      'UPPDRAG STANGS_OCH_OVERGAR 0/1',
      'NAMNDINITIATIV SLUTFORD 10/3',
      'NAMNDINITIATIV KVARSTAENDE 0/1',
      'NAMNDINITIATIV STRUKEN 0/1',
      'NAMNDINITIATIV STANGS_OCH_OVERGAR 0/3',
    ]);
    expect(summary).toMatchObject({ onPlan: 21, deviating: 15, total: 36 });
  });

  it('defaults to the latest period of the kommun', async () => {
    const data = await client.data(SUMMARY, { unitId: ksk });
    expect(data.unit.followUp.assignmentSummary.total).toBe(36);
    expect(data.unit.followUp.assignmentSummary.onPlan).toBe(28);
  });

  it('counts only what a department is responsible for on its own page', async () => {
    const data = await client.data(SUMMARY, { unitId: stab, periodId: jul2025 });
    const list = await client.data(LIST, { unitId: stab, periodId: jul2025 });
    const items = list.unit.followUp.assignments;
    expect(items.length).toBeGreaterThan(0);
    expect(
      items.every((i: any) => i.assignment.responsibleUnit.name === 'Stab- och planeringsavdelningen'),
    ).toBe(true);
    expect(data.unit.followUp.assignmentSummary.total).toBe(items.length);
  });
});

describe('the assignment list', () => {
  it('gives every item its latest dated comment, department, due date and goal', async () => {
    const data = await client.data(LIST, { unitId: ksk, periodId: jul2025 });
    const items = data.unit.followUp.assignments;
    expect(items).toHaveLength(36);
    const genomlysning = items.find((i: any) =>
      i.assignment.title.startsWith('Kommunens organisation ska genomlysas'),
    );
    expect(genomlysning).toMatchObject({
      status: 'PABORJAD',
      forecast: 'AVVIKELSE_FRAN_PLAN',
      commentDate: '2025-07-31',
      assignment: {
        kind: 'UPPDRAG',
        dueDate: '2025-12-01',
        responsibleUnit: { name: 'Ekonomiavdelningen' },
        goal: { code: '1.2' },
      },
    });
    expect(genomlysning.comment).toContain('i avvaktan på ny kommundirektör');
  });

  it('filters by kind, status, forecast, responsible department and words, combined', async () => {
    const deviatingInitiatives = await client.data(LIST, {
      unitId: ksk,
      periodId: jul2025,
      filter: { kind: 'NAMNDINITIATIV', forecast: 'AVVIKELSE_FRAN_PLAN' },
    });
    expect(deviatingInitiatives.unit.followUp.assignments).toHaveLength(5);

    const startedOrDone = await client.data(LIST, {
      unitId: ksk,
      periodId: jul2025,
      filter: { kind: 'UPPDRAG', status: ['PABORJAD', 'SLUTFORD'] },
    });
    expect(startedOrDone.unit.followUp.assignments).toHaveLength(20);

    const byDepartment = await client.data(LIST, {
      unitId: ksk,
      periodId: jul2025,
      filter: { responsibleUnitId: stab },
    });
    const own = await client.data(LIST, { unitId: stab, periodId: jul2025 });
    expect(byDepartment.unit.followUp.assignments.map((i: any) => i.assignment.id)).toEqual(
      own.unit.followUp.assignments.map((i: any) => i.assignment.id),
    );

    const search = await client.data(LIST, {
      unitId: ksk,
      periodId: jul2025,
      filter: { search: 'TRYGGHETSKAMEROR' },
    });
    expect(search.unit.followUp.assignments.map((i: any) => i.assignment.title)).toEqual([
      'Trygghetskameror ska sättas upp på fler utsatta eller potentiellt utsatta platser.',
    ]);
  });

  it('rejects an unknown status with a validation error that names the field', async () => {
    const result = await client.run(LIST, { unitId: ksk, filter: { status: ['KLAR'] } });
    expect(result.data).toBeUndefined();
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toContain('filter.status');
  });

  it('rejects a malformed department id in the filter, naming the field', async () => {
    const result = await client.run(LIST, { unitId: ksk, filter: { responsibleUnitId: 'abc' } });
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'filter.responsibleUnitId',
    });
  });
});

describe('an assignment', () => {
  it('shows every follow-up, latest first, for an assignment carried from 2024 into 2025', async () => {
    const list = await client.data(LIST, {
      unitId: ksk,
      periodId: jul2025,
      filter: { search: 'Trygghetskameror ska' },
    });
    const id = list.unit.followUp.assignments[0].assignment.id;
    const data = await client.data(
      `query($id: ID!) { assignment(id: $id) { title followUps { period { label } status forecast commentDate } } }`,
      { id },
    );
    expect(data.assignment.followUps.map((f: any) => f.period.label)).toEqual(['Jan–Jul 2025', '2024']);
  });

  it('answers NOT_FOUND for an unknown id', async () => {
    const result = await client.run(`{ assignment(id: 999999) { id } }`);
    expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(result.errors?.[0]?.message).toBe('Uppdraget med id 999999 finns inte.');
  });
});
