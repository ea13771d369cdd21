/** The sheet "Mål" of the import, on a database of its own. */
import { describe, expect, it } from 'vitest';
import { planImportDatabase, statusCounts } from '../../../test/plan-import.js';
import { goalImport } from './goal-import.js';

const db = planImportDatabase('goal_import');

/** 5 000 inriktningsmål under 50 målområden, each followed up by two units. */
const generated = Array.from({ length: 5000 }, (_, i) => ({
  'Målområde (kod)': `G${Math.floor(i / 100)}`,
  Målområde: `Genererat målområde ${Math.floor(i / 100)}`,
  'Agenda 2030': i % 100 === 0 ? '8, 12' : null,
  'Inriktningsmål (kod)': `G${Math.floor(i / 100)}.${i % 100}`,
  Inriktningsmål: `Genererat inriktningsmål ${i}`,
  'Enheter (koder)': 'ksk, ksk-stab',
}));

const tables = () =>
  db.rows(`select
    (select json_agg(a order by a.id) from goal_area a) as areas,
    (select json_agg(g order by g.id) from goal g) as goals,
    (select json_agg(f order by f.id) from goal_follow_up f) as follow_ups,
    (select count(*)::int from audit_log) as audit`);

describe('importing goals', () => {
  it('writes 5 000 goals with their areas and follow-ups in a bounded number of statements, audited', async () => {
    const audit = (await db.rows<{ n: number }>(`select count(*)::int as n from audit_log`))[0]!.n;
    const { outcomes, statements } = await db.run(goalImport, generated);
    expect(statusCounts(outcomes)).toEqual({ new: 5000 });
    expect(statements).toBeLessThanOrEqual(9);
    const [counts] = await db.rows<{ goals: number; areas: number; followUps: number; audit: number }>(
      `select (select count(*)::int from goal where code like 'G%') as goals,
              (select count(*)::int from goal_area where code like 'G%') as areas,
              (select count(*)::int from goal_follow_up f join goal g on g.id = f.goal_id
                where g.code like 'G%' and f.period_id = ? and f.assessment = 'Ej bedömd') as "followUps",
              (select count(*)::int from audit_log) as audit`,
      [db.target.periodId],
    );
    expect(counts).toEqual({ goals: 5000, areas: 50, followUps: 10000, audit: audit + 5000 + 50 + 10000 });
    const [area] = await db.rows(`select agenda2030 from goal_area where code = 'G0'`);
    expect(area).toEqual({ agenda2030: [8, 12] });
  });

  it('changes nothing when the same file is imported again, in as few statements', async () => {
    const before = await tables();
    const { outcomes, statements } = await db.run(goalImport, generated);
    expect(statusCounts(outcomes)).toEqual({ unchanged: 5000 });
    expect(statements).toBeLessThanOrEqual(5);
    expect(await tables()).toEqual(before);
  });

  it('changes a title and adds a unit, saying which columns change', async () => {
    const { outcomes } = await db.run(goalImport, [
      { ...generated[0], Inriktningsmål: 'Nytt namn', 'Enheter (koder)': 'ksk, ksk-stab, ksk-hr' },
    ]);
    expect(outcomes).toEqual([
      { row: 2, status: 'changed', errors: [], changed: ['Inriktningsmål', 'Enheter (koder)'] },
    ]);
  });

  it('finds a goal carried into the period by its code: adding a unit makes no second goal', async () => {
    const [{ n: goalsBefore }] = (await db.rows<{ n: number }>(`select count(*)::int as n from goal`)) as [
      { n: number },
    ];
    const [earlier] = await db.rows<{ code: string; title: string; area_code: string; area_title: string }>(
      `select g.code, g.title, a.code as area_code, a.title as area_title from goal g join goal_area a on a.id = g.area_id
        where g.key = 'mal-1.1'`,
    );
    const { outcomes } = await db.run(goalImport, [
      {
        'Målområde (kod)': earlier!.area_code,
        Målområde: earlier!.area_title,
        'Inriktningsmål (kod)': earlier!.code,
        Inriktningsmål: earlier!.title,
        'Enheter (koder)': 'sbk',
      },
    ]);
    expect(outcomes[0]).toMatchObject({ status: 'changed', changed: ['Enheter (koder)'] });
    expect((await db.rows<{ n: number }>(`select count(*)::int as n from goal`))[0]!.n).toBe(goalsBefore);
  });

  it('names the row and the column of each mistake, and writes none of the wrong rows', async () => {
    const before = await tables();
    const { outcomes } = await db.run(goalImport, [
      { ...generated[1], 'Enheter (koder)': 'ksk, finns-inte' },
      { ...generated[2], 'Inriktningsmål (kod)': null },
      { ...generated[3], 'Agenda 2030': '8, 18' },
      { ...generated[4], 'Inriktningsmål (kod)': 'X.1', Inriktningsmål: 'Första' },
      { ...generated[5], 'Inriktningsmål (kod)': 'X.1', Inriktningsmål: 'Andra' },
    ]);
    expect(outcomes.map((o) => [o.row, o.status, o.errors])).toEqual([
      [2, 'wrong', [{ column: 'Enheter (koder)', message: 'Enheten ”finns-inte” finns inte i kommunen.' }]],
      [3, 'wrong', [{ column: 'Inriktningsmål (kod)', message: 'Inriktningsmål (kod) måste anges.' }]],
      [4, 'wrong', [{ column: 'Agenda 2030', message: '”18” är inget av Agenda 2030-målen 1–17' }]],
      [5, 'new', []],
      [6, 'wrong', [{ column: 'Inriktningsmål (kod)', message: 'Koden X.1 finns redan på rad 5.' }]],
    ]);
    const after = await tables();
    expect((after[0] as { goals: unknown[] }).goals.length).toBe(
      (before[0] as { goals: unknown[] }).goals.length + 1,
    );
  });

  it('refuses to rename a goal a published report shows', async () => {
    const [published] = await db.rows<{ id: number }>(
      `select id from period where key = '2024' and kommun_id = ?`,
      [db.target.kommunId],
    );
    const [goal] = await db.rows<{ area_code: string; area_title: string }>(
      `select a.code as area_code, a.title as area_title from goal g join goal_area a on a.id = g.area_id where g.key = 'mal-1.1'`,
    );
    const before = await tables();
    const { outcomes } = await db.run(
      goalImport,
      [
        {
          'Målområde (kod)': goal!.area_code,
          Målområde: goal!.area_title,
          'Inriktningsmål (kod)': '1.1',
          Inriktningsmål: 'Ett annat namn',
          'Enheter (koder)': 'ksk',
        },
      ],
      { ...db.target, periodId: published!.id },
    );
    expect(outcomes[0]!.status).toBe('wrong');
    expect(outcomes[0]!.errors).toEqual([
      {
        column: 'Inriktningsmål',
        message:
          'Inriktningsmål 1.1 visas i en publicerad rapport och kan inte ändras. Ändringar görs i arbetsperioden.',
      },
    ]);
    expect(await tables()).toEqual(before);
  });
});
