import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IndicatorsSectionDocument } from '../../../test/client-documents.js';
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

describe("Alingsås' delårsbokslut Jan–Aug 2024 (source 003)", () => {
  const followUp = async (unit: string) =>
    (
      await client.data(IndicatorsSectionDocument, {
        unitId: await unitId(client, 'alingsas', unit),
        periodId: await periodId(client, 'alingsas', '2024-jan-aug'),
      })
    ).unit.followUp!;

  it('follows up the 13 indicators of Mål 1, 2, 3 and 5 on Kommunstyrelsen, with the values printed in 003 lines 15–132', async () => {
    // Columns "Mål 2026, Preliminärt utfall 2024, Utfall 2023, Utfall 2022"; "-" is no value.
    // The report writes "Prel" before some preliminary outcomes (line 18), not before others
    // of the same column (line 28); every value of the column is preliminary, so it is left out.
    const printed = [
      ['Företagsklimat (Insikt) - Totalt', '80 70 71 72'], // line 18
      ['Företagsklimat enl. ÖJ (Insikt) - Upphandling - Index', '65 65 58 69'], // lines 20–23
      ['Företagarnas upplevelse av dialogen mellan företag och kommunen (skala 1-6)', '3,5 2,6 2,6 2,4'], // lines 25–28
      ['Miljömässig hållbarhet - Kommunindex', '82 - 78 -'], // line 49
      ['Social hållbarhet - Kommunindex', '75 - 70 -'], // line 51
      ['Trygghet och säkerhet - Kommunindex', '62 - 58 -'], // line 53
      ['Medborgarengagemang och demokratisk delaktighet - Kommunindex', '60 - 58 -'], // lines 78–81
      ['Invånare 16-84 år med avsaknad av tillit till andra, andel (%)', '25 - - 28'], // lines 83–86
      ['Bra bemötande vid kontakt med tjänsteperson i kommunen, andel (%)', '80 - 77 77'], // lines 88–91
      ['Befolkning i kollektivtrafiknära läge, andel (%)', '81 - - 78'], // lines 120–121
      ['Andel invånare som upplever att utbudet av friluftsområden i kommunen är bra (%)', '93 - 95 91'], // lines 123–124
      [
        'Andel invånare som upplever att de har möjlighet att på ett enkelt sätt använda kollektivtrafiken för sina vardagliga resor (%), Boende i centralort',
        '75 - 71 64',
      ], // lines 126–130
      [
        'Andel invånare som upplever att de har möjlighet att på ett enkelt sätt använda kollektivtrafiken för sina vardagliga resor (%), Boende utanför tätort',
        '45 - 43 41',
      ], // lines 126–132
    ];
    const number = new Intl.NumberFormat('sv-SE');
    const shown = (v: { year: number; value: number | null }[], year: number) => {
      const value = v.find((x) => x.year === year)?.value;
      return value == null ? '-' : number.format(value);
    };
    const { indicators } = await followUp('als-ks');
    expect(
      indicators.map((f) => [
        f.indicator.name,
        [
          shown(f.indicator.targets, 2026),
          shown(f.indicator.outcomes, 2024),
          shown(f.indicator.outcomes, 2023),
          shown(f.indicator.outcomes, 2022),
        ].join(' '),
      ]),
    ).toEqual(printed);
    // 003 assesses the goals ("Bedömning:", lines 11, 42, 71, 112), never an indicator.
    expect(indicators.every((f) => f.assessment === null && f.trend === null && f.comment === null)).toBe(
      true,
    );
  });

  it('shows the same indicators on Kommunledningskontoret, which is responsible for them', async () => {
    const onKs = (await followUp('als-ks')).indicators.map((f) => f.id);
    expect((await followUp('als-klk')).indicators.map((f) => f.id)).toEqual(onKs);
  });
});
