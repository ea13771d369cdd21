/**
 * `pnpm bench:import`: a 10 000-row XLSX import over real HTTP. Writes the file with
 * exceljs's streaming writer, signs in as the demo administratör on a fresh database (embedded,
 * or a server given by BENCH_DATABASE_URL), and prints for the preview and the confirmation
 * the time and the peak memory of the process (RSS and heap, sampled every 10 ms), and the
 * same for reading the file alone with the import's XLSX reader, apart from writing. The file
 * is a Mål och budget as a kommun keeps it, one sheet per kind: 200 units under
 * Kommunstyrelsekontoret, 400 inriktningsmål, 5 000 indicators with a target and two outcomes,
 * and the rest assignments, each row referring to rows of the earlier sheets.
 * Figures are printed and written to bench-results/; nothing here asserts a timing.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { MikroORM } from '@mikro-orm/postgresql';
import ExcelJS from 'exceljs';
import { pino } from 'pino';
import { loadConfig } from '../src/config.js';
import { ormConfig } from '../src/db/orm-config.js';
import { DEMO_PASSWORD } from '../src/db/seed/demo-users.js';
import { createHttpApp } from '../src/http.js';
import type { ImportResult } from '../src/modules/import/import-run.js';
import { domainImportKinds } from '../src/modules/import/import-kinds.js';
import { readXlsx } from '../src/modules/import/xlsx-reader.js';
import { dropDatabase, freePort, seededDatabase, startTestServer } from '../test/test-database.js';
import { measured } from './measured.js';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 10_000);

const UNITS = Math.round(ROWS * 0.02);
const GOALS = Math.round(ROWS * 0.04);
const INDICATORS = Math.round(ROWS * 0.5);
const ASSIGNMENTS = ROWS - UNITS - GOALS - INDICATORS;

/** The sheets' rows by kind, cells by header, so the file follows the kinds' own columns. */
const sheets: Record<string, (i: number) => Record<string, string | number>> = {
  organisation: (i) => ({
    Kod: `bench-enhet-${i}`,
    Namn: `Enhet ${i}`,
    Typ: 'enhet',
    'Överordnad (kod)': 'ksk',
  }),
  goals: (i) => ({
    'Målområde (kod)': `B${1 + (i % 8)}`,
    Målområde: `Målområde B${1 + (i % 8)}`,
    'Inriktningsmål (kod)': `B${1 + (i % 8)}.${i}`,
    Inriktningsmål: `Inriktningsmål nummer ${i}`,
    'Enheter (koder)': 'ksk',
  }),
  indicators: (i) => ({
    Kod: `bench-ind-${i}`,
    Namn: `Indikator ${i}, andel`,
    'Inriktningsmål (kod)': `B${1 + ((i % GOALS) % 8)}.${i % GOALS}`,
    Måttenhet: '%',
    Riktning: 'Högre är bättre',
    Decimaler: 1,
    'KF eller nämnd': 'KF',
    'Ansvarig enhet (kod)': `bench-enhet-${i % UNITS}`,
    'Följs upp av (kod)': 'ksk',
    'Mål 2026': '1 234,5',
    'Utfall 2023': `${i % 100},5`,
    'Utfall 2024': `${(i + 7) % 100},5`,
  }),
  assignments: (i) => ({
    Kod: `bench-uppdrag-${i}`,
    Typ: i % 3 ? 'Uppdrag' : 'Nämndinitiativ',
    Titel: `Uppdrag nummer ${i} i Mål och budget`,
    'Inriktningsmål (kod)': `B${1 + ((i % GOALS) % 8)}.${i % GOALS}`,
    'Kontor eller nämnd (kod)': 'ksk',
    'Ansvarig enhet (kod)': `bench-enhet-${i % UNITS}`,
    Slutdatum: '2026-12-31',
    'Givet år': 2026,
    'Beslutat av': 'KF',
    Beslutsdatum: '2025-11-24',
  }),
};
const counts: Record<string, number> = {
  organisation: UNITS,
  goals: GOALS,
  indicators: INDICATORS,
  assignments: ASSIGNMENTS,
};

/** The workbook, written row by row to disk with the streaming writer. */
async function writeWorkbook(path: string): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
  for (const kind of domainImportKinds) {
    const sheet = workbook.addWorksheet(kind.sheetName);
    const row = sheets[kind.name]!;
    const headers = Object.keys(row(0));
    sheet.addRow(headers).commit();
    for (let i = 0; i < counts[kind.name]!; i++) {
      const cells = row(i);
      sheet.addRow(headers.map((h) => cells[h])).commit();
    }
    sheet.commit();
  }
  await workbook.commit();
}

if (process.env.BENCH_DATABASE_URL) process.env.TEST_DATABASE_URL = process.env.BENCH_DATABASE_URL;
const server = await startTestServer();
const dbName = `uppfoljning_bench_import_${process.pid}`;
const dir = mkdtempSync(join(tmpdir(), 'uppfoljning-import-bench-'));
let http: Server | undefined;
let orm: MikroORM | undefined;
try {
  const url = await seededDatabase(server.adminUrl, dbName);
  orm = await MikroORM.init(ormConfig(url));
  const period = (
    await orm.em
      .fork()
      .getConnection()
      .execute<{ id: number }[]>(
        `select p.id from period p join kommun k on k.id = p.kommun_id
        where k.kolada_code = '0188'
          and not exists (select 1 from report r where r.period_id = p.id and r.status = 'published')
        order by p.end_date desc limit 1`,
      )
  )[0]!.id;

  const app = await createHttpApp(loadConfig({ DATABASE_URL: url, PORT: '0' }), orm, pino({ level: 'warn' }));
  const port = await freePort();
  http = await new Promise<Server>((resolve) => {
    const s = app.app.listen(port, '127.0.0.1', () => resolve(s));
  });
  const base = `http://127.0.0.1:${port}`;
  const signIn = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { __typename } }',
      variables: { e: 'admin@norrtalje.demo', p: DEMO_PASSWORD },
    }),
  });
  const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;

  const path = join(dir, 'import.xlsx');
  const writing = await measured(() => writeWorkbook(path));
  const file = readFileSync(path);
  // The reader alone: what the file costs before any row is checked or written.
  const reading = await measured(async () => {
    let rows = 0;
    for await (const sheet of readXlsx(Readable.from([file])))
      for await (const row of sheet.rows) rows += row ? 1 : 0;
    return rows;
  });

  const upload = async (mode: 'preview' | 'confirm', fingerprint = '') => {
    const params = new URLSearchParams({
      period: String(period),
      kind: 'workbook',
      mode,
      name: 'bench.xlsx',
      fingerprint,
    });
    const response = await fetch(`${base}/import?${params}`, {
      method: 'POST',
      headers: {
        cookie,
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      },
      body: new Uint8Array(file),
    });
    const lines = (await response.text()).trim().split('\n');
    const last = JSON.parse(lines.at(-1)!) as { result?: ImportResult; error?: unknown };
    if (!last.result) throw new Error(`the import failed: ${JSON.stringify(last)}`);
    return { result: last.result, progressLines: lines.length - 1 };
  };

  const preview = await measured(() => upload('preview'));
  const confirm = await measured(() => upload('confirm', preview.value.result.fingerprint));
  const again = await measured(() => upload('preview'));
  if (!confirm.value.result.committed) throw new Error('the confirmation wrote nothing');

  const results = {
    rows: ROWS,
    fileKb: Math.round(file.length / 1024),
    writeFile: writing.figures,
    readFile: { ...reading.figures, rows: reading.value },
    preview: {
      ...preview.figures,
      counts: preview.value.result.counts,
      progressLines: preview.value.progressLines,
    },
    confirm: { ...confirm.figures, counts: confirm.value.result.counts },
    previewAgain: { ...again.figures, counts: again.value.result.counts },
  };
  console.log(JSON.stringify(results, null, 2));
  const out = join(import.meta.dirname, '..', '..', 'bench-results');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'import.json'), `${JSON.stringify(results, null, 2)}\n`);
  await app.stop();
} finally {
  if (http) await new Promise((resolve) => http!.close(resolve));
  await orm?.close(true);
  await dropDatabase(server.adminUrl, dbName);
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
