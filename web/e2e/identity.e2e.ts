/**
 * Sign-in, roles and the admin pages, end to end: the built app served by the real API (started by
 * global-setup.ts in Development with the demo people and a mail folder), driven in headless
 * Chromium in English. Sign-in codes are read from the dev mailbox page, as a newcomer would.
 */
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import {
  DEMO_ADMIN,
  DEMO_COORDINATOR,
  describeViolations,
  launchChromium,
  newAppContext,
  readCodeFromMailboxPage,
  saveFailureScreenshots,
  seriousAxeViolations,
  signInThroughApp,
  signOutThroughApp,
  watchPageErrors,
} from './support';

const baseUrl = inject('baseUrl');

// Unique per run, so the test also passes against a long-lived API (E2E_BASE_URL).
const suffix = Date.now().toString(36).toUpperCase().slice(-5);
const keyName = `E2E import ${suffix}`;

let browser: Browser;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];
let secret = '';

beforeAll(async () => {
  browser = await launchChromium();
  context = await newAppContext(browser, { language: 'en' });
  page = await context.newPage();
  watchPageErrors(page, pageErrors);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
});

beforeEach(({ task, onTestFailed }) => {
  onTestFailed(() => saveFailureScreenshots(`identity-${task.name}`, { page }));
});

async function textOf(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

async function expectNoSeriousViolations(where: string) {
  const violations = await seriousAxeViolations(page);
  expect(violations, `${where}:\n${describeViolations(violations)}`).toEqual([]);
}

function menu(): Locator {
  return page.getByRole('navigation', { name: 'Main menu' });
}

/** The admins' menu: the departments, people, API keys and the audit log. */
function adminMenu(): Locator {
  return page.getByRole('navigation', { name: 'Administration' });
}

async function menuLinks(nav: Locator = menu()): Promise<string[]> {
  return (await nav.getByRole('link').allTextContents()).map((t) => t.trim());
}

describe('signing in and the admin pages', () => {
  it('shows the signed-out header and a sign-in page that passes axe', async () => {
    await page.goto(`${baseUrl}/`);
    const banner = page.getByRole('banner');
    await banner.getByRole('link', { name: 'Sign in' }).waitFor();
    // The API serves the dev mailbox in Development, so the menu links to it.
    await menu().getByRole('link', { name: 'Dev mailbox' }).waitFor();
    expect(await menuLinks()).toEqual(['Dev mailbox']);
    expect(await adminMenu().count()).toBe(0);

    await banner.getByRole('link', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect(page.url()).toBe(`${baseUrl}/sign-in`);
    await expectNoSeriousViolations('sign-in page, address step');
  });

  it('sends a code and shows the code step, which passes axe', async () => {
    await page.getByRole('textbox', { name: 'E-mail address' }).fill(DEMO_ADMIN);
    await page.getByRole('button', { name: 'Send code' }).click();
    await page.getByRole('textbox', { name: 'Code' }).waitFor();
    await expect.poll(() => textOf(page.getByRole('status'))).toContain('a code is on its way');
    await expectNoSeriousViolations('sign-in page, code step');
  });

  it('shows the code on the dev mailbox page, which passes axe', async () => {
    const code = await readCodeFromMailboxPage(page, baseUrl, DEMO_ADMIN);
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{6}$/);
    const newest = page.getByRole('article').filter({ hasText: DEMO_ADMIN }).first();
    expect(await textOf(newest.locator('pre'))).toContain(code);
    await expectNoSeriousViolations('dev mailbox page');
  });

  it('says so on the field when the code is wrong', async () => {
    await page.goto(`${baseUrl}/sign-in`);
    const code = page.getByRole('textbox', { name: 'Code' });
    await code.fill('ZZZZZZ');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => code.getAttribute('aria-invalid')).toBe('true');
    await page.getByRole('alert').waitFor();
    await expectNoSeriousViolations('sign-in page with a wrong code');
  });

  it('signs in as the admin with the code from the dev mailbox page', async () => {
    await signInThroughApp(page, baseUrl, DEMO_ADMIN);
    // Staff start on the staff start page.
    await page.waitForURL(`${baseUrl}/staff`);
    const banner = page.getByRole('banner');
    await banner.getByRole('button', { name: 'Sign out' }).waitFor();
    expect(await banner.getByRole('link', { name: 'Sign in' }).count()).toBe(0);
  });

  it('shows the admin menu', async () => {
    await adminMenu().getByRole('link', { name: 'People' }).waitFor();
    expect(await menuLinks(adminMenu())).toEqual(['Faculties and departments', 'People', 'API keys', 'Audit log', 'Imports', 'Welcome series', 'Bounces']);
    expect(await menuLinks()).toEqual(['Dev mailbox']);
    await adminMenu().getByRole('link', { name: 'Faculties and departments' }).click();
    await page.getByRole('button', { name: 'New department' }).waitFor();
  });

  it('lists the demo people with their roles, and the page passes axe', async () => {
    await adminMenu().getByRole('link', { name: 'People' }).click();
    await page.getByRole('heading', { level: 1, name: 'People' }).waitFor();
    const coordinator = page.getByRole('row', { name: new RegExp(DEMO_COORDINATOR) });
    await coordinator.waitFor();
    expect(await textOf(coordinator)).toContain('DSV');
    const admin = page.getByRole('row', { name: new RegExp(DEMO_ADMIN) });
    expect(await textOf(admin)).toContain('Yes');
    await expectNoSeriousViolations('people page');

    // People are named by name (the address beside it); the roles button says whose roles it manages.
    await coordinator.getByRole('button', { name: /^Manage roles of / }).click();
    await page.getByRole('region', { name: /^Roles of / }).waitFor();
    await expectNoSeriousViolations('people page with the roles panel');
  });

  it('creates an API key and shows its secret once', async () => {
    await adminMenu().getByRole('link', { name: 'API keys' }).click();
    await page.getByRole('heading', { level: 1, name: 'API keys' }).waitFor();
    await page.getByRole('button', { name: 'New API key' }).click();
    const form = page.getByRole('region', { name: 'New API key' });
    await form.getByRole('textbox', { name: 'Name' }).fill(keyName);
    await form.getByRole('checkbox', { name: /^Read the audit log/ }).check();
    await expectNoSeriousViolations('API keys page with the create form');
    await form.getByRole('button', { name: 'Create key' }).click();

    const shown = page.getByRole('region', { name: `The key “${keyName}” has been created` });
    await shown.waitFor();
    expect(await textOf(shown)).toContain('cannot be shown again');
    secret = await shown.getByRole('textbox', { name: 'API key' }).inputValue();
    expect(secret.length).toBeGreaterThan(20);
    await shown.getByRole('button', { name: 'Copy the key' }).waitFor();
    await expectNoSeriousViolations('API keys page showing a new secret');

    // The key works, for what its scope allows.
    const audit = await fetch(`${baseUrl}/api/audit?pageSize=1`, { headers: { Authorization: `Bearer ${secret}` } });
    expect(audit.status).toBe(200);

    const row = page.getByRole('row', { name: new RegExp(keyName) });
    await row.waitFor();
    const prefix = secret.split('_').slice(0, 2).join('_');
    expect(await textOf(row)).toContain(prefix);
    expect(await textOf(row)).not.toContain(secret);

    await shown.getByRole('button', { name: 'I have copied the key – close' }).click();
    await expect.poll(() => shown.count()).toBe(0);
    expect(await page.content()).not.toContain(secret);
    await page.reload();
    await page.getByRole('row', { name: new RegExp(keyName) }).waitFor();
    expect(await page.content()).not.toContain(secret);
  });

  it('revokes the key after confirmation', async () => {
    await page.getByRole('button', { name: `Revoke ${keyName}` }).click();
    const confirm = page.getByRole('region', { name: `Revoke “${keyName}”?` });
    await confirm.waitFor();
    await expectNoSeriousViolations('API keys page asking to confirm a revocation');
    await confirm.getByRole('button', { name: 'Revoke the key' }).click();
    await expect.poll(() => textOf(page.getByRole('status'))).toBe(`The key “${keyName}” has been revoked.`);
    await expect.poll(() => textOf(page.getByRole('row', { name: new RegExp(keyName) }))).toContain('Revoked');
    const audit = await fetch(`${baseUrl}/api/audit?pageSize=1`, { headers: { Authorization: `Bearer ${secret}` } });
    expect(audit.status).toBe(401);
  });

  it('shows the audit log, filters it, and the page passes axe', async () => {
    await adminMenu().getByRole('link', { name: 'Audit log' }).click();
    await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
    await page.getByRole('table', { name: /^Audit log, entries 1–\d+ of \d+$/ }).waitFor();
    await page.getByRole('navigation', { name: 'Audit log pages' }).getByText(/^Page 1 of \d+$/).waitFor();
    await expectNoSeriousViolations('audit log page');

    await page.getByText('Advanced: exact action and object type').click();
    await page.getByRole('combobox', { name: 'Action' }).fill('api-key.create');
    await page.getByRole('button', { name: 'Filter', exact: true }).click();
    await page.waitForURL(/action=api-key\.create/);
    const table = page.getByRole('table', { name: /^Audit log, entries 1–\d+ of \d+$/ });
    await table.getByRole('row', { name: /Created an API key/ }).first().waitFor();
    // The unfiltered rows stay on screen until the filtered page arrives (keepPreviousData): wait for it.
    await expect
      .poll(async () => (await table.locator('tbody tr td:nth-child(3)').allTextContents()).every((a) => a.trim().startsWith('Created an API key')))
      .toBe(true);
  });

  it('lists my sessions with this browser marked, and the page passes axe', async () => {
    await page.getByRole('banner').getByRole('link', { name: 'My sessions' }).click();
    await page.getByRole('heading', { level: 1, name: 'My sessions' }).waitFor();
    const current = page.getByRole('row', { name: /This browser/ });
    await current.waitFor();
    expect(await textOf(current)).toContain('127.0.0.1');
    await expectNoSeriousViolations('my sessions page');
  });

  it('signs out and shows the signed-out header', async () => {
    await signOutThroughApp(page);
    // The front page, which a signed-out person stays on.
    await page.waitForURL(`${baseUrl}/`);
    await page.getByText('You have signed out.').waitFor();
    expect(await page.getByRole('banner').getByText(DEMO_ADMIN).count()).toBe(0);
    expect(await menuLinks()).toEqual(['Dev mailbox']);
    expect(await adminMenu().count()).toBe(0);
    expect((await context.cookies(baseUrl)).some((c) => c.name === 'alumni_session')).toBe(false);
  });

  it('shows a coordinator no admin menu and no department edit controls', async () => {
    await signInThroughApp(page, baseUrl, DEMO_COORDINATOR);
    await page.waitForURL(`${baseUrl}/staff`);
    expect(await adminMenu().count()).toBe(0);
    await page.getByRole('navigation', { name: 'Staff tools' }).getByRole('link', { name: 'Faculties and departments' }).click();
    await page.getByRole('rowheader', { name: 'Department of Computer and Systems Sciences' }).waitFor();
    expect(await menuLinks()).toEqual(['Dev mailbox']);
    expect(await page.getByRole('button', { name: 'New department' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^(Edit|Deactivate|Reactivate) / }).count()).toBe(0);

    await page.goto(`${baseUrl}/admin/people`);
    await page.getByRole('heading', { level: 1, name: 'No access' }).waitFor();
    await signOutThroughApp(page);
  });

  it('sends a signed-out visit to /admin/people to sign in, and back afterwards', async () => {
    await page.goto(`${baseUrl}/admin/people`);
    await page.waitForURL(`${baseUrl}/sign-in?returnTo=%2Fadmin%2Fpeople`);
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await signInThroughApp(page, baseUrl, DEMO_ADMIN);
    await page.waitForURL(`${baseUrl}/admin/people`);
    await page.getByRole('heading', { level: 1, name: 'People' }).waitFor();
  });

  it('logged no errors in the browser', () => {
    expect(pageErrors).toEqual([]);
  });
});
