/**
 * An installation deployed without the demo data: the server starts on an empty database,
 * logs the one-time link to the set-up page, and whoever opens it creates Alingsås and its
 * first administratör on a laptop, with the keyboard, and lands signed in on its page.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible, hasChromium, launch } from './browser';
import { startEmptyInstallation, type EmptyInstallation } from './empty-installation';

describe.skipIf(!hasChromium)('the first start of an empty installation, on a laptop', () => {
  let installation: EmptyInstallation;
  let base: string;
  let link: string;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    installation = await startEmptyInstallation(inject('adminDatabaseUrl'), 'first_start');
    ({ base, link } = installation);
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'sv-SE' });
  });
  afterAll(async () => {
    await browser?.close();
    await installation?.stop();
  });

  const heading = () => page.getByRole('heading', { level: 1 });
  const main = () => page.locator('main');

  it('says on the start page that no kommun is set up yet', async () => {
    expect(new URL(link).origin).toBe(base);
    await page.goto(`${base}/`);
    await expect.poll(() => main().textContent()).toContain('Ingen kommun är inställd ännu');
    expect(await page.getByRole('link').filter({ hasText: 'kommun' }).count()).toBe(0);
  });

  it('creates Alingsås and its administratör from the logged link, with the keyboard, and lands signed in on its page', async () => {
    await page.goto(link);
    await expect.poll(() => heading().textContent()).toBe('Skapa den första kommunen');
    expect(await page.locator('#kolada-kommuner option').count()).toBe(290);
    await expectAccessible(page);

    // Field by field with Tab, as a keyboard user fills it in; two mistakes first.
    await page.getByLabel('Kommun').focus();
    await page.keyboard.type('Alingsåsa');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Anna Admin');
    await page.keyboard.press('Tab');
    await page.keyboard.type('anna@alingsas.se');
    await page.keyboard.press('Tab');
    await page.keyboard.type('ett långt lösenord');
    await page.keyboard.press('Tab');
    await page.keyboard.type('ett annat lösenord');
    await page.keyboard.press('Enter');

    const kommun = page.getByLabel('Kommun');
    await expect.poll(() => kommun.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#koladaCode-error').textContent()).toBe(
      'Alingsåsa finns inte i Koladas lista över kommuner.',
    );
    expect(await page.locator('#repeat-error').textContent()).toBe('Lösenorden är inte lika.');
    expect(await kommun.getAttribute('aria-describedby')).toBe('koladaCode-hint koladaCode-error');
    // Focus goes to the first field to correct.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('koladaCode');
    await expectAccessible(page);

    await kommun.fill('Alingsås');
    await page.getByLabel('Lösenordet igen').fill('ett långt lösenord');
    await page.getByRole('button', { name: 'Skapa kommunen' }).click();

    await expect.poll(() => heading().textContent()).toBe('Alingsås kommun');
    expect(new URL(page.url()).pathname).toMatch(/^\/enhet\/\d+$/);
    await expect.poll(() => page.getByRole('banner').textContent()).toContain('Anna Admin (administratör)');
  });

  it('says the set-up is done once the kommun exists, and the start page lists it', async () => {
    await page.goto(link);
    await expect.poll(() => heading().textContent()).toBe('Installationen är klar');
    await page.getByRole('link', { name: 'Till startsidan' }).click();
    await expect.poll(() => page.getByRole('link', { name: 'Alingsås', exact: true }).count()).toBe(1);
    expect(await main().textContent()).not.toContain('Ingen kommun är inställd ännu');
  });
});
