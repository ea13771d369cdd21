/**
 * Economy from the ledger in the built PWA, on a laptop: the administratör sets the kommun's
 * mapping, uploads the ledger's CSV, sees the preview with the control totals, confirms, and
 * Kommunstyrelsekontoret's Ekonomi tab and key figures for the working period show the new
 * figures. The file is Norrtälje's own figures (the working period's, kronor from the demo
 * data) with one changed; the original file is imported again at the end, so the other tests
 * on this server see the demo's figures.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { formatSignedTkr, formatTkrNumber } from '../src/ui/format';
import { DEMO_PASSWORD, expectAccessible, hasChromium, launch } from './browser';

const laptop = { width: 1280, height: 800 };
const fold = (text: string) => text.replace(/\s+/g, ' ').trim();

type Measure =
  'budgetPeriod' | 'outcomePeriod' | 'outcomePreviousYearPeriod' | 'budgetFullYear' | 'forecastFullYear';
interface SeedLine {
  unit: string;
  kronor: Record<Measure, number>;
}
const seed = JSON.parse(
  readFileSync(new URL('../../server/src/db/seed-data/norrtalje/economy.json', import.meta.url), 'utf8'),
) as { economyTables: { unit: string; period: string; dimension: string; lines: SeedLine[] }[] };
const lines = seed.economyTables.find(
  (t) => t.unit === 'ksk' && t.period === '2025-jan-jul' && t.dimension === 'unit',
)!.lines;

/** The ledger's columns, by the mapping form's labels. */
const COLUMNS: [string, string, Measure | null][] = [
  ['Kostnadsställe', 'Ansvar', null],
  ['Budget för perioden', 'Budget period', 'budgetPeriod'],
  ['Utfall för perioden', 'Utfall period', 'outcomePeriod'],
  ['Utfall samma period föregående år', 'Utfall fg år', 'outcomePreviousYearPeriod'],
  ['Budget helår', 'Budget helår', 'budgetFullYear'],
  ['Prognos helår', 'Prognos helår', 'forecastFullYear'],
];
const codeOf = (i: number) => `K${String(i + 1).padStart(2, '0')}`;
/** Five million kronor more spent by Stab- och planeringsavdelningen in the period. */
const MORE_COST = 5_000_000;
const outcomeOf = (l: SeedLine, changed: boolean) =>
  l.kronor.outcomePeriod - (changed && l.unit === 'ksk-stab' ? MORE_COST : 0);

/** The ledger's CSV in Norrtälje's convention: costs negative, kr, decimal comma. */
function ledgerCsv(changed: boolean): Buffer {
  const kr = (n: number) => `${n.toLocaleString('sv-SE')},00`;
  const rows = lines.map((l, i) =>
    [
      codeOf(i),
      ...COLUMNS.slice(1).map(([, , m]) => kr(m === 'outcomePeriod' ? outcomeOf(l, changed) : l.kronor[m!])),
    ].join(';'),
  );
  return Buffer.from([COLUMNS.map(([, h]) => h).join(';'), ...rows].join('\r\n'), 'utf8');
}
const deviationPeriod = (changed: boolean) =>
  lines.reduce((sum, l) => sum + outcomeOf(l, changed) - l.kronor.budgetPeriod, 0);

describe.skipIf(!hasChromium)('economy from the ledger, on a laptop', () => {
  let browser: Browser;
  let page: Page;
  const base = inject('baseUrl');

  beforeAll(async () => {
    browser = await launch();
    page = await browser.newPage({ viewport: laptop, locale: 'sv-SE' });
    await page.goto(`${base}/logga-in`);
    await page.getByLabel('E-postadress').fill('admin@norrtalje.demo');
    await page.getByLabel('Lösenord').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.getByRole('banner').getByText('Anna Admin').waitFor();
  });
  afterAll(async () => {
    await page?.close();
    await browser?.close();
  });

  const importStatus = () =>
    page.getByRole('status').filter({ hasText: /Förhandsgranskning|Importerat|Inget/ });

  async function upload(changed: boolean) {
    await page.getByLabel('CSV-fil från huvudboken (högst 10 MB)').setInputFiles({
      name: changed ? 'huvudbok-2025-v2.csv' : 'huvudbok-2025.csv',
      mimeType: 'text/csv',
      buffer: ledgerCsv(changed),
    });
    await page.getByRole('button', { name: 'Förhandsgranska' }).click();
    await expect.poll(() => importStatus().textContent()).toMatch(/^Förhandsgranskning/);
  }

  async function confirm() {
    await page.getByRole('button', { name: 'Importera', exact: true }).click();
    await expect.poll(() => importStatus().textContent()).toMatch(/^Importerat/);
  }

  it('sets the mapping, previews the file with its control totals and imports it', async () => {
    await page.getByRole('banner').getByRole('link', { name: 'Huvudbok' }).click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Ekonomi från huvudboken');
    const form = page.getByRole('form', { name: 'Koppling till huvudboken' });
    await form.getByLabel('Teckenkonvention').selectOption('costsNegative');
    await form.getByLabel('Belopp i').selectOption('kr');
    for (const [label, header] of COLUMNS) await form.getByLabel(label, { exact: true }).fill(header);
    for (const [i, line] of lines.entries()) {
      await form.getByRole('button', { name: 'Lägg till kostnadsställe' }).click();
      await form.getByLabel(`Kostnadsställe ${i + 1}, kod`).fill(codeOf(i));
      await form.getByLabel(`Kostnadsställe ${i + 1}, enhet`).selectOption(line.unit);
    }
    // With the keyboard: the mapping is a form.
    await form.getByRole('button', { name: 'Spara kopplingen' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => form.getByRole('status').textContent()).toBe('Kopplingen är sparad.');

    await upload(true);
    expect(await importStatus().textContent()).toBe(
      'Förhandsgranskning. Ny: 0, Ändras: 1, Oförändrad: 6, Töms: 0.',
    );
    const table = page.getByRole('region', { name: 'Kommunstyrelsekontoret per verksamhet', exact: true });
    const stab = table.getByRole('row').filter({ hasText: 'Stab och planering' });
    const newOutcome = outcomeOf(
      lines.find((l) => l.unit === 'ksk-stab')!,
      true,
    );
    expect(await stab.textContent()).toContain('Ändras');
    expect(fold((await stab.textContent())!)).toContain(fold(newOutcome.toLocaleString('sv-SE')));
    const sum = lines.reduce((s, l) => s + outcomeOf(l, true), 0);
    expect(fold((await table.locator('tfoot').textContent())!)).toContain(fold(sum.toLocaleString('sv-SE')));
    expect(
      fold((await page.getByRole('region', { name: 'Hela filen', exact: true }).textContent())!),
    ).toContain(fold(sum.toLocaleString('sv-SE')));
    await expectAccessible(page);
    await confirm();
    expect(await importStatus().textContent()).toBe('Importerat. Ny: 0, Ändras: 1, Oförändrad: 6, Töms: 0.');
  });

  it("shows the new figures in Kommunstyrelsekontoret's key figures and Ekonomi tab for the working period", async () => {
    await page.goto(`${base}/`);
    await page.getByRole('link', { name: 'Norrtälje kommun', exact: true }).click();
    await page.getByRole('link', { name: 'Kommunstyrelsen', exact: true }).click();
    await page.getByRole('link', { name: 'Kommunstyrelsekontoret' }).click();
    await page.getByLabel('Period').selectOption({ label: '2025' });
    const keyFigure = page
      .locator('.key-figures > div')
      .filter({ has: page.locator('dt', { hasText: 'Ekonomi, perioden' }) })
      .locator('dd');
    await expect
      .poll(async () => fold(await keyFigure.innerText()))
      .toContain(fold(formatSignedTkr(deviationPeriod(true))));
    await page.getByRole('navigation', { name: 'Avsnitt' }).getByRole('link', { name: 'Ekonomi' }).click();
    const stab = page.locator('main table tr').filter({ hasText: 'Stab och planering' }).first();
    const newOutcome = outcomeOf(
      lines.find((l) => l.unit === 'ksk-stab')!,
      true,
    );
    await expect
      .poll(async () => fold((await stab.textContent()) ?? ''))
      .toContain(fold(formatTkrNumber(newOutcome)));
  });

  it('imports the original file again, which changes the one line back', async () => {
    await page.getByRole('banner').getByRole('link', { name: 'Huvudbok' }).click();
    await upload(false);
    expect(await importStatus().textContent()).toBe(
      'Förhandsgranskning. Ny: 0, Ändras: 1, Oförändrad: 6, Töms: 0.',
    );
    expect(await page.getByText('Ersätter siffrorna från huvudbok-2025-v2.csv.').count()).toBe(1);
    await confirm();
  });
});
