/**
 * A SIE 4 file through the ledger import's HTTP door, on the demo data: Norrtälje
 * Kommunstyrelsekontoret's Jan–Jul 2025 figures as the ledger would export them (period
 * balances only, and with the year's verifications) import into a period whose figures were
 * overwritten first, and give exactly 000's printed tables per verksamhet and per kontogrupp;
 * bad SIE files are answered in Swedish with their line numbers, and nothing is written.
 */
import { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { asSent, SignInDocument } from '../../../test/client-documents.js';
import { serveForTest, type TestHttpServer } from '../../../test/http-server.js';
import { readImportAnswer, type ImportAnswer } from '../../../test/ndjson-answer.js';
import { dropDatabase, seededDatabase } from '../../../test/test-database.js';
import { loadConfig } from '../../config.js';
import { ormConfig } from '../../db/orm-config.js';
import { readKommunSeeds } from '../../db/seed/seed-files.js';
import { DEMO_PASSWORD } from '../../db/seed/demo-users.js';
import { toTkr } from '../economy/economy-figures.js';
import { openPeriod } from '../organisation/period-opening.service.js';
import type { LedgerMeasure } from './ledger-amount.js';
import type { LedgerImportResult } from './ledger-import.service.js';
import { encodeCp437 } from './sie/cp437.js';
import { norrtaljeSieFile } from './sie/norrtalje-sie-file.js';

const dbName = `uppfoljning_sie_${process.pid}`;
let orm: MikroORM;
let server: TestHttpServer;
let cookie: string;
let periodId: number;

const seed = readKommunSeeds().find((k) => k.kommun.code === '0188')!;
const seedTables = seed.economyTables.filter((t) => t.unit === 'ksk' && t.period === '2025-jan-jul');
/** What a SIE file has: budget and outcome, no forecast. */
const measures = ['budgetPeriod', 'outcomePeriod', 'outcomePreviousYearPeriod', 'budgetFullYear'] as const;
const FORECAST = 4242;

const query = async <T>(sql: string, params: unknown[] = []) =>
  orm.em.fork().getConnection().execute<T[]>(sql, params);

const columnOf = (m: LedgerMeasure) => m.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** KSK's two drift tables in the period, line by line: the key, and the kronor of each measure. */
async function kskTables() {
  const rows = await query<Record<string, string | null> & { dimension: string; key: string }>(
    `select t.dimension, coalesce(u.key, '') || '|' || coalesce(l.account_group, '') as key, l.label,
            ${[...measures, 'forecastFullYear' as const].map((m) => `l.${columnOf(m)}::text as "${m}"`).join(', ')}
       from economy_line l join economy_table t on t.id = l.table_id join org_unit u on u.id = l.unit_id
       join org_unit o on o.id = t.unit_id
      where t.period_id = ? and o.key = 'ksk' and t.ledger = 'drift' order by t.dimension, l.position`,
    [periodId],
  );
  return rows;
}

type Answer = ImportAnswer<LedgerImportResult>;

async function upload(body: Buffer, params: Record<string, string> = {}): Promise<Answer> {
  const search = new URLSearchParams({
    period: String(periodId),
    format: 'sie',
    mode: 'preview',
    name: 'norrtalje.se',
    ...params,
  });
  const response = await fetch(`${server.base}/ledger-import?${search}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', cookie },
    body: new Uint8Array(body),
  });
  return readImportAnswer<LedgerImportResult>(response);
}

/** A preview, then the confirmation of what it showed: the file is sent again, as the page does. */
async function confirm(body: Buffer) {
  const preview = await upload(body);
  return upload(body, { mode: 'confirm', fingerprint: preview.result!.fingerprint });
}

/** Every figure of KSK's tables overwritten, so that only the import can bring 000's back. */
const overwrite = () =>
  query(
    `update economy_line l set ${measures.map((m) => `${columnOf(m)} = 1`).join(', ')},
            forecast_full_year = ${FORECAST}
       from economy_table t where t.id = l.table_id and t.period_id = ?`,
    [periodId],
  );

/** The kostnadsställen of the file, each to its unit; a SIE file needs no column settings. */
const MAPPING = {
  delimiter: ';',
  decimalComma: true,
  scale: 'kr',
  signConvention: 'costsNegative',
  columns: {},
  costCentres: Object.entries(norrtaljeSieFile('periodBalances').costCentreUnits).map(([code, unitKey]) => ({
    code,
    unitKey,
  })),
  accountGroups: [],
};

beforeAll(async () => {
  const appUrl = await seededDatabase(inject('adminDatabaseUrl'), dbName);
  orm = await MikroORM.init(ormConfig(appUrl));
  server = await serveForTest(loadConfig({}), orm);
  const kommunId = (
    await query<{ id: number }>(`select id from kommun where name = ?`, [seed.kommun.name])
  )[0]!.id;
  await orm.em.fork().transactional(async (tx) => {
    const period = await openPeriod(tx, kommunId, {
      key: '2025-jan-jul-sie',
      label: 'Januari–juli 2025 (SIE)',
      kind: 'delår',
      start: '2025-01-01',
      end: '2025-07-31',
    });
    periodId = period.id;
  });
  cookie = (
    await fetch(`${server.base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: asSent(SignInDocument),
        variables: { email: 'admin@norrtalje.demo', password: DEMO_PASSWORD },
      }),
    })
  ).headers
    .get('set-cookie')!
    .split(';')[0]!;
  const saved = await fetch(`${server.base}/ledger-import/mapping`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify(MAPPING),
  });
  expect(await saved.json()).toEqual({ saved: true });
});
afterAll(async () => {
  await server?.close();
  await orm?.close(true);
  await dropDatabase(inject('adminDatabaseUrl'), dbName);
});

describe("importing Norrtälje KSK's Jan–Jul 2025 from a SIE 4 file", () => {
  for (const variant of ['periodBalances', 'verifications'] as const) {
    it(`gives 000's tables per verksamhet and per kontogrupp, line by line (${variant})`, async () => {
      await overwrite();
      const file = norrtaljeSieFile(variant);
      const answer = await confirm(file.bytes);
      expect(answer.result?.errors).toEqual([]);
      expect(answer.result?.refusal).toBeNull();
      expect(answer.result?.committed).toBe(true);
      expect(answer.reads.length).toBeGreaterThan(0);

      const rows = await kskTables();
      const expected = seedTables.flatMap((t) =>
        t.lines.map((l) => ({
          dimension: t.dimension,
          key: `${l.unit}|${l.accountGroup ?? ''}`,
          label: l.label,
          ...Object.fromEntries(measures.map((m) => [m, String(l.kronor![m])])),
          // SIE has no forecast: the period's stays.
          forecastFullYear: String(FORECAST),
        })),
      );
      const order = (xs: { dimension: string }[]) =>
        [...xs].sort((a, b) => a.dimension.localeCompare(b.dimension));
      expect(rows).toEqual(order(expected));
      // And in tkr, as 000 prints them.
      for (const t of seedTables) {
        for (const l of t.lines) {
          const row = rows.find((r) => r.key === `${l.unit}|${l.accountGroup ?? ''}`)!;
          for (const m of measures) expect([l.label, m, toTkr(Number(row[m]))]).toEqual([l.label, m, l[m]]);
        }
      }
      // The verifications' half on project P1 becomes its investment on each unit, named by
      // its #OBJEKT 6, with the year's outcome (SIE has no forecast: none is written).
      const projects = await query<{ name: string; outcome: string; forecast: string | null }>(
        `select name, sum(outcome_year)::text as outcome, max(forecast_year)::text as forecast
           from investment where period_id = ? and project_number = 'P1' group by name`,
        [periodId],
      );
      if (variant === 'verifications') {
        expect(projects).toHaveLength(1);
        expect(projects[0]).toMatchObject({ name: 'Projekt "Trygg kommun"', forecast: null });
        expect(Number(projects[0]!.outcome)).toBeLessThan(0);
      } else expect(projects).toEqual([]);
      // The same file again changes nothing.
      const again = await confirm(file.bytes);
      expect(again.result?.refusal?.code).toBe('UNCHANGED');
    });
  }
});

const header = `#FLAGGA 0
#PROGRAM "Testprogram" 1.0
#FORMAT PC8
#GEN 20250810
#SIETYP 4
#FNAMN "Norrtälje kommun"
#RAR 0 20250101 20251231
#RAR -1 20240101 20241231
#KONTO 5110 Månadslön
#KTYP 5110 K
#DIM 1 Kostnadsställe
#OBJEKT 1 1000 "Kommundirektör A"
#OBJEKT 1 9999 "Okänt ställe"
`;
const sie = (text: string) => encodeCp437(text.replace(/\n/g, '\r\n'));

describe('a SIE file larger than a CSV may be', () => {
  it('is streamed into the reader beyond the CSV’s 10 MB', async () => {
    // Labels the reader does not know are skipped, as the specification asks: 11 MB of them.
    const filler = encodeCp437(
      '#OKANDPOST "en post som en senare utgåva kan ha" 1 2 3 4 5 6 7 8 9\r\n'.repeat(170_000),
    );
    const body = Buffer.concat([norrtaljeSieFile('verifications').bytes, filler]);
    expect(body.length).toBeGreaterThan(11 * 1024 * 1024);
    const preview = await upload(body);
    expect(preview.error).toBeUndefined();
    expect(preview.result?.errors).toEqual([]);
    expect(preview.reads.at(-1)).toBeGreaterThan(170_000);
  });
});

describe('the kommun’s kontogrupper', () => {
  it('refuses a row that is not an account prefix or names no kontogrupp, in Swedish', async () => {
    const refused = async (account: string, accountGroup: string) => {
      const response = await fetch(`${server.base}/ledger-import/mapping`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify({ ...MAPPING, accountGroups: [{ account, accountGroup }] }),
      });
      return ((await response.json()) as { errors: { message: string }[] }).errors[0]!.message;
    };
    expect(await refused('79', 'Avskrivningar')).toBe(
      'Kontogrupper: Kontogruppen «Avskrivningar» finns inte.',
    );
    expect(await refused('7x', 'Kapitalkostnader')).toBe(
      'Kontogrupper: Kontointervallet «7x» ska vara de första siffrorna i ett kontonummer.',
    );
  });
});

describe('bad SIE files', () => {
  const cases: [string, () => Buffer, { line: number; message: RegExp }][] = [
    [
      'an unknown kostnadsställe',
      () =>
        sie(
          `${header}#PSALDO 0 202501 5110 {} 300.00\n#PSALDO 0 202501 5110 {1 "1000"} 100.00\n#PSALDO 0 202501 5110 {1 "9999"} 200.00\n`,
        ),
      { line: 16, message: /Kostnadsställe ”9999” hör inte till någon enhet/ },
    ],
    [
      'a file in UTF-8',
      () => Buffer.from(`${header}#PSALDO 0 202501 5110 {} 100.00\n`.replace(/\n/g, '\r\n'), 'utf8'),
      { line: 6, message: /UTF-8/ },
    ],
    [
      'a truncated file',
      () => {
        const bytes = norrtaljeSieFile('verifications').bytes;
        return bytes.subarray(0, Math.floor(bytes.length * 0.7));
      },
      // Cut between verifications: the year's result no longer agrees with them.
      { line: 0, message: /^#RES 0 för konto \d+ är .* men verifikationerna summerar till/ },
    ],
    [
      'two #RAR 0',
      () =>
        sie(
          header.replace('#RAR -1', '#RAR 0 20260101 20261231\n#RAR -1') +
            '#PSALDO 0 202501 5110 {} 100.00\n',
        ),
      { line: 8, message: /RAR 0/ },
    ],
  ];
  for (const [what, body, expected] of cases) {
    it(`answers ${what} in Swedish with its line, writing nothing`, async () => {
      await overwrite();
      const before = await kskTables();
      const preview = await upload(body());
      const errors = preview.result?.errors ?? [];
      expect(errors.length).toBeGreaterThan(0);
      if (expected.line > 0) expect(errors[0]!.line).toBe(expected.line);
      else expect(errors[0]!.line).toBeGreaterThan(0);
      expect(errors[0]!.message).toMatch(expected.message);
      const confirmed = await upload(body(), { mode: 'confirm', fingerprint: preview.result!.fingerprint });
      expect(confirmed.result?.committed).toBe(false);
      expect(confirmed.result?.refusal?.code).toBe('WRONG_LINES');
      expect(confirmed.result?.refusal?.message).toMatch(/^Inget importerades: \d+ rad/);
      expect(await kskTables()).toEqual(before);
    });
  }
});
