import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toTkr } from '../economy/economy-figures.js';
import { graphqlClient, periodId, unitId, type GraphQLTestClient } from '../../../test/graphql-client.js';

const OFF_TRACK = /* GraphQL */ `
  query OffTrack($unitId: ID!, $periodId: ID) {
    unit(id: $unitId) {
      followUp(periodId: $periodId) {
        offTrack {
          kind
          severity
          title
          reason
          comment
          amount
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

describe('the off-track list', () => {
  it('lists the goals not met, the deviating assignments and the unfavourable economy lines, worst first', async () => {
    const data = await client.data(OFF_TRACK, {
      unitId: await unitId(client, 'norrtalje', 'ksk'),
      periodId: await periodId(client, 'norrtalje', '2024'),
    });
    const items = data.unit.followUp.offTrack;
    const goals = items.filter((i: any) => i.kind === 'GOAL');
    expect(goals.map((g: any) => g.title.split(' ')[0])).toEqual(['2.1', '3.1', '3.2', '3.3', '6.3']);
    expect(goals.every((g: any) => g.severity === 'HIGH' && g.comment)).toBe(true);
    expect(items.filter((i: any) => i.kind === 'ASSIGNMENT')).toHaveLength(15);

    const rank = { HIGH: 0, MEDIUM: 1, LOW: 2 } as Record<string, number>;
    const severities = items.map((i: any) => rank[i.severity]);
    expect(severities).toEqual([...severities].sort((a, b) => a - b));
  });

  it('puts running assignments that deviate before finished ones, with the reason for the delay', async () => {
    const data = await client.data(OFF_TRACK, { unitId: await unitId(client, 'norrtalje', 'ksk') });
    const assignments = data.unit.followUp.offTrack.filter((i: any) => i.kind === 'ASSIGNMENT');
    expect(assignments).toHaveLength(8);
    expect(assignments.slice(0, 6).every((a: any) => a.severity === 'MEDIUM')).toBe(true);
    expect(assignments.slice(6).every((a: any) => a.severity === 'LOW')).toBe(true);
    const genomlysning = assignments.find((a: any) =>
      a.title.startsWith('Kommunens organisation ska genomlysas'),
    );
    expect(genomlysning.comment).toContain('i avvaktan på ny kommundirektör');
  });

  it('names an unfavourable economy deviation in tkr with its amount in kronor', async () => {
    const data = await client.data(OFF_TRACK, { unitId: await unitId(client, 'norrtalje', 'ksk') });
    const economy = data.unit.followUp.offTrack.filter((i: any) => i.kind === 'ECONOMY');
    const income = economy.find((e: any) => e.title === 'Intäkter');
    // 000 prints −2 211 tkr; the kronor behind it round to that.
    expect(toTkr(income.amount)).toBe(-2_211);
    expect(income.reason).toContain('−2\u00a0211 tkr');
    const amounts = economy.filter((e: any) => e.severity === 'HIGH').map((e: any) => e.amount);
    expect(amounts).toEqual([...amounts].sort((a: number, b: number) => a - b));
  });
});
