import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphqlClient, periodId, unitId, type GraphQLTestClient } from '../../../test/graphql-client.js';

const INDICATORS = /* GraphQL */ `
  query Indicators($unitId: ID!, $periodId: ID) {
    unit(id: $unitId) {
      followUp(periodId: $periodId) {
        indicators {
          id
          assessment
          trend
          comment
          commentDate
          indicator {
            id
            name
            unitOfMeasure
            direction
            origin
            koladaKpiId
            responsibleUnit {
              name
            }
            outcomes {
              year
              value
              preliminary
              label
              note
            }
            targets {
              year
              value
            }
          }
        }
      }
    }
  }
`;

let client: GraphQLTestClient;
beforeAll(async () => {
  client = await graphqlClient();
});
afterAll(() => client.close());

describe('indicators', () => {
  it('carries each indicator of the 2024 report with its series, target, direction and comment', async () => {
    const data = await client.data(INDICATORS, {
      unitId: await unitId(client, 'norrtalje', 'ksk'),
      periodId: await periodId(client, 'norrtalje', '2024'),
    });
    const rows = data.unit.followUp.indicators;
    expect(rows).toHaveLength(32);
    const soliditet = rows.find((r: any) => r.indicator.name.startsWith('Soliditet'));
    expect(soliditet).toMatchObject({
      assessment: 'EJ_UPPFYLLT',
      trend: 'NEGATIV',
      commentDate: '2024-12-31',
      indicator: {
        unitOfMeasure: '%',
        koladaKpiId: 'N03002',
        responsibleUnit: { name: 'Ekonomiavdelningen' },
      },
    });
    expect(soliditet.indicator.outcomes.map((o: any) => [o.year, o.value])).toEqual([
      [2021, 23.4],
      [2022, 27.4],
      [2023, 29.5],
      [2024, 26.7],
    ]);
    expect(soliditet.indicator.targets).toEqual([{ year: 2024, value: 27.1 }]);
  });

  it('keeps a missing outcome as null with its note, never as zero', async () => {
    const data = await client.data(INDICATORS, {
      unitId: await unitId(client, 'norrtalje', 'ksk'),
      periodId: await periodId(client, 'norrtalje', '2024'),
    });
    const nettokostnad = data.unit.followUp.indicators.find((r: any) =>
      r.indicator.name.startsWith('Nettokostnadsavvikelse'),
    );
    const latest = nettokostnad.indicator.outcomes.find((o: any) => o.year === 2024);
    expect(latest.value).toBeNull();
    expect(latest.note).toBeTruthy();
  });

  it('marks lower-is-better measures such as the time from alarm to arrival', async () => {
    const data = await client.data(INDICATORS, {
      unitId: await unitId(client, 'norrtalje', 'ksk-raddningstjanst'),
      periodId: await periodId(client, 'norrtalje', '2024'),
    });
    const rows = data.unit.followUp.indicators;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r: any) => r.indicator.responsibleUnit.name === 'Räddningstjänsten')).toBe(true);
    const larm = rows.find((r: any) => /larm/i.test(r.indicator.name));
    expect(larm.indicator.direction).toBe('LOWER');
  });

  it('answers NOT_FOUND for an unknown indicator', async () => {
    const result = await client.run(`{ indicator(id: 424242) { name } }`);
    expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
