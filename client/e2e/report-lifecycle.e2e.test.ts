/**
 * The administratör's report lifecycle in the built PWA. The browser tests share one
 * database: nothing here is ever published (that would make a period public for every other
 * test), and the draft made here is removed again, by the test or else by afterAll.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  expectAccessible,
  expectNoHorizontalScroll,
  hasChromium,
  launch,
  viewports,
  apiSession,
  DEMO_PASSWORD,
} from './browser';

const PASSWORD = DEMO_PASSWORD;
const TITLE = 'Månadsuppföljning 2025 IT-enheten';

describe.skipIf(!hasChromium)('the report lifecycle on a tablet', () => {
  let browser: Browser;
  const base = inject('baseUrl');
  /** IT-enheten's id, learnt from its URL. */
  let unitId: string | undefined;

  beforeAll(async () => {
    browser = await launch();
  });

  afterAll(async () => {
    // Leave the shared database as it was, even when a test failed half-way.
    if (unitId) {
      const admin = await apiSession(base, 'admin@norrtalje.demo');
      const { data } = await admin<{ unit: { reports: { id: string; title: string; status: string }[] } }>(
        'query($id: ID!) { unit(id: $id) { reports { id title status } } }',
        { id: unitId },
      );
      for (const r of data?.unit.reports ?? []) {
        if (r.title === TITLE && r.status === 'DRAFT') {
          await admin('mutation($id: ID!) { deleteDraftReport(id: $id) }', { id: r.id });
        }
      }
    }
    await browser?.close();
  });

  async function signedIn(email: string, name: string): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: viewports.tablet, locale: 'sv-SE' });
    const page = await context.newPage();
    await page.goto(`${base}/logga-in`);
    await page.getByLabel('E-postadress').fill(email);
    await page.getByLabel('Lösenord').fill(PASSWORD);
    await page.getByRole('button', { name: 'Logga in' }).click();
    // Signing in checks a scrypt hash, which is slow on purpose: wait as long as a person would.
    await page.getByRole('banner').getByText(name).waitFor();
    return { context, page };
  }

  const heading = (page: Page) => page.getByRole('heading', { level: 1 });

  async function openDepartmentReports(page: Page, name: string) {
    await page.goto(`${base}/`);
    await page.getByRole('link', { name: 'Norrtälje kommun', exact: true }).click();
    await page.getByRole('link', { name: 'Kommunstyrelsen', exact: true }).click();
    await page.getByRole('link', { name: 'Kommunstyrelsekontoret' }).click();
    if (name !== 'Kommunstyrelsekontoret') await page.getByRole('link', { name }).click();
    await expect.poll(() => heading(page).textContent()).toBe(name);
    await page
      .getByRole('navigation', { name: 'Avsnitt' })
      .getByRole('link', { name: 'Rapporter', exact: true })
      .click();
    await expect.poll(() => page.getByRole('heading', { level: 2, name: /^Rapporter/ }).count()).toBe(1);
  }

  it('lets the administratör draft a report, refuses to publish it without sections, and removes it', async () => {
    const { context, page } = await signedIn('admin@norrtalje.demo', 'Anna Admin');
    await openDepartmentReports(page, 'IT-enheten');
    unitId = new URL(page.url()).pathname.split('/')[2];
    await expect.poll(() => page.getByText('Inga rapporter finns för enheten.').count()).toBe(1);

    await page.getByRole('button', { name: 'Nytt rapportutkast' }).click();
    const form = page.getByRole('form', { name: 'Nytt rapportutkast för IT-enheten' });
    const period = form.getByLabel('Period');
    // The working period, the one without a published report, is chosen and said to be so.
    await expect
      .poll(() => period.locator('option:checked').textContent())
      .toBe('2025 (arbetsperiod, inte publicerad)');
    expect(await period.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await form.getByLabel('Typ av rapport').locator('option:checked').textContent()).toBe(
      'Månadsuppföljning',
    );
    expect(await form.getByLabel('Rubrik').inputValue()).toBe(TITLE);

    // The server's refusal is shown by the field it is about.
    await form.getByLabel('Rubrik').fill('  ');
    await form.getByRole('button', { name: 'Skapa utkastet' }).click();
    await expect.poll(() => form.getByLabel('Rubrik').getAttribute('aria-invalid')).toBe('true');
    const described = await form.getByLabel('Rubrik').getAttribute('aria-describedby');
    expect(await page.locator(`[id="${described}"]`).textContent()).toBe('Ange en rubrik.');
    expect(await form.locator('[aria-live]').textContent()).toContain('Inget sparades');
    expect(await form.getByLabel('Rubrik').evaluate((el) => el === document.activeElement)).toBe(true);
    await expectAccessible(page);
    await expectNoHorizontalScroll(page);

    await form.getByLabel('Typ av rapport').selectOption({ label: 'Tertialrapport' });
    await form.getByLabel('Typ av rapport').selectOption({ label: 'Månadsuppföljning' });
    await form.getByLabel('Rubrik').fill(TITLE);
    await form.getByRole('button', { name: 'Skapa utkastet' }).click();

    // The draft opens.
    await expect.poll(() => heading(page).textContent()).toBe(TITLE);
    expect(new URL(page.url()).pathname).toMatch(/^\/rapport\/\d+$/);
    expect(await page.locator('main').textContent()).toContain('Utkast');

    // Publishing asks first, and says what cannot be undone.
    await page.getByRole('button', { name: 'Publicera rapporten' }).click();
    const confirmPublish = page.getByRole('region', { name: 'Publicera rapporten?' });
    await expect.poll(() => confirmPublish.textContent()).toContain('kan aldrig ändras eller tas bort');
    expect(await confirmPublish.textContent()).toContain('offentlig');
    expect(await confirmPublish.getByRole('heading').evaluate((el) => el === document.activeElement)).toBe(
      true,
    );
    await expectAccessible(page);
    await expectNoHorizontalScroll(page);

    // A draft whose sections have no text is refused, in Swedish, and stays a draft.
    await confirmPublish.getByRole('button', { name: 'Ja, publicera' }).click();
    await expect
      .poll(() => page.getByRole('alert').filter({ hasText: 'Rapporten' }).textContent())
      .toBe(
        'Rapporten publicerades inte: Avsnitten ”Sammanfattning”, ”Viktiga händelser”, ”Riskanalys” saknar text.',
      );
    expect(await confirmPublish.count()).toBe(0);
    expect(await page.getByText('Utkast – inte publicerad').count()).toBe(1);
    await page.reload();
    await expect.poll(() => heading(page).textContent()).toBe(TITLE);
    expect(await page.getByText('Utkast – inte publicerad').count()).toBe(1);

    // Cancelling a removal keeps the draft and returns to the button.
    await page.getByRole('button', { name: 'Ta bort utkastet' }).click();
    const confirmDelete = page.getByRole('region', { name: 'Ta bort utkastet?' });
    await confirmDelete.getByRole('button', { name: 'Avbryt' }).click();
    await expect
      .poll(() =>
        page
          .getByRole('button', { name: 'Ta bort utkastet' })
          .evaluate((el) => el === document.activeElement),
      )
      .toBe(true);

    await page.getByRole('button', { name: 'Ta bort utkastet' }).click();
    await expect.poll(() => confirmDelete.textContent()).toContain('kan inte återställas');
    await expectAccessible(page);
    await confirmDelete.getByRole('button', { name: 'Ja, ta bort utkastet' }).click();

    // Back on the unit's Rapporter tab, where the draft is gone.
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/enhet/${unitId}/rapporter`);
    await expect.poll(() => page.getByText('Inga rapporter finns för enheten.').count()).toBe(1);
    expect(await page.getByRole('link', { name: TITLE }).count()).toBe(0);
    // Also after a reload, from the server.
    await page.reload();
    await expect.poll(() => page.getByText('Inga rapporter finns för enheten.').count()).toBe(1);
    await context.close();
  });

  it('shows a redaktör neither the new-draft button nor the publish and remove buttons', async () => {
    // The same pages as an administratör first: the buttons are there to be missed.
    const admin = await signedIn('admin@norrtalje.demo', 'Anna Admin');
    await openDepartmentReports(admin.page, 'Kommunstyrelsekontoret');
    await expect.poll(() => admin.page.getByRole('button', { name: 'Nytt rapportutkast' }).count()).toBe(1);
    await admin.page.getByRole('link', { name: 'Verksamhetsberättelse 2025 Kommunstyrelsekontoret' }).click();
    // The lifecycle controls are their own chunk, loaded while the report is kept offline.
    await admin.page.getByRole('button', { name: 'Publicera rapporten' }).waitFor();
    expect(await admin.page.getByRole('button', { name: 'Ta bort utkastet' }).count()).toBe(1);
    const draftUrl = admin.page.url();
    await admin.context.close();

    const { context, page } = await signedIn('stab@norrtalje.demo', 'Sara Stab');
    await openDepartmentReports(page, 'Kommunstyrelsekontoret');
    await expect.poll(() => page.locator('.cards > li').count()).toBeGreaterThan(0);
    await page.waitForLoadState('networkidle');
    expect(await page.getByRole('button', { name: 'Nytt rapportutkast' }).count()).toBe(0);

    await page.goto(draftUrl);
    await expect
      .poll(() => heading(page).textContent())
      .toBe('Verksamhetsberättelse 2025 Kommunstyrelsekontoret');
    expect(await page.getByText('Utkast – inte publicerad').count()).toBe(1);
    await page.waitForLoadState('networkidle');
    expect(await page.getByRole('button', { name: 'Publicera rapporten' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Ta bort utkastet' }).count()).toBe(0);
    await context.close();
  });
});
