/**
 * Check-in at the door, end to end: the built app served by the real API (global-setup.ts), in headless Chromium on a
 * phone-sized screen (390×844). Through the API an alumna joins, the demo coordinator of DSV makes and publishes an
 * event, and the alumna registers; then the coordinator opens the event's check-in page on the phone, types the
 * alumna's check-in code, sees her checked in (the figures too), and undoes it. The page fits the screen and passes
 * axe at each step.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import {
  DEMO_COORDINATOR,
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
const alumna = { email: `greta-${suffix.toLowerCase()}@example.org`, firstName: 'Greta', lastName: `Dörr${suffix}` };
const title = `Check-in ${suffix}`;
const PHONE = { width: 390, height: 844 };

let browser: Browser;
let context: BrowserContext;
let staff: Page;
const pageErrors: string[] = [];
let eventId = '';
let checkInCode = '';

beforeAll(async () => {
  browser = await launchChromium();
  context = await newAppContext(browser, { language: 'en', viewport: PHONE });
  staff = await context.newPage();
  watchPageErrors(staff, pageErrors, 'coordinator');
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
});

beforeEach(({ task, onTestFailed }) => {
  onTestFailed(() => saveFailureScreenshots(`events-check-in-${task.name}`, { coordinator: staff }));
});

async function expectFitsAndPassesAxe(page: Page, where: string) {
  const { overflow, widest } = await sidewaysOverflow(page);
  expect(overflow, `${where} is ${overflow}px wider than the window:\n    ${widest.join('\n    ')}`).toBeLessThanOrEqual(0);
  const violations = await seriousAxeViolations(page);
  expect(violations, `${where}:\n${describeViolations(violations)}`).toEqual([]);
}

/** A JSON call to the API, with the headers given (a session's cookies and anti-forgery token). */
async function api(method: string, path: string, headers: Record<string, string>, body?: unknown) {
  return fetch(`${baseUrl}${path}`, {
    method,
    headers: { Accept: 'application/json', 'Accept-Language': 'en', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** The newest sign-in code sent to an address, from the development mailbox. */
async function newestCode(email: string): Promise<string> {
  for (let tries = 0; tries < 50; tries++) {
    const mails = (await (await api('GET', '/api/dev/mailbox?limit=50', {})).json()) as Array<{ to: string; subject: string }>;
    const match = mails.filter((mail) => mail.to.includes(email)).map((mail) => /([A-HJ-NP-Z2-9]{6})\s*$/.exec(mail.subject.trim()))[0];
    if (match) return match[1];
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`No sign-in code for ${email} in the dev mailbox.`);
}

/** Signs an address in through the API and returns the session's headers (cookies and anti-forgery token). */
async function signInThroughApi(email: string): Promise<Record<string, string>> {
  expect((await api('POST', '/api/auth/code', {}, { email })).status).toBe(202);
  const response = await api('POST', '/api/auth/session', {}, { email, code: await newestCode(email) });
  expect(response.status).toBe(200);
  const cookies = response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]);
  const csrf = cookies.find((cookie) => cookie.startsWith('alumni_csrf='))?.slice('alumni_csrf='.length);
  if (!csrf) throw new Error('The sign-in set no anti-forgery cookie.');
  return { Cookie: cookies.join('; '), 'X-CSRF-Token': decodeURIComponent(csrf) };
}

describe('an organiser checks a registered alumna in on a phone', () => {
  it('an alumna joins, the coordinator makes and publishes an event, and she registers (through the API)', async () => {
    const signUp = await api('POST', '/api/members/sign-up', {}, {
      firstName: alumna.firstName,
      lastName: alumna.lastName,
      email: alumna.email,
      preferredLanguage: 'en',
      affiliations: [{ departmentCode: 'DSV', degreeType: 'master', startYear: 2015, endYear: 2017, credits: 120 }],
      consents: ['eventInvitations'],
      confirmsCredits: true,
    });
    expect(signUp.status).toBe(202);
    const member = await signInThroughApi(alumna.email);
    const pending = await api('GET', '/api/me/pending-sign-up', member);
    expect(pending.status).toBe(200);
    const confirmed = await api('POST', '/api/me/pending-sign-up/confirm', { ...member, 'If-Match': pending.headers.get('ETag') ?? '' }, {
      consents: ['eventInvitations'],
    });
    expect(confirmed.status).toBe(200);

    await signInThroughApp(staff, baseUrl, DEMO_COORDINATOR);
    const coordinator = await sessionHeaders(staff, baseUrl);
    const now = Date.now();
    const created = await api('POST', '/api/events', coordinator, {
      kind: 'networking',
      organiserDepartmentCode: 'DSV',
      cohostDepartmentCodes: [],
      titleEn: title,
      titleSv: title,
      // Under way: it started an hour ago and ends in two.
      startsAt: new Date(now - 3_600_000).toISOString(),
      endsAt: new Date(now + 7_200_000).toISOString(),
      timeZone: 'Europe/Stockholm',
      city: 'Stockholm',
      country: 'SE',
      audience: 'all',
      audienceDepartmentCodes: [],
      capacity: 20,
      guestsAllowed: 1,
      registrationOpensAt: new Date(now - 7_200_000).toISOString(),
      registrationClosesAt: new Date(now + 3_600_000).toISOString(),
      questions: [],
    });
    expect(created.status).toBe(201);
    const event = (await created.json()) as { id: string; version: number };
    eventId = event.id;
    const published = await api('POST', `/api/events/${eventId}/publish`, { ...coordinator, 'If-Match': `"${event.version}"` });
    expect(published.status).toBe(200);

    const registered = await api('POST', `/api/me/events/${eventId}/registration`, member, { guests: [{ name: 'Hugo Dörr' }], answers: [] });
    expect([200, 201]).toContain(registered.status);
    const registration = (await registered.json()) as { status: string; checkInCode: string };
    expect(registration.status).toBe('confirmed');
    checkInCode = registration.checkInCode;
    expect(checkInCode).toMatch(/^[A-Z0-9]{4,16}$/);
  });

  it('finds the check-in page from the event page on a 390 px screen; it fits and passes axe', async () => {
    await staff.goto(`${baseUrl}/staff/events/${eventId}`);
    await staff.getByRole('heading', { level: 1, name: new RegExp(title) }).waitFor();
    await staff.getByRole('link', { name: 'Check-in', exact: true }).click();
    await staff.getByRole('heading', { level: 1, name: 'Check-in' }).waitFor();
    await staff.getByText(`${alumna.firstName} ${alumna.lastName}`, { exact: true }).waitFor();
    await expectFitsAndPassesAxe(staff, 'the check-in page');
  });

  it('checks the alumna in by typing her code, and shows it in the list and the figures', async () => {
    // Typed as a person might: in lower case, with a space in the middle.
    const typed = `${checkInCode.slice(0, 4)} ${checkInCode.slice(4)}`.toLowerCase();
    await staff.getByRole('textbox', { name: 'Check-in code' }).fill(typed);
    await staff.getByRole('button', { name: 'Check in', exact: true }).click();
    const status = staff.getByRole('status').filter({ hasText: 'is checked in' });
    await status.waitFor();
    expect((await status.textContent())?.trim()).toContain(`${alumna.firstName} ${alumna.lastName} is checked in, with 2 seats.`);
    const person = staff.getByRole('listitem').filter({ hasText: `${alumna.firstName} ${alumna.lastName}` });
    await person.getByText('Checked in', { exact: true }).waitFor();
    const figures = staff.getByRole('region', { name: 'Figures' });
    await expect.poll(async () => (await figures.getByRole('listitem').nth(2).textContent())?.replace(/\s+/g, ' ').trim()).toBe('1Checked in2 seats');
    await expectFitsAndPassesAxe(staff, 'the check-in page after a check-in');
  });

  it('undoes the check-in; the registration is confirmed and not checked in again', async () => {
    await staff.getByRole('button', { name: `Undo the check-in of ${alumna.firstName} ${alumna.lastName}` }).first().click();
    await staff.getByRole('status').filter({ hasText: 'is undone' }).waitFor();
    const person = staff.getByRole('listitem').filter({ hasText: `${alumna.firstName} ${alumna.lastName}` });
    await person.getByRole('button', { name: `Check in ${alumna.firstName} ${alumna.lastName}` }).waitFor();
    const list = await api('GET', `/api/events/${eventId}/registrations`, await sessionHeaders(staff, baseUrl));
    expect(list.status).toBe(200);
    const [registration] = ((await list.json()) as { items: Array<{ status: string; checkedInAt?: string }> }).items;
    expect(registration.status).toBe('confirmed');
    expect(registration.checkedInAt ?? null).toBeNull();
    await expectFitsAndPassesAxe(staff, 'the check-in page after the undo');
  });

  it('left no script errors behind', () => {
    expect(pageErrors).toEqual([]);
  });
});
