/**
 * Accounts in the built PWA: a person changes their password and signs out everywhere on a
 * phone; an administratör disables a user on a tablet, and the user's open app finds itself
 * signed out. The browser tests share one database: the users here are made for this file
 * (the demo users keep their passwords and stay enabled).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  apiSession,
  expectAccessible,
  expectNoHorizontalScroll,
  hasChromium,
  launch,
  viewports,
} from './browser';

const PASSWORD = 'ett eget långt lösenord';
const NEW_PASSWORD = 'ett annat långt lösenord';

/** What signing in answers, outside the browser. */
async function signInAnswer(base: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { __typename } }',
      variables: { e: email, p: password },
    }),
  });
  const { data } = (await response.json()) as { data: { signIn: { __typename: string } } };
  return data.signIn.__typename;
}

describe.skipIf(!hasChromium)('accounts', () => {
  let browser: Browser;
  const base = inject('baseUrl');

  beforeAll(async () => {
    browser = await launch();
    const admin = await apiSession(base, 'admin@norrtalje.demo');
    for (const [email, name] of [
      ['konto.e2e@norrtalje.se', 'Klara Konto'],
      ['stangs.e2e@norrtalje.se', 'Sven Stängs'],
    ]) {
      const { data } = await admin<{ createUser: { __typename: string } }>(
        'mutation($input: NewUserInput!) { createUser(input: $input) { __typename } }',
        { input: { email, name, password: PASSWORD, role: 'LASARE' } },
      );
      expect(data?.createUser.__typename).toBe('UserCreated');
    }
  });
  afterAll(() => browser?.close());

  async function signedIn(
    email: string,
    name: string,
    viewport: { width: number; height: number },
    password = PASSWORD,
  ): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport, locale: 'sv-SE' });
    const page = await context.newPage();
    await page.goto(`${base}/logga-in`);
    await page.getByLabel('E-postadress').fill(email);
    await page.getByLabel('Lösenord').fill(password);
    await page.getByRole('button', { name: 'Logga in' }).click();
    // Signing in checks a scrypt hash, which is slow on purpose: wait as long as a person would.
    await page.getByRole('banner').getByText(name).waitFor();
    return { context, page };
  }

  const heading = (page: Page) => page.getByRole('heading', { level: 1 });

  it('changes the password on a phone, signing out the other device, then signs out everywhere', async () => {
    const other = await apiSession(base, 'konto.e2e@norrtalje.se', PASSWORD);
    const { context, page } = await signedIn('konto.e2e@norrtalje.se', 'Klara Konto', viewports.phone);
    try {
      await page.getByRole('banner').getByRole('link', { name: 'Mitt konto' }).click();
      await expect.poll(() => heading(page).textContent()).toBe('Mitt konto');
      const sessions = page.getByRole('region', { name: 'Inloggad på' }).getByRole('listitem');
      await expect.poll(() => sessions.count()).toBe(2);
      await expect.poll(() => sessions.filter({ hasText: '(den här enheten)' }).count()).toBe(1);
      await expectAccessible(page);
      await expectNoHorizontalScroll(page);

      // A wrong current password: said by the field, where focus goes.
      await page.getByLabel('Nuvarande lösenord').fill('inte mitt lösenord');
      await page.getByLabel('Nytt lösenord').fill(NEW_PASSWORD);
      await page.getByLabel('Upprepa det nya lösenordet').fill(NEW_PASSWORD);
      await page.getByRole('button', { name: 'Byt lösenord' }).click();
      await expect.poll(() => page.getByText('Fel nuvarande lösenord.').count()).toBe(1);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('currentPassword');
      expect(await page.getByLabel('Nuvarande lösenord').getAttribute('aria-invalid')).toBe('true');
      await expectAccessible(page);

      // Typed with the keyboard only: the form is a form.
      await page.getByLabel('Nuvarande lösenord').fill(PASSWORD);
      await page.getByLabel('Upprepa det nya lösenordet').focus();
      await page.keyboard.press('Enter');
      await expect
        .poll(() => page.getByRole('status').textContent())
        .toBe('Lösenordet är bytt. Du loggades ut på 1 annan enhet.');
      await expect.poll(() => sessions.count()).toBe(1);
      const { data } = await other<{ me: null }>('{ me { id } }', {});
      expect(data?.me).toBeNull();
      expect(await signInAnswer(base, 'konto.e2e@norrtalje.se', PASSWORD)).toBe('SignInError');

      await page.getByRole('button', { name: 'Logga ut överallt' }).click();
      await expect
        .poll(() => page.getByRole('status').textContent())
        .toBe('Du är nu utloggad på alla enheter.');
      await expect
        .poll(() => page.getByRole('banner').getByRole('link', { name: 'Logga in' }).count())
        .toBe(1);
      expect(await page.getByRole('banner').textContent()).not.toContain('Klara Konto');
      await page.reload();
      await expect.poll(() => page.locator('main').textContent()).toContain('Du är inte inloggad.');
      expect(await signInAnswer(base, 'konto.e2e@norrtalje.se', NEW_PASSWORD)).toBe('SignedIn');
    } finally {
      await context.close();
    }
  });

  it('lets an administratör disable a user after confirming, and the user’s open app is signed out', async () => {
    const user = await signedIn('stangs.e2e@norrtalje.se', 'Sven Stängs', viewports.phone);
    const admin = await signedIn(
      'admin@norrtalje.demo',
      'Anna Admin',
      viewports.tablet,
      'Uppfoljning-demo-2025',
    );
    try {
      await user.page.getByRole('banner').getByRole('link', { name: 'Mitt konto' }).click();
      await expect.poll(() => heading(user.page).textContent()).toBe('Mitt konto');

      const page = admin.page;
      await page.getByRole('banner').getByRole('link', { name: 'Användare' }).click();
      await expect.poll(() => heading(page).textContent()).toBe('Användare');
      const row = page.getByRole('row').filter({ hasText: 'stangs.e2e@norrtalje.se' });
      await expect.poll(() => row.getByRole('cell').nth(2).textContent()).toBe('Aktiv');
      // No way to lock oneself out.
      const own = page.getByRole('row').filter({ hasText: 'admin@norrtalje.demo' });
      expect(await own.getByRole('button').count()).toBe(0);
      await expectAccessible(page);

      // Escape answers the confirmation with no, and focus returns to the button.
      await row.getByRole('button', { name: 'Stäng av Sven Stängs' }).click();
      const dialog = page.getByRole('dialog', { name: 'Stänga av Sven Stängs?' });
      await dialog.waitFor();
      await expectAccessible(page);
      await page.keyboard.press('Escape');
      await expect.poll(() => dialog.count()).toBe(0);
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
        'Stäng av Sven Stängs',
      );
      await expect.poll(() => row.getByRole('cell').nth(2).textContent()).toBe('Aktiv');

      await page.keyboard.press('Enter');
      await dialog.getByRole('button', { name: 'Stäng av' }).click();
      await expect
        .poll(() => page.getByRole('status').textContent())
        .toBe('Sven Stängs är avstängd och har loggats ut.');
      await expect
        .poll(() => row.getByRole('cell').nth(2).textContent())
        .toMatch(/^Avstängd .* av Anna Admin$/);
      expect(await row.getByRole('button').textContent()).toBe('Aktivera');

      // The user's app learns it at its next request that needs the session.
      await user.page.getByLabel('Nuvarande lösenord').fill(PASSWORD);
      await user.page.getByLabel('Nytt lösenord').fill(NEW_PASSWORD);
      await user.page.getByLabel('Upprepa det nya lösenordet').fill(NEW_PASSWORD);
      await user.page.getByRole('button', { name: 'Byt lösenord' }).click();
      await expect
        .poll(() => user.page.getByRole('banner').getByRole('link', { name: 'Logga in' }).count())
        .toBe(1);
      await expect.poll(() => user.page.locator('main').textContent()).toContain('Du är inte inloggad.');
      // And signing in again is refused as a wrong password is.
      await user.page.goto(`${base}/logga-in`);
      await user.page.getByLabel('E-postadress').fill('stangs.e2e@norrtalje.se');
      await user.page.getByLabel('Lösenord').fill(PASSWORD);
      await user.page.getByRole('button', { name: 'Logga in' }).click();
      await expect
        .poll(() => user.page.getByRole('alert').textContent())
        .toBe('Fel e-postadress eller lösenord.');

      await row.getByRole('button', { name: 'Aktivera Sven Stängs' }).click();
      await page
        .getByRole('dialog', { name: 'Aktivera Sven Stängs?' })
        .getByRole('button', { name: 'Aktivera' })
        .click();
      await expect.poll(() => page.getByRole('status').textContent()).toBe('Sven Stängs kan logga in igen.');
      await expect.poll(() => row.getByRole('cell').nth(2).textContent()).toBe('Aktiv');
      expect(await signInAnswer(base, 'stangs.e2e@norrtalje.se', PASSWORD)).toBe('SignedIn');
    } finally {
      await user.context.close();
      await admin.context.close();
    }
  });
});
