/**
 * A kommun runs its own follow-up from an empty database, on a laptop: set-up with the token
 * from the log, its organisation built by hand, its Mål och budget imported from a workbook
 * (first with a mistake the preview names), a redaktör's edit, a published report, and in the
 * next period a renamed and moved unit, while the published report answers byte for byte as
 * it did.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { workbook } from '../../server/test/import-test-kinds';
import { documentAsSent, ReportPageDocument, UnitPageDocument } from '../../server/test/client-documents';
import { print } from 'graphql';
import { hasChromium, launch } from './browser';
import { startEmptyInstallation, type EmptyInstallation } from './empty-installation';

const ADMIN = { name: 'Anna Admin', email: 'anna@alingsas.se', password: 'ett långt lösenord' };
const EDITOR = { name: 'Rut Redaktör', email: 'rut@alingsas.se', password: 'ett annat långt lösenord' };
const REPORT_TITLE = 'Uppföljning 2026 Kommunledningskontoret';

/** The plan as the kommun keeps it: one sheet per kind, headers as the template's. */
function plan(assignmentDue: string) {
  return workbook({
    Mål: [
      ['Målområde (kod)', 'Målområde', 'Inriktningsmål (kod)', 'Inriktningsmål', 'Enheter (koder)'],
      ['Mål 1', 'Alingsås har en hållbar ekonomi', '1.1', 'En ekonomi i balans', 'klk'],
      ['Mål 1', 'Alingsås har en hållbar ekonomi', '1.2', 'Attraktiv arbetsgivare', 'klk'],
    ],
    Indikatorer: [
      [
        'Kod',
        'Namn',
        'Inriktningsmål (kod)',
        'Måttenhet',
        'Riktning',
        'Decimaler',
        'KF eller nämnd',
        'Ansvarig enhet (kod)',
        'Följs upp av (kod)',
        'Kolada-id',
        'Mål 2026',
        'Utfall 2024',
      ],
      [
        'ind-resultat',
        'Resultat före extraordinära poster, andel av skatteintäkter',
        '1.1',
        '%',
        'Högre är bättre',
        1,
        'KF',
        'klk-ekonomi',
        'klk',
        '',
        '2,0',
        '1 234,5',
      ],
      [
        'ind-sjukfranvaro',
        'Sjukfrånvaro, andel av arbetad tid',
        '1.2',
        '%',
        'Lägre är bättre',
        1,
        'Nämnd',
        'klk-hr',
        'klk',
        '',
        '6,5',
        '7,3',
      ],
    ],
    Uppdrag: [
      [
        'Kod',
        'Typ',
        'Titel',
        'Inriktningsmål (kod)',
        'Kontor eller nämnd (kod)',
        'Ansvarig enhet (kod)',
        'Slutdatum',
        'Givet år',
        'Beslutat av',
        'Beslutsdatum',
      ],
      [
        'u-kompetens',
        'Uppdrag',
        'Ta fram en plan för kompetensförsörjning',
        '1.2',
        'klk',
        'klk-hr',
        assignmentDue,
        2026,
        'KF',
        '2025-11-24',
      ],
    ],
  });
}

describe.skipIf(!hasChromium)(
  'a kommun running its own follow-up from an empty database, on a laptop',
  () => {
    let installation: EmptyInstallation;
    let browser: Browser;
    let page: Page;
    const ids: { klk?: string; period?: string; report?: string } = {};

    beforeAll(async () => {
      installation = await startEmptyInstallation(inject('adminDatabaseUrl'), 'own_follow_up');
      browser = await launch();
      page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'sv-SE' });
    });
    afterAll(async () => {
      await browser?.close();
      await installation?.stop();
    });

    const heading = () => page.getByRole('heading', { level: 1 });
    const status = () => page.getByRole('status').first();
    const header = (name: string) => page.getByRole('banner').getByRole('link', { name, exact: true });

    async function signIn(who: { email: string; password: string; name: string }) {
      await page.goto(`${installation.base}/logga-in`);
      await page.getByLabel('E-postadress').fill(who.email);
      await page.getByLabel('Lösenord').fill(who.password);
      await page.getByRole('button', { name: 'Logga in' }).click();
      await page.getByRole('banner').getByText(who.name).waitFor();
    }
    async function signOut() {
      await page.getByRole('banner').getByRole('button', { name: 'Logga ut' }).click();
      await page.getByRole('banner').getByRole('link', { name: 'Logga in' }).waitFor();
    }

    /** Picks the option that names `unit`, whatever the indent that shows its depth. */
    async function choose(select: Locator, unit: string) {
      const option = select.locator('option').filter({ hasText: new RegExp(`^[\\s–]*${unit}$`) });
      await select.selectOption((await option.getAttribute('value')) ?? unit);
    }

    /** What the app's own documents answer now: the report as sent, and the unit page's follow-up of the period (its list of the kommun's periods grows with the next). */
    async function answers(): Promise<string[]> {
      const ask = (query: string, variables: Record<string, string>) =>
        page.evaluate(
          async ({ query, variables }) =>
            (
              await fetch('/graphql', {
                method: 'POST',
                headers: { 'content-type': 'application/json' },
                body: JSON.stringify({ query, variables }),
              })
            ).text(),
          { query, variables },
        );
      return [
        await ask(print(documentAsSent(ReportPageDocument)), { id: ids.report! }),
        JSON.stringify(
          (
            JSON.parse(
              await ask(print(documentAsSent(UnitPageDocument)), { unitId: ids.klk!, periodId: ids.period! }),
            ) as { data: { unit: { followUp: unknown } } }
          ).data.unit.followUp,
        ),
      ];
    }

    it('sets up Alingsås and its administratör with the token from the log', async () => {
      await page.goto(installation.link);
      await page.getByLabel('Kommun').fill('Alingsås');
      await page.getByLabel('Administratörens namn').fill(ADMIN.name);
      await page.getByLabel('Administratörens e-postadress').fill(ADMIN.email);
      await page.getByLabel('Lösenord', { exact: true }).fill(ADMIN.password);
      await page.getByLabel('Lösenordet igen').fill(ADMIN.password);
      await page.getByRole('button', { name: 'Skapa kommunen' }).click();
      await expect.poll(() => heading().textContent()).toBe('Alingsås kommun');
    });

    it('builds Kommunstyrelsen → Kommunledningskontoret → two departments on the organisation page', async () => {
      await header('Organisation').click();
      await expect.poll(() => heading().textContent()).toBe('Organisation');
      const add = async (under: string, name: string, kind: string, key: string) => {
        await page.getByRole('button', { name: `Ny enhet under ${under}`, exact: true }).click();
        const form = page.getByRole('form', { name: `Ny enhet under ${under}` });
        await form.getByLabel('Namn', { exact: true }).fill(name);
        await form.getByLabel('Typ').selectOption({ label: kind });
        await form.getByLabel('Kod (valfri)').fill(key);
        await form.getByRole('button', { name: 'Spara' }).click();
        await page.getByRole('row', { name: new RegExp(`^${name}`) }).waitFor();
      };
      await add('Alingsås kommun', 'Kommunstyrelsen', 'Nämnd', 'ks');
      await add('Kommunstyrelsen', 'Kommunledningskontoret', 'Kontor', 'klk');
      await add('Kommunledningskontoret', 'Ekonomiavdelningen', 'Avdelning', 'klk-ekonomi');
      await add('Kommunledningskontoret', 'HR-avdelningen', 'Avdelning', 'klk-hr');
      expect(await page.getByRole('row').count()).toBe(1 + 5);
    });

    it('imports the plan from a workbook: the preview names the wrong row and column, the corrected file is imported', async () => {
      await header('Importera').click();
      await expect.poll(() => heading().textContent()).toBe('Importera från kalkylark');
      const template = await fetch(
        `${installation.base}${await page.getByRole('link', { name: 'Ladda ner XLSX' }).getAttribute('href')}`,
      );
      expect(template.status).toBe(200);
      expect(template.headers.get('content-type')).toContain('spreadsheetml');

      const file = page.getByLabel('Fil (XLSX eller CSV, högst 10 MB)');
      const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
      await file.setInputFiles({
        name: 'mal-och-budget.xlsx',
        mimeType: xlsx,
        buffer: await plan('2026-31-12'),
      });
      await page.getByRole('button', { name: 'Förhandsgranska' }).click();
      await expect
        .poll(() => status().textContent())
        .toBe('Förhandsgranskning. Ny: 4, Ändras: 0, Oförändrad: 0, Fel: 1.');
      const wrong = page.getByRole('row').filter({ hasText: 'Fel' }).filter({ hasText: 'Uppdrag' });
      expect(await wrong.textContent()).toContain('Slutdatum');
      expect(await wrong.getByRole('rowheader').textContent()).toBe('2');
      expect(await page.getByRole('button', { name: 'Importera', exact: true }).isDisabled()).toBe(true);

      await file.setInputFiles({
        name: 'mal-och-budget.xlsx',
        mimeType: xlsx,
        buffer: await plan('2026-12-31'),
      });
      await page.getByRole('button', { name: 'Förhandsgranska' }).click();
      await expect
        .poll(() => status().textContent())
        .toBe('Förhandsgranskning. Ny: 5, Ändras: 0, Oförändrad: 0, Fel: 0.');
      await page.getByRole('button', { name: 'Importera', exact: true }).click();
      await expect.poll(() => status().textContent()).toMatch(/Ny: 5, Ändras: 0, Oförändrad: 0, Fel: 0\.$/);
    });

    it('shows the goals, indicators and assignments on Kommunledningskontoret’s page', async () => {
      await page.goto(`${installation.base}/`);
      await page.getByRole('link', { name: 'Alingsås', exact: true }).click();
      await page.getByRole('link', { name: 'Kommunstyrelsen', exact: true }).click();
      await page.getByRole('link', { name: 'Kommunledningskontoret', exact: true }).click();
      await expect.poll(() => heading().textContent()).toBe('Kommunledningskontoret');
      ids.klk = /\/enhet\/(\d+)/.exec(page.url())![1];
      const section = async (name: string) => {
        await page
          .getByRole('navigation', { name: 'Avsnitt' })
          .getByRole('link', { name, exact: true })
          .click();
        await page.getByRole('heading', { level: 2, name: new RegExp(`^${name}`) }).waitFor();
        return page.locator('main');
      };
      await expect.poll(async () => (await section('Mål')).textContent()).toContain('Attraktiv arbetsgivare');
      expect(await (await section('Mål')).textContent()).toContain('En ekonomi i balans');
      await expect
        .poll(async () => (await section('Indikatorer')).textContent())
        .toContain('Sjukfrånvaro, andel av arbetad tid');
      await expect
        .poll(async () => (await section('Uppdrag')).textContent())
        .toContain('Ta fram en plan för kompetensförsörjning');
    });

    it('adds a redaktör for HR-avdelningen, who edits the assignment', async () => {
      await header('Användare').click();
      const form = page.getByRole('region', { name: 'Lägg till en användare' });
      await form.getByLabel('Namn').fill(EDITOR.name);
      await form.getByLabel('E-post').fill(EDITOR.email);
      await form.getByLabel('Första lösenord').fill(EDITOR.password);
      await form.getByLabel('Roll').selectOption({ label: 'redaktör' });
      await choose(form.getByLabel('Enheter som redaktören ändrar'), 'HR-avdelningen');
      await form.getByRole('button', { name: 'Lägg till användaren' }).click();
      await expect
        .poll(() => form.getByRole('status').textContent())
        .toBe(`${EDITOR.name} är tillagd som redaktör.`);
      await page.getByRole('row', { name: new RegExp(EDITOR.name) }).waitFor();
      await signOut();

      await signIn(EDITOR);
      await page.goto(`${installation.base}/enhet/${ids.klk}`);
      await page.getByRole('link', { name: 'HR-avdelningen', exact: true }).click();
      await expect.poll(() => heading().textContent()).toBe('HR-avdelningen');
      await page
        .getByRole('navigation', { name: 'Avsnitt' })
        .getByRole('link', { name: 'Uppdrag', exact: true })
        .click();
      await page.getByRole('link', { name: 'Ta fram en plan för kompetensförsörjning' }).click();
      await page
        .getByRole('button', { name: /^Ändra/ })
        .first()
        .click();
      const edit = page.getByRole('form', { name: /^Ändra uppföljningen/ });
      await edit.getByLabel('Status').selectOption({ label: 'Påbörjad' });
      await edit.getByLabel('Kommentar').fill('Planen remitteras till kontoren i januari.');
      await edit.getByRole('button', { name: 'Spara' }).click();
      await expect.poll(() => page.getByRole('form').count()).toBe(0);
      await expect
        .poll(() => page.locator('main').textContent())
        .toContain('Planen remitteras till kontoren i januari.');
      await signOut();
    });

    it('publishes a report of Kommunledningskontoret', async () => {
      await signIn(ADMIN);
      await page.goto(`${installation.base}/enhet/${ids.klk}/rapporter`);
      await page.getByRole('button', { name: 'Nytt rapportutkast' }).click();
      const form = page.getByRole('form', { name: 'Nytt rapportutkast för Kommunledningskontoret' });
      await form.getByLabel('Rubrik').fill(REPORT_TITLE);
      await form.getByRole('button', { name: 'Skapa utkastet' }).click();
      // A first report starts with the usual headings; the administratör writes them.
      for (const heading of ['Sammanfattning', 'Viktiga händelser', 'Riskanalys']) {
        await page.getByRole('button', { name: `Ändra avsnittet ${heading}` }).click();
        const section = page.getByRole('form', { name: `Ändra avsnittet ${heading}` });
        await section.getByLabel('Text').fill(`${heading} för Kommunledningskontoret 2026.`);
        await section.getByRole('button', { name: 'Spara' }).click();
        await expect.poll(() => page.getByRole('form').count()).toBe(0);
      }
      await page.getByRole('button', { name: 'Publicera rapporten' }).click();
      await page
        .getByRole('region', { name: 'Publicera rapporten?' })
        .getByRole('button', { name: 'Ja, publicera' })
        .click();
      await page.getByText('Rapporten är publicerad.').waitFor();
      ids.report = /\/rapport\/(\d+)/.exec(page.url())![1];
      ids.period = await page.evaluate(
        async (id) =>
          (
            (await (
              await fetch('/graphql', {
                method: 'POST',
                headers: { 'content-type': 'application/json' },
                body: JSON.stringify({
                  query: 'query($id: ID!) { report(id: $id) { period { id } } }',
                  variables: { id },
                }),
              })
            ).json()) as { data: { report: { period: { id: string } } } }
          ).data.report.period.id,
        ids.report!,
      );
    });

    it('renames and moves a department in the next period, and the published report answers byte for byte as before', async () => {
      const before = await answers();
      expect(before[0]).toContain(REPORT_TITLE);
      expect(before[0]).toContain('"status":"PUBLISHED"');
      expect(before[1]).toContain('Ekonomiavdelningen');

      await header('Plan och perioder').click();
      const periods = page.getByRole('region', { name: 'Öppna en ny period' });
      await periods.getByLabel('Benämning').fill('2027');
      await periods.getByLabel('Nyckel').fill('2027');
      await periods.getByLabel('Typ av period').selectOption({ label: 'Helår' });
      await periods.getByLabel('Startdatum').fill('2027-01-01');
      await periods.getByLabel('Slutdatum').fill('2027-12-31');
      await periods.getByLabel('Slutdatum').press('Enter');
      await expect.poll(() => periods.getByRole('status').textContent()).toContain('2027');

      await header('Organisation').click();
      await page.getByLabel('Ändringar gäller från perioden').selectOption({ label: '2027' });
      await page.getByRole('button', { name: 'Byt namn Ekonomiavdelningen' }).click();
      const rename = page.getByRole('form', { name: 'Byt namn Ekonomiavdelningen' });
      await rename.getByLabel('Namn', { exact: true }).fill('Ekonomi- och upphandlingsavdelningen');
      await rename.getByRole('button', { name: 'Spara' }).click();
      await page.getByRole('row', { name: /^Ekonomi- och upphandlingsavdelningen/ }).waitFor();
      await page.getByRole('button', { name: 'Flytta HR-avdelningen' }).click();
      const move = page.getByRole('form', { name: 'Flytta HR-avdelningen' });
      await choose(move.getByLabel('Ny överordnad enhet'), 'Ekonomi- och upphandlingsavdelningen');
      await move.getByRole('button', { name: 'Spara' }).click();
      await expect.poll(() => status().textContent()).toBe('Sparat: HR-avdelningen.');
      const hr = page.getByRole('row', { name: /^HR-avdelningen/ });
      expect(await hr.evaluate((row) => row.previousElementSibling?.textContent)).toContain(
        'Ekonomi- och upphandlingsavdelningen',
      );

      expect(await answers()).toEqual(before);
      // The next period has the new names and tree.
      await page.goto(`${installation.base}/organisation`);
      await page.getByLabel('Ändringar gäller från perioden').selectOption({ label: '2027' });
      await page.getByRole('row', { name: /^Ekonomi- och upphandlingsavdelningen/ }).waitFor();
      await page.getByLabel('Ändringar gäller från perioden').selectOption({ label: '2026' });
      await page.getByRole('row', { name: /^Ekonomiavdelningen/ }).waitFor();
    });
  },
);
