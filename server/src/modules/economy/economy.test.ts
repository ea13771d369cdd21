import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphqlClient, periodId, unitId, type GraphQLTestClient } from '../../../test/graphql-client.js';
import { toTkr } from './economy-figures.js';

const ECONOMY = /* GraphQL */ `
  query Economy($unitId: ID!, $periodId: ID) {
    unit(id: $unitId) {
      followUp(periodId: $periodId) {
        economy {
          ledger
          dimension
          forecastLabel
          unit {
            name
          }
          totals {
            budgetPeriod
            outcomePeriod
            deviationPeriod
            outcomePreviousYearPeriod
            budgetFullYear
            forecastFullYear
            deviationForecast
          }
          lines {
            label
            partOf
            countsInTotal
            unit {
              name
            }
            budgetPeriod
            outcomePeriod
            deviationPeriod
            budgetFullYear
            forecastFullYear
            deviationForecast
            deviationExplanation
            forecastExplanation
          }
        }
        investments {
          name
          parentId
          budgetTotal
          forecastTotal
        }
      }
    }
  }
`;

type Totals = Record<string, number | null>;

/**
 * The totals come out exactly as printed: the lines' kronor are chosen so that their sums
 * round (half away from zero) to the printed total, so no tolerance is needed.
 */
function expectReconciles(totals: Totals, printedTkr: Totals) {
  for (const [field, printed] of Object.entries(printedTkr)) {
    const actual = totals[field] ?? null;
    expect(actual === null ? null : toTkr(actual), field).toBe(printed);
  }
}

let client: GraphQLTestClient;
beforeAll(async () => {
  client = await graphqlClient();
});
afterAll(() => client.close());

async function economyOf(kommun: string, unit: string, period: string) {
  const data = await client.data(ECONOMY, {
    unitId: await unitId(client, kommun, unit),
    periodId: await periodId(client, kommun, period),
  });
  return data.unit.followUp;
}

describe('economy totals, computed from the lines', () => {
  it('matches Kommunstyrelsekontoret Jan–Jul 2025 per department and per account group with the printed totals', async () => {
    const { economy } = await economyOf('norrtalje', 'ksk', '2025-jan-jul');
    const printed = {
      budgetPeriod: -191_787,
      outcomePeriod: -168_111,
      deviationPeriod: 23_676,
      outcomePreviousYearPeriod: -167_263,
      budgetFullYear: -329_261,
      forecastFullYear: -324_378,
      deviationForecast: 4_884,
    };
    const perUnit = economy.find((t: any) => t.dimension === 'UNIT');
    const perGroup = economy.find((t: any) => t.dimension === 'ACCOUNT_GROUP');
    expect(perUnit.forecastLabel).toBe('Prognos 3');
    expect(perUnit.lines).toHaveLength(7);
    expectReconciles(perUnit.totals, printed);
    expectReconciles(perGroup.totals, printed);
  });

  it('keeps each department line with its two explanation texts', async () => {
    const { economy } = await economyOf('norrtalje', 'ksk', '2025-jan-jul');
    const kommundirektor = economy
      .find((t: any) => t.dimension === 'UNIT')
      .lines.find((l: any) => l.unit.name === 'Kommundirektör');
    // 000 prints −3 588, −3 118 and a deviation of 471 tkr: the kronor give all three.
    expect(
      [kommundirektor.budgetPeriod, kommundirektor.outcomePeriod, kommundirektor.deviationPeriod].map(toTkr),
    ).toEqual([-3_588, -3_118, 471]);
    expect(kommundirektor.deviationExplanation).toBeTruthy();
    expect(kommundirektor.forecastExplanation).toBeTruthy();
  });

  it('matches the 2024 operating account with the printed total', async () => {
    const { economy } = await economyOf('norrtalje', 'ksk', '2024');
    const perUnit = economy.find((t: any) => t.dimension === 'UNIT');
    expectReconciles(perUnit.totals, {
      budgetPeriod: -305_285,
      outcomePeriod: -282_930,
      deviationPeriod: 22_355,
      outcomePreviousYearPeriod: -258_055,
    });
  });

  it('shows a department its own line of the office table', async () => {
    const { economy } = await economyOf('norrtalje', 'ksk-it', '2025-jan-jul');
    expect(economy).toHaveLength(1);
    expect(economy[0].unit.name).toBe('Kommunstyrelsekontoret');
    expect(economy[0].lines.map((l: any) => l.unit.name)).toEqual(['IT-enheten']);
  });

  it('matches Alingsås operating and land-development accounts with their printed results', async () => {
    const { economy, investments } = await economyOf('alingsas', 'als-ks', '2024-jan-aug');
    const drift = economy.find((t: any) => t.ledger === 'DRIFT');
    const exploatering = economy.find((t: any) => t.ledger === 'EXPLOATERING');
    expectReconciles(drift.totals, {
      budgetFullYear: 0,
      forecastFullYear: 0,
      outcomePeriod: 9_902,
      outcomePreviousYearPeriod: 5_167,
    });
    expectReconciles(exploatering.totals, {
      budgetFullYear: 0,
      forecastFullYear: 2_700,
      outcomePeriod: -9_760,
      outcomePreviousYearPeriod: -7_877,
    });
    expect(investments.length).toBeGreaterThan(0);
  });

  it('normalises the monthly follow-up that prints net costs as positive numbers', async () => {
    const { economy } = await economyOf('kommunledningsstaben', 'kls', '2025-jan-nov');
    const table = economy[0];
    const tia = table.lines.find((l: any) => l.label.startsWith('TIA'));
    expect(tia.countsInTotal).toBe(false);
    // Printed: budget 37 910, outcome 36 399, deviation (budget − outcome) 1 511; årsbudget
    // 43 510 and a forecast deviation of 1 200, all without the TIA line.
    expectReconciles(table.totals, {
      budgetPeriod: -37_910,
      outcomePeriod: -36_399,
      deviationPeriod: 1_511,
      budgetFullYear: -43_510,
    });
    expect(toTkr(table.totals.deviationForecast)).toBe(1_200);
  });
});
