/**
 * A politician's phone, empty cache: KSK opens, and in the background the app keeps KSK's
 * latest report on the device, answering every screen of every unit below it into the same
 * cache. Once that download has finished, each unit's key figures and economy tables must
 * still be that unit's, as the server answers them, when moving between the units by
 * tapping and after a reload with no network.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { asSent } from '../../server/test/client-documents';
import { EconomySectionDocument, type EconomySectionQuery } from '../src/gql/graphql';
import { formatSignedTkr, formatTkr } from '../src/ui/format';
import { hasChromium, launch, viewports } from './browser';

const base = inject('baseUrl');
const UNITS = [
  'Kommunstyrelsekontoret',
  'Stab- och planeringsavdelningen',
  'Ekonomiavdelningen',
  'IT-enheten',
];

type Table = NonNullable<EconomySectionQuery['unit']['followUp']>['economy'][number];

/** The app's query of the economy section, sent as the app sends it, as the public. */
async function serverEconomy(unitId: string): Promise<Table[]> {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: asSent(EconomySectionDocument), variables: { unitId } }),
  });
  const { data } = (await response.json()) as { data: EconomySectionQuery };
  // Every unit here is in Kommunstyrelsekontoret's published report.
  return data.unit.followUp!.economy;
}

/** White space as the page's text reads (Intl's no-break spaces folded to plain ones). */
const fold = (text: string) => text.replace(/\s+/g, ' ').trim();

const signed = (kronor: number | null | undefined) => (kronor == null ? '–' : formatSignedTkr(kronor));

/** What a table's rows must show, in order: the label, then its figures as printed. */
const expectedRows = (table: Table) => [
  ...table.lines.map((l) => [
    l.label,
    formatTkr(l.budgetPeriod),
    formatTkr(l.outcomePeriod),
    signed(l.deviationPeriod),
    formatTkr(l.budgetFullYear),
    formatTkr(l.forecastFullYear),
    signed(l.deviationForecast),
  ]),
  [
    'Totalt',
    formatTkr(table.totals.budgetPeriod),
    formatTkr(table.totals.outcomePeriod),
    signed(table.totals.deviationPeriod),
    formatTkr(table.totals.budgetFullYear),
    formatTkr(table.totals.forecastFullYear),
    signed(table.totals.deviationForecast),
  ],
];

/** The rows of the economy tables on the screen, as a reader sees them (no hidden words or arrows). */
const shownTables = (page: Page) =>
  page.locator('main table').evaluateAll((tables) =>
    tables.map((table) => ({
      caption: table.querySelector('caption')?.textContent?.trim() ?? '',
      rows: [...table.querySelectorAll('tbody tr, tfoot tr')].map((row) =>
        [...row.children].map((cell) => {
          const copy = cell.cloneNode(true) as HTMLElement;
          copy.querySelectorAll('.visually-hidden, [aria-hidden="true"], .muted').forEach((e) => e.remove());
          return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
        }),
      ),
    })),
  );

/** A shown row matches when its cells hold the expected ones in order (other columns may sit between). */
const rowMatches = (shown: string[], expected: string[]) => {
  let at = 0;
  for (const cell of shown) if (cell === expected[at]) at++;
  return at === expected.length;
};

const loaded = async (page: Page, heading: string) => {
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(heading);
  await expect.poll(() => page.getByText('Laddar…').count()).toBe(0);
};

/** The key figure of the period's economy deviation, as the overview shows it. */
const keyFigure = (page: Page, term: string) =>
  page
    .locator('.key-figures > div')
    .filter({ has: page.locator('dt', { hasText: term }) })
    .locator('dd')
    .innerText();

/** What the overview's two economy key figures must say: those of the operating account per department, else the first. */
function expectedKeyFigures(tables: Table[]) {
  const table =
    tables.find((t) => t.ledger === 'DRIFT' && t.dimension === 'UNIT') ??
    tables.find((t) => t.ledger === 'DRIFT');
  return { period: signed(table?.totals.deviationPeriod), forecast: signed(table?.totals.deviationForecast) };
}

describe.skipIf(!hasChromium)('every unit’s figures after the report was kept for offline reading', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const unitUrls = new Map<string, string>();
  const server = new Map<string, Table[]>();

  beforeAll(async () => {
    browser = await launch();
    context = await browser.newContext({ viewport: viewports.phone, locale: 'sv-SE' });
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  /** The unit's overview and economy screens show exactly the server's figures for it. */
  async function expectUnitFigures(name: string) {
    const tables = server.get(name)!;
    await loaded(page, name);
    const key = expectedKeyFigures(tables);
    expect(fold(await keyFigure(page, 'Ekonomi, perioden')), `${name}: key figure`).toContain(
      fold(key.period),
    );
    expect(fold(await keyFigure(page, 'Ekonomi, helårsprognos')), `${name}: key figure`).toContain(
      fold(key.forecast),
    );

    await page.getByRole('navigation', { name: 'Avsnitt' }).getByRole('link', { name: 'Ekonomi' }).click();
    await loaded(page, name);
    await expect.poll(() => page.locator('main table').count()).toBe(tables.length);
    const shown = await shownTables(page);
    tables.forEach((table, i) => {
      expect(shown[i]!.caption, `${name}: table ${i + 1}`).toContain(table.unitInPeriod.name);
      const expected = expectedRows(table);
      expect(shown[i]!.rows.length, `${name}: rows of table ${i + 1}`).toBe(expected.length);
      expected.forEach((row, r) =>
        expect(
          rowMatches(shown[i]!.rows[r]!, row.map(fold)),
          `${name}: ${shown[i]!.rows[r]!.join(' | ')}`,
        ).toBe(true),
      );
    });
  }

  it('finishes the background download of KSK’s latest report', async () => {
    await page.goto(`${base}/`);
    await page.evaluate(async () => void (await navigator.serviceWorker.ready));
    await page.getByRole('link', { name: 'Norrtälje kommun', exact: true }).click();
    await page.getByRole('link', { name: 'Kommunstyrelsen', exact: true }).click();
    await page.getByRole('link', { name: 'Kommunstyrelsekontoret' }).click();
    await loaded(page, 'Kommunstyrelsekontoret');
    unitUrls.set('Kommunstyrelsekontoret', page.url());
    const children = page.getByRole('region', { name: 'Underliggande enheter' });
    for (const name of UNITS.slice(1)) {
      unitUrls.set(
        name,
        await children
          .getByRole('link', { name, exact: true })
          .evaluate((a) => (a as HTMLAnchorElement).href),
      );
    }
    for (const [name, url] of unitUrls)
      server.set(name, await serverEconomy(new URL(url).pathname.split('/')[2]!));
    // Every unit has economy figures to compare, or the test would prove nothing.
    for (const name of UNITS) expect(server.get(name)!.length, name).toBeGreaterThan(0);

    // The download's end is observable: the report is stored on the device.
    await expect
      .poll(
        () =>
          page.evaluate(
            () =>
              new Promise<number>((resolve) => {
                const open = indexedDB.open('uppfoljning-offline');
                open.onupgradeneeded = () => open.result.createObjectStore('reports');
                open.onsuccess = () => {
                  const count = open.result.transaction('reports').objectStore('reports').count();
                  count.onsuccess = () => resolve(count.result);
                };
              }),
          ),
        { timeout: 60_000 },
      )
      .toBe(1);
  });

  it('shows each unit its own key figures and economy tables, moving between them by tapping', async () => {
    // Still the page the download ran in: its cache holds every answer the download got.
    await page.getByRole('navigation', { name: 'Sökväg' }).waitFor();
    for (const name of UNITS) {
      if (name !== 'Kommunstyrelsekontoret') {
        if ((await page.getByRole('heading', { level: 1 }).textContent()) !== 'Kommunstyrelsekontoret') {
          await page
            .getByRole('navigation', { name: 'Sökväg' })
            .getByRole('link', { name: 'Kommunstyrelsekontoret' })
            .click();
          await loaded(page, 'Kommunstyrelsekontoret');
        }
        await page
          .getByRole('region', { name: 'Underliggande enheter' })
          .getByRole('link', { name, exact: true })
          .click();
      }
      await expectUnitFigures(name);
    }
  });

  it('shows the same figures after a reload with no network', async () => {
    await context.setOffline(true);
    for (const name of UNITS) {
      await page.goto(unitUrls.get(name)!);
      await expectUnitFigures(name);
    }
    await context.setOffline(false);
  });
});
