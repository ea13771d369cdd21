import type { Browser, Page } from 'playwright-core';
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

describe.skipIf(!hasChromium)('editing on a tablet as the editor of Stab- och planeringsavdelningen', () => {
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
  /** The card of the working period 2025, the first (latest) follow-up. */
  const workingCard = () =>
    page.locator('.cards > li').filter({ has: page.getByRole('heading', { name: '2025', exact: true }) });

  async function openDepartment(name: string) {
    await page.goto(`${base}/`);
    await page.getByRole('link', { name: 'Norrtälje kommun', exact: true }).click();
    await page.getByRole('link', { name: 'Kommunstyrelsen', exact: true }).click();
    await page.getByRole('link', { name: 'Kommunstyrelsekontoret' }).click();
    await page.getByRole('link', { name }).click();
    await expect.poll(() => heading().textContent()).toBe(name);
    await page
      .getByRole('navigation', { name: 'Avsnitt' })
      .getByRole('link', { name: 'Uppdrag', exact: true })
      .click();
  }

  async function openFirstAssignment(department: string): Promise<string> {
    await openDepartment(department);
    const first = page.locator('.cards h3 a').first();
    const title = (await first.textContent())!;
    await first.click();
    await expect.poll(() => heading().textContent()).toBe(title);
    return page.url();
  }

  /** The administrator saves a comment on this assignment's 2025 follow-up from another device. */
  async function saveAsAdministrator(comment: string) {
    const admin = await apiSession(base, 'admin@norrtalje.demo');
    const id = await page.evaluate(() => location.pathname.split('/').pop());
    const { data } = await admin(
      `query($id: ID!) { assignment(id: $id) { followUps { id version period { label } } } }`,
      { id },
    );
    const followUp = (
      data!.assignment!.followUps as { id: string; version: number; period: { label: string } }[]
    ).find((f) => f.period.label === '2025')!;
    const saved = await admin(
      `mutation($input: AssignmentFollowUpEdit!) { editAssignmentFollowUp(input: $input) { __typename } }`,
      { input: { id: followUp.id, version: followUp.version, comment } },
    );
    expect(saved.data!.editAssignmentFollowUp!.__typename).toBe('AssignmentFollowUp');
  }

  it('signs in, updates an assignment’s comment and status, sees it in the history, and keeps a draft over a reload', async () => {
    await page.goto(`${base}/logga-in`);
    await page.getByLabel('E-postadress').fill('stab@norrtalje.demo');
    await page.getByLabel('Lösenord').fill(PASSWORD);
    await page.getByRole('button', { name: 'Logga in' }).click();
    await banner().getByText('Sara Stab').waitFor();

    const url = await openFirstAssignment('Stab- och planeringsavdelningen');
    // The published periods are frozen: only the working period can be changed.
    await expect.poll(() => page.getByRole('button', { name: /^Ändra/ }).count()).toBe(1);
    await workingCard()
      .getByRole('button', { name: /^Ändra/ })
      .click();
    const form = page.getByRole('form', { name: /^Ändra uppföljningen 2025/ });
    await form.getByLabel('Status').selectOption({ label: 'Påbörjad' });
    await form.getByLabel('Kommentar').fill('Utkast som inte får försvinna');
    await expectAccessible(page);
    await expectNoHorizontalScroll(page);

    // The tablet sleeps, the page reloads: the draft is back, with its origin said.
    await page.reload();
    const restored = page.getByRole('form', { name: /^Ändra uppföljningen 2025/ });
    await expect
      .poll(() => restored.getByLabel('Kommentar').inputValue())
      .toBe('Utkast som inte får försvinna');
    expect(await restored.textContent()).toContain('Osparat utkast');

    await restored.getByLabel('Kommentar').fill('Arbetet pågår enligt plan; remissen skickas i december.');
    await restored.getByRole('button', { name: 'Spara' }).click();
    await expect.poll(() => page.getByRole('form').count()).toBe(0);
    await expect
      .poll(() => workingCard().textContent())
      .toContain('Arbetet pågår enligt plan; remissen skickas i december.');
    expect(await workingCard().textContent()).toContain('Påbörjad');
    expect(await workingCard().textContent()).toContain('Ändrad av Sara Stab');

    await workingCard()
      .getByText(/^Historik/)
      .click();
    const history = workingCard().locator('.history');
    await expect.poll(() => history.textContent()).toContain('Sara Stab');
    expect(await history.textContent()).toContain('Arbetet pågår enligt plan; remissen skickas i december.');
    await expectAccessible(page);

    // Saved on the server, not only on the page, and the draft is gone.
    await page.goto(url);
    await expect.poll(() => workingCard().textContent()).toContain('remissen skickas i december');
    expect(await page.getByRole('form').count()).toBe(0);
  });

  it('shows both texts when someone else saved in between, and keeps the editor’s on request', async () => {
    await workingCard()
      .getByRole('button', { name: /^Ändra/ })
      .click();
    const form = page.getByRole('form', { name: /^Ändra uppföljningen 2025/ });
    await form.getByLabel('Kommentar').fill('Min text från surfplattan');

    // Meanwhile the administrator saves the same follow-up from another device.
    await saveAsAdministrator('Administratörens text');

    await form.getByRole('button', { name: 'Spara' }).click();
    const conflict = form.getByRole('alert');
    await expect.poll(() => conflict.textContent()).toContain('Någon annan har sparat');
    expect(await conflict.textContent()).toContain('Administratörens text');
    expect(await conflict.textContent()).toContain('Min text från surfplattan');
    expect(await conflict.textContent()).toContain('Anna Admin');
    await expectAccessible(page);

    await conflict.getByRole('button', { name: 'Behåll min version' }).click();
    await expect.poll(() => page.getByRole('form').count()).toBe(0);
    await expect.poll(() => workingCard().textContent()).toContain('Min text från surfplattan');
    await workingCard()
      .getByText(/^Historik/)
      .click();
    // Nothing was lost silently: the administrator's text is in the history.
    await expect
      .poll(() => workingCard().locator('.history').textContent())
      .toContain('Administratörens text');
  });

  it('shows the latest ten changes of a long history, and the older ones on “Visa äldre”', async () => {
    for (let i = 1; i <= 10; i++) await saveAsAdministrator(`Ändring ${i} av tio`);
    await page.reload();
    await expect.poll(() => workingCard().textContent()).toContain('Ändring 10 av tio');
    const history = workingCard().locator('.history');
    await workingCard()
      .getByText(/^Historik/)
      .click();
    await expect.poll(() => history.locator(':scope > ol > li').count()).toBe(10);
    expect(await history.locator('summary').textContent()).toBe('Historik (10+)');
    expect(await history.textContent()).not.toContain('Administratörens text');

    await history.getByRole('button', { name: 'Visa äldre' }).click();
    await expect.poll(() => history.textContent()).toContain('Administratörens text');
    expect(await history.locator(':scope > ol > li').count()).toBeGreaterThan(10);
    expect(await history.getByRole('button', { name: 'Visa äldre' }).count()).toBe(0);
    await expectAccessible(page);
  });

  it('cannot edit another department’s assignment, in the app or by asking the server', async () => {
    await openFirstAssignment('Ekonomiavdelningen');
    await expect.poll(() => workingCard().count()).toBe(1);
    expect(await page.getByRole('button', { name: /^Ändra/ }).count()).toBe(0);

    const id = await page.evaluate(() => location.pathname.split('/').pop());
    const result = await page.evaluate(async (assignmentId) => {
      const post = async (query: string, variables: object) =>
        (await (
          await fetch('/graphql', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ query, variables }),
          })
        ).json()) as { data?: any; errors?: { message: string; extensions: { code: string } }[] };
      const { data } = await post(
        'query($id: ID!) { assignment(id: $id) { followUps { id version period { label } } } }',
        { id: assignmentId },
      );
      const f = data.assignment.followUps.find(
        (x: { period: { label: string } }) => x.period.label === '2025',
      );
      return post(
        'mutation($input: AssignmentFollowUpEdit!) { editAssignmentFollowUp(input: $input) { __typename } }',
        { input: { id: f.id, version: f.version, comment: 'Försök utanför min avdelning' } },
      );
    }, id);
    expect(result.errors![0]).toMatchObject({
      message: 'Du har inte behörighet att ändra detta.',
      extensions: { code: 'FORBIDDEN' },
    });
  });

  it('signs out, after which the working period is no longer shown', async () => {
    const url = await openFirstAssignment('Stab- och planeringsavdelningen');
    await banner().getByRole('button', { name: 'Logga ut' }).click();
    await expect.poll(() => banner().getByRole('link', { name: 'Logga in' }).count()).toBe(1);
    await page.goto(url);
    await expect.poll(() => page.locator('.cards > li h3').count()).toBeGreaterThan(0);
    expect(await workingCard().count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Ändra/ }).count()).toBe(0);
  });
});
