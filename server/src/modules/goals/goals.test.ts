import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AssignmentsSectionDocument, GoalPageDocument } from '../../../test/client-documents.js';
import { graphqlClient, periodId, unitId, type GraphQLTestClient } from '../../../test/graphql-client.js';

const GOALS = /* GraphQL */ `
  query Goals($unitId: ID!, $periodId: ID) {
    unit(id: $unitId) {
      followUp(periodId: $periodId) {
        goalSummary {
          total
          met
          partlyMet
          notMet
          notAssessed
        }
        goals {
          assessment
          trend
          analysis
          goal {
            id
            code
            title
            area {
              code
            }
          }
        }
      }
    }
  }
`;

let client: GraphQLTestClient;
let year2024: string;
beforeAll(async () => {
  client = await graphqlClient();
  year2024 = await periodId(client, 'norrtalje', '2024');
});
afterAll(() => client.close());

describe('goals', () => {
  it('has the 18 inriktningsmål of Kommunstyrelsekontoret in 2024, 13 of them met', async () => {
    const data = await client.data(GOALS, {
      unitId: await unitId(client, 'norrtalje', 'ksk'),
      periodId: year2024,
    });
    const { goalSummary, goals } = data.unit.followUp;
    expect(goalSummary).toEqual({ total: 18, met: 13, partlyMet: 0, notMet: 5, notAssessed: 0 });
    expect(goals.filter((g: any) => g.assessment === 'EJ_UPPFYLLT').map((g: any) => g.goal.code)).toEqual([
      '2.1',
      '3.1',
      '3.2',
      '3.3',
      '6.3',
    ]);
    expect(goals[0]).toMatchObject({
      assessment: 'UPPFYLLT',
      trend: 'NEGATIV',
      goal: { code: '1.1', area: { code: '1' } },
    });
    expect(goals[0].analysis).toContain('åtta av nio indikatorer');
  });

  it('shows a department the office assessments of the goals its own work serves', async () => {
    const office = await client.data(GOALS, {
      unitId: await unitId(client, 'norrtalje', 'ksk'),
      periodId: year2024,
    });
    const department = await client.data(GOALS, {
      unitId: await unitId(client, 'norrtalje', 'ksk-raddningstjanst'),
      periodId: year2024,
    });
    const codes = department.unit.followUp.goals.map((g: any) => g.goal.code);
    expect(codes.length).toBeGreaterThan(0);
    expect(codes.length).toBeLessThan(office.unit.followUp.goals.length);
    expect(codes).toContain('3.3');
  });

  it('has no goal assessments where the report made none (Jan–Jul 2025)', async () => {
    const data = await client.data(GOALS, { unitId: await unitId(client, 'norrtalje', 'ksk') });
    expect(data.unit.followUp.goalSummary.total).toBe(0);
  });
});

describe('a goal', () => {
  it('shows its assessments, its indicators and the assignments that serve it', async () => {
    const list = await client.data(GOALS, {
      unitId: await unitId(client, 'norrtalje', 'ksk'),
      periodId: year2024,
    });
    const goalId = list.unit.followUp.goals.find((g: any) => g.goal.code === '3.3').goal.id;
    const data = await client.data(
      `query($id: ID!) { goal(id: $id) { code title followUps { assessment period { label } unit { name } } indicators { name } assignments { title kind } } }`,
      { id: goalId },
    );
    expect(data.goal.code).toBe('3.3');
    expect(data.goal.followUps).toEqual([
      { assessment: 'EJ_UPPFYLLT', period: { label: '2024' }, unit: { name: 'Kommunstyrelsekontoret' } },
    ]);
    expect(data.goal.indicators.length).toBeGreaterThan(0);
    expect(data.goal.assignments.length).toBeGreaterThan(0);
  });

  it("lists an assignment under each year's goal it was listed under: 2024's and 2025's 5.1 (001 line 1176, 000 line 708) both show the koldioxidbudget initiative", async () => {
    const ksk = await unitId(client, 'norrtalje', 'ksk');
    const goalPage = async (period: string) => {
      const items = (await client.data(AssignmentsSectionDocument, { unitId: ksk, periodId: period })).unit
        .followUp!.assignments;
      const goal = items.find((f) => f.goal?.code === '5.1')!.goal!;
      return (await client.data(GoalPageDocument, { id: goal.id })).goal;
    };
    const initiative = 'Ta fram åtgärdsplan för att inte överskrida den beslutade koldioxidbudgeten.';
    const of2024 = await goalPage(year2024);
    const of2025 = await goalPage(await periodId(client, 'norrtalje', '2025-jan-jul'));
    expect([of2024.title, of2025.title]).toEqual([
      'Minska användningen av fossila bränslen',
      'Minskad klimatpåverkan',
    ]);
    // 001 lines 1222–1255 and 000 lines 300–361, 708–713.
    expect(of2024.assignments.map((a) => a.title)).toEqual([
      initiative,
      'Utöka antalet pendlarparkeringar.',
      'Göra en översyn av kommunens resepolicy för att stimulera till en ökad andel fossilfria tjänsteresor.',
    ]);
    expect(of2025.assignments.map((a) => [a.kind, a.title])).toEqual([
      ['NAMNDINITIATIV', initiative],
      ...[
        'Inrätta ett kontor för hållbar utveckling',
        'Upprätta och följa upp en klimatomställningsplan',
        'Initiera utbildningsinsatser om hållbarhet.',
        'Utreda möjligheterna att införa ett kommunalt hållbarhetsbidrag',
      ].map((start) => ['UPPDRAG', expect.stringMatching(new RegExp(`^${start}`))]),
    ]);
  });

  it('answers NOT_FOUND for an unknown goal', async () => {
    const result = await client.run(`{ goal(id: 777777) { code } }`);
    expect(result.errors?.[0]?.message).toBe('Målet med id 777777 finns inte.');
  });
});
