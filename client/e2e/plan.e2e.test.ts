/**
 * The plan page on a laptop (1280×800), by keyboard: an administratör reaches it from the
 * header, reads the period's plan, is told by the field what is wrong, and saves an
 * inriktningsmål. Nothing here changes the shared database: the goal is saved as it is.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_PASSWORD, expectAccessible, hasChromium, launch } from './browser';

const laptop = { width: 1280, height: 800 };

describe.skipIf(!hasChromium)('the plan page', () => {
  let browser: Browser;
  const base = inject('baseUrl');
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  it('lists the plan, names the field of a mistake and saves an inriktningsmål, by keyboard', async () => {
    const context = await browser.newContext({ viewport: laptop, locale: 'sv-SE' });
    const page = await context.newPage();
    try {
      await page.goto(`${base}/logga-in`);
      await page.getByLabel('E-postadress').fill('admin@norrtalje.demo');
      await page.getByLabel('Lösenord').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Logga in' }).click();
      await page.getByRole('banner').getByRole('link', { name: 'Plan och perioder' }).click();
      await expect
        .poll(() => page.getByRole('heading', { level: 1 }).textContent())
        .toBe('Plan och perioder');
      const goals = page.getByRole('region', { name: 'Målområden och inriktningsmål' });
      await goals.getByRole('button', { name: 'Ändra inriktningsmål 1.1' }).waitFor();
      await expect
        .poll(() => page.getByRole('region', { name: 'Indikatorer' }).getByRole('row').count())
        .toBeGreaterThan(10);
      await expectAccessible(page);

      // Choosing a goal takes focus to its form.
      await goals.getByRole('button', { name: 'Ändra inriktningsmål 1.1' }).press('Enter');
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.textContent))
        .toBe('Ändra inriktningsmål 1.1');
      const title = goals.getByLabel('Inriktningsmål', { exact: true });
      const saved = await title.inputValue();
      await title.fill('');
      await title.press('Enter');
      await expect.poll(() => page.getByText('Inriktningsmålets titel måste anges.').count()).toBe(1);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('goal-title');
      expect(await title.getAttribute('aria-invalid')).toBe('true');
      await expectAccessible(page);

      await title.fill(saved);
      await title.press('Enter');
      await expect.poll(() => goals.getByRole('status').textContent()).toBe('Inriktningsmål 1.1 är sparat.');

      // The period form checks its dates where they are typed.
      const periods = page.getByRole('region', { name: 'Öppna en ny period' });
      await periods.getByLabel('Benämning').fill('Jan–Apr 2027');
      await periods.getByLabel('Nyckel').fill('2027-jan-apr');
      await periods.getByLabel('Startdatum').fill('2027-04-30');
      await periods.getByLabel('Slutdatum').fill('2027-01-01');
      await periods.getByLabel('Slutdatum').press('Enter');
      await expect.poll(() => periods.getByText('Slutdatum får inte vara före startdatum.').count()).toBe(1);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('period-endDate');
      expect(await periods.getByLabel('Typ av period').locator('option').allTextContents()).toEqual([
        'Månad',
        'Tertial',
        'Delår',
        'Helår',
      ]);
    } finally {
      await context.close();
    }
  });
});
