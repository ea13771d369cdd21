import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible, hasChromium, launch, viewports } from './browser';

// Failed sign-ins are throttled (5 per account in 15 minutes): one wrong attempt per account.
describe.skipIf(!hasChromium)('signing in and out on a tablet', () => {
  let browser: Browser;
  let page: Page;
  const base = inject('baseUrl');

  beforeAll(async () => {
    browser = await launch();
    page = await browser.newPage({ viewport: viewports.tablet, locale: 'sv-SE' });
  });
  afterAll(() => browser?.close());

  const heading = () => page.getByRole('heading', { level: 1 });
  const banner = () => page.getByRole('banner');

  it('signs in from the page the reader is on, stays signed in after a reload, and signs out', async () => {
    await page.goto(`${base}/`);
    await page.getByRole('link', { name: 'Norrtälje kommun', exact: true }).click();
    await expect.poll(() => heading().textContent()).toBe('Norrtälje kommun');
    const unitUrl = page.url();

    await banner().getByRole('link', { name: 'Logga in' }).click();
    await expect.poll(() => heading().textContent()).toBe('Logga in');
    expect(new URL(page.url()).searchParams.get('till')).toBe(new URL(unitUrl).pathname);
    await expectAccessible(page);

    await page.getByLabel('E-postadress').fill('stab@norrtalje.demo');
    await page.getByLabel('Lösenord').fill('fel lösenord');
    await page.getByRole('button', { name: 'Logga in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('Fel e-postadress eller lösenord.');
    await expectAccessible(page);

    await page.getByLabel('Lösenord').fill('Uppfoljning-demo-2025');
    await page.getByRole('button', { name: 'Logga in' }).click();
    await banner().getByText('Sara Stab').waitFor();
    await expect.poll(() => page.url()).toBe(unitUrl);
    await expect.poll(() => banner().textContent()).toContain('Sara Stab (redaktör)');
    await expect.poll(() => heading().textContent()).toBe('Norrtälje kommun');

    await page.reload();
    await expect.poll(() => banner().textContent()).toContain('Sara Stab');

    // Signed in already, and `till` pointing off the site: the way onward is the start page.
    await page.goto(`${base}/logga-in?till=//example.com/`);
    await expect.poll(() => page.locator('main').textContent()).toContain('Du är inloggad som Sara Stab');
    expect(await page.getByRole('link', { name: 'Till startsidan' }).getAttribute('href')).toBe('/');

    await page.goto(unitUrl);
    await banner().getByRole('button', { name: 'Logga ut' }).click();
    await expect.poll(() => banner().getByRole('link', { name: 'Logga in' }).count()).toBe(1);
    expect(await banner().textContent()).not.toContain('Sara Stab');
    // Keyboard focus is not lost with the vanished button.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Logga in');
    await expect.poll(() => heading().textContent()).toBe('Norrtälje kommun');
  });
});
