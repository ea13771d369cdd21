import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';

/** Debian's Chromium; `.ci/run` installs it, `npx playwright install` cannot work here. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

export const viewports = {
  phone: { width: 360, height: 740 },
  tablet: { width: 768, height: 1024 },
} as const;

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core on the page as it is now: no serious or critical WCAG 2.1 AA violation. */
export async function expectAccessible(page: Page) {
  // Evaluated by the browser's debugger, not added as an inline script: the app's
  // Content-Security-Policy refuses inline scripts, as it should.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            o: object,
          ) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run({
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  expect(violations).toEqual([]);
}

/** No sideways scrolling of the whole page on a phone. */
export async function expectNoHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

/** The demo users' password (README). */
export const DEMO_PASSWORD = 'Uppfoljning-demo-2025';

/** Someone's session outside the browser: another device saving in between, or a clean-up. */
export async function apiSession(base: string, email: string, password = DEMO_PASSWORD) {
  const post = (query: string, variables: object, cookie?: string) =>
    fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      body: JSON.stringify({ query, variables }),
    });
  const response = await post(
    'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { __typename } }',
    { e: email, p: password },
  );
  const cookie = response.headers.get('set-cookie')!.split(';')[0]!;
  return async <T = Record<string, Record<string, unknown>>>(query: string, variables: object) =>
    (await (await post(query, variables, cookie)).json()) as {
      data?: T;
      errors?: { message: string; extensions: { code: string } }[];
    };
}
