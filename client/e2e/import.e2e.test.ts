/**
 * The spreadsheet import page in the built PWA, on a laptop: an administratör reaches it
 * from the header, downloads a template and uploads a workbook; the server's answer is shown and
 * "Importera" stays disabled while the file has errors. A redaktör is told it is not theirs.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { workbook } from '../../server/test/import-test-kinds';
import { DEMO_PASSWORD, expectAccessible, hasChromium, launch } from './browser';

const laptop = { width: 1280, height: 800 };

describe.skipIf(!hasChromium)('the spreadsheet import, on a laptop', () => {
  let browser: Browser;
  const base = inject('baseUrl');

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  async function signedIn(email: string, name: string): Promise<Page> {
    const page = await browser.newPage({ viewport: laptop, locale: 'sv-SE' });
    await page.goto(`${base}/logga-in`);
    await page.getByLabel('E-postadress').fill(email);
    await page.getByLabel('Lösenord').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.getByRole('banner').getByText(name).waitFor();
    return page;
  }

  it('lets an administratör download a template, upload a workbook and see what is wrong with it, keeping Importera disabled', async () => {
    const page = await signedIn('admin@norrtalje.demo', 'Anna Admin');
    try {
      await page.getByRole('banner').getByRole('link', { name: 'Importera' }).click();
      await expect
        .poll(() => page.getByRole('heading', { level: 1 }).textContent())
        .toBe('Importera från kalkylark');
      const template = page.getByRole('link', { name: 'Ladda ner XLSX' });
      expect(await template.getAttribute('href')).toBe('/import/template/alla.xlsx');
      const download = await fetch(`${base}${await template.getAttribute('href')}`);
      expect(download.headers.get('content-disposition')).toBe('attachment; filename="importmall-alla.xlsx"');
      // A sheet named after no kind: the same answer whichever kinds the server has.
      const file = await workbook({
        Blad1: [
          ['Kod', 'Namn'],
          ['1.1', 'Sund ekonomi'],
        ],
      });

      await page.getByLabel('Fil (XLSX eller CSV, högst 10 MB)').setInputFiles({
        name: 'mal-och-budget.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: file,
      });
      const importera = page.getByRole('button', { name: 'Importera', exact: true });
      expect(await importera.isDisabled()).toBe(true);
      // With the keyboard: the form is a form.
      await page.getByRole('button', { name: 'Förhandsgranska' }).focus();
      await page.keyboard.press('Enter');
      await expect
        .poll(() => page.getByRole('status').textContent())
        .toBe('Förhandsgranskning. Ny: 0, Ändras: 0, Oförändrad: 0, Fel: 0.');
      const problems = page.getByRole('region', { name: 'Fel i filen' });
      await expect
        .poll(() => problems.textContent())
        .toContain('Bladet Blad1: Bladet ”Blad1” heter inte som någon av mallens blad');
      expect(await importera.isDisabled()).toBe(true);
      await expectAccessible(page);
    } finally {
      await page.close();
    }
  });

  it('tells a redaktör that only an administratör imports, and has no link for them', async () => {
    const page = await signedIn('stab@norrtalje.demo', 'Sara Stab');
    try {
      expect(await page.getByRole('banner').getByRole('link', { name: 'Importera' }).count()).toBe(0);
      await page.goto(`${base}/import`);
      await expect
        .poll(() => page.locator('main').textContent())
        .toContain('Bara en administratör kan importera.');
    } finally {
      await page.close();
    }
  });
});
