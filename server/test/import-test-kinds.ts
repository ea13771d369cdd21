/**
 * Two import kinds for trying the framework apart from the domains: items keyed by code
 * (a name "Okänd" stands for a row that refers to what does not exist), and lines under an
 * item of the same file or the period (a later sheet sees the rows of an earlier one). They
 * write to a table that createImportTestTable makes; the tests and the benchmark use them,
 * and the browser test the workbook helper.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { readDate, readNumber, readText } from '../src/modules/import/cells.js';
import type {
  CellError,
  ImportKind,
  ImportTarget,
  ParsedRow,
  RowOutcome,
} from '../src/modules/import/import-kind.js';
import { asOwner } from './test-database.js';

/** An XLSX file with a sheet per entry, each a header row and data rows. */
export async function workbook(sheets: Record<string, unknown[][]>): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) book.addWorksheet(name).addRows(rows);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The items' table, made by the owner and granted to the app's role of `appUrl`. */
export async function createImportTestTable(appUrl: string, adminUrl: string): Promise<void> {
  const owner = new pg.Client({ connectionString: asOwner(appUrl, adminUrl) });
  await owner.connect();
  try {
    const appRole = decodeURIComponent(new URL(appUrl).username);
    await owner.query(`create table import_test_item (
      id serial primary key, period_id int not null references period(id), code text not null,
      name text not null, amount numeric, due date, unique (period_id, code))`);
    await owner.query(`grant select, insert, update, delete on import_test_item to "${appRole}"`);
    await owner.query(`grant usage on sequence import_test_item_id_seq to "${appRole}"`);
  } finally {
    await owner.end();
  }
}

export interface Item {
  code: string;
  name: string;
  amount: number | null;
  due: string | null;
}

export const itemKind: ImportKind<Item> = {
  name: 'goals',
  sheetName: 'Poster',
  columns: [
    { label: 'Kod', required: true, help: 'Postens kod.', example: '1.1' },
    { label: 'Namn', required: true, help: 'Postens namn.', example: 'Sund ekonomi' },
    { label: 'Belopp', required: false, help: 'Ett tal.', example: '1 234,5' },
    { label: 'Slutdatum', required: false, help: 'Ett datum.', example: '2025-12-31' },
  ],
  parse(row) {
    const errors: CellError[] = [];
    const code = readText(row.cells.get('Kod'));
    const name = readText(row.cells.get('Namn'));
    const amount = readNumber(row.cells.get('Belopp'));
    const due = readDate(row.cells.get('Slutdatum'));
    if (!code) errors.push({ column: 'Kod', message: 'Ange en kod.' });
    if (!name) errors.push({ column: 'Namn', message: 'Ange ett namn.' });
    if ('error' in amount) errors.push({ column: 'Belopp', message: amount.error });
    if ('error' in due) errors.push({ column: 'Slutdatum', message: due.error });
    if (errors.length > 0 || !code || !name || 'error' in amount || 'error' in due) {
      return { value: null, errors };
    }
    return { value: { code, name, amount: amount.ok, due: due.ok }, errors: [] };
  },
  keyOf: (item) => item.code,
  async importRows(em: EntityManager, target: ImportTarget, rows: readonly ParsedRow<Item>[]) {
    const existing = await em.execute<
      { code: string; name: string; amount: string | null; due: string | null }[]
    >(
      `select code, name, amount::text, to_char(due, 'YYYY-MM-DD') as due
         from import_test_item
        where period_id = ? and code in (select jsonb_array_elements_text(?::jsonb))`,
      [target.periodId, JSON.stringify(rows.map((r) => r.value.code))],
    );
    const byCode = new Map(existing.map((e) => [e.code, e]));
    const outcomes: RowOutcome[] = [];
    const writes: Item[] = [];
    for (const { row, value } of rows) {
      if (value.name === 'Okänd') {
        outcomes.push({
          row,
          status: 'wrong',
          errors: [{ column: 'Namn', message: 'Okänd finns inte.' }],
          changed: [],
        });
        continue;
      }
      const before = byCode.get(value.code);
      const changed = before
        ? [
            before.name !== value.name && 'Namn',
            (before.amount == null ? null : Number(before.amount)) !== value.amount && 'Belopp',
            before.due !== value.due && 'Slutdatum',
          ].filter((c): c is string => c !== false)
        : [];
      outcomes.push({
        row,
        status: !before ? 'new' : changed.length ? 'changed' : 'unchanged',
        errors: [],
        changed,
      });
      if (!before || changed.length) writes.push(value);
    }
    if (writes.length > 0) {
      await em.execute(
        `insert into import_test_item (period_id, code, name, amount, due)
         select ?, * from jsonb_to_recordset(?::jsonb) as w(code text, name text, amount numeric, due date)
         on conflict (period_id, code) do update set name = excluded.name, amount = excluded.amount, due = excluded.due`,
        [target.periodId, JSON.stringify(writes)],
      );
    }
    return outcomes;
  },
};

/** Lines under an item of the same file or the period: a later sheet sees an earlier one's rows. */
export const lineKind: ImportKind<{ item: string; text: string }> = {
  name: 'indicators',
  sheetName: 'Rader',
  columns: [
    { label: 'Post (kod)', required: true, help: 'Kod för en post.', example: '1.1' },
    { label: 'Text', required: true, help: 'Text.', example: 'En rad' },
    {
      label: 'Utfall 2024',
      required: false,
      help: 'Utfall per år.',
      example: '12,5',
      series: /^Utfall (\d{4})$/,
    },
  ],
  parse(row) {
    const item = readText(row.cells.get('Post (kod)'));
    const text = readText(row.cells.get('Text'));
    if (!item || !text)
      return { value: null, errors: [{ column: item ? 'Text' : 'Post (kod)', message: 'Saknas.' }] };
    return { value: { item, text }, errors: [] };
  },
  keyOf: (line) => `${line.item}/${line.text}`,
  async importRows(em, target, rows) {
    const found = await em.execute<{ code: string }[]>(
      `select code from import_test_item
        where period_id = ? and code in (select jsonb_array_elements_text(?::jsonb))`,
      [target.periodId, JSON.stringify(rows.map((r) => r.value.item))],
    );
    const codes = new Set(found.map((f) => f.code));
    return rows.map(({ row, value }) =>
      codes.has(value.item)
        ? { row, status: 'new' as const, errors: [], changed: [] }
        : {
            row,
            status: 'wrong' as const,
            errors: [{ column: 'Post (kod)', message: `Posten ${value.item} finns inte i perioden.` }],
            changed: [],
          },
    );
  },
};
