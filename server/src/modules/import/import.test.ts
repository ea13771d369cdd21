/**
 * The spreadsheet import over HTTP, as the app sends it, on a database of its own: two test
 * kinds write to a table of their own (test/import-test-kinds.ts), so the framework is
 * tried apart from the domains.
 */
import { MikroORM } from '@mikro-orm/postgresql';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { asSent, SignInDocument } from '../../../test/client-documents.js';
import { createImportTestTable, itemKind, lineKind, workbook } from '../../../test/import-test-kinds.js';
import { serveForTest, type TestHttpServer } from '../../../test/http-server.js';
import { dropDatabase, seededDatabase } from '../../../test/test-database.js';
import { loadConfig } from '../../config.js';
import { ormConfig } from '../../db/orm-config.js';
import { DEMO_PASSWORD } from '../../db/seed/demo-users.js';
import { NOT_YOURS } from '../editing/edit-access.js';
import { PERIOD_PUBLISHED } from './import-access.js';
import { MAX_FILE_BYTES, STALE_PREVIEW, type ImportResult } from './import-run.js';

const dbName = `uppfoljning_import_${process.pid}`;
let orm: MikroORM;
let server: TestHttpServer;
let statements = 0;
const cookies: Record<string, string> = {};
let workingPeriod: number;
let publishedPeriod: number;
let otherKommunsPeriod: number;

const one = async <T>(sql: string, params: unknown[] = []) =>
  (await orm.em.fork().getConnection().execute<T[]>(sql, params))[0]!;
const itemCount = async () =>
  (
    await one<{ n: number }>(`select count(*)::int as n from import_test_item where period_id = ?`, [
      workingPeriod,
    ])
  ).n;
const auditCount = async () =>
  (await one<{ n: number }>(`select count(*)::int as n from audit_log where entity = 'SpreadsheetImport'`)).n;

async function signIn(email: string): Promise<string> {
  const response = await fetch(`${server.base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: asSent(SignInDocument), variables: { email, password: DEMO_PASSWORD } }),
  });
  return response.headers.get('set-cookie')!.split(';')[0]!;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface Answer {
  status: number;
  lines: Record<string, unknown>[];
  result?: ImportResult;
  error?: { code: string; message: string };
}

async function upload(
  body: Buffer | string,
  query: Record<string, string | number>,
  { cookie = cookies.admin, type = XLSX_TYPE }: { cookie?: string; type?: string } = {},
): Promise<Answer> {
  const params = new URLSearchParams({
    period: String(workingPeriod),
    kind: 'goals',
    mode: 'preview',
    name: 'fil.xlsx',
  });
  for (const [k, v] of Object.entries(query)) params.set(k, String(v));
  const response = await fetch(`${server.base}/import?${params}`, {
    method: 'POST',
    headers: { 'content-type': type, ...(cookie ? { cookie } : {}) },
    body: typeof body === 'string' ? body : new Uint8Array(body),
  });
  const text = await response.text();
  if (!response.headers.get('content-type')?.includes('ndjson')) {
    const json = JSON.parse(text) as { errors: { message: string; extensions: { code: string } }[] };
    return {
      status: response.status,
      lines: [],
      error: { code: json.errors[0]!.extensions.code, message: json.errors[0]!.message },
    };
  }
  const lines = text
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  const last = lines.at(-1)!;
  return {
    status: response.status,
    lines,
    result: last.result as ImportResult | undefined,
    error: last.error as Answer['error'],
  };
}

const HEADER = ['Kod', 'Namn', 'Belopp', 'Slutdatum'];

beforeAll(async () => {
  const appUrl = await seededDatabase(inject('adminDatabaseUrl'), dbName);
  await createImportTestTable(appUrl, inject('adminDatabaseUrl'));
  orm = await MikroORM.init(ormConfig(appUrl, { onQuery: (sql: string) => (statements++, sql) }));
  server = await serveForTest(loadConfig({}), orm, undefined, {
    importKinds: [lineKind, itemKind],
  });
  const period = (published: boolean, kolada: string) =>
    one<{ id: number }>(
      `select p.id from period p join kommun k on k.id = p.kommun_id
        where k.kolada_code = ? and ${published ? '' : 'not'} exists
          (select 1 from report r where r.period_id = p.id and r.status = 'published')
        order by p.end_date desc limit 1`,
      [kolada],
    ).then((r) => r.id);
  workingPeriod = await period(false, '0188');
  publishedPeriod = await period(true, '0188');
  otherKommunsPeriod = await period(true, '1489');
  cookies.admin = await signIn('admin@norrtalje.demo');
  cookies.redaktör = await signIn('stab@norrtalje.demo');
});
afterAll(async () => {
  await server?.close();
  await orm?.close(true);
  await dropDatabase(inject('adminDatabaseUrl'), dbName);
});

describe('reading the files', () => {
  it('reads an XLSX sheet with Swedish numbers as text, real numbers and dates, row by row with its row numbers', async () => {
    const file = await workbook({
      Poster: [
        HEADER,
        ['A1', 'Första', '1 234,5', '2025-12-31'],
        [],
        ['A2', 'Andra', 12.5, new Date(Date.UTC(2025, 6, 31))],
        ['A3', 'Tredje', '1.234', 'igår'],
      ],
    });
    const { result } = await upload(file, {});
    expect(result!.sheets).toEqual([
      {
        kind: 'goals',
        sheet: 'Poster',
        rows: [
          { row: 2, status: 'new', errors: [], changed: [] },
          { row: 4, status: 'new', errors: [], changed: [] },
          {
            row: 5,
            status: 'wrong',
            errors: [
              { column: 'Belopp', message: '”1.234” är inget tal: skriv decimaler med komma, som 1 234,5' },
              { column: 'Slutdatum', message: '”igår” är inget datum: skriv som 2025-07-31' },
            ],
            changed: [],
          },
        ],
      },
    ]);
    expect(result!.counts).toEqual({ new: 2, changed: 0, unchanged: 0, wrong: 1 });
  });

  it('reads a CSV file as Swedish Excel saves it: a byte order mark, \';\' between cells and "1 234,5"', async () => {
    const csv =
      '\ufeffKod;Namn;Belopp;Slutdatum\r\nC1;"Med ; semikolon";1 234,5;2025-01-31\r\n;;;\r\nC2;Två;−2,5;\r\n';
    const { result } = await upload(csv, { name: 'fil.csv' }, { type: 'text/csv' });
    expect(result!.problems).toEqual([]);
    expect(result!.sheets[0]!.rows.map((r) => [r.row, r.status])).toEqual([
      [2, 'new'],
      [4, 'new'],
    ]);
    await upload(
      csv,
      { name: 'fil.csv', mode: 'confirm', fingerprint: result!.fingerprint },
      { type: 'text/csv' },
    );
    const written = await orm.em
      .fork()
      .getConnection()
      .execute(
        `select code, name, amount::float as amount from import_test_item where code like 'C%' order by code`,
      );
    expect(written).toEqual([
      { code: 'C1', name: 'Med ; semikolon', amount: 1234.5 },
      { code: 'C2', name: 'Två', amount: -2.5 },
    ]);
  });

  it("reads a CSV file with ',' and no byte order mark, and refuses one not saved as UTF-8", async () => {
    const { result } = await upload('Kod,Namn\nD1,"1 234,5"\n', { name: 'fil.csv' }, { type: 'text/csv' });
    expect(result!.sheets[0]!.rows).toEqual([{ row: 2, status: 'new', errors: [], changed: [] }]);
    const latin1 = Buffer.from('Kod;Namn\nD2;Mål\n', 'latin1');
    const { error } = await upload(latin1, { name: 'fil.csv' }, { type: 'text/csv' });
    expect(error).toEqual({
      code: 'UNREADABLE_FILE',
      message:
        'Filen är inte sparad som UTF-8. Spara den i Excel som ”CSV UTF-8 (kommaavgränsad)” och försök igen.',
    });
  });

  it('answers a damaged XLSX file and an Excel 97–2003 file in Swedish, writing nothing', async () => {
    const whole = await workbook({ Poster: [HEADER, ['T1', 'Trasig']] });
    const damaged = await upload(whole.subarray(0, 2_000), {});
    expect(damaged.error).toEqual({
      code: 'UNREADABLE_FILE',
      message:
        'Filen kunde inte läsas som en Excel-fil (.xlsx). Spara den som Excel-arbetsbok eller som CSV och försök igen.',
    });
    const old = await upload(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), { name: 'gammal.xls' });
    expect(old).toMatchObject({ status: 400, error: { code: 'BAD_USER_INPUT' } });
  });

  it('names unknown and missing columns, and a code given twice, by row and column', async () => {
    const bad = await upload(
      await workbook({
        Poster: [
          ['Kod', 'Beloppp'],
          ['X', 1],
        ],
      }),
      {},
    );
    expect(bad.result!.problems).toEqual([
      { sheet: 'Poster', column: 'Beloppp', message: 'Kolumnen ”Beloppp” (kolumn B) finns inte i mallen.' },
      { sheet: 'Poster', column: 'Namn', message: 'Kolumnen ”Namn” saknas: den måste finnas.' },
    ]);
    const twice = await upload(await workbook({ Poster: [HEADER, ['E1', 'Ett'], ['E1', 'Igen']] }), {});
    expect(twice.result!.sheets[0]!.rows[1]).toEqual({
      row: 3,
      status: 'wrong',
      errors: [{ column: null, message: 'Koden E1 finns redan på rad 2.' }],
      changed: [],
    });
  });

  it('imports the sheets of a workbook in the order of the kinds, so a later sheet sees the rows of an earlier one', async () => {
    const file = await workbook({
      Rader: [
        ['Post (kod)', 'Text', 'Utfall 2024'],
        ['W1', 'En rad', '3,5'],
        ['W9', 'Ingen post', ''],
      ],
      Instruktioner: [['Det här bladet läses inte']],
      Poster: [HEADER, ['W1', 'Post i samma fil']],
    });
    const { result } = await upload(file, { kind: 'workbook' });
    expect(result!.sheets.map((s) => [s.sheet, s.rows.map((r) => r.status)])).toEqual([
      ['Poster', ['new']],
      ['Rader', ['new', 'wrong']],
    ]);
    expect(result!.sheets[1]!.rows[1]!.errors).toEqual([
      { column: 'Post (kod)', message: 'Posten W9 finns inte i perioden.' },
    ]);
  });
});

describe('preview and confirmation', () => {
  const rows = (n: number, name = 'Post') =>
    Array.from({ length: n }, (_, i) => [`P${i + 1}`, `${name} ${i + 1}`, i + 0.5, '2025-06-30']);

  it('writes nothing in a preview, and commits in one confirmation what the preview listed, audited', async () => {
    const before = await itemCount();
    const audits = await auditCount();
    const file = await workbook({ Poster: [HEADER, ...rows(3)] });
    const preview = await upload(file, {});
    expect(preview.result!.counts).toEqual({ new: 3, changed: 0, unchanged: 0, wrong: 0 });
    expect(await itemCount()).toBe(before);
    const confirmed = await upload(file, { mode: 'confirm', fingerprint: preview.result!.fingerprint });
    expect(confirmed.result!).toMatchObject({
      committed: true,
      refusal: null,
      counts: preview.result!.counts,
    });
    expect(await itemCount()).toBe(before + 3);
    expect(await auditCount()).toBe(audits + 1);
    const audit = await one<{ after: Record<string, unknown>; email: string }>(
      `select a.after, u.email from audit_log a join app_user u on u.id = a.user_id
        where a.entity = 'SpreadsheetImport' order by a.id desc limit 1`,
    );
    expect(audit).toEqual({
      email: 'admin@norrtalje.demo',
      after: {
        fileName: 'fil.xlsx',
        kinds: ['goals'],
        counts: { new: 3, changed: 0, unchanged: 0, wrong: 0 },
      },
    });
  });

  it('changes nothing when the same file is imported again, and lists a changed cell by its column', async () => {
    const again = await upload(await workbook({ Poster: [HEADER, ...rows(3)] }), {});
    expect(again.result!.counts).toEqual({ new: 0, changed: 0, unchanged: 3, wrong: 0 });
    const edited = rows(3);
    edited[1]![1] = 'Nytt namn';
    const changed = await upload(await workbook({ Poster: [HEADER, ...edited] }), {});
    expect(changed.result!.sheets[0]!.rows[1]).toEqual({
      row: 3,
      status: 'changed',
      errors: [],
      changed: ['Namn'],
    });
  });

  it('writes nothing when one row is wrong, whether the file or the period says so', async () => {
    const before = await itemCount();
    for (const bad of [
      ['Q3', 'Trasig', 'mycket'],
      ['Q3', 'Okänd'],
    ]) {
      const file = await workbook({ Poster: [HEADER, ['Q1', 'Ett'], ['Q2', 'Två'], bad] });
      const preview = await upload(file, {});
      expect(preview.result!.counts.wrong).toBe(1);
      const confirmed = await upload(file, { mode: 'confirm', fingerprint: preview.result!.fingerprint });
      expect(confirmed.result!.committed).toBe(false);
      expect(confirmed.result!.refusal).toEqual({
        code: 'WRONG_ROWS',
        message: 'Inget importerades: 1 rad är fel. Rätta filen och försök igen.',
      });
    }
    expect(await itemCount()).toBe(before);
  });

  it('refuses a confirmation when the period changed after the preview, or without a preview', async () => {
    const file = await workbook({ Poster: [HEADER, ['S1', 'Sen']] });
    const preview = await upload(file, {});
    // Someone else imports the row between the preview and the confirmation.
    const other = await upload(file, { mode: 'confirm', fingerprint: preview.result!.fingerprint });
    expect(other.result!.committed).toBe(true);
    const before = await itemCount();
    const stale = await upload(file, { mode: 'confirm', fingerprint: preview.result!.fingerprint });
    expect(stale.result!.refusal).toEqual({ code: 'STALE_PREVIEW', message: STALE_PREVIEW });
    const blind = await upload(await workbook({ Poster: [HEADER, ['S2', 'Blind']] }), { mode: 'confirm' });
    expect(blind.result!.refusal!.code).toBe('STALE_PREVIEW');
    expect(await itemCount()).toBe(before);
  });

  it('costs the same number of SQL statements for 10 rows as for 400', async () => {
    const cost = async (n: number) => {
      const file = await workbook({ Poster: [HEADER, ...rows(n, `Kostnad${n}`)] });
      const preview = await upload(file, {});
      statements = 0;
      await upload(file, { mode: 'confirm', fingerprint: preview.result!.fingerprint });
      return statements;
    };
    const small = await cost(10);
    expect(await cost(400)).toBe(small);
    expect(small).toBeLessThanOrEqual(8);
  });

  it('tells how many rows are read, every few hundred, for a file of thousands of rows', async () => {
    const { lines, result } = await upload(await workbook({ Poster: [HEADER, ...rows(1_600, 'Stor')] }), {});
    expect(lines.filter((l) => 'read' in l).map((l) => l.read)).toEqual([500, 1_000, 1_500, 1_600]);
    expect(result!.sheets[0]!.rows).toHaveLength(1_600);
  });
});

describe('limits and who may import', () => {
  const file = () => workbook({ Poster: [HEADER, ['L1', 'Gräns']] });

  it('refuses a file over the size limit, in Swedish, before reading it', async () => {
    const { status, error } = await upload(Buffer.alloc(MAX_FILE_BYTES + 1, 1), {});
    expect(status).toBe(413);
    expect(error).toEqual({
      code: 'FILE_TOO_LARGE',
      message: 'Filen är större än 10 MB. Dela upp den i flera filer.',
    });
  });

  it('refuses a file of more than 20 000 rows, in Swedish, writing nothing', async () => {
    const before = await itemCount();
    const csv = `Kod;Namn\n${Array.from({ length: 20_001 }, (_, i) => `R${i};Rad ${i}`).join('\n')}\n`;
    const { error } = await upload(csv, { name: 'stor.csv', mode: 'confirm' }, { type: 'text/csv' });
    expect(error).toEqual({
      code: 'TOO_MANY_ROWS',
      message: 'Filen har fler än 20\u00a0000 rader. Dela upp den i flera filer.',
    });
    expect(await itemCount()).toBe(before);
  });

  it('refuses a redaktör, the public and another kommun’s period, and a period a published report covers', async () => {
    const before = await itemCount();
    expect((await upload(await file(), {}, { cookie: cookies.redaktör })).error).toEqual({
      code: 'FORBIDDEN',
      message: 'Bara en administratör kan göra detta.',
    });
    expect((await upload(await file(), {}, { cookie: '' })).error!.code).toBe('UNAUTHENTICATED');
    expect((await upload(await file(), { period: otherKommunsPeriod })).error).toEqual({
      code: 'FORBIDDEN',
      message: NOT_YOURS,
    });
    expect((await upload(await file(), { period: publishedPeriod })).error).toEqual({
      code: 'PUBLISHED',
      message: PERIOD_PUBLISHED,
    });
    expect(await itemCount()).toBe(before);
  });

  it('refuses a body a cross-site form could send, as /graphql does', async () => {
    const { status, error } = await upload(await file(), {}, { type: 'text/plain' });
    expect(status).toBe(400);
    expect(error!.code).toBe('BAD_USER_INPUT');
  });
});

describe('the templates', () => {
  it('are the header row alone, with the help in notes and on an Instruktioner sheet, and import as they are', async () => {
    const xlsx = Buffer.from(await (await fetch(`${server.base}/import/template/alla.xlsx`)).arrayBuffer());
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Poster', 'Rader', 'Instruktioner']);
    const poster = book.getWorksheet('Poster')!;
    expect(poster.rowCount).toBe(1);
    expect(poster.getRow(1).values).toEqual([undefined, ...HEADER]);
    expect(poster.getCell('C1').note).toBe('Ett tal.\nFår lämnas tom.\nExempel: 1 234,5');
    const empty = await upload(xlsx, { kind: 'workbook' });
    expect(empty.result!).toMatchObject({
      problems: [],
      counts: { new: 0, changed: 0, unchanged: 0, wrong: 0 },
    });

    const kinds = await (await fetch(`${server.base}/import/kinds`)).json();
    expect(kinds).toEqual({
      kinds: [
        { name: 'goals', sheetName: 'Poster' },
        { name: 'indicators', sheetName: 'Rader' },
      ],
    });
    const csv = await fetch(`${server.base}/import/template/goals.csv`);
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="importmall-poster.csv"');
    expect(Buffer.from(await csv.arrayBuffer()).toString('utf8')).toBe('\ufeffKod;Namn;Belopp;Slutdatum\r\n');
  });
});
