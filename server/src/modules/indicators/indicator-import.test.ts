/** The sheet "Indikatorer" of the import, on a database of its own. */
import { describe, expect, it } from 'vitest';
import { planImportDatabase, statusCounts } from '../../../test/plan-import.js';
import { goalImport } from '../goals/goal-import.js';
import { indicatorImport } from './indicator-import.js';

const db = planImportDatabase('indicator_import');

/** 5 000 indicators under Norrtälje's 1.1 of 2025, each with a target and an earlier outcome. */
const generated = Array.from({ length: 5000 }, (_, i) => ({
  Kod: `gen-${i}`,
  Namn: `Genererad indikator ${i}`,
  'Inriktningsmål (kod)': '1.1',
  Måttenhet: '%',
  Riktning: i % 2 ? 'Lägre är bättre' : 'högre är bättre',
  Decimaler: '1',
  'KF eller nämnd': i % 3 ? 'KF' : 'Nämnd',
  'Ansvarig enhet (kod)': 'ksk-ekonomi',
  'Följs upp av (kod)': 'ksk',
  'Kolada-id': i === 0 ? 'n00097' : null,
  'Mål 2026': `${i % 100},5`,
  'Utfall 2024': i % 10 ? `1 ${String(i % 1000).padStart(3, '0')},25` : null,
}));

const tables = () =>
  db.rows(`select
    (select json_agg(i order by i.id) from indicator i) as indicators,
    (select json_agg(v order by v.id) from indicator_value v) as "values",
    (select json_agg(f order by f.id) from indicator_follow_up f) as follow_ups,
    (select count(*)::int from audit_log) as audit`);

describe('importing indicators', () => {
  it('writes 5 000 indicators with targets, outcomes and follow-ups in a bounded number of statements', async () => {
    const { outcomes, statements } = await db.run(indicatorImport, generated);
    expect(statusCounts(outcomes)).toEqual({ new: 5000 });
    expect(statements).toBeLessThanOrEqual(10);
    const [first] = await db.rows(
      `select i.name, i.direction, i.decimals, i.origin, i.kolada_kpi_id, u.key as unit,
              (select json_agg(json_build_object('kind', v.kind, 'year', v.year, 'value', v.value::float) order by v.kind)
                 from indicator_value v where v.indicator_id = i.id) as values,
              (select json_agg(f.assessment) from indicator_follow_up f join org_unit fu on fu.id = f.unit_id
                where f.indicator_id = i.id and fu.key = 'ksk') as follow_ups
         from indicator i join org_unit u on u.id = i.responsible_unit_id where i.key = 'gen-0'`,
    );
    expect(first).toEqual({
      name: 'Genererad indikator 0',
      direction: 'higher',
      decimals: 1,
      origin: 'Nämnd',
      kolada_kpi_id: 'N00097',
      unit: 'ksk-ekonomi',
      values: [{ kind: 'target', year: 2026, value: 0.5 }],
      follow_ups: [null],
    });
    const [{ value }] = (await db.rows(
      `select v.value::float as value from indicator_value v join indicator i on i.id = v.indicator_id
        where i.key = 'gen-1234' and v.kind = 'outcome' and v.year = 2024`,
    )) as [{ value: number }];
    expect(value).toBe(1234.25);
  });

  it('changes nothing when the same file is imported again', async () => {
    const before = await tables();
    const { outcomes, statements } = await db.run(indicatorImport, generated);
    expect(statusCounts(outcomes)).toEqual({ unchanged: 5000 });
    expect(statements).toBeLessThanOrEqual(6);
    expect(await tables()).toEqual(before);
  });

  it('finds goals made by the sheet Mål of the same file', async () => {
    const { outcomes } = await db.orm.em.fork().transactional(async (em) => {
      await goalImport.importRows(em, db.target, [
        {
          row: 2,
          value: {
            areaCode: 'N',
            areaTitle: 'Nytt område',
            agenda2030: null,
            code: 'N.1',
            title: 'Nytt mål',
            unitKeys: ['ksk'],
          },
        },
      ]);
      const parsed = indicatorImport.parse({
        number: 2,
        cells: new Map(Object.entries({ ...generated[0], Kod: 'ny-ind', 'Inriktningsmål (kod)': 'N.1' })),
      });
      return {
        outcomes: await indicatorImport.importRows(em, db.target, [{ row: 2, value: parsed.value! }]),
      };
    });
    expect(outcomes).toEqual([{ row: 2, status: 'new', errors: [], changed: [] }]);
  });

  it('names the row and the column of each mistake, and writes none of the wrong rows', async () => {
    const before = await tables();
    const { outcomes } = await db.run(indicatorImport, [
      { ...generated[1], 'Ansvarig enhet (kod)': 'finns-inte' },
      { ...generated[2], 'Mål 2026': '1.234,5' },
      { ...generated[3], 'Inriktningsmål (kod)': '9.9' },
      { ...generated[4], 'Kolada-id': 'N99999' },
      { ...generated[5], Riktning: 'Uppåt', Decimaler: '7' },
      { ...generated[6], 'Utfall 2025': '3' },
    ]);
    expect(outcomes.map((o) => [o.row, o.errors])).toEqual([
      [2, [{ column: 'Ansvarig enhet (kod)', message: 'Enheten ”finns-inte” finns inte i kommunen.' }]],
      [3, [{ column: 'Mål 2026', message: '”1.234,5” är inget tal: skriv som 1 234,5' }]],
      [4, [{ column: 'Inriktningsmål (kod)', message: 'Inriktningsmål 9.9 finns inte i perioden.' }]],
      [5, [{ column: 'Kolada-id', message: 'Kolada har inget nyckeltal med id N99999.' }]],
      [
        6,
        [
          { column: 'Riktning', message: '”Uppåt” är inte en av: Högre är bättre, Lägre är bättre, Ingen' },
          { column: 'Decimaler', message: 'Decimaler ska vara ett heltal 0–4, inte 7.' },
        ],
      ],
      [
        7,
        [
          {
            column: 'Utfall 2025',
            message:
              'Utfallet för 2025 rapporteras i periodens uppföljning; här anges utfall för år före 2025.',
          },
        ],
      ],
    ]);
    expect(outcomes.every((o) => o.status === 'wrong')).toBe(true);
    expect(await tables()).toEqual(before);
  });

  it('refuses to change what a published report shows, and lets a later target be added', async () => {
    const [shown] = await db.rows<Record<string, string>>(
      `select i.key, i.name, g.code, i.unit_of_measure, u.key as unit
         from indicator i join goal g on g.id = i.goal_id join org_unit u on u.id = i.responsible_unit_id
        where i.key = 'ind-budgetfoljsamhet-namnd'`,
    );
    const row = {
      Kod: shown!.key!,
      Namn: shown!.name!,
      'Inriktningsmål (kod)': shown!.code!,
      Måttenhet: shown!.unit_of_measure!,
      Riktning: 'Lägre är bättre',
      'KF eller nämnd': 'KF',
      'Ansvarig enhet (kod)': shown!.unit!,
      'Följs upp av (kod)': 'ksk',
    };
    const before = await tables();
    const renamed = await db.run(indicatorImport, [{ ...row, Namn: 'Ett annat namn', 'Utfall 2023': '99' }]);
    expect(renamed.outcomes[0]!.errors).toEqual([
      {
        column: 'Namn',
        message:
          'Indikatorn ind-budgetfoljsamhet-namnd visas i en publicerad rapport och kan inte ändras. Ändringar görs i arbetsperioden.',
      },
      {
        column: 'Utfall 2023',
        message:
          'Värdet för 2023 visas i en publicerad rapport och kan inte ändras. Ändringar görs i arbetsperioden.',
      },
    ]);
    expect(await tables()).toEqual(before);
    const target = await db.run(indicatorImport, [{ ...row, 'Mål 2027': '0' }]);
    expect(target.outcomes).toEqual([{ row: 2, status: 'changed', errors: [], changed: ['Mål 2027'] }]);
  });
});
