import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PersonnelSectionDocument, ReportsSectionDocument } from '../../../test/client-documents.js';
import { graphqlClient, periodId, unitId, type GraphQLTestClient } from '../../../test/graphql-client.js';

let client: GraphQLTestClient;
beforeAll(async () => {
  client = await graphqlClient();
});
afterAll(() => client.close());

const personnel = async (kommun: string, unit: string, period: string) =>
  (
    await client.data(PersonnelSectionDocument, {
      unitId: await unitId(client, kommun, unit),
      periodId: await periodId(client, kommun, period),
    })
  ).unit.followUp!;

describe('the personnel follow-up', () => {
  it("shows the sick-leave table of Alingsås' delårsbokslut (003, lines 721–751) on Kommunstyrelsen, the unit whose report it is", async () => {
    const reports = (
      await client.data(ReportsSectionDocument, { unitId: await unitId(client, 'alingsas', 'als-ks') })
    ).unit.reports;
    expect(reports.map((r) => [r.title, r.period.label])).toEqual([
      ['Kommunstyrelsens delårsbokslut 2024', 'Jan–Aug 2024'],
    ]);
    // "Sjukfrånvaro 2024 2023 Differens" (line 722); 2024 is 1 January – 31 July (line 770).
    // The differences are printed, not figures of their own, and are left out.
    const printed = [
      'Kvinnor 3,0 % 3,4 %', // line 725
      'Män 3,3 % 3,8 %', // line 727
      '<29 år 3,1 % 3,5 %', // line 734
      '30-49 år 3,2 % 4,3 %', // line 736
      '50 år> 3,0 % 2,2 %', // line 738
      'Dag 1-14 1,4 % 1,4 %', // line 745
      'Dag 15-59 0,5 % 0,6 %', // line 747
      'Totalt 3,1 % 3,5 %', // line 751, "Total sjukfrånvaro (*)"
    ];
    const percent = new Intl.NumberFormat('sv-SE', { minimumFractionDigits: 1 });
    const { sickLeave } = await personnel('alingsas', 'als-ks', '2024-jan-aug');
    const groups = [...new Set(sickLeave.map((s) => s.group))];
    const figure = (group: string, measured: string) =>
      sickLeave.find((s) => s.group === group && s.measured === measured && s.scope === 'UNIT')?.percent;
    expect(
      groups.map(
        (g) =>
          `${g} ${percent.format(figure(g, '2024-01-01/2024-07-31')!)} % ${percent.format(figure(g, '2023')!)} %`,
      ),
    ).toEqual(printed);
    expect(sickLeave).toHaveLength(printed.length * 2);
  });

  it('shows none on Kommunledningskontoret, which has no report of its own', async () => {
    const { sickLeave, staffTurnover } = await personnel('alingsas', 'als-klk', '2024-jan-aug');
    expect([sickLeave, staffTurnover]).toEqual([[], []]);
  });
});
