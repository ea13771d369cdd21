/**
 * The ledger import over HTTP, as the app sends it, on the demo data: 002's table
 * (Kommunledningsstaben, November 2025) written as the ledger's CSV in 002's own convention
 * (net costs positive, tkr) imports to exactly the demo's figures, into a period opened
 * after it whose figures were wiped first.
 */
import { readFileSync } from 'node:fs';
import { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { asSent, SignInDocument } from '../../../test/client-documents.js';
import { serveForTest, type TestHttpServer } from '../../../test/http-server.js';
import { readImportAnswer, type ImportAnswer } from '../../../test/ndjson-answer.js';
import { dropDatabase, seededDatabase } from '../../../test/test-database.js';
import { loadConfig } from '../../config.js';
import { ormConfig } from '../../db/orm-config.js';
import { DEMO_PASSWORD } from '../../db/seed/demo-users.js';
import { createUser } from '../auth/user.service.js';
import { openPeriod } from '../organisation/period-opening.service.js';
import { ledgerMeasures, type LedgerMeasure } from './ledger-amount.js';
import type { LedgerImportResult } from './ledger-import.service.js';

const dbName = `uppfoljning_ledger_${process.pid}`;
let orm: MikroORM;
let server: TestHttpServer;
const cookies: Record<string, string> = {};
let kommunId: number;
let publishedPeriod: number;
let workingPeriod: number;

interface SeedLine {
  unit: string;
  label: string;
  kronor: Partial<Record<LedgerMeasure, number>>;
}
const seed = JSON.parse(
  readFileSync(new URL('../../db/seed-data/kommunledningsstaben/economy.json', import.meta.url), 'utf8'),
) as { economyTables: { lines: SeedLine[] }[] };
const seedLines = seed.economyTables[0]!.lines;
/** The ledger's kostnadsställe of each of 002's lines: 1100, 1110, … */
const codeOf = (i: number) => String(1100 + i * 10);

const query = async <T>(sql: string, params: unknown[] = []) =>
  orm.em.fork().getConnection().execute<T[]>(sql, params);

async function signIn(email: string): Promise<string> {
  const response = await fetch(`${server.base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: asSent(SignInDocument), variables: { email, password: DEMO_PASSWORD } }),
  });
  return response.headers.get('set-cookie')!.split(';')[0]!;
}

/** 002's columns, with its deviations, which the mapping leaves out. */
const HEADER = [
  'Ansvar',
  'Verksamhet',
  'Budget nov',
  'Redovisning nov',
  'Avvikelse nov',
  'Budget jan-nov',
  'Redovisning jan-nov',
  'Avvikelse jan-nov',
  'Budget helår',
  'Prognos helår',
];
const MAPPING = {
  delimiter: ';',
  decimalComma: true,
  scale: 'tkr',
  signConvention: 'costsPositive',
  columns: {
    costCentre: 'Ansvar',
    budgetMonth: 'Budget nov',
    outcomeMonth: 'Redovisning nov',
    budgetPeriod: 'Budget jan-nov',
    outcomePeriod: 'Redovisning jan-nov',
    budgetFullYear: 'Budget helår',
    forecastFullYear: 'Prognos helår',
  },
  costCentres: seedLines.map((l, i) => ({ code: codeOf(i), unitKey: l.unit })),
  accountGroups: [],
};

/** Kronor in our convention as 002 prints them: net costs positive, tkr with a decimal comma. */
function tkr(kronor: number | undefined): string {
  if (kronor === undefined) return '';
  const shown = -kronor;
  const whole = Math.trunc(Math.abs(shown) / 1000);
  const rest = String(Math.abs(shown) % 1000).padStart(3, '0');
  return `${shown < 0 ? '−' : ''}${whole.toLocaleString('sv-SE')},${rest}`;
}

function csvOf(lines: readonly SeedLine[], change: (row: string[], i: number) => void = () => {}): string {
  const rows = lines.map((l, i) => {
    const k = l.kronor;
    const dev = (b?: number, o?: number) => (b === undefined || o === undefined ? '' : tkr(o - b));
    const row = [
      codeOf(i),
      l.label,
      tkr(k.budgetMonth),
      tkr(k.outcomeMonth),
      dev(k.budgetMonth, k.outcomeMonth),
      tkr(k.budgetPeriod),
      tkr(k.outcomePeriod),
      dev(k.budgetPeriod, k.outcomePeriod),
      tkr(k.budgetFullYear),
      tkr(k.forecastFullYear),
    ];
    change(row, i);
    return row.join(';');
  });
  return `\ufeff${[HEADER.join(';'), ...rows].join('\r\n')}\r\n`;
}

type Answer = ImportAnswer<LedgerImportResult>;

async function upload(
  csv: string,
  params: Record<string, string | number> = {},
  cookie = cookies.kls,
): Promise<Answer> {
  const search = new URLSearchParams({
    period: String(workingPeriod),
    format: 'csv',
    mode: 'preview',
    name: 'huvudbok-nov.csv',
  });
  for (const [k, v] of Object.entries(params)) search.set(k, String(v));
  const response = await fetch(`${server.base}/ledger-import?${search}`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv', ...(cookie ? { cookie } : {}) },
    body: csv,
  });
  return readImportAnswer<LedgerImportResult>(response);
}

async function confirm(csv: string, params: Record<string, string | number> = {}) {
  const preview = await upload(csv, params);
  return upload(csv, { ...params, mode: 'confirm', fingerprint: preview.result!.fingerprint });
}

const columns = ledgerMeasures.map((m) => m.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`));
/** Each line of KLS's table per verksamhet in a period, by unit key: the seven amounts. */
async function figures(periodId: number) {
  const rows = await query<Record<string, string | null> & { unit: string }>(
    `select u.key as unit, ${columns.map((c) => `l.${c}::text as ${c}`).join(', ')},
            l.deviation_explanation, l.forecast_explanation
       from economy_line l join economy_table t on t.id = l.table_id join org_unit u on u.id = l.unit_id
       join org_unit o on o.id = t.unit_id
      where t.period_id = ? and o.key = 'kls' and t.dimension = 'unit' order by l.position`,
    [periodId],
  );
  return rows;
}
const ledgerAudits = async () =>
  (
    await query<{ after: Record<string, unknown> }>(
      `select after from audit_log where entity = 'LedgerImport' order by id`,
    )
  ).map((r) => r.after);

beforeAll(async () => {
  const appUrl = await seededDatabase(inject('adminDatabaseUrl'), dbName);
  orm = await MikroORM.init(ormConfig(appUrl));
  server = await serveForTest(loadConfig({}), orm);
  const em = orm.em.fork();
  kommunId = (await query<{ id: number }>(`select id from kommun where key = 'kommunledningsstaben'`))[0]!.id;
  publishedPeriod = (await query<{ id: number }>(`select id from period where kommun_id = ?`, [kommunId]))[0]!
    .id;
  await createUser(em, {
    email: 'admin@kls.test',
    name: 'KLS Admin',
    password: DEMO_PASSWORD,
    role: 'administratör',
    kommunKey: 'kommunledningsstaben',
    demo: true,
  });
  await em.transactional(async (tx) => {
    const period = await openPeriod(tx, kommunId, {
      key: '2025-jan-dec',
      label: 'Januari–december 2025',
      kind: 'år',
      start: '2025-01-01',
      end: '2025-12-31',
    });
    workingPeriod = period.id;
  });
  // The opened period starts as a copy of November's figures: wiped, so that only the import
  // can bring them back; the staff's texts are the ones to keep.
  await query(
    `update economy_line l set ${columns.map((c) => `${c} = 1`).join(', ')},
            deviation_explanation = 'Personalens förklaring ' || l.label
       from economy_table t where t.id = l.table_id and t.period_id = ?`,
    [workingPeriod],
  );
  cookies.kls = await signIn('admin@kls.test');
  cookies.norrtaljeAdmin = await signIn('admin@norrtalje.demo');
  cookies.redaktör = await signIn('stab@norrtalje.demo');
  const saved = await fetch(`${server.base}/ledger-import/mapping`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', cookie: cookies.kls },
    body: JSON.stringify(MAPPING),
  });
  expect(await saved.json()).toEqual({ saved: true });
});
afterAll(async () => {
  await server?.close();
  await orm?.close(true);
  await dropDatabase(inject('adminDatabaseUrl'), dbName);
});

describe('the ledger mapping', () => {
  it('is read back as the administratör saved it, with the column roles in Swedish', async () => {
    const response = await fetch(`${server.base}/ledger-import/mapping`, {
      headers: { cookie: cookies.kls! },
    });
    const body = (await response.json()) as { mapping: unknown; roles: { role: string; label: string }[] };
    expect(body.mapping).toEqual(MAPPING);
    expect(body.roles.find((r) => r.role === 'costCentre')!.label).toBe('kostnadsställe');
  });

  it('refuses a unit the kommun does not have, and a redaktör, in Swedish', async () => {
    const bad = { ...MAPPING, costCentres: [{ code: '1', unitKey: 'ksk-stab' }] };
    const refused = await fetch(`${server.base}/ledger-import/mapping`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', cookie: cookies.kls! },
      body: JSON.stringify(bad),
    });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(await refused.json())).toContain('kommunen har ingen enhet med koden ”ksk-stab”');
    const redaktör = await fetch(`${server.base}/ledger-import/mapping`, {
      headers: { cookie: cookies.redaktör! },
    });
    expect(redaktör.status).toBe(403);
  });
});

describe('importing 002 from the ledger', () => {
  it('previews every line of the file with its sums and the kommun total, writing nothing', async () => {
    const before = await figures(workingPeriod);
    const { result } = await upload(csvOf(seedLines));
    expect(result!.errors).toEqual([]);
    expect(result!.tables).toHaveLength(1);
    const table = result!.tables[0]!;
    expect(table.unitName).toBe('Kommunledningsstaben');
    expect(table.lines.map((l) => [l.label, l.status])).toEqual(seedLines.map((l) => [l.label, 'changed']));
    const sum = (m: LedgerMeasure) =>
      seedLines.some((l) => l.kronor[m] !== undefined)
        ? seedLines.reduce((s, l) => s + (l.kronor[m] ?? 0), 0)
        : null;
    expect(result!.kommun).toEqual(Object.fromEntries(ledgerMeasures.map((m) => [m, sum(m)])));
    expect(await figures(workingPeriod)).toEqual(before);
  });

  it("imports to exactly the demo's figures, cell by cell, keeping the staff's explanations", async () => {
    const answer = await confirm(csvOf(seedLines));
    expect(answer.result!.refusal).toBeNull();
    expect(answer.result!.committed).toBe(true);
    const published = await figures(publishedPeriod);
    const imported = await figures(workingPeriod);
    expect(imported.map((l) => l.unit)).toEqual(published.map((l) => l.unit));
    for (const [i, line] of imported.entries()) {
      for (const c of columns) expect([line.unit, c, line[c]]).toEqual([line.unit, c, published[i]![c]]);
      expect(line.deviation_explanation).toMatch(/^Personalens förklaring /);
    }
    expect(imported.find((l) => l.unit === 'kls-kommundirektor')!.budget_month).toBe('-227496');
  });

  it('changes nothing when the same file comes again', async () => {
    const before = await figures(workingPeriod);
    const audits = (await ledgerAudits()).length;
    const again = await confirm(csvOf(seedLines));
    expect(again.result!.committed).toBe(false);
    expect(again.result!.refusal!.code).toBe('UNCHANGED');
    expect(again.result!.counts).toMatchObject({ new: 0, changed: 0, cleared: 0 });
    expect(await figures(workingPeriod)).toEqual(before);
    expect(await ledgerAudits()).toHaveLength(audits);
  });

  it('replaces the figures with a newer file and says in the audit log which file it replaces', async () => {
    const newer = csvOf(seedLines, (row, i) => {
      if (i === 0) row[3] = '200,000';
    });
    const answer = await confirm(newer, { name: 'huvudbok-nov-v2.csv', forecastLabel: 'Prognos 3' });
    expect(answer.result!.committed).toBe(true);
    expect(answer.result!.replaces!.fileName).toBe('huvudbok-nov.csv');
    expect(answer.result!.counts).toMatchObject({ changed: 1, unchanged: seedLines.length - 1 });
    const line = (await figures(workingPeriod)).find((l) => l.unit === 'kls-kommundirektor')!;
    expect(line.outcome_month).toBe('-200000');
    const last = (await ledgerAudits()).at(-1)!;
    expect(last).toMatchObject({
      fileName: 'huvudbok-nov-v2.csv',
      replaces: { fileName: 'huvudbok-nov.csv' },
    });
    const label = await query<{ forecast_label: string }>(
      `select forecast_label from economy_table t join org_unit o on o.id = t.unit_id where o.key = 'kls' and t.period_id = ? and t.dimension = 'unit'`,
      [workingPeriod],
    );
    expect(label[0]!.forecast_label).toBe('Prognos 3');
    // Back to November's file, for the tests after.
    expect((await confirm(csvOf(seedLines))).result!.committed).toBe(true);
  });
});

describe('bad files', () => {
  it('answers an unknown kostnadsställe and a non-number in Swedish with their line numbers, writing nothing', async () => {
    const before = await figures(workingPeriod);
    const bad = csvOf(seedLines, (row, i) => {
      if (i === 1) row[0] = '9999';
      if (i === 3) row[5] = 'tolv';
    });
    const preview = await upload(bad);
    expect(preview.result!.errors).toEqual([
      { line: 3, message: 'Kostnadsställe ”9999” hör inte till någon enhet: lägg till det i kopplingen.' },
      { line: 5, message: 'Kolumnen ”Budget jan-nov”: ”tolv” är inget tal: skriv som 1 234,5.' },
    ]);
    const refused = await upload(bad, { mode: 'confirm', fingerprint: preview.result!.fingerprint });
    expect(refused.result!.committed).toBe(false);
    expect(refused.result!.refusal).toEqual({
      code: 'WRONG_LINES',
      message: 'Inget importerades: 2 rader är fel. Rätta filen eller kopplingen och försök igen.',
    });
    expect(await figures(workingPeriod)).toEqual(before);
  });

  it('answers a missing column on line 1, writing nothing', async () => {
    const before = await figures(workingPeriod);
    const missing = csvOf(seedLines).replace('Prognos helår', 'Prognos');
    const preview = await upload(missing);
    expect(preview.result!.errors).toEqual([
      {
        line: 1,
        message: 'Rad 1 saknar kolumnen ”Prognos helår” (prognos helår). Rätta filen eller kopplingen.',
      },
    ]);
    const refused = await upload(missing, { mode: 'confirm', fingerprint: preview.result!.fingerprint });
    expect(refused.result!.refusal!.code).toBe('WRONG_LINES');
    expect(await figures(workingPeriod)).toEqual(before);
  });

  it('refuses a confirmation of a file other than the one previewed', async () => {
    const preview = await upload(csvOf(seedLines, (row, i) => i === 0 && (row[2] = '1,000') && undefined));
    const other = await upload(
      csvOf(seedLines, (row, i) => i === 0 && (row[2] = '2,000') && undefined),
      {
        mode: 'confirm',
        fingerprint: preview.result!.fingerprint,
      },
    );
    expect(other.result!.refusal!.code).toBe('STALE_PREVIEW');
  });
});

describe('who may import where', () => {
  it('refuses a period with a published report with PUBLISHED', async () => {
    const answer = await upload(csvOf(seedLines), { period: publishedPeriod });
    expect(answer.status).toBe(409);
    expect(answer.error!.code).toBe('PUBLISHED');
  });

  it('refuses a redaktör, the administratör of another kommun and nobody signed in', async () => {
    const redaktör = await upload(csvOf(seedLines), {}, cookies.redaktör);
    expect([redaktör.status, redaktör.error!.code]).toEqual([403, 'FORBIDDEN']);
    const other = await upload(csvOf(seedLines), {}, cookies.norrtaljeAdmin);
    expect([other.status, other.error!.code]).toEqual([403, 'FORBIDDEN']);
    const nobody = await upload(csvOf(seedLines), {}, '');
    expect(nobody.status).toBe(401);
  });
});

describe('investments per project', () => {
  /** 002's file with a project column, and three amounts on two projects of two units. */
  const projectCsv = (outcome = '120,000') => {
    const rows = csvOf(seedLines)
      .replace(/\r\n$/, '')
      .split('\r\n')
      .map((row, i) => `${row};${i === 0 ? 'Projekt' : ''}`);
    const project = (code: string, budget: string, out: string, forecast: string, number: string) =>
      [code, 'Investering', '', '', '', '', out, '', budget, forecast, number].join(';');
    rows.push(
      project(codeOf(1), '300,000', outcome, '250,000', '24016'),
      project(codeOf(1), '200,000', '30,000', '150,000', '24016'),
      project(codeOf(2), '1 000,000', '0,500', '900,000', '30001'),
    );
    return `${rows.join('\r\n')}\r\n`;
  };
  const investments = () =>
    query<Record<string, string | null>>(
      `select u.key as unit, i.project_number, i.name, i.budget_year::text, i.outcome_year::text,
              i.forecast_year::text, i.outcome_previous_year::text, i.budget_total::text, i.comment
         from investment i join org_unit u on u.id = i.unit_id
        where i.period_id = ? and i.project_number is not null order by u.key, i.project_number`,
      [workingPeriod],
    );

  beforeAll(async () => {
    const saved = await fetch(`${server.base}/ledger-import/mapping`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', cookie: cookies.kls! },
      body: JSON.stringify({ ...MAPPING, columns: { ...MAPPING.columns, project: 'Projekt' } }),
    });
    expect(await saved.json()).toEqual({ saved: true });
  });

  it('previews each unit × project as the investment it becomes, writing nothing', async () => {
    const before = await investments();
    const { result } = await upload(projectCsv());
    expect(result!.errors).toEqual([]);
    expect(result!.investments).toEqual([
      {
        unitId: expect.any(Number),
        unitName: expect.any(String),
        projectNumber: '24016',
        name: 'Projekt 24016',
        figures: {
          budgetYear: -500000,
          forecastYear: -400000,
          outcomeYear: -150000,
          outcomePreviousYear: null,
        },
        status: 'new',
      },
      {
        unitId: expect.any(Number),
        unitName: expect.any(String),
        projectNumber: '30001',
        name: 'Projekt 30001',
        figures: {
          budgetYear: -1000000,
          forecastYear: -900000,
          outcomeYear: -500,
          outcomePreviousYear: null,
        },
        status: 'new',
      },
    ]);
    expect(await investments()).toEqual(before);
  });

  it('writes them on the mapped units, keeps the comment on a newer file, and changes nothing on the same', async () => {
    const first = await confirm(projectCsv());
    expect(first.result!.committed).toBe(true);
    expect(await investments()).toEqual(
      [
        {
          unit: seedLines[1]!.unit,
          project_number: '24016',
          name: 'Projekt 24016',
          budget_year: '-500000',
          outcome_year: '-150000',
          forecast_year: '-400000',
          outcome_previous_year: null,
          budget_total: null,
          comment: null,
        },
        {
          unit: seedLines[2]!.unit,
          project_number: '30001',
          name: 'Projekt 30001',
          budget_year: '-1000000',
          outcome_year: '-500',
          forecast_year: '-900000',
          outcome_previous_year: null,
          budget_total: null,
          comment: null,
        },
      ].sort((a, b) => a.unit.localeCompare(b.unit)),
    );
    // The staff write their comment, name the project and give its total budget by hand.
    await query(
      `update investment set comment = 'Personalens kommentar', name = 'Nytt lön- HR system', budget_total = -3000000
        where period_id = ? and project_number = '24016'`,
      [workingPeriod],
    );
    const newer = await confirm(projectCsv('220,000'));
    expect(newer.result!.committed).toBe(true);
    expect(newer.result!.investments.map((i) => [i.projectNumber, i.name, i.status])).toEqual([
      ['24016', 'Nytt lön- HR system', 'changed'],
      ['30001', 'Projekt 30001', 'unchanged'],
    ]);
    const project = (await investments()).find((i) => i.project_number === '24016')!;
    expect(project).toMatchObject({
      outcome_year: '-250000',
      budget_total: '-3000000',
      name: 'Nytt lön- HR system',
      comment: 'Personalens kommentar',
    });
    const audit = await query<{ before: { outcomeYear: number }; after: { outcomeYear: number } }>(
      `select before, after from audit_log where entity = 'Investment' and action = 'update' order by id desc limit 1`,
    );
    expect([audit[0]!.before.outcomeYear, audit[0]!.after.outcomeYear]).toEqual([-150000, -250000]);

    const before = await investments();
    const again = await confirm(projectCsv('220,000'));
    expect(again.result!.refusal!.code).toBe('UNCHANGED');
    expect(await investments()).toEqual(before);
  });
});
