/**
 * The built PWA under its Content-Security-Policy: it loads, registers its service worker,
 * reads a unit page, and the browser reports no violation of the policy.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hasChromium, launch, viewports } from './browser';

describe.skipIf(!hasChromium)('the app under its Content-Security-Policy', () => {
  let browser: Browser;
  let page: Page;
  const base = inject('baseUrl');
  const violations: string[] = [];

  beforeAll(async () => {
    browser = await launch();
    page = await browser.newPage({ viewport: viewports.phone, locale: 'sv-SE' });
    // Every violation is an event on the document and a console error; both are collected.
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) =>
        console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    page.on('console', (message) => {
      if (/Content Security Policy|CSP violation/i.test(message.text())) violations.push(message.text());
    });
  });
  afterAll(() => browser?.close());

  it('loads, registers the service worker and reads Kommunstyrelsekontoret’s page with no violation', async () => {
    const response = await page.goto(`${base}/`);
    const csp = response!.headers()['content-security-policy'];
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");

    expect(await page.evaluate(async () => Boolean((await navigator.serviceWorker.ready).active))).toBe(true);
    const manifest = await page.evaluate(async () => {
      const link = document.querySelector<HTMLLinkElement>('link[rel=manifest]')!;
      return (await fetch(link.href)).ok;
    });
    expect(manifest).toBe(true);

    const heading = () => page.getByRole('heading', { level: 1 });
    await page.getByRole('link', { name: 'Norrtälje kommun', exact: true }).click();
    await page.getByRole('link', { name: 'Kommunstyrelsen', exact: true }).click();
    await page.getByRole('link', { name: 'Kommunstyrelsekontoret' }).click();
    await expect.poll(() => heading().textContent()).toBe('Kommunstyrelsekontoret');
    // A reload is answered by the service worker, under the same policy.
    await page.reload();
    await expect.poll(() => heading().textContent()).toBe('Kommunstyrelsekontoret');
    expect(await page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);

    expect(violations).toEqual([]);
  });

  it('reports a violation when a page adds an inline script, so the check above can fail', async () => {
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.inlineRan = true';
      document.head.append(script);
    });
    await expect.poll(() => violations.length).toBeGreaterThan(0);
    expect(
      await page.evaluate(() => (window as unknown as { inlineRan?: boolean }).inlineRan),
    ).toBeUndefined();
  });
});
