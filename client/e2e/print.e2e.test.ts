import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hasChromium, launch, DEMO_PASSWORD } from './browser';

const PASSWORD = DEMO_PASSWORD;
const MM = 96 / 25.4;
/**
 * A4 less margins of at most 15 mm a side (print.css has 12 mm and 15 mm): a page laid out at
 * this width and height fits on paper.
 */
const printable = { width: Math.floor((210 - 2 * 15) * MM), height: Math.floor((297 - 2 * 15) * MM) };

/** The pages of a PDF as Chromium writes it: one `/Type /Page` object each. */
function pdfPages(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g)?.length ?? 0;
}

describe.skipIf(!hasChromium)('printing the Jan–Jul 2025 follow-up of Kommunstyrelsekontoret on A4', () => {
  let browser: Browser;
  let page: Page;
  const base = inject('baseUrl');

  beforeAll(async () => {
    browser = await launch();
    page = await browser.newPage({ viewport: printable, locale: 'sv-SE' });
    // The office's controller: signed in, the header has a button too.
    await page.goto(`${base}/logga-in`);
    await page.getByLabel('E-postadress').fill('kontor@norrtalje.demo');
    await page.getByLabel('Lösenord').fill(PASSWORD);
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.getByRole('banner').getByText('Karin Kontor').waitFor();
  });
  afterAll(() => browser?.close());

  const heading = () => page.getByRole('heading', { level: 1 });

  /** From the start page to the report of Jan–Jul 2025, by clicking as a reader does. */
  async function openReport() {
    await page.emulateMedia({ media: 'screen' });
    await page.goto(`${base}/`);
    await page.getByRole('link', { name: 'Norrtälje kommun', exact: true }).click();
    await page.getByRole('link', { name: 'Kommunstyrelsen', exact: true }).click();
    await page.getByRole('link', { name: 'Kommunstyrelsekontoret' }).click();
    await expect.poll(() => heading().textContent()).toBe('Kommunstyrelsekontoret');
    await page
      .getByRole('navigation', { name: 'Avsnitt' })
      .getByRole('link', { name: 'Rapporter', exact: true })
      .click();
    await page.locator('.cards > li').filter({ hasText: 'Jan–Jul 2025' }).first().getByRole('link').click();
    await expect.poll(() => heading().textContent()).toMatch(/januari–juli 2025/);
  }

  /** The report's way into its period's data, as a link at its end. */
  async function openSection(name: 'Ekonomi' | 'Uppdrag') {
    await openReport();
    await page.getByRole('link', { name, exact: true }).click();
    await expect.poll(() => heading().textContent()).toBe('Kommunstyrelsekontoret');
    await expect
      .poll(() => page.getByRole('heading', { level: 2, name: `${name} Jan–Jul 2025` }).count())
      .toBe(1);
    await page.getByRole('table').first().waitFor();
  }

  /** Present on screen, gone on paper. */
  async function expectScreenOnly(...locators: ReturnType<Page['locator']>[]) {
    await page.emulateMedia({ media: 'screen' });
    for (const l of locators) expect(await l.count()).toBeGreaterThan(0);
    await page.emulateMedia({ media: 'print' });
    for (const l of locators) for (const one of await l.all()) expect(await one.isVisible()).toBe(false);
  }

  async function printPdf(name: string) {
    const pdf = await page.pdf({ format: 'A4' });
    // PRINT_PDF_DIR=/tmp keeps the PDFs, to look at them.
    if (process.env.PRINT_PDF_DIR) writeFileSync(join(process.env.PRINT_PDF_DIR, `${name}.pdf`), pdf);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    return pdfPages(pdf);
  }

  /** Every table whole: within the page's width, not scrolled or stuck, no row taller than a page. */
  async function expectTablesPrintWhole() {
    await page.emulateMedia({ media: 'print' });
    const regions = await page.locator('.table-scroll').evaluateAll((els) =>
      els.map((el) => ({
        overflow: getComputedStyle(el).overflowX,
        fits: el.scrollWidth <= el.clientWidth,
      })),
    );
    expect(regions.length).toBeGreaterThan(0);
    expect(regions).toEqual(regions.map(() => ({ overflow: 'visible', fits: true })));

    const tables = await page.locator('table').evaluateAll(
      (els, pageHeight) =>
        els.map((table) => {
          const rows = [...table.querySelectorAll('tr')];
          return {
            fits: table.scrollWidth <= table.parentElement!.clientWidth,
            headerRepeats: getComputedStyle(table.querySelector('thead')!).display === 'table-header-group',
            rowsKeptWhole: rows.every((tr) => getComputedStyle(tr).breakInside === 'avoid'),
            rowsShorterThanAPage: rows.every((tr) => tr.getBoundingClientRect().height < pageHeight),
            noStickyCell: [...table.querySelectorAll('th, td')].every(
              (c) => getComputedStyle(c).position !== 'sticky',
            ),
          };
        }),
      printable.height,
    );
    expect(tables.length).toBeGreaterThan(0);
    for (const t of tables)
      expect(t).toEqual({
        fits: true,
        headerRepeats: true,
        rowsKeptWhole: true,
        rowsShorterThanAPage: true,
        noStickyCell: true,
      });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      printable.width,
    );
  }

  it('prints the report without the header, the breadcrumb, buttons or anything marked no-print', async () => {
    await openReport();
    await page.evaluate(() => {
      const banner = document.createElement('p');
      banner.className = 'no-print';
      banner.textContent = 'Offline – visar rapport sparad tidigare';
      document.querySelector('main')!.prepend(banner);
    });
    await expectScreenOnly(
      page.getByRole('banner', { includeHidden: true }),
      page.getByRole('navigation', { name: 'Sökväg', includeHidden: true }),
      page.locator('button'),
      page.locator('.no-print'),
    );
    // What the report says stays.
    expect(await heading().isVisible()).toBe(true);
    expect(await page.getByRole('heading', { level: 2 }).first().isVisible()).toBe(true);

    const pages = await printPdf('report');
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(6);
  });

  it('prints the economy with its tables in full on the width of the page and no row cut between pages', async () => {
    await openSection('Ekonomi');
    await expectScreenOnly(
      page.getByRole('banner', { includeHidden: true }),
      page.getByRole('navigation', { name: 'Avsnitt', includeHidden: true }),
      page.getByRole('navigation', { name: 'Sökväg', includeHidden: true }),
      page.getByLabel('Period'),
      page.locator('button'),
    );
    await expectTablesPrintWhole();

    const pages = await printPdf('economy');
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(8);
  });

  it('prints the assignments with the summary table and the list, without the filters', async () => {
    await openSection('Uppdrag');
    await expectScreenOnly(
      page.getByRole('navigation', { name: 'Avsnitt', includeHidden: true }),
      page.getByRole('search', { includeHidden: true }),
      page.locator('button'),
    );
    await expectTablesPrintWhole();
    expect(await page.getByRole('table', { name: /per status och prognos/ }).isVisible()).toBe(true);
    expect(await page.locator('.cards > li').first().isVisible()).toBe(true);

    const pages = await printPdf('assignments');
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(15);
  });
});
