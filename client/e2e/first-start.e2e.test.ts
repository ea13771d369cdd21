/**
 * An installation deployed without the demo data: the server starts on an empty database,
 * logs the one-time link to the set-up page, and whoever opens it creates Alingsås and its
 * first administratör on a laptop, with the keyboard, and lands signed in on its page.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDatabase, dropDatabase, freePort } from '../../server/test/test-database';
import { expectAccessible, hasChromium, launch } from './browser';

const serverDir = fileURLToPath(new URL('../../server/', import.meta.url));
const clientDist = fileURLToPath(new URL('../dist/', import.meta.url));
const LINK = /(http:\/\/\S+\/installera\?token=[A-Za-z0-9_-]{43})/;

describe.skipIf(!hasChromium)('the first start of an empty installation, on a laptop', () => {
  const dbName = `uppfoljning_e2e_first_start_${process.pid}`;
  let server: ChildProcess;
  let base: string;
  let link: string;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    const url = await createDatabase(inject('adminDatabaseUrl'), dbName);
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
      cwd: serverDir,
      env: {
        ...process.env,
        DATABASE_URL: url,
        PORT: String(port),
        CLIENT_DIST_DIR: clientDist,
        SEED_DEMO_DATA: 'false',
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    // The link is read from the log as the person deploying would read it.
    link = await new Promise<string>((resolve, reject) => {
      let output = '';
      server.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const found = LINK.exec(output);
        if (found) resolve(found[1]!);
      });
      server.once('exit', (code) => reject(new Error(`the server exited (${code}) without a set-up link`)));
    });
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'sv-SE' });
  });
  afterAll(async () => {
    await browser?.close();
    if (server && server.exitCode === null) {
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));
    }
    await dropDatabase(inject('adminDatabaseUrl'), dbName);
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
