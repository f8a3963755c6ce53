/**
 * Events end to end, for alumni: the built app served by the real API (global-setup.ts), in headless Chromium.
 * The demo admin creates and publishes an event with one seat (through the API). Alumna A (in English) finds it on
 * the events page, registers, and finds the confirmation with the calendar file in the dev mailbox; alumnus B (in
 * Swedish) registers and is put on the waiting list; A cancels on "My events"; B is promoted, sees the seat on "My
 * events" with the check-in code, and gets the "you have a seat" mail. Every page passes axe and fits a phone.
 * (The organiser's check-in on a phone is e2e/events-check-in.e2e.ts.)
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import {
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

// Unique per run, so the test also passes against a long-lived API (E2E_BASE_URL).
const suffix = Date.now().toString(36).toUpperCase().slice(-5);
const title = `Reunion ${suffix}`;
const titleSv = `Återträff ${suffix}`;
const alumnaA = { email: `anna-${suffix.toLowerCase()}@example.org`, firstName: 'Anna', lastName: `Andersson${suffix}`, language: 'en' as const };
const alumnusB = { email: `bo-${suffix.toLowerCase()}@example.org`, firstName: 'Bo', lastName: `Berg${suffix}`, language: 'sv' as const };
const PHONE = { width: 390, height: 844 };

let browser: Browser;
const contexts: BrowserContext[] = [];
let admin: Page;
let pageA: Page;
let pageB: Page;
let eventId = '';
const pageErrors: string[] = [];

async function newPage(language: 'sv' | 'en', who: string): Promise<Page> {
  const context = await newAppContext(browser, { language });
  contexts.push(context);
  const page = await context.newPage();
  watchPageErrors(page, pageErrors, who);
  return page;
}

beforeAll(async () => {
  browser = await launchChromium();
  admin = await newPage('en', 'admin');
  pageA = await newPage('en', 'A');
  pageB = await newPage('sv', 'B');
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
});

beforeEach(({ task, onTestFailed }) => {
  onTestFailed(() => saveFailureScreenshots(`events-${task.name}`, { admin, A: pageA, B: pageB }));
});

async function expectFitsAndPassesAxe(page: Page, where: string) {
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

async function api(page: Page, method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      ...(await sessionHeaders(page, baseUrl)),
      Accept: 'application/json',
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** A member through the public sign-up, signed in through the app and confirmed through the API. */
async function becomeMember(page: Page, person: typeof alumnaA | typeof alumnusB) {
  const signUp = await fetch(`${baseUrl}/api/members/sign-up`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({
      firstName: person.firstName,
      lastName: person.lastName,
      email: person.email,
      preferredLanguage: person.language,
      affiliations: [{ departmentCode: 'DSV', degreeType: 'master', startYear: 2014, endYear: 2016, credits: 120 }],
      consents: ['eventInvitations'],
      confirmsCredits: true,
    }),
  });
  expect(signUp.status).toBe(202);
  await signInThroughApp(page, baseUrl, person.email);
  const pending = await api(page, 'GET', '/api/me/pending-sign-up');
  expect(pending.status).toBe(200);
  const confirm = await fetch(`${baseUrl}/api/me/pending-sign-up/confirm`, {
    method: 'POST',
    headers: {
      ...(await sessionHeaders(page, baseUrl)),
      'Content-Type': 'application/json',
      Accept: 'application/json',
      'If-Match': pending.headers.get('ETag') ?? '',
    },
    body: JSON.stringify({ consents: ['eventInvitations'] }),
  });
  expect(confirm.status).toBe(200);
}

/** The newest mail to an address whose subject matches, from the dev mailbox page (reloaded until it is there). */
async function mailTo(page: Page, email: string, subject: RegExp) {
  await page.goto(`${baseUrl}/dev/mailbox`);
  const mail = page.getByRole('article').filter({ hasText: email }).filter({ has: page.getByRole('heading', { level: 2, name: subject }) }).first();
  await expect
    .poll(
      async () => {
        if (await mail.count()) return true;
        await page.reload();
        await page.getByRole('heading', { level: 1 }).waitFor();
        return (await mail.count()) > 0;
      },
      { timeout: 30_000, interval: 1_000 },
    )
    .toBe(true);
  return mail;
}

describe('an alumna registers for a one-seat event, cancels, and the waiting alumnus is promoted', () => {
  it('has the admin create and publish an event with one seat (through the API)', async () => {
    await signInThroughApp(admin, baseUrl, DEMO_ADMIN);
    const starts = new Date(Date.now() + 14 * 24 * 3600_000);
    starts.setUTCHours(16, 0, 0, 0);
    const created = await api(admin, 'POST', '/api/events', {
      kind: 'reunion',
      titleSv,
      titleEn: title,
      summarySv: 'Träffa gamla studiekamrater.',
      summaryEn: 'Meet your old classmates.',
      descriptionSv: 'Välkommen **alla**!',
      descriptionEn: 'Welcome **everyone**!',
      startsAt: starts.toISOString(),
      endsAt: new Date(starts.getTime() + 3 * 3600_000).toISOString(),
      timeZone: 'Europe/Stockholm',
      venue: 'Aula Magna',
      address: 'Frescativägen 6',
      city: 'Stockholm',
      country: 'SE',
      audience: 'all',
      capacity: 1,
      guestsAllowed: 0,
      questions: [],
    });
    expect(created.status).toBe(201);
    eventId = ((await created.json()) as { id: string }).id;
    const published = await api(admin, 'POST', `/api/events/${eventId}/publish`);
    expect(published.status).toBe(200);
  });

  it('lets alumna A find the event on the events page and open it', async () => {
    await becomeMember(pageA, alumnaA);
    await pageA.goto(`${baseUrl}/events`);
    await pageA.getByRole('heading', { level: 1, name: 'Events' }).waitFor();
    const card = pageA.getByRole('article', { name: title });
    await card.waitFor();
    expect(await card.textContent()).toContain('1 seat left');
    await expectFitsAndPassesAxe(pageA, 'the events page');
    await card.getByRole('link', { name: title }).click();
    await pageA.getByRole('heading', { level: 1, name: title }).waitFor();
    expect(await pageA.getByRole('region', { name: 'About the event' }).getByText('everyone').evaluate((e) => e.tagName)).toBe('STRONG');
    await expectFitsAndPassesAxe(pageA, 'the event page');
  });

  it('registers A, whose seat it is; the confirmation with the calendar file is in the dev mailbox', async () => {
    await pageA.getByRole('button', { name: 'Register' }).click();
    await pageA.getByRole('status').filter({ hasText: 'You are registered: 1 seat is yours.' }).waitFor();
    await expectFitsAndPassesAxe(pageA, 'the event page with the registration');

    const mail = await mailTo(pageA, alumnaA.email, new RegExp(`^You are registered: ${title}$`));
    // The mailbox lists the mail's files: the calendar file, and the QR code shown in the mail.
    const calendar = mail.getByRole('link', { name: 'event.ics' });
    const ics = await pageA.request.get(new URL((await calendar.getAttribute('href')) ?? '', baseUrl).toString());
    expect(ics.status()).toBe(200);
    const text = await ics.text();
    expect(text).toContain('BEGIN:VCALENDAR');
    expect(text).toContain(`UID:${eventId}@alumni.su.se`);
    expect(text).toContain(`SUMMARY:${title}`);
  });

  it('puts alumnus B on the waiting list', async () => {
    await becomeMember(pageB, alumnusB);
    await pageB.goto(`${baseUrl}/events/${eventId}`);
    await pageB.getByRole('heading', { level: 1, name: titleSv }).waitFor();
    await pageB.getByText('Fullt – du hamnar på väntelistan').waitFor();
    await pageB.getByRole('button', { name: 'Ställ mig på väntelistan' }).click();
    await pageB.getByRole('status').filter({ hasText: 'Du har plats 1 på väntelistan.' }).waitFor();
    await mailTo(pageB, alumnusB.email, new RegExp(`^Du står på väntelistan: ${titleSv}$`));
  });

  it('lets A cancel on "My events"', async () => {
    await pageA.goto(`${baseUrl}/me/events`);
    await pageA.getByRole('heading', { level: 1, name: 'My events' }).waitFor();
    const card = pageA.getByRole('article', { name: title });
    await card.getByText('You are registered: 1 seat is yours.').waitFor();
    await card.getByRole('button', { name: 'Show my check-in code' }).click();
    await card.getByRole('img', { name: /^QR code of your check-in code [A-Z0-9]{8} for / }).waitFor();
    await expectFitsAndPassesAxe(pageA, 'my events with the check-in code');
    await card.getByRole('button', { name: 'Cancel my registration' }).click();
    await card.getByRole('region', { name: 'Cancel your registration?' }).getByRole('button', { name: 'Cancel my registration' }).click();
    await card.getByText('Cancelled', { exact: true }).waitFor();
  });

  it('promotes B, who sees the seat on "My events" and gets the mail', async () => {
    await pageB.goto(`${baseUrl}/me/events`);
    await pageB.getByRole('heading', { level: 1, name: 'Mina evenemang' }).waitFor();
    const card = pageB.getByRole('article', { name: titleSv });
    await card.getByText('Du är anmäld: 1 plats är din.').waitFor();
    await expectFitsAndPassesAxe(pageB, 'my events (B, promoted)');
    const promoted = await mailTo(pageB, alumnusB.email, new RegExp(`^Du har fått plats: ${titleSv}$`));
    expect(await promoted.getByRole('link', { name: 'event.ics' }).count()).toBe(1);
  });

  it('left no script errors behind', () => {
    expect(pageErrors).toEqual([]);
  });
});
