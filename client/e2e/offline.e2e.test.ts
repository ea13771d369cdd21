/**
 * Offline, in a real Chromium with the service worker: a politician reads the latest KSK
 * report with no network, every screen of it; an editor's change made offline waits on the
 * device, survives closing the page, and is saved once when the connection returns.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hasChromium, launch, viewports, DEMO_PASSWORD } from './browser';

const PASSWORD = DEMO_PASSWORD;
const base = inject('baseUrl');

/** What the device holds, read straight from IndexedDB. */
const storedReports = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<{ reportId: string; bytes: number; keys: string[] }[]>((resolve) => {
        const open = indexedDB.open('uppfoljning-offline');
        open.onupgradeneeded = () => open.result.createObjectStore('reports');
        open.onsuccess = () => {
          const all = open.result.transaction('reports').objectStore('reports').getAll();
          all.onsuccess = () =>
            resolve(
              (all.result as { reportId: string; bytes: number; answers: object }[]).map((r) => ({
                reportId: r.reportId,
                bytes: r.bytes,
                keys: Object.keys(r.answers),
              })),
            );
        };
      }),
  );

/** The service worker installed; it controls the pages loaded after it (a prompt-type worker). */
async function serviceWorkerInControl(page: Page) {
  await page.goto(`${base}/`);
  await page.evaluate(async () => void (await navigator.serviceWorker.ready));
  await page.reload();
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

async function openKsk(page: Page) {
  await page.getByRole('link', { name: 'Norrtälje kommun', exact: true }).click();
  await page.getByRole('link', { name: 'Kommunstyrelsen', exact: true }).click();
  await page.getByRole('link', { name: 'Kommunstyrelsekontoret' }).click();
  await expect
    .poll(() => page.getByRole('heading', { level: 1 }).textContent())
    .toBe('Kommunstyrelsekontoret');
}

const mainText = async (page: Page) => {
  await expect.poll(() => page.locator('main').count()).toBe(1);
  await expect.poll(() => page.getByText('Laddar…').count()).toBe(0);
  return (await page.locator('main').innerText()).replace(/\s+/g, ' ');
};

describe.skipIf(!hasChromium)('offline', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(() => browser?.close());

  describe('a politician on a phone reads the latest KSK report with no network', () => {
    let context: BrowserContext;
    let page: Page;
    const screens = new Map<string, string>();
    let reportUrl = '';
    let neverOpened = '';

    beforeAll(async () => {
      context = await browser.newContext({ viewport: viewports.phone, locale: 'sv-SE' });
      page = await context.newPage();
    });
    afterAll(() => context?.close());

    it('keeps the latest report of a unit it opens on the device, with every screen it shows', async () => {
      // A download asks in batches (a JSON array of operations): few round trips.
      let batches = 0;
      page.on('request', (r) => {
        if (r.url().endsWith('/graphql') && r.postData()?.startsWith('[')) batches++;
      });
      await serviceWorkerInControl(page);
      await openKsk(page);
      await page
        .getByRole('navigation', { name: 'Avsnitt' })
        .getByRole('link', { name: 'Rapporter' })
        .click();
      const reportList = page.url();
      const card = (period: string) =>
        page
          .locator('.cards > li')
          .filter({ hasText: `· ${period} ·` })
          .first();
      // A report of another kommun, never opened here.
      neverOpened = await page.evaluate(async () => {
        const response = await fetch('/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ kommuner { name root { reports { id } } } }' }),
        });
        const { data } = (await response.json()) as {
          data: { kommuner: { name: string; root: { reports: { id: string }[] } }[] };
        };
        return `/rapport/${data.kommuner.find((k) => k.name.startsWith('Alingsås'))!.root.reports[0]!.id}`;
      });

      // The 2024 annual report, kept with "Spara för offline": it assesses goals and indicators.
      await card('2024').getByRole('link').click();
      await page.getByRole('button', { name: 'Spara för offline' }).click();
      await expect.poll(() => page.getByText(/sparad av dig/).count(), { timeout: 30_000 }).toBe(1);
      screens.set(page.url(), await mainText(page));
      await page.locator('main').getByRole('link', { name: 'Mål', exact: true }).click();
      await page.locator('main a[href^="/mal/"]').first().click();
      await expect.poll(() => page.url()).toContain('/mal/');
      screens.set(page.url(), await mainText(page));
      await page.locator('main a[href^="/indikator/"]').first().click();
      await expect.poll(() => page.url()).toContain('/indikator/');
      screens.set(page.url(), await mainText(page));

      // The latest report, kept by itself because its unit was opened.
      await page.goto(reportList);
      await card('Jan–Jul 2025').getByRole('link').click();
      await expect.poll(() => page.getByText(/^Sparad på enheten/).count(), { timeout: 30_000 }).toBe(1);
      reportUrl = page.url();
      const stored = (await storedReports(page)).find((r) => r.reportId === reportUrl.split('/').pop());
      // The report, KSK and the 9 units below it (each screen with and without the period),
      // and the page of every goal, indicator and assignment they show.
      expect(stored!.keys.filter((k) => k.startsWith('UnitPage:'))).toHaveLength(20);
      expect(stored!.keys.some((k) => k.startsWith('AssignmentPage:'))).toBe(true);
      console.info(
        `One report on the device: ${stored!.keys.length} answers, ${stored!.bytes} bytes; ` +
          `${batches} batched requests for the reports downloaded so far`,
      );

      // What each screen shows online, to compare with offline.
      screens.set(reportUrl, await mainText(page));
      const sectionUrls = await page
        .locator('main')
        .getByRole('link', { name: /^(Mål|Indikatorer|Uppdrag|Ekonomi)$/ })
        .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
      expect(sectionUrls).toHaveLength(4);
      for (const url of sectionUrls) {
        await page.goto(url);
        screens.set(url, await mainText(page));
      }
      await page.goto(sectionUrls.find((u) => u.includes('/uppdrag'))!);
      await page.locator('main .cards h3 a').first().click();
      await expect.poll(() => page.url()).toContain('/uppdrag/');
      screens.set(page.url(), await mainText(page));
      await page.goto(sectionUrls[0]!.replace('/mal', ''));
      screens.set(page.url(), await mainText(page));
      await page.getByRole('region', { name: 'Underliggande enheter' }).getByRole('link').first().click();
      await expect.poll(() => page.url()).not.toContain('period=');
      screens.set(page.url(), await mainText(page));
      expect(screens.size).toBe(11);
    });

    it('opens every one of those screens after a reload with no network, saying it is offline', async () => {
      await context.setOffline(true);
      await page.goto(reportUrl);
      await expect
        .poll(() =>
          page
            .getByRole('status')
            .filter({ hasText: /^Offline – visar rapport/ })
            .count(),
        )
        .toBe(1);
      for (const [url, online] of screens) {
        await page.goto(url);
        expect(await mainText(page), url).toBe(online);
      }
      // Drilling by tapping, as a reader does: the report → Uppdrag → an assignment.
      await page.goto(reportUrl);
      await page.locator('main').getByRole('link', { name: 'Uppdrag', exact: true }).click();
      await page.locator('main .cards h3 a').first().click();
      await expect.poll(() => page.url()).toContain('/uppdrag/');
      expect(await mainText(page)).not.toContain('Inte nedladdad');
    });

    it('says plainly that a report never opened was not downloaded', async () => {
      await page.goto(`${base}${neverOpened}`);
      await expect.poll(() => page.getByRole('heading', { name: 'Inte nedladdad' }).count()).toBe(1);
      await context.setOffline(false);
    });
  });

  describe('an editor on a tablet changes a comment offline', () => {
    let context: BrowserContext;
    let page: Page;

    beforeAll(async () => {
      context = await browser.newContext({ viewport: viewports.tablet, locale: 'sv-SE' });
      page = await context.newPage();
    });
    afterAll(() => context?.close());

    /** The working period's card on an assignment page. */
    const workingCard = () =>
      page.locator('.cards > li').filter({ has: page.getByRole('heading', { name: '2025', exact: true }) });

    it('keeps the change as pending over closing the page, and saves it once when the connection returns', async () => {
      await serviceWorkerInControl(page);
      await page.goto(`${base}/logga-in`);
      await page.getByLabel('E-postadress').fill('kontor@norrtalje.demo');
      await page.getByLabel('Lösenord').fill(PASSWORD);
      await page.getByRole('button', { name: 'Logga in' }).click();
      await page.getByRole('banner').getByText('Logga ut').waitFor();
      await page.goto(`${base}/`);
      await openKsk(page);
      await expect.poll(async () => (await storedReports(page)).length, { timeout: 30_000 }).toBe(1);
      await page.getByRole('link', { name: 'Stab- och planeringsavdelningen' }).click();
      await page
        .getByRole('navigation', { name: 'Avsnitt' })
        .getByRole('link', { name: 'Uppdrag', exact: true })
        .click();
      // The last one: the editing tests change the first.
      await page.locator('.cards h3 a').last().click();
      await expect.poll(() => page.url()).toContain('/uppdrag/');
      const url = page.url();
      const id = url.split('/').pop()!;
      expect((await storedReports(page))[0]!.keys).toContain(`AssignmentPage:[["id","${id}"]]`);

      await context.setOffline(true);
      await page.reload();
      await workingCard()
        .getByRole('button', { name: /^Ändra/ })
        .click();
      const text = `Skrivet utan uppkoppling ${Date.now()}`;
      await page.getByLabel('Kommentar').fill(text);
      await page.getByRole('button', { name: 'Spara' }).click();
      await expect
        .poll(() => workingCard().getByRole('status').textContent())
        .toContain('Väntar på uppkoppling');

      // Closed and opened again, still offline: the change still waits.
      await page.close();
      page = await context.newPage();
      await page.goto(url);
      await expect.poll(() => workingCard().getByRole('status').textContent()).toContain(text.slice(0, 20));

      await context.setOffline(false);
      await expect
        .poll(() => workingCard().getByText('Väntar på uppkoppling').count(), { timeout: 20_000 })
        .toBe(0);
      await expect.poll(() => workingCard().textContent()).toContain(text);
      await workingCard()
        .getByText(/^Historik/)
        .click();
      await expect.poll(() => workingCard().locator('.history').textContent()).toContain(text);

      // Saved exactly once: one revision carries the text, whatever was sent.
      const answer = await page.evaluate(async (assignmentId) => {
        const response = await fetch('/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            query: `query($id: ID!) { assignment(id: $id) { followUps { period { label } history { revisions { changes { field after } } } } } }`,
            variables: { id: assignmentId },
          }),
        });
        return (await response.json()) as {
          data: {
            assignment: {
              followUps: {
                period: { label: string };
                history: { revisions: { changes: { field: string; after: string }[] }[] };
              }[];
            };
          };
        };
      }, id);
      const working = answer.data.assignment.followUps.find((f) => f.period.label === '2025')!;
      const revisions = working.history.revisions.filter((r) =>
        r.changes.some((c) => c.field === 'comment' && c.after === text),
      );
      expect(revisions).toHaveLength(1);
    });
  });
});
