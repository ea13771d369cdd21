import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InternalControlSectionDocument } from '../../../test/client-documents.js';
import { graphqlClient, periodId, unitId, type GraphQLTestClient } from '../../../test/graphql-client.js';

let client: GraphQLTestClient;
beforeAll(async () => {
  client = await graphqlClient();
});
afterAll(() => client.close());

describe('the internal-control follow-up', () => {
  it('gives the risk "Cyberhot" of Alingsås the follow-up, result and action as 003 prints them (lines 815–850)', async () => {
    const { internalControls } = (
      await client.data(InternalControlSectionDocument, {
        unitId: await unitId(client, 'alingsas', 'als-ks'),
        periodId: await periodId(client, 'alingsas', '2024-jan-aug'),
      })
    ).unit.followUp!;
    const cyberhot = internalControls.find((r) => r.risk === 'Cyberhot'); // line 815
    expect(cyberhot).toMatchObject({
      // lines 817–822
      description:
        'Risk att kommunens IT-infrastruktur och kunskap kring IT-säkerhet är bristfällig, vilket vid en cyberattack kan medföra nedstängning och skada på IT-miljön och att medarbetare inte kan utföra dagliga arbetsuppgifter.',
      riskValue: 8, // line 824
      // lines 826–833: "nano-" ends line 827 and "utbildningar" begins line 828, a hyphen of
      // the text, not of the line break.
      followUp:
        'Uppföljning av de kommunövergripande nano-utbildningar och test som genomfördes 2023.\n\nPåminnelser till de enheter inom kommunen där det finns lågt deltagande.',
      // lines 835–844: here the report writes "nanoutbildningen" in one word.
      result:
        'I uppföljningen framkommer att endast 37 procent av medarbetarna i kommunen har genomgått den digitala nanoutbildningen.\n\nPåminnelser har därför gått ut till alla arbetsledare och till dem som inte har genomfört utbildningen.',
      action: 'Under hösten fortsätter arbetet med att höja andelen som genomgått utbildningen.', // lines 848–850
    });
  });
});
