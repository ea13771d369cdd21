import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IndicatorsSectionDocument, UnitPageDocument } from '../../../test/client-documents.js';
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
    // 15 are reported as deviating from plan; 9 of them were completed in the year.
    expect(items.filter((i: any) => i.kind === 'ASSIGNMENT')).toHaveLength(6);

    const rank = { HIGH: 0, MEDIUM: 1, LOW: 2 } as Record<string, number>;
    const severities = items.map((i: any) => rank[i.severity]);
    expect(severities).toEqual([...severities].sort((a, b) => a - b));
  });

  it('lists the running assignments that deviate, with the reason for the delay', async () => {
    const data = await client.data(OFF_TRACK, { unitId: await unitId(client, 'norrtalje', 'ksk') });
    const assignments = data.unit.followUp.offTrack.filter((i: any) => i.kind === 'ASSIGNMENT');
    // 8 are forecast to deviate; 2 of them are completed, and no longer a deviation.
    expect(assignments).toHaveLength(6);
    expect(assignments.every((a: any) => a.severity === 'MEDIUM')).toBe(true);
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

describe('honest severity on Kommunstyrelsekontoret, Jan–Jul 2025 (the screen the app shows)', () => {
  const unitPage = async () =>
    (
      await client.data(UnitPageDocument, {
        unitId: await unitId(client, 'norrtalje', 'ksk'),
        periodId: await periodId(client, 'norrtalje', '2025-jan-jul'),
      })
    ).unit.followUp!;

  it('rates intäkter by the favourable full-year forecast, not by the period deviation', async () => {
    const followUp = await unitPage();
    const offTrack = (followUp as any).offTrack as any[];
    const income = offTrack.find((e) => e.kind === 'ECONOMY' && e.title === 'Intäkter');
    // −2 211 tkr in the period, but the forecast for the year is favourable.
    expect(income.severity).not.toBe('HIGH');
    expect(income.reason).toContain('Periodens avvikelse');
    expect(income.reason).not.toContain('prognosavvikelse');
  });

  it('lists no completed assignment as a deviation', async () => {
    const offTrack = ((await unitPage()) as any).offTrack as any[];
    const assignments = offTrack.filter((i) => i.kind === 'ASSIGNMENT');
    expect(assignments.length).toBeGreaterThan(0);
    expect(assignments.some((a) => /slutförd/i.test(a.reason))).toBe(false);
  });

  it('flags the indicator assessed "Uppfyllt" at 7,3 % against a target of 0 % (lower is better)', async () => {
    const indicators = (
      await client.data(IndicatorsSectionDocument, {
        unitId: await unitId(client, 'norrtalje', 'ksk'),
        // The indicators are followed up in the year's verksamhetsberättelse (001 line 361).
        periodId: await periodId(client, 'norrtalje', '2024'),
      })
    ).unit.followUp!.indicators;
    const flagged = indicators.filter((r) => r.assessmentContradictsValues);
    // Reported "Uppfyllt" though the latest outcome misses the target (001 lines 361 and on).
    expect(flagged.map((r) => r.indicator.name)).toEqual([
      'Budgetföljsamhet (grad av budgetavvikelse i % per nämnd).',
      'Budgetföljsamhet (grad av budgetavvikelse i % för kommunen som helhet).',
      'Andel hushåll och företag som har tillgång till bredband 100Mbit/s.',
    ]);
    const wrongSide = flagged.find(
      (r) =>
        r.assessment === 'UPPFYLLT' &&
        r.indicator.direction === 'LOWER' &&
        r.indicator.targets.at(-1)?.value === 0 &&
        [...r.indicator.outcomes].reverse().find((o) => o.value != null)?.value === 7.3,
    );
    expect(wrongSide).toBeDefined();
    // The assessment is the unit's: flagged, never changed.
    expect(wrongSide!.assessment).toBe('UPPFYLLT');
    // An assessment that agrees with its figures is not flagged.
    expect(indicators.some((r) => r.assessment && !r.assessmentContradictsValues)).toBe(true);
  });
});
