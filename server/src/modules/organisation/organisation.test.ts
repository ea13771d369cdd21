import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphqlClient, periodId, unitId, type GraphQLTestClient } from '../../../test/graphql-client.js';

let client: GraphQLTestClient;
beforeAll(async () => {
  client = await graphqlClient();
});
afterAll(() => client.close());

describe('kommuner and their organisation', () => {
  it('lists the three demo kommuner with their Kolada codes, the unnamed one without', async () => {
    const data = await client.data(`{ kommuner { name koladaCode latestPeriod { label } } }`);
    expect(data.kommuner).toEqual([
      { name: 'Alingsås kommun', koladaCode: '1489', latestPeriod: { label: 'Jan–Aug 2024' } },
      { name: 'Kommunledningsstaben', koladaCode: null, latestPeriod: { label: 'Jan–Nov 2025' } },
      { name: 'Norrtälje kommun', koladaCode: '0188', latestPeriod: { label: 'Jan–Jul 2025' } },
    ]);
  });

  it('drills from kommun to board to office to the seven departments of Kommunstyrelsekontoret', async () => {
    const data = await client.data(
      `{ kommuner { name root { kind children { name kind children { name kind } } } } }`,
    );
    const norrtalje = data.kommuner.find((k: any) => k.name === 'Norrtälje kommun');
    expect(norrtalje.root.kind).toBe('KOMMUN');
    const ks = norrtalje.root.children[0];
    expect(ks).toMatchObject({ name: 'Kommunstyrelsen', kind: 'NAMND' });
    expect(ks.children.map((c: any) => c.name)).toEqual([
      'Kommunstyrelsekontoret',
      'Samhällsbyggnadskontoret',
    ]);

    const ksk = await client.data(`query($id: ID!) { unit(id: $id) { children { name } } }`, {
      id: await unitId(client, 'norrtalje', 'ksk'),
    });
    expect(ksk.unit.children.map((c: any) => c.name)).toEqual(
      expect.arrayContaining([
        'Kommundirektör',
        'Ekonomiavdelningen',
        'HR-avdelningen',
        'Näringslivsenheten',
        'Stab- och planeringsavdelningen',
        'Räddningstjänsten',
        'IT-enheten',
      ]),
    );
  });

  it('gives a department its breadcrumb from the kommun down', async () => {
    const data = await client.data(
      `query($id: ID!) { unit(id: $id) { name parent { name } ancestors { name } } }`,
      {
        id: await unitId(client, 'norrtalje', 'ksk-stab'),
      },
    );
    expect(data.unit.ancestors.map((a: any) => a.name)).toEqual([
      'Norrtälje kommun',
      'Kommunstyrelsen',
      'Kommunstyrelsekontoret',
    ]);
    expect(data.unit.parent.name).toBe('Kommunstyrelsekontoret');
  });

  it('lists the reports of a unit and the units below it, latest period first', async () => {
    const data = await client.data(
      `query($id: ID!) { unit(id: $id) { reports { title period { label } status } } }`,
      {
        id: await unitId(client, 'norrtalje', 'ks'),
      },
    );
    expect(data.unit.reports.map((r: any) => r.period.label)).toEqual(['Jan–Jul 2025', '2024', '2024']);
    expect(data.unit.reports.every((r: any) => r.status === 'PUBLISHED')).toBe(true);
  });
});

describe('bad input', () => {
  it('answers NOT_FOUND with a Swedish message for an unknown unit', async () => {
    const result = await client.run(`{ unit(id: 987654) { name } }`);
    expect(result.data?.unit ?? null).toBeNull();
    expect(result.errors).toEqual([
      expect.objectContaining({
        message: 'Enheten med id 987654 finns inte.',
        extensions: expect.objectContaining({ code: 'NOT_FOUND' }),
      }),
    ]);
  });

  it('rejects an id that is not an id, naming the field', async () => {
    const result = await client.run(`{ unit(id: "abc") { name } }`);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });

  it('rejects a period of another kommun, naming periodId', async () => {
    const alingsasPeriod = await periodId(client, 'alingsas', '2024-jan-aug');
    const result = await client.run(
      `query($id: ID!, $p: ID) { unit(id: $id) { followUp(periodId: $p) { period { label } } } }`,
      {
        id: await unitId(client, 'norrtalje', 'ksk'),
        p: alingsasPeriod,
      },
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'periodId' });
    expect(result.errors?.[0]?.message).toContain('periodId');
  });

  it('rejects a malformed period id, naming periodId', async () => {
    const result = await client.run(
      `query($id: ID!) { unit(id: $id) { followUp(periodId: "2024-13") { period { label } } } }`,
      {
        id: await unitId(client, 'norrtalje', 'ksk'),
      },
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'periodId' });
  });
});
