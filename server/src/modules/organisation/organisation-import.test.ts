/**
 * The organisation sheet of the import on a demo database of its own: parse and importRows as
 * the framework calls them, in a transaction of the caller's, counting the SQL statements.
 */
import { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ormConfig } from '../../db/orm-config.js';
import { dropDatabase, seededDatabase } from '../../../test/test-database.js';
import type { Cell } from '../import/cells.js';
import type { ImportTarget, ParsedRow, RawRow, RowOutcome } from '../import/import-kind.js';
import { organisationImport } from './organisation-import.js';
import type { UnitState } from './unit-change.service.js';

const dbName = `uppfoljning_organisation_import_${process.pid}`;
let orm: MikroORM;
let statements = 0;
let target: ImportTarget;

const sql = async <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
  orm.em.fork().getConnection().execute<T[]>(text, params);

beforeAll(async () => {
  const url = await seededDatabase(inject('adminDatabaseUrl'), dbName);
  orm = await MikroORM.init(
    ormConfig(url, {
      onQuery: (text: string) => {
        statements++;
        return text;
      },
    }),
  );
  const [row] = await sql<{ kommun_id: number; period_id: number; user_id: number }>(
    `select k.id as kommun_id, p.id as period_id, u.id as user_id
       from kommun k join period p on p.kommun_id = k.id and p.key = '2025'
       join app_user u on u.email = 'admin@norrtalje.demo' where k.key = 'norrtalje'`,
  );
  target = {
    kommunId: row!.kommun_id,
    periodId: row!.period_id,
    userId: row!.user_id,
    requestId: 'import-test',
  };
});
afterAll(async () => {
  await orm?.close(true);
  await dropDatabase(inject('adminDatabaseUrl'), dbName);
});

type Header = 'Kod' | 'Namn' | 'Kortnamn' | 'Typ' | 'Överordnad (kod)' | 'Stängd';
const rawRow = (number: number, values: Partial<Record<Header, Cell>>): RawRow => ({
  number,
  cells: new Map(Object.entries(values)),
});

/** Parses the rows as the framework does and imports those without errors, counting statements. */
async function runImport(raw: RawRow[]) {
  const parsed: ParsedRow<UnitState>[] = [];
  for (const row of raw) {
    const result = organisationImport.parse(row);
    if (result.value) parsed.push({ row: row.number, value: result.value });
  }
  statements = 0;
  const outcomes: RowOutcome[] = await orm.em
    .fork()
    .transactional((em) => organisationImport.importRows(em, target, parsed));
  return { outcomes, statements };
}

/** 50 boards under the kommun, each with 99 departments: 5 000 rows, parents first. */
function generatedRows(): RawRow[] {
  const rows: RawRow[] = [];
  let number = 2;
  for (let b = 0; b < 50; b++) {
    rows.push(
      rawRow(number++, {
        Kod: `nmd-${b}`,
        Namn: `Nämnd ${b}`,
        Typ: 'nämnd',
        'Överordnad (kod)': 'norrtalje',
      }),
    );
    for (let d = 0; d < 99; d++) {
      rows.push(
        rawRow(number++, {
          Kod: `avd-${b}-${d}`,
          Namn: `Avdelning ${b}.${d}`,
          Kortnamn: `A${b}.${d}`,
          Typ: 'Avdelning',
          'Överordnad (kod)': `nmd-${b}`,
          Stängd: 'nej',
        }),
      );
    }
  }
  return rows;
}

describe('importing the organisation', () => {
  it('imports 5 000 units, parents from earlier rows, in a bounded number of statements, audited', async () => {
    const { outcomes, statements: count } = await runImport(generatedRows());
    expect(outcomes).toHaveLength(5000);
    expect(outcomes.filter((o) => o.status !== 'new')).toEqual([]);
    console.log(`5 000 new units: ${count} SQL statements`);
    expect(count).toBeLessThanOrEqual(15);
    const [versions] = await sql<{ n: number }>(
      `select count(*)::int as n from org_unit_version v join org_unit u on u.id = v.unit_id
        where u.key like 'avd-%' and v.period_id = ? and v.path like '/%/%/%/'`,
      [target.periodId],
    );
    expect(versions!.n).toBe(4950);
    const [audit] = await sql<{ n: number }>(
      `select count(*)::int as n from audit_log where entity = 'OrgUnit' and request_id = 'import-test'`,
    );
    expect(audit!.n).toBe(5000);
  });

  it('finds a second identical import all unchanged, and changes nothing', async () => {
    const before = await sql(`select * from org_unit_version order by id`);
    const [auditBefore] = await sql<{ n: number }>(`select count(*)::int as n from audit_log`);
    const { outcomes, statements: count } = await runImport(generatedRows());
    expect(new Set(outcomes.map((o) => o.status))).toEqual(new Set(['unchanged']));
    console.log(`5 000 unchanged units: ${count} SQL statements`);
    expect(count).toBeLessThanOrEqual(15);
    expect(await sql(`select * from org_unit_version order by id`)).toEqual(before);
    expect((await sql<{ n: number }>(`select count(*)::int as n from audit_log`))[0]).toEqual(auditBefore);
  });

  it('names the changed columns of a row, and refuses an unknown parent and a circle by their column', async () => {
    const { outcomes } = await runImport([
      rawRow(2, {
        Kod: 'avd-0-0',
        Namn: 'Nytt namn',
        Kortnamn: 'A0.0',
        Typ: 'avdelning',
        'Överordnad (kod)': 'nmd-1',
      }),
      rawRow(3, { Kod: 'ny-enhet', Namn: 'Ny', Typ: 'enhet', 'Överordnad (kod)': 'finns-inte' }),
      rawRow(4, { Kod: 'nmd-2', Namn: 'Nämnd 2', Typ: 'nämnd', 'Överordnad (kod)': 'avd-2-0' }),
      rawRow(5, { Kod: 'ksk-stab', Namn: 'Annat namn', Typ: 'avdelning', 'Överordnad (kod)': 'ksk' }),
    ]);
    expect(outcomes[0]).toEqual({
      row: 2,
      status: 'changed',
      errors: [],
      changed: ['Namn', 'Överordnad (kod)'],
    });
    expect(outcomes[1]).toEqual({
      row: 3,
      status: 'wrong',
      errors: [{ column: 'Överordnad (kod)', message: 'Det finns ingen enhet med koden finns-inte.' }],
      changed: [],
    });
    expect(outcomes[2]).toMatchObject({ row: 4, status: 'wrong', errors: [{ column: 'Överordnad (kod)' }] });
    // The working period 2025 has no published report, so the stab may be renamed there.
    expect(outcomes[3]).toMatchObject({ row: 5, status: 'changed', changed: ['Namn'] });
  });

  it('refuses a row that would change what a published report shows, with the row as a whole', async () => {
    const [published] = await sql<{ id: number }>(`select id from period where key = '2025-jan-jul'`);
    const saved = target;
    target = { ...target, periodId: published!.id };
    try {
      const { outcomes } = await runImport([
        rawRow(2, {
          Kod: 'ksk-hr',
          Namn: 'Personalavdelningen',
          Typ: 'avdelning',
          'Överordnad (kod)': 'ksk',
        }),
      ]);
      expect(outcomes[0]).toMatchObject({ status: 'wrong', errors: [{ column: null }] });
      expect(outcomes[0]!.errors[0]!.message).toMatch(/publicerad rapport/);
    } finally {
      target = saved;
    }
  });

  it('reads the cells: a missing name and an unknown kind are errors of their columns', () => {
    const result = organisationImport.parse(rawRow(7, { Kod: 'x', Typ: 'byrå' }));
    expect(result.errors).toEqual([
      { column: 'Namn', message: 'Namn måste anges.' },
      {
        column: 'Typ',
        message: 'Typ: ”byrå” är inte en av: kommun, nämnd, kontor, avdelning, enhet, verksamhet.',
      },
    ]);
  });
});
