import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible, expectNoHorizontalScroll, hasChromium, launch, viewports } from './browser';

if (!hasChromium && process.env.CI)
  throw new Error('Chromium saknas: .ci/run ska installera Debians chromium.');

describe('the installable PWA', () => {
  it('has a Swedish manifest with icons in the required sizes, a maskable one and the theme colour', async () => {
    const manifest = (await (await fetch(`${inject('baseUrl')}/manifest.webmanifest`)).json()) as {
      lang: string;
      name: string;
      short_name: string;
      theme_color: string;
      display: string;
      icons: { sizes: string; purpose?: string }[];
    };
    expect(manifest).toMatchObject({
      lang: 'sv-SE',
      short_name: 'Uppföljning',
      theme_color: '#1f4e79',
      display: 'standalone',
    });
    expect(manifest.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
    expect(manifest.icons.some((i) => i.purpose === 'maskable')).toBe(true);
    for (const icon of manifest.icons as unknown as { src: string }[]) {
      expect((await fetch(`${inject('baseUrl')}${icon.src}`)).status, icon.src).toBe(200);
    }
  });
});

describe.skipIf(!hasChromium).each(Object.entries(viewports))(
  'reading the demo data on a %s',
  (_, viewport) => {
    let browser: Browser;
    let page: Page;
    const base = inject('baseUrl');

    beforeAll(async () => {
      browser = await launch();
      page = await browser.newPage({ viewport, locale: 'sv-SE' });
    });
    afterAll(() => browser?.close());

    const heading = () => page.getByRole('heading', { level: 1 });
    const section = (name: string) =>
      page.getByRole('navigation', { name: 'Avsnitt' }).getByRole('link', { name, exact: true }).click();
    /** From the start page to Kommunstyrelsekontoret, by clicking as a reader does. */
    async function openKommunstyrelsekontoret() {
      await page.goto(`${base}/`);
      await page.getByRole('link', { name: 'Norrtälje kommun', exact: true }).click();
      await page.getByRole('link', { name: 'Kommunstyrelsen', exact: true }).click();
      await page.getByRole('link', { name: 'Kommunstyrelsekontoret' }).click();
      await expect.poll(() => heading().textContent()).toBe('Kommunstyrelsekontoret');
    }

    it('drills from the kommun to Kommunstyrelsekontoret to Stab- och planeringsavdelningen to an assignment and back', async () => {
      await page.goto(`${base}/`);
      await expectAccessible(page);
      // Installable: the service worker takes control of the app.
      expect(await page.evaluate(async () => Boolean((await navigator.serviceWorker.ready).active))).toBe(
        true,
      );
      await openKommunstyrelsekontoret();
      await expectAccessible(page);
      await expectNoHorizontalScroll(page);
      await expect.poll(() => page.title()).toBe('Kommunstyrelsekontoret – Jan–Jul 2025 – Uppföljning');
      // The office's name stays whole on one line, also at 360 px, never "Kommunstyrelsekont|oret".
      const lines = await heading().evaluate(
        (h) => h.getBoundingClientRect().height / parseFloat(getComputedStyle(h).lineHeight),
      );
      expect(lines).toBeLessThan(1.5);

      await page.getByRole('link', { name: 'Stab- och planeringsavdelningen' }).click();
      await expect.poll(() => heading().textContent()).toBe('Stab- och planeringsavdelningen');
      await section('Uppdrag');
      const firstAssignment = page.locator('.cards h3 a').first();
      const title = await firstAssignment.textContent();
      await firstAssignment.click();
      await expect.poll(() => heading().textContent()).toBe(title);
      await expect.poll(() => page.getByRole('heading', { name: 'Uppföljningar' }).count()).toBe(1);
      await expectAccessible(page);
      await expectNoHorizontalScroll(page);

      await page.goBack();
      await expect.poll(() => heading().textContent()).toBe('Stab- och planeringsavdelningen');
    });

    it('shows the printed Jan–Jul 2025 summary table of Kommunstyrelsekontoret', async () => {
      await openKommunstyrelsekontoret();
      await section('Uppdrag');
      const table = page.getByRole('table', { name: /per status och prognos/ });
      await table.waitFor();
      const rows = await table
        .locator('tbody tr, tfoot tr')
        .evaluateAll((trs) =>
          trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent?.trim()).join(' ')),
        );
      expect(rows).toEqual([
        'Uppdrag Ej påbörjad 0 1 1',
        'Uppdrag Påbörjad 15 1 16',
        'Uppdrag Slutförd 3 1 4',
        'Nämndinitiativ Ej påbörjad 0 1 1',
        'Nämndinitiativ Påbörjad 7 3 10',
        'Nämndinitiativ Slutförd 3 1 4',
        'Totalt 28 8 36',
      ]);
      await expectAccessible(page);

      // The deep link opens directly, also after a reload.
      const url = page.url();
      await page.goto(url);
      await page.reload();
      await expect.poll(() => heading().textContent()).toBe('Kommunstyrelsekontoret');
      await expect.poll(() => table.locator('tfoot').textContent()).toContain('36');
    });

    it('shows each indicator with a chart of its series and the economy with the office totals', async () => {
      await openKommunstyrelsekontoret();
      await section('Indikatorer');
      await page.getByLabel('Period').selectOption({ label: '2024' });
      const chart = page.getByRole('img', { name: /^Soliditet inkl\. pensionsåtagande/ });
      await chart.waitFor();
      expect(await chart.getAttribute('aria-label')).toContain(
        '2021 23,4 %, 2022 27,4 %, 2023 29,5 %, 2024 26,7 %. Mål 27,1 %',
      );
      await expectAccessible(page);
      await expectNoHorizontalScroll(page);

      await page.getByLabel('Period').selectOption({ label: 'Jan–Jul 2025' });
      await section('Ekonomi');
      const perGroup = page.getByRole('table', { name: /Prognos 3/ }).first();
      await perGroup.waitFor();
      const total = (await perGroup.locator('tfoot').textContent())!.replace(/\s/g, ' ');
      expect(total).toContain('−168 111 tkr');
      expect(total).toContain('−324 378 tkr');
      await expectAccessible(page);
      await expectNoHorizontalScroll(page);
    });

    it('rates what is off track honestly, explains the words and notes an assessment its figures contradict', async () => {
      await openKommunstyrelsekontoret();
      const list = page.locator('ol.off-track');
      await list.waitFor();
      // Intäkter are −2 211 tkr in Jan–Jul 2025, but the year's forecast is favourable.
      const income = list.locator('li', { has: page.getByText('Intäkter', { exact: true }) });
      expect(await income.locator('.badge').textContent()).toBe('Notering');
      expect(await income.textContent()).toContain('Periodens avvikelse');
      expect(await list.textContent()).not.toMatch(/slutförd/i);
      const legend = page.locator('.severity-legend');
      await legend.getByText(/Vad betyder/).click();
      await expect.poll(() => legend.getByRole('definition').count()).toBe(3);
      expect(await legend.textContent()).toContain('helårsprognosen');
      await expectAccessible(page);

      await section('Indikatorer');
      await page.getByLabel('Period').selectOption({ label: '2024' });
      const card = page.locator('.cards li', {
        has: page.getByRole('link', { name: 'Budgetföljsamhet (grad av budgetavvikelse i % per nämnd).' }),
      });
      await card.waitFor();
      // The unit's assessment stays as given; the note says it does not fit 7,3 % against 0 %.
      expect(await card.textContent()).toContain('Uppfyllt');
      expect(await card.locator('.assessment-note').textContent()).toContain('stämmer inte med siffrorna');
      await expectAccessible(page);
      await page.getByLabel('Period').selectOption({ label: 'Jan–Jul 2025' });
    });

    it('opens a goal with its assessment, indicators and assignments', async () => {
      await openKommunstyrelsekontoret();
      await section('Mål');
      await page.getByLabel('Period').selectOption({ label: '2024' });
      await page.getByRole('link', { name: /^3\.3 / }).click();
      await expect
        .poll(() => heading().textContent())
        .toMatch(/^3\.3 Säkerställa en god kommunal servicenivå/);
      expect(await page.locator('.cards').first().textContent()).toContain('Ej uppfyllt');
      expect(await page.getByRole('heading', { name: 'Indikatorer' }).count()).toBe(1);
      await expectAccessible(page);
      await expectNoHorizontalScroll(page);
    });

    it("opens an initiative carried into 2025: 2024's goal and new timeline (004 Tabell A), then the one it became under 2025's goal", async () => {
      const title = 'Ta fram åtgärdsplan för att inte överskrida den beslutade koldioxidbudgeten.';
      const main = page.locator('main');
      await openKommunstyrelsekontoret();
      await section('Uppdrag');
      await page.getByLabel('Period').selectOption({ label: '2024' });
      await main.getByRole('link', { name: title, exact: true }).click();
      await expect.poll(() => heading().textContent()).toBe(title);
      await expect
        .poll(() => main.textContent())
        .toContain('Ny försenad tidplan: 17 februari 2025, beslutad i månadsrapport per oktober');
      expect(await main.textContent()).toContain(
        'Inriktningsmål: 5.1 Minska användningen av fossila bränslen',
      );
      await expectAccessible(page);
      await expectNoHorizontalScroll(page);

      await main.locator('p', { hasText: 'Har övergått i' }).getByRole('link').click();
      await expect.poll(() => main.textContent()).toContain('Fortsätter uppdraget');
      expect(await main.textContent()).toContain('Inriktningsmål: 5.1 Minskad klimatpåverkan');
      expect(await main.textContent()).toContain('Kvarvarande från tidigare år');
      expect(await main.textContent()).not.toContain('Ny försenad tidplan');
    });

    it("shows Alingsås' sick leave and internal control on Kommunstyrelsen, whose delårsbokslut they are in", async () => {
      await page.goto(`${base}/`);
      await page.getByRole('link', { name: 'Alingsås kommun', exact: true }).click();
      await page.getByRole('link', { name: 'Kommunstyrelsen', exact: true }).click();
      await expect.poll(() => heading().textContent()).toBe('Kommunstyrelsen');
      await section('Personal');
      const table = page.getByRole('table', { name: /^Sjukfrånvaro/ });
      await table.waitFor();
      const rows = await table
        .locator('tbody tr')
        .evaluateAll((trs) =>
          trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent?.trim()).join(' ')),
        );
      // 003 lines 725–751.
      expect(rows.map((r) => r.replace(/\s/g, ' '))).toEqual([
        'Kvinnor 3,0 % 3,4 %',
        'Män 3,3 % 3,8 %',
        '<29 år 3,1 % 3,5 %',
        '30-49 år 3,2 % 4,3 %',
        '50 år> 3,0 % 2,2 %',
        'Dag 1-14 1,4 % 1,4 %',
        'Dag 15-59 0,5 % 0,6 %',
        'Totalt 3,1 % 3,5 %',
      ]);
      await expectAccessible(page);
      await expectNoHorizontalScroll(page);

      await section('Internkontroll');
      await expect.poll(() => page.locator('main').textContent()).toContain('nano-utbildningar');
      await expectAccessible(page);
      await expectNoHorizontalScroll(page);
    });

    it('opens a report with its narrative sections, then its figures', async () => {
      await openKommunstyrelsekontoret();
      await section('Rapporter');
      await page.getByRole('link', { name: /^Verksamhetsberättelse 2024/ }).click();
      await expect.poll(() => heading().textContent()).toMatch(/^Verksamhetsberättelse 2024/);
      expect(await page.title()).toMatch(
        /^Rapport: Verksamhetsberättelse 2024.* – Kommunstyrelsekontoret – Uppföljning$/,
      );
      expect(await page.getByRole('heading', { level: 2 }).first().textContent()).toMatch(/^Sammanfattning/);
      expect(await page.getByRole('heading', { name: 'Nyckeltal i texten' }).count()).toBe(1);
      await expectAccessible(page);
      await expectNoHorizontalScroll(page);
    });

    it('says what is not published yet, keeps the way on to the units below, and offers to sign in', async () => {
      // No published report covers the kommun as a whole, only its boards' and offices'.
      await page.goto(`${base}/`);
      await page.getByRole('link', { name: 'Norrtälje kommun', exact: true }).click();
      await expect.poll(() => heading().textContent()).toBe('Norrtälje kommun');
      await expect.poll(() => page.getByRole('heading', { name: 'Inte publicerad ännu' }).count()).toBe(1);
      expect(await page.getByRole('navigation', { name: 'Avsnitt' }).count()).toBe(0);
      await expectAccessible(page);
      await expectNoHorizontalScroll(page);
      const signIn = page.getByRole('link', { name: 'Logga in för att läsa' });
      expect(await signIn.getAttribute('href')).toMatch(/^\/logga-in\?till=%2Fenhet%2F\d+$/);

      // Samhällsbyggnadskontoret is in Kommunstyrelsen's 2024 report, not in KSK's of Jan–Jul 2025.
      await page.getByRole('link', { name: 'Kommunstyrelsen', exact: true }).click();
      await page.getByRole('link', { name: 'Samhällsbyggnadskontoret' }).click();
      await expect.poll(() => heading().textContent()).toBe('Samhällsbyggnadskontoret');
      await expect.poll(() => page.getByRole('heading', { name: 'Översikt 2024' }).count()).toBe(1);
      await page.getByLabel('Period').selectOption({ label: 'Jan–Jul 2025' });
      await expect.poll(() => page.getByRole('heading', { name: 'Inte publicerad ännu' }).count()).toBe(1);
      await page.getByLabel('Period').selectOption({ label: '2024' });
      await expect.poll(() => page.getByRole('heading', { name: 'Översikt 2024' }).count()).toBe(1);

      await page.getByLabel('Period').selectOption({ label: 'Jan–Jul 2025' });
      await page.getByRole('link', { name: 'Logga in för att läsa' }).click();
      await expect.poll(() => heading().textContent()).toBe('Logga in');
      await expect.poll(() => page.title()).toBe('Logga in – Uppföljning');
    });

    const connectionBlamed = () => page.getByText(/Kontrollera anslutningen/).count();

    it('answers a ?period= that names no period of the unit as a bad link, with the way to its latest period', async () => {
      await openKommunstyrelsekontoret();
      const unitUrl = page.url();
      await page.goto(`${unitUrl}?period=999999`);
      const alert = page.getByRole('alert');
      await expect
        .poll(() => alert.getByRole('heading', { level: 1 }).textContent())
        .toBe('Perioden finns inte');
      expect(await alert.textContent()).toContain('Perioden 999999 i länken finns inte för den här enheten');
      expect(await connectionBlamed()).toBe(0);
      expect(await page.title()).toBe('Perioden finns inte – Uppföljning');
      await expectAccessible(page);
      await page.getByRole('link', { name: 'Till enhetens senaste period' }).click();
      await expect.poll(() => heading().textContent()).toBe('Kommunstyrelsekontoret');
      await expect.poll(() => page.title()).toBe('Kommunstyrelsekontoret – Jan–Jul 2025 – Uppföljning');

      // A period of another kommun is no period of this unit either.
      const response = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ kommuner { name periods { id } } }' }),
      });
      const { data } = (await response.json()) as {
        data: { kommuner: { name: string; periods: { id: string }[] }[] };
      };
      const alingsas = data.kommuner.find((k) => k.name.startsWith('Alingsås'))?.periods[0]?.id;
      expect(alingsas).toBeTruthy();
      await page.goto(`${unitUrl}/uppdrag?period=${alingsas}`);
      await expect
        .poll(() => alert.getByRole('heading', { level: 1 }).textContent())
        .toBe('Perioden finns inte');
      expect(await connectionBlamed()).toBe(0);
      await page.getByRole('link', { name: 'Till enhetens senaste period' }).click();
      await expect.poll(() => page.getByRole('heading', { name: 'Uppdrag Jan–Jul 2025' }).count()).toBe(1);
    });

    it('answers a unit id that does not exist with a Swedish 404, not a connection error', async () => {
      await page.goto(`${base}/enhet/999999`);
      await expect.poll(() => heading().textContent()).toBe('Sidan finns inte');
      expect(await connectionBlamed()).toBe(0);
      expect(await page.title()).toBe('Sidan finns inte – Uppföljning');
    });

    it('answers an unknown address with a Swedish 404 and a way home', async () => {
      await page.goto(`${base}/finns/inte`);
      await expect.poll(() => heading().textContent()).toBe('Sidan finns inte');
      expect(await connectionBlamed()).toBe(0);
      expect(await page.title()).toBe('Sidan finns inte – Uppföljning');
      await expectAccessible(page);
      await page.getByRole('link', { name: 'Till startsidan' }).click();
      await expect.poll(() => heading().textContent()).toBe('Uppföljning');
      await expect.poll(() => page.title()).toBe('Uppföljning');
    });
  },
);
