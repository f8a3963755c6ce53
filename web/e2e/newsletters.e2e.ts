/**
 * Newsletters end to end, for the reader: the built app served by the real API (global-setup.ts), in headless
 * Chromium. A member joins (through the API, with the central newsletter's consent) and the welcome series mails them
 * at once; the mail is in the dev mailbox with its List-Unsubscribe, List-Unsubscribe-Post and List-Id headers; its
 * unsubscribe link opens the preference page without signing in, and opening it changes nothing (nor does a GET of the
 * one-click address, as a mail scanner makes); Save changes the language; the dev mailbox's "Try one-click (POST)"
 * (RFC 8058) unsubscribes from everything, which the preference page then says. Every page passes axe and fits a phone.
 *
 * For staff: two members of HIST join with the central newsletter's consent; the demo admin saves a segment of HIST
 * (through the API), starts a campaign from the ready-made message "Terminsstart" for the central topic and that
 * segment, saves it, previews it, sends a test, sends it now and waits until the campaign page says 2 of 2 are sent;
 * the dev mailbox then holds the campaign mail to a member with its List-Unsubscribe header.
 *
 * With E2E_SCREENSHOTS=1 the preference page and the mail's headers are saved at 1280 and 390 px wide, in Swedish and
 * English, under web/e2e-artifacts/.
 */
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import {
  ARTIFACTS_DIR,
  DEMO_ADMIN,
  describeViolations,
  launchChromium,
  newAppContext,
  saveFailureScreenshots,
  seriousAxeViolations,
  sessionHeaders,
  sidewaysOverflow,
  signInThroughApp,
  watchPageErrors,
} from './support';

const baseUrl = inject('baseUrl');

const suffix = Date.now().toString(36).toUpperCase().slice(-5);
const reader = { email: `nora-${suffix.toLowerCase()}@example.org`, firstName: 'Nora', lastName: `Nyberg${suffix}` };
const PHONE = { width: 390, height: 844 };
const screenshots = !!process.env.E2E_SCREENSHOTS;

let browser: Browser;
const contexts: BrowserContext[] = [];
let page: Page;
let staff: Page | undefined;
const pageErrors: string[] = [];
let token = '';
let oneClickUrl = '';

async function newPage(language: 'sv' | 'en', who: string, viewport?: { width: number; height: number }): Promise<Page> {
  const context = await newAppContext(browser, { language, viewport });
  contexts.push(context);
  const created = await context.newPage();
  watchPageErrors(created, pageErrors, who);
  return created;
}

beforeAll(async () => {
  browser = await launchChromium();
  page = await newPage('en', 'reader');
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
});

beforeEach(({ task, onTestFailed }) => {
  onTestFailed(() => saveFailureScreenshots(`newsletters-${task.name}`, { reader: page, staff }));
});

async function expectFitsAndPassesAxe(where: string) {
  const violations = await seriousAxeViolations(page);
  expect(violations, `${where}:\n${describeViolations(violations)}`).toEqual([]);
  const viewport = page.viewportSize();
  await page.setViewportSize(PHONE);
  const { overflow, widest } = await sidewaysOverflow(page);
  expect(overflow, `${where} on a phone is ${overflow}px wider than the window:\n    ${widest.join('\n    ')}`).toBeLessThanOrEqual(0);
  const phoneViolations = await seriousAxeViolations(page);
  expect(phoneViolations, `${where} on a phone:\n${describeViolations(phoneViolations)}`).toEqual([]);
  if (viewport) await page.setViewportSize(viewport);
}

/** What the preference page's API answers for the token now (read without signing in, as the page does). */
async function preferencesNow(): Promise<{ language: string; unsubscribedFromAll: boolean; topics: Array<{ key: string; subscribed: boolean }> }> {
  const response = await fetch(`${baseUrl}/api/newsletters/preferences/${token}`, { headers: { Accept: 'application/json' } });
  expect(response.status).toBe(200);
  return response.json();
}

/** The newest mail to the reader that carries newsletter headers, from the dev mailbox page (reloaded until it is there). */
async function newsletterMail(on: Page): Promise<Locator> {
  await on.goto(`${baseUrl}/dev/mailbox`);
  await on.getByRole('heading', { level: 1 }).waitFor();
  const mail = on
    .getByRole('article')
    .filter({ hasText: reader.email })
    .filter({ has: on.getByRole('region', { name: /^(Newsletter headers|Nyhetsbrevets huvudfält)$/ }) })
    .first();
  await expect
    .poll(
      async () => {
        if (await mail.count()) return true;
        await on.reload();
        await on.getByRole('heading', { level: 1 }).waitFor();
        return (await mail.count()) > 0;
      },
      { timeout: 60_000, interval: 1_000 },
    )
    .toBe(true);
  return mail;
}

/** Full-page screenshots of a path at 1280 and 390 px, in Swedish and English (E2E_SCREENSHOTS=1). */
async function screenshotsOf(path: string, name: string, ready: (on: Page) => Promise<unknown>) {
  if (!screenshots) return;
  for (const language of ['sv', 'en'] as const) {
    for (const viewport of [{ width: 1280, height: 800 }, PHONE]) {
      const shot = await newPage(language, `screenshot ${name}`, viewport);
      await shot.goto(`${baseUrl}${path}`);
      await ready(shot);
      await shot.screenshot({ path: join(ARTIFACTS_DIR, `newsletters-${name}-${language}-${viewport.width}.png`), fullPage: true });
      await shot.context().close();
    }
  }
}

describe('a member’s welcome mail: its headers, its preference page and its one-click unsubscribe', () => {
  it('joins with the central newsletter’s consent', async () => {
    const signUp = await fetch(`${baseUrl}/api/members/sign-up`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({
        firstName: reader.firstName,
        lastName: reader.lastName,
        email: reader.email,
        preferredLanguage: 'en',
        affiliations: [{ departmentCode: 'DSV', degreeType: 'master', startYear: 2015, endYear: 2017, credits: 120 }],
        consents: ['centralNewsletter'],
        confirmsCredits: true,
      }),
    });
    expect(signUp.status).toBe(202);
    await signInThroughApp(page, baseUrl, reader.email);
    const headers = { ...(await sessionHeaders(page, baseUrl)), Accept: 'application/json' };
    const pending = await fetch(`${baseUrl}/api/me/pending-sign-up`, { headers });
    expect(pending.status).toBe(200);
    const confirm = await fetch(`${baseUrl}/api/me/pending-sign-up/confirm`, {
      method: 'POST',
      headers: { ...headers, 'Content-Type': 'application/json', 'If-Match': pending.headers.get('ETag') ?? '' },
      body: JSON.stringify({ consents: ['centralNewsletter'] }),
    });
    expect(confirm.status).toBe(200);
    // The rest is the reader's mail, read without signing in: sign out of the browser.
    await page.context().clearCookies();
  });

  it('finds the welcome mail in the dev mailbox with its list headers', async () => {
    const mail = await newsletterMail(page);
    const headers = mail.getByRole('region', { name: 'Newsletter headers' });
    const names = await headers.getByRole('term').allTextContents();
    expect(names.slice(0, 3)).toEqual(['List-Unsubscribe', 'List-Unsubscribe-Post', 'List-Id']);
    const values = await headers.getByRole('definition').allTextContents();
    expect(values[1]).toBe('List-Unsubscribe=One-Click');
    const unsubscribe = /<(https?:\/\/[^>]+\/api\/newsletters\/unsubscribe\/([A-Za-z0-9_-]+))>/.exec(values[0]);
    expect(unsubscribe, `List-Unsubscribe: ${values[0]}`).not.toBeNull();
    oneClickUrl = unsubscribe![1];
    token = unsubscribe![2];
    expect(new URL(oneClickUrl).origin).toBe(baseUrl);
    await mail.scrollIntoViewIfNeeded();
    await expectFitsAndPassesAxe('the dev mailbox with a newsletter mail');
    await screenshotsOf('/dev/mailbox', 'dev-mailbox-headers', (on) => newsletterMail(on));
  });

  it('opens the preference page from the unsubscribe link, and neither that nor a scanner’s GET changes anything', async () => {
    const before = await preferencesNow();
    expect(before.unsubscribedFromAll).toBe(false);
    // A mail scanner follows the one-click address with a GET: it is no endpoint, and nothing changes.
    const scanned = await fetch(oneClickUrl, { redirect: 'manual' });
    expect(scanned.status).not.toBe(200);
    await scanned.body?.cancel();

    const mail = await newsletterMail(page);
    await mail.getByRole('link', { name: 'Open the unsubscribe link (the preference page)' }).click();
    await page.waitForURL(`${baseUrl}/preferences/${token}`);
    await page.getByRole('heading', { level: 1, name: 'Your mail from the alumni network' }).waitFor();
    expect(await page.getByText(`Hi ${reader.firstName}!`, { exact: false }).count()).toBeGreaterThan(0);
    expect(await page.getByRole('radio', { name: 'English' }).isChecked()).toBe(true);
    expect(await preferencesNow()).toEqual(before);
    await expectFitsAndPassesAxe('the preference page');
    await screenshotsOf(`/preferences/${token}`, 'preference-page', (on) => on.getByRole('heading', { level: 1 }).waitFor());
  });

  it('changes the language only when Save is pressed', async () => {
    await page.getByRole('radio', { name: 'Svenska' }).check();
    expect((await preferencesNow()).language).toBe('en');
    await page.getByRole('button', { name: 'Save my choices' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Your choices are saved.' }).count()).toBe(1);
    expect((await preferencesNow()).language).toBe('sv');
  });

  it('unsubscribes from everything with the mail’s one-click POST, which the preference page then says', async () => {
    const mail = await newsletterMail(page);
    await mail.getByRole('button', { name: 'Try one-click (POST)' }).click();
    await expect
      .poll(() => mail.getByRole('status').textContent())
      .toBe('The API answered 200: the unsubscribe took effect. Open the preference page to see it.');
    const after = await preferencesNow();
    expect(after.unsubscribedFromAll).toBe(true);
    expect(after.topics.filter((topic) => topic.subscribed)).toEqual([]);

    await page.goto(`${baseUrl}/preferences/${token}`);
    await page.getByText('You get no newsletters, department mailings or event invitations from us now.', { exact: false }).waitFor();
    expect(await page.getByRole('button', { name: 'Unsubscribe from everything' }).isDisabled()).toBe(true);
  });

  it('says kindly that a forged link does not work, and offers signing in', async () => {
    await page.goto(`${baseUrl}/preferences/${token.slice(0, -2)}xx`);
    await page.getByRole('heading', { level: 1, name: 'This link does not work' }).waitFor();
    expect(await page.getByRole('link', { name: 'Sign in to change your choices' }).getAttribute('href')).toBe('/sign-in?returnTo=%2Fme%2Fprofile');
    await expectFitsAndPassesAxe('a forged preference link');
  });

  it('had no script errors', () => {
    expect(pageErrors).toEqual([]);
  });
});

describe('a campaign from a ready-made message, sent by the admin to a small segment', () => {
  const historians = [1, 2].map((n) => ({
    email: `hist${n}-${suffix.toLowerCase()}@example.org`,
    firstName: `Hedda${n}`,
    lastName: `Historiker${suffix}`,
  }));
  const segmentName = `E2E historians ${suffix}`;
  const campaignName = `E2E term start ${suffix}`;
  const testAddress = `test-${suffix.toLowerCase()}@example.org`;
  const SUBJECT_EN = 'A new term begins – greetings from the university';

  async function staffApi(method: string, path: string, body?: unknown): Promise<Response> {
    return fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        ...(await sessionHeaders(staff!, baseUrl)),
        Accept: 'application/json',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  it('seeds two HIST members and a segment of them, then the admin starts a campaign from “Terminsstart”, saves, previews, tests, sends it now, sees 2 of 2 sent, and the mail has its List-Unsubscribe', async () => {
    // Two members of HIST with the central newsletter's consent, and a segment of HIST (through the API).
    for (const person of historians) {
      const signUp = await fetch(`${baseUrl}/api/members/sign-up`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({
          firstName: person.firstName,
          lastName: person.lastName,
          email: person.email,
          preferredLanguage: 'en',
          affiliations: [{ departmentCode: 'HIST', degreeType: 'master', startYear: 2012, endYear: 2014, credits: 120 }],
          consents: ['centralNewsletter'],
          confirmsCredits: true,
        }),
      });
      expect(signUp.status).toBe(202);
      const member = await newPage('en', person.firstName);
      await signInThroughApp(member, baseUrl, person.email);
      const headers = { ...(await sessionHeaders(member, baseUrl)), Accept: 'application/json' };
      const pending = await fetch(`${baseUrl}/api/me/pending-sign-up`, { headers });
      expect(pending.status).toBe(200);
      const confirm = await fetch(`${baseUrl}/api/me/pending-sign-up/confirm`, {
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/json', 'If-Match': pending.headers.get('ETag') ?? '' },
        body: JSON.stringify({ consents: ['centralNewsletter'] }),
      });
      expect(confirm.status).toBe(200);
      await member.context().close();
    }

    staff = await newPage('en', 'admin');
    await signInThroughApp(staff, baseUrl, DEMO_ADMIN);
    const saved = await staffApi('POST', '/api/newsletters/segments', {
      name: segmentName,
      description: 'Members of HIST, for the campaign e2e test',
      filter: { departments: ['HIST'] },
    });
    expect(saved.status, await saved.clone().text()).toBe(201);
    // In the browser: a new campaign from the ready-made message, for the central topic and the segment.
    await staff.goto(`${baseUrl}/staff/newsletters`);
    await staff.getByRole('heading', { level: 1, name: 'Newsletters' }).waitFor();
    await staff.getByRole('link', { name: 'From a ready-made message' }).click();
    await staff.getByRole('heading', { level: 1, name: 'Ready-made messages' }).waitFor();
    await staff.getByRole('link', { name: 'Use in a new campaign: Terminsstart' }).click();
    await staff.getByRole('heading', { level: 1, name: 'New campaign' }).waitFor();
    await staff.getByText('The texts come from the ready-made message “Terminsstart”.', { exact: false }).waitFor();

    await staff.getByRole('textbox', { name: 'Name (only staff see it)' }).fill(campaignName);
    const sender = staff.getByRole('combobox', { name: 'Sender', exact: true });
    await expect.poll(() => sender.locator('option', { hasText: 'Central office' }).count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await sender.selectOption({ label: 'Central office' });
    const topic = staff.getByRole('combobox', { name: 'Topic', exact: true });
    await expect.poll(() => topic.locator('option', { hasText: 'The alumni newsletter' }).count(), { timeout: 30_000 }).toBe(1);
    await topic.selectOption({ label: 'The alumni newsletter' });
    const segment = staff.getByRole('combobox', { name: 'Segment', exact: true });
    await expect.poll(() => segment.locator('option', { hasText: segmentName }).count(), { timeout: 30_000 }).toBe(1);
    await segment.selectOption({ label: segmentName });
    await staff.getByText('It reaches 2 members now.').waitFor({ timeout: 30_000 });
    expect(await staff.getByRole('textbox', { name: 'Subject (English)' }).inputValue()).toBe(SUBJECT_EN);

    await staff.getByRole('button', { name: 'Save draft' }).click();
    await staff.getByRole('heading', { level: 1, name: 'Edit campaign' }).waitFor({ timeout: 30_000 });
    await staff.getByText('The draft is saved.', { exact: false }).waitFor();

    await staff.getByRole('button', { name: 'Show preview' }).click();
    await staff.locator('iframe[title="The mail as members see it"]').waitFor({ timeout: 30_000 });
    const previewHtml = await staff.locator('iframe[title="The mail as members see it"]').getAttribute('srcdoc');
    expect(previewHtml ?? '').toContain('</');

    await staff.getByRole('textbox', { name: 'Addresses' }).fill(testAddress);
    await staff.getByRole('button', { name: 'Send test' }).click();
    await staff.getByText(`The test was sent to ${testAddress}.`).waitFor({ timeout: 30_000 });

    // Send it now and wait until the campaign page says both are sent.
    await staff.getByRole('link', { name: 'To sending' }).click();
    await staff.getByRole('button', { name: 'Send now' }).click();
    await staff.getByRole('button', { name: 'Yes, send now' }).click();
    await staff.getByText('Sending has started.').waitFor({ timeout: 30_000 });
    // The figures are polled only while the campaign is sending; once it is sent, a reload shows the final ones.
    const handled = staff.getByText('2 of 2 handled', { exact: false });
    await expect
      .poll(
        async () => {
          if (await handled.count()) return true;
          await staff!.reload();
          await staff!.getByRole('heading', { level: 2, name: 'Figures' }).waitFor();
          await staff!.getByText(/\d+ of \d+ handled/).waitFor();
          return (await handled.count()) > 0;
        },
        { timeout: 90_000, interval: 2_000 },
      )
      .toBe(true);
    const sent = staff.locator('li.figure').filter({ has: staff.locator('.figure__label', { hasText: /^Sent$/ }) });
    await expect.poll(() => sent.locator('.figure__value').textContent(), { timeout: 30_000 }).toBe('2');

    // The campaign mail to a member is in the dev mailbox, with its List-Unsubscribe header.
    type Mail = { to: string | string[]; subject: string; headers: Array<{ name: string; value: string }> };
    const campaignMailTo = async (email: string): Promise<Mail | undefined> => {
      const response = await staffApi('GET', '/api/dev/mailbox?limit=200');
      expect(response.status).toBe(200);
      const answer = (await response.json()) as Mail[] | { items: Mail[] };
      const mails = Array.isArray(answer) ? answer : answer.items;
      return mails.find((mail) => String(mail.to).includes(email) && mail.subject === SUBJECT_EN);
    };
    let mail: Mail | undefined;
    await expect
      .poll(async () => (mail = await campaignMailTo(historians[0].email)) !== undefined, { timeout: 60_000, interval: 1_000 })
      .toBe(true);
    const unsubscribe = mail!.headers.find((header) => header.name.toLowerCase() === 'list-unsubscribe');
    expect(unsubscribe?.value ?? '').toMatch(/<https?:\/\/[^>]+\/api\/newsletters\/unsubscribe\/[A-Za-z0-9_-]+>/);

    // Known and left open: the preview's sandboxed frame logs that the page's CSP (style-src 'self') blocks the mail's
    // inline styles, and that it cannot read localStorage. Every other error still fails the test.
    const previewFrameNoise = /^admin: (Applying inline style violates the following Content Security Policy|Failed to read the 'localStorage' property from 'Window': The document is sandboxed)/;
    expect(pageErrors.filter((error) => !previewFrameNoise.test(error))).toEqual([]);
  }, 300_000);
});
