/**
 * Faculties and departments, end to end: the built app served by the real API (started by
 * global-setup.ts with a fresh database), driven in headless Chromium. Department writes need an
 * admin, so the run signs in as the demo admin first (its code read from the dev mailbox page).
 */
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import {
  DEMO_ADMIN,
  describeViolations,
  launchChromium,
  newAppContext,
  saveFailureScreenshots,
  seriousAxeViolations,
  sessionHeaders,
  signInThroughApp,
  watchPageErrors,
} from './support';

const baseUrl = inject('baseUrl');

// Unique per run, so the test also passes against a long-lived API (E2E_BASE_URL).
const suffix = Date.now().toString(36).toUpperCase().slice(-5);
const newCode = `E2E-${suffix}`;
const newNameSv = `Institutionen för provning ${suffix}`;
const newNameEn = `Department of Testing ${suffix}`;
const editedNameEn = `Department of End-to-End Testing ${suffix}`;

let browser: Browser;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  // Swedish, but not pinned: a test switches to English and expects it to last after a reload.
  context = await newAppContext(browser, { language: 'sv', pinLanguage: false });
  page = await context.newPage();
  watchPageErrors(page, pageErrors);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
});

beforeEach(({ task, onTestFailed }) => {
  onTestFailed(() => saveFailureScreenshots(`departments-${task.name}`, { page }));
});

async function textOf(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

/** The id of the message tied to the code field (its first aria-describedby). */
async function codeErrorId(code: Locator): Promise<string> {
  const describedBy = (await code.getAttribute('aria-describedby')) ?? '';
  const errorId = describedBy.split(' ').find((id) => id.endsWith('-error'));
  expect(errorId).toBeTruthy();
  return errorId!;
}

async function expectNoSeriousViolations(where: string) {
  const violations = await seriousAxeViolations(page);
  expect(violations, `${where}:\n${describeViolations(violations)}`).toEqual([]);
}

async function apiJson<T>(path: string, init?: RequestInit): Promise<{ status: number; body: T; etag: string | null }> {
  const response = await fetch(`${baseUrl}${path}`, {
    ...init,
    headers: {
      Accept: 'application/json',
      ...(init?.body ? { 'Content-Type': 'application/json' } : {}),
      ...(init?.headers ?? {}),
    },
  });
  return { status: response.status, body: (await response.json()) as T, etag: response.headers.get('etag') };
}

describe('faculties and departments', () => {
  it('signs in as the admin (department writes need one)', async () => {
    await signInThroughApp(page, baseUrl, DEMO_ADMIN);
    await page.waitForURL(`${baseUrl}/staff`);
    const menu = page.getByRole('navigation', { name: 'Administration' });
    await menu.getByRole('link', { name: 'Personer' }).waitFor();
  });

  it('serves /departments as a deep link, in Swedish by default', async () => {
    const response = await page.goto(`${baseUrl}/departments`);
    expect(response?.status()).toBe(200);
    await page.getByRole('heading', { level: 1, name: 'Fakulteter och institutioner' }).waitFor();
    await page.getByRole('rowheader', { name: 'Engelska institutionen' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('sv');
    expect(await page.title()).toBe('Fakulteter och institutioner – Alumni, Stockholms universitet');
    await page.getByRole('banner').getByText('Alumni').first().waitFor();
    await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Fakulteter och institutioner' }).waitFor();
    const faculties = await page.getByRole('heading', { level: 2 }).allTextContents();
    expect(faculties).toContain('Humanistiska fakulteten');
    expect(faculties.length).toBeGreaterThanOrEqual(4);
  });

  it('leads the signed-in admin from / to the staff start page, and from its admin menu to the departments', async () => {
    await page.goto(`${baseUrl}/`);
    await page.waitForURL(`${baseUrl}/staff`);
    await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Fakulteter och institutioner' }).click();
    await page.waitForURL(`${baseUrl}/departments`);
    await page.getByRole('rowheader', { name: 'Engelska institutionen' }).waitFor();
  });

  it('passes axe on the list page', async () => {
    await expectNoSeriousViolations('list page (sv)');
  });

  it('switches to English and keeps it after a reload', async () => {
    await page.getByRole('combobox', { name: 'Språk' }).selectOption('en');
    await page.getByRole('rowheader', { name: 'Department of English' }).waitFor();
    await page.getByRole('heading', { level: 1, name: 'Faculties and departments' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');

    await page.reload();
    await page.getByRole('rowheader', { name: 'Department of English' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByRole('combobox', { name: 'Language' }).inputValue()).toBe('en');
    expect(await page.getByText('Engelska institutionen').count()).toBe(0);
  });

  it('shows the code rule next to the code field for an invalid code, without asking the server', async () => {
    const creates: string[] = [];
    const onRequest = (request: { url(): string; method(): string }) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/departments') creates.push(request.url());
    };
    page.on('request', onRequest);
    await page.getByRole('button', { name: 'New department' }).click();
    const form = page.getByRole('region', { name: 'New department' });
    await form.waitFor();
    const code = form.getByRole('textbox', { name: 'Code' });
    await code.fill('1-bad code');
    await form.getByRole('textbox', { name: 'Name in Swedish' }).fill(newNameSv);
    await form.getByRole('textbox', { name: 'Name in English' }).fill(newNameEn);
    await form.getByRole('combobox', { name: 'Faculty' }).selectOption('HUM');
    await form.getByRole('button', { name: 'Create department' }).click();

    await expect.poll(() => code.getAttribute('aria-invalid')).toBe('true');
    const errorId = await codeErrorId(code);
    expect(await textOf(page.locator(`[id="${errorId}"]`))).toBe(
      'Use 2–16 characters: an upper-case letter first, then upper-case letters (A–Z), digits or hyphens.',
    );
    // Next to the field: in the same field group as the input.
    expect(await code.evaluate((input, id) => !!input.closest('.field')?.querySelector(`[id="${id}"]`), errorId)).toBe(true);
    // Only the code was wrong.
    expect(await form.getByRole('textbox', { name: 'Name in English' }).getAttribute('aria-invalid')).toBeNull();
    await form.getByRole('alert').waitFor();
    page.off('request', onRequest);
    expect(creates).toEqual([]);
  });

  it('passes axe with the form open and showing errors', async () => {
    await expectNoSeriousViolations('new-department form with errors (en)');
  });

  it('shows the server’s error next to the code field for a code that is taken', async () => {
    const form = page.getByRole('region', { name: 'New department' });
    const code = form.getByRole('textbox', { name: 'Code' });
    await code.fill('ENG');
    const answer = page.waitForResponse(
      (response) => response.request().method() === 'POST' && new URL(response.url()).pathname === '/api/departments',
    );
    await form.getByRole('button', { name: 'Create department' }).click();
    expect((await answer).status()).toBe(409);

    await expect.poll(async () => textOf(page.locator(`[id="${await codeErrorId(code)}"]`))).toBe(
      'The code is already used by another department.',
    );
    expect(await code.getAttribute('aria-invalid')).toBe('true');
    expect(await textOf(form.getByRole('alert'))).toContain('Code: The code is already used by another department.');
  });

  it('creates a valid department and shows it in the list', async () => {
    const form = page.getByRole('region', { name: 'New department' });
    await form.getByRole('textbox', { name: 'Code' }).fill(newCode);
    await form.getByRole('button', { name: 'Create department' }).click();

    const status = page.getByRole('status').first();
    await expect.poll(() => textOf(status)).toBe(`Department ${newCode} – ${newNameEn} has been created.`);
    expect(await form.count()).toBe(0);
    const table = page.getByRole('table', { name: 'Departments of the Faculty of Humanities' });
    const row = table.getByRole('row', { name: new RegExp(newNameEn) });
    await row.waitFor();
    expect(await textOf(row.getByRole('cell').first())).toBe(newCode);
    expect(await textOf(row)).toContain('Active');
  });

  it('edits the department', async () => {
    await page.getByRole('button', { name: `Edit ${newNameEn}` }).click();
    const panel = page.getByRole('region', { name: `Edit ${newCode} – ${newNameEn}` });
    await panel.waitFor();
    expect(await panel.getByRole('textbox', { name: 'Code' }).getAttribute('readonly')).not.toBeNull();
    await panel.getByRole('textbox', { name: 'Name in English' }).fill(editedNameEn);
    await panel.getByRole('combobox', { name: 'Faculty' }).selectOption('SOC');
    await panel.getByRole('button', { name: 'Save changes' }).click();

    await expect.poll(() => textOf(page.getByRole('status').first())).toBe(`Changes to ${newCode} – ${editedNameEn} have been saved.`);
    const soc = page.getByRole('table', { name: 'Departments of the Faculty of Social Sciences' });
    await soc.getByRole('rowheader', { name: editedNameEn }).waitFor();
    const hum = page.getByRole('table', { name: 'Departments of the Faculty of Humanities' });
    expect(await hum.getByRole('rowheader', { name: editedNameEn }).count()).toBe(0);

    const { body } = await apiJson<{ nameEn: string; facultyCode: string; version: number }>(`/api/departments/${newCode}`);
    expect(body).toMatchObject({ nameEn: editedNameEn, facultyCode: 'SOC' });
  });

  it('says so when someone else changed the department meanwhile (412), and reloads it', async () => {
    await page.getByRole('button', { name: `Edit ${editedNameEn}` }).click();
    const panel = page.getByRole('region', { name: new RegExp(`^Edit ${newCode}`) });
    await panel.waitFor();
    await expect.poll(() => panel.getByRole('textbox', { name: 'Name in English' }).inputValue()).toBe(editedNameEn);

    // Someone else saves first, straight through the API (as the same admin, in another "tab").
    const current = await apiJson<{ version: number; nameSv: string; facultyCode: string }>(`/api/departments/${newCode}`);
    const otherName = `${editedNameEn} (changed elsewhere)`;
    const elsewhere = await apiJson(`/api/departments/${newCode}`, {
      method: 'PUT',
      headers: { 'If-Match': `"${current.body.version}"`, ...(await sessionHeaders(page, baseUrl)) },
      body: JSON.stringify({ nameSv: current.body.nameSv, nameEn: otherName, facultyCode: current.body.facultyCode }),
    });
    expect(elsewhere.status).toBe(200);

    await panel.getByRole('textbox', { name: 'Name in English' }).fill(`${editedNameEn} (mine)`);
    await panel.getByRole('button', { name: 'Save changes' }).click();
    const notice = panel.getByRole('alert');
    await notice.waitFor();
    expect(await textOf(notice)).toContain('Someone else changed the department');
    await expect.poll(() => panel.getByRole('textbox', { name: 'Name in English' }).inputValue()).toBe(otherName);

    // Put the name back, from the reloaded version.
    await panel.getByRole('textbox', { name: 'Name in English' }).fill(editedNameEn);
    await panel.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => textOf(page.getByRole('status').first())).toBe(`Changes to ${newCode} – ${editedNameEn} have been saved.`);
  });

  it('deactivates the department, and shows it as inactive on request', async () => {
    await page.getByRole('button', { name: `Deactivate ${editedNameEn}` }).click();
    // Asked first, below the row.
    const confirm = page.getByRole('region', { name: `Deactivate ${newCode} – ${editedNameEn}?` });
    await confirm.getByRole('button', { name: `Deactivate ${newCode}` }).click();
    // Said beside the row, which stays in its place (inactive) though inactive departments are hidden; the focus is on its reactivate button.
    const kept = page.getByRole('row', { name: new RegExp(`^${newCode} ${editedNameEn}`) });
    await expect.poll(() => textOf(kept.getByRole('status'))).toBe(`${newCode} – ${editedNameEn} has been deactivated.`);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent?.replace(/\s+/g, ' ').trim()))
      .toBe(`ReactivateReactivate ${editedNameEn}`);
    expect(await textOf(kept)).toContain('Inactive');

    await page.getByRole('checkbox', { name: 'Show inactive departments' }).check();
    const row = page.getByRole('row', { name: new RegExp(editedNameEn) });
    await row.waitFor();
    expect(await textOf(row)).toContain('Inactive');
    await row.getByRole('button', { name: `Reactivate ${editedNameEn}` }).waitFor();
    expect(page.url()).toBe(`${baseUrl}/departments?inactive=true`);
  });

  it('passes axe with inactive departments shown', async () => {
    await expectNoSeriousViolations('list page with inactive departments (en)');
  });

  it('reactivates the department', async () => {
    await page.getByRole('button', { name: `Reactivate ${editedNameEn}` }).click();
    const row = page.getByRole('row', { name: new RegExp(editedNameEn) });
    await expect.poll(() => textOf(row.getByRole('status'))).toBe(`${newCode} – ${editedNameEn} has been reactivated.`);
    await expect.poll(() => textOf(row)).toContain('Active');
    await row.getByRole('button', { name: `Deactivate ${editedNameEn}` }).waitFor();
  });

  it('shows a not-found page for an unknown client route', async () => {
    const response = await page.goto(`${baseUrl}/no-such-page`);
    expect(response?.status()).toBe(200);
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    await expectNoSeriousViolations('not-found page');
  });

  it('logged no errors in the browser', () => {
    expect(pageErrors).toEqual([]);
  });
});
