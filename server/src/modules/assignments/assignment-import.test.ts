/** The sheet "Uppdrag" of the import, on a database of its own. */
import { describe, expect, it } from 'vitest';
import { planImportDatabase, statusCounts } from '../../../test/plan-import.js';
import { assignmentImport } from './assignment-import.js';

const db = planImportDatabase('assignment_import');

/** 5 000 assignments of 2025, half keyed by a code and half by their title. */
const generated = Array.from({ length: 5000 }, (_, i) => ({
  Kod: i % 2 ? `gen-${i}` : null,
  Typ: i % 3 ? 'Uppdrag' : 'nämndinitiativ',
  Titel: `Genererat uppdrag ${i}`,
  'Inriktningsmål (kod)': i % 4 ? '1.2' : null,
  'Kontor eller nämnd (kod)': 'ksk',
  'Ansvarig enhet (kod)': i % 5 ? 'ksk-stab' : null,
  Slutdatum: i % 2 ? '2025-12-31' : 46022,
  'Givet år': '2025',
  'Beslutat av': i % 2 ? 'KF' : 'Kommunstyrelsen',
  Beslutsdatum: '2024-11-25',
}));

const tables = () =>
  db.rows(`select
    (select json_agg(a order by a.id) from assignment a) as assignments,
    (select json_agg(f order by f.id) from assignment_follow_up f) as follow_ups,
    (select count(*)::int from audit_log) as audit`);

describe('importing assignments', () => {
  it('writes 5 000 assignments with their follow-ups in a bounded number of statements, audited', async () => {
    const audit = (await db.rows<{ n: number }>(`select count(*)::int as n from audit_log`))[0]!.n;
    const { outcomes, statements } = await db.run(assignmentImport, generated);
    expect(statusCounts(outcomes)).toEqual({ new: 5000 });
    expect(statements).toBeLessThanOrEqual(8);
    const [row] = await db.rows(
      `select a.kind, a.key, to_char(a.due_date, 'YYYY-MM-DD') as due, a.origin_year, a.decided_by,
              to_char(a.decided_on, 'YYYY-MM-DD') as decided_on, f.status, g.code
         from assignment a join assignment_follow_up f on f.assignment_id = a.id and f.period_id = ?
         left join goal g on g.id = f.goal_id where a.title = 'Genererat uppdrag 1'`,
      [db.target.periodId],
    );
    expect(row).toEqual({
      kind: 'uppdrag',
      key: 'gen-1',
      due: '2025-12-31',
      origin_year: 2025,
      decided_by: 'KF',
      decided_on: '2024-11-25',
      status: 'Ej påbörjad',
      code: '1.2',
    });
    const [{ n }] = (await db.rows(`select count(*)::int as n from audit_log`)) as [{ n: number }];
    expect(n).toBe(audit + 10000);
  });

  it('changes nothing when the same file is imported again', async () => {
    const before = await tables();
    const { outcomes, statements } = await db.run(assignmentImport, generated);
    expect(statusCounts(outcomes)).toEqual({ unchanged: 5000 });
    expect(statements).toBeLessThanOrEqual(5);
    expect(await tables()).toEqual(before);
  });

  it('moves an assignment to another goal of the period, saying so', async () => {
    const { outcomes } = await db.run(assignmentImport, [{ ...generated[1], 'Inriktningsmål (kod)': '1.1' }]);
    expect(outcomes).toEqual([{ row: 2, status: 'changed', errors: [], changed: ['Inriktningsmål (kod)'] }]);
  });

  it('names the row and the column of each mistake, and writes none of the wrong rows', async () => {
    const before = await tables();
    const { outcomes } = await db.run(assignmentImport, [
      { ...generated[3], 'Ansvarig enhet (kod)': 'finns-inte' },
      { ...generated[5], Slutdatum: '2025-02-30' },
      { ...generated[7], 'Inriktningsmål (kod)': '9.9' },
      { ...generated[9], 'Givet år': '1.234,5' },
      { ...generated[11], Typ: null, Beslutsdatum: '31/12/2025' },
    ]);
    expect(outcomes.map((o) => [o.row, o.status, o.errors])).toEqual([
      [
        2,
        'wrong',
        [{ column: 'Ansvarig enhet (kod)', message: 'Enheten ”finns-inte” finns inte i kommunen.' }],
      ],
      [3, 'wrong', [{ column: 'Slutdatum', message: '”2025-02-30” är inget datum som finns' }]],
      [
        4,
        'wrong',
        [{ column: 'Inriktningsmål (kod)', message: 'Inriktningsmål 9.9 finns inte i perioden.' }],
      ],
      [5, 'wrong', [{ column: 'Givet år', message: '”1.234,5” är inget tal: skriv som 1 234,5' }]],
      [
        6,
        'wrong',
        [
          { column: 'Typ', message: 'Typ måste anges.' },
          { column: 'Beslutsdatum', message: '”31/12/2025” är inget datum: skriv som 2025-07-31' },
        ],
      ],
    ]);
    expect(await tables()).toEqual(before);
  });

  it('refuses to change an assignment a published report shows', async () => {
    const [shown] = await db.rows<Record<string, string>>(
      `select a.key, a.title from assignment a where a.key = 'u-lokalbanken'`,
    );
    const before = await tables();
    const { outcomes } = await db.run(assignmentImport, [
      { ...generated[0], Kod: shown!.key!, Titel: 'Ett annat namn', 'Inriktningsmål (kod)': '1.2' },
    ]);
    expect(outcomes[0]!.errors).toEqual([
      {
        column: 'Typ',
        message:
          'Uppdraget u-lokalbanken visas i en publicerad rapport och kan inte ändras. Ändringar görs i arbetsperioden.',
      },
    ]);
    expect(await tables()).toEqual(before);
  });
});
