/**
 * Recruitment campaigns and the departments page on a phone, end to end: the built app served by the
 * real API (global-setup.ts), in headless Chromium. The demo coordinator of DSV creates a campaign,
 * sees its QR code, closes it; the link then tells a visitor it is closed and counts nothing. The
 * campaigns page and the departments page (as the demo admin) fit 390 px without sideways scrolling
 * and pass axe there.
 */
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import {
  DEMO_ADMIN,
  DEMO_COORDINATOR,
  describeViolations,
  launchChromium,
  newAppContext,
  saveFailureScreenshots,
  seriousAxeViolations,
  signInThroughApp,
  watchPageErrors,
} from './support';

const baseUrl = inject('baseUrl');

// Unique per run, so the test also passes against a long-lived API (E2E_BASE_URL).
const suffix = Date.now().toString(36).toUpperCase().slice(-5);
const label = `E2E poster ${suffix}`;
const DSV_NAME_EN = 'Department of Computer and Systems Sciences';

let browser: Browser;
const contexts: BrowserContext[] = [];
const pages: Page[] = [];
const pageErrors: string[] = [];
let staff: Page;
let invitationLink = '';

const PHONE = { width: 390, height: 844 };

/** A page on a phone in a context of its own; a pinned language is written to local storage before every page load. */
async function open(language: 'sv' | 'en', pinLanguage: boolean): Promise<Page> {
  const context = await newAppContext(browser, { language, viewport: PHONE, pinLanguage });
  contexts.push(context);
  const page = await context.newPage();
  watchPageErrors(page, pageErrors);
  pages.push(page);
  return page;
}

beforeAll(async () => {
  browser = await launchChromium();
  staff = await open('en', true);
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
});

beforeEach(({ task, onTestFailed }) => {
  onTestFailed(() => saveFailureScreenshots(`campaigns-${task.name}`, Object.fromEntries(pages.map((page, i) => [i, page]))));
});

async function textOf(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

async function expectFitsAndPassesAxe(page: Page, where: string) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${where} scrolls sideways`).toBeLessThanOrEqual(0);
  const violations = await seriousAxeViolations(page);
  expect(violations, `${where}:\n${describeViolations(violations)}`).toEqual([]);
}

describe('a recruitment campaign from poster to closing, on a phone', () => {
  it('lets the coordinator create a campaign and see its QR code; the page fits 390 px and passes axe', async () => {
    await signInThroughApp(staff, baseUrl, DEMO_COORDINATOR);
    await staff.goto(`${baseUrl}/staff/campaigns`);
    await staff.getByRole('heading', { level: 1, name: 'Recruitment campaigns' }).waitFor();
    const form = staff.getByRole('region', { name: 'New campaign' });
    await expect.poll(() => form.getByRole('combobox', { name: 'Department' }).inputValue()).toBe('DSV');
    await form.getByRole('combobox', { name: 'Channel' }).fill('Poster');
    await form.getByRole('textbox', { name: 'Label' }).fill(label);
    await form.getByRole('button', { name: 'Create campaign' }).click();

    const row = staff.getByRole('row', { name: new RegExp(`^${label} `) });
    await row.waitFor();
    expect(await textOf(row)).toContain('Open');
    invitationLink = await staff.getByRole('textbox', { name: `Invitation link of ${label}` }).inputValue();
    expect(invitationLink).toMatch(/\/join\/[0-9a-f]{24}$/);
    const qr = staff.getByRole('img', { name: `QR code for the invitation link of ${label}: ${invitationLink}` });
    await qr.waitFor();
    // The QR code is drawn: an SVG image of some size, its download buttons beside it.
    expect(await qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 100)).toBe(true);
    await staff.getByRole('button', { name: `Download the QR code of ${label} as PNG` }).waitFor();
    await staff.getByRole('button', { name: `Download the QR code of ${label} as SVG` }).waitFor();
    await expectFitsAndPassesAxe(staff, 'campaigns page with the new campaign’s QR code at 390 px');
  });

  it('closes the campaign with the row’s button, which keeps the focus and turns into reopen', async () => {
    const row = staff.getByRole('row', { name: new RegExp(`^${label} `) });
    await row.getByRole('button', { name: `Close ${label}` }).click();
    await expect.poll(() => textOf(row.getByRole('status'))).toBe(`“${label}” is closed: its link counts no more visits or sign-ups.`);
    expect(await textOf(row)).toContain('Closed');
    await expect
      .poll(() => staff.evaluate(() => document.activeElement?.textContent?.replace(/\s+/g, ' ').trim()))
      .toBe(`ReopenReopen ${label}`);
    await expectFitsAndPassesAxe(staff, 'campaigns page with a closed campaign at 390 px');
  });

  it('tells a visitor of the closed link that it is closed, lets them join, and counts nothing', async () => {
    const guest = await open('sv', false);
    await guest.goto(invitationLink);
    await guest.getByRole('heading', { level: 1, name: 'Bli medlem i alumninätverket' }).waitFor();
    await guest.getByText('Inbjudan från Institutionen för data- och systemvetenskap har stängts.', { exact: false }).waitFor();
    expect(await guest.getByText(/^Inbjuden av/).count()).toBe(0);
    await guest.getByRole('button', { name: 'Bli medlem', exact: true }).waitFor();
    await expectFitsAndPassesAxe(guest, 'join page of a closed link at 390 px');

    await staff.reload();
    const row = staff.getByRole('row', { name: new RegExp(`^${label} `) });
    await row.waitFor();
    const steps = await row.getByRole('list', { name: 'From visit to member' }).getByRole('listitem').allTextContents();
    expect(steps.map((step) => step.replace(/\s+/g, ' ').trim())).toEqual(['0 visits', '0 sign-ups', '0 verified']);
  });
});

describe('the departments page on a phone', () => {
  it('fits 390 px, passes axe, and asks before deactivating', async () => {
    const admin = await open('en', true);
    await signInThroughApp(admin, baseUrl, DEMO_ADMIN);
    await admin.goto(`${baseUrl}/departments`);
    await admin.getByRole('heading', { level: 1, name: 'Faculties and departments' }).waitFor();
    await admin.getByRole('rowheader', { name: DSV_NAME_EN }).waitFor();
    await expectFitsAndPassesAxe(admin, 'departments page at 390 px');

    await admin.getByRole('button', { name: `Deactivate ${DSV_NAME_EN}` }).click();
    const confirm = admin.getByRole('region', { name: `Deactivate DSV – ${DSV_NAME_EN}?` });
    await confirm.waitFor();
    await expectFitsAndPassesAxe(admin, 'departments page asking to deactivate at 390 px');
    // Not this time: DSV stays active, and the focus goes back to its button.
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect
      .poll(() => admin.evaluate(() => document.activeElement?.textContent?.replace(/\s+/g, ' ').trim()))
      .toBe(`DeactivateDeactivate ${DSV_NAME_EN}`);
  });

  it('logged no errors in the browser', () => {
    expect(pageErrors).toEqual([]);
  });
});
