/**
 * The alumni network end to end: the built app served by the real API (started by global-setup.ts in
 * Development with the demo people and a mail folder), driven in headless Chromium. The demo
 * coordinator of DSV (in English) creates an invitation link; a new visitor (a fresh browser, in
 * Swedish) opens it, signs up, verifies the address with the code from the dev mailbox page, confirms
 * what was signed up with the consents they tick, edits the profile, finds themselves in the
 * directory, downloads their data and erases themselves; the
 * coordinator then sees the campaign's figures and searches the members of DSV. Every page passes axe.
 */
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import {
  DEMO_COORDINATOR,
  describeViolations,
  launchChromium,
  newAppContext,
  readCodeFromMailboxPage,
  readErasureCodeFromMailboxPage,
  saveFailureScreenshots,
  seriousAxeViolations,
  signInThroughApp,
  watchPageErrors,
} from './support';

const baseUrl = inject('baseUrl');

// Unique per run, so the test also passes against a long-lived API (E2E_BASE_URL).
const suffix = Date.now().toString(36).toUpperCase().slice(-5);
const campaignLabel = `E2E graduation ${suffix}`;
const visitor = {
  email: `visitor-${suffix.toLowerCase()}@example.org`,
  firstName: 'Vera',
  lastName: `Besökare${suffix}`,
};
const dsvMember = { email: `dsv-${suffix.toLowerCase()}@example.org`, firstName: 'Dag', lastName: `Dsvsson${suffix}` };
const engMember = { email: `eng-${suffix.toLowerCase()}@example.org`, firstName: 'Eva', lastName: `Engström${suffix}` };
const DSV_NAME_EN = 'Department of Computer and Systems Sciences';
const DSV_NAME_SV = 'Institutionen för data- och systemvetenskap';

let browser: Browser;
let staffContext: BrowserContext;
let staff: Page;
let visitorContext: BrowserContext | undefined;
let guest: Page | undefined;
let invitationLink = '';
const pageErrors: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  // The coordinator works in English.
  staffContext = await newAppContext(browser, { language: 'en', viewport: { width: 1400, height: 900 } });
  await staffContext.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
  staff = await staffContext.newPage();
  watchPageErrors(staff, pageErrors, 'coordinator');
});

afterAll(async () => {
  await visitorContext?.close();
  await staffContext?.close();
  await browser?.close();
});

beforeEach(({ task, onTestFailed }) => {
  onTestFailed(() => saveFailureScreenshots(`members-${task.name}`, { coordinator: staff, visitor: guest }));
});

async function textOf(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

async function expectNoSeriousViolations(page: Page, where: string) {
  const violations = await seriousAxeViolations(page);
  expect(violations, `${where}:\n${describeViolations(violations)}`).toEqual([]);
}

/** A campaign's funnel, step by step, as its row says it. */
async function funnelOf(row: Locator): Promise<string[]> {
  const steps = await row.getByRole('list', { name: 'From visit to member' }).getByRole('listitem').allTextContents();
  return steps.map((step) => step.replace(/\s+/g, ' ').trim());
}

async function linksOf(nav: Locator): Promise<string[]> {
  return (await nav.getByRole('link').allTextContents()).map((t) => t.trim());
}

function visitorPage(): Page {
  if (!guest) throw new Error('The visitor has not opened the invitation link yet.');
  return guest;
}

/** Signs a member up through the public API, as another visitor would. */
async function signUpThroughApi(person: { email: string; firstName: string; lastName: string }, departmentCode: string) {
  const response = await fetch(`${baseUrl}/api/members/sign-up`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'Accept-Language': 'en' },
    body: JSON.stringify({
      ...person,
      preferredLanguage: 'en',
      affiliations: [{ departmentCode, degreeType: 'bachelor', startYear: 2012, endYear: 2015, credits: 180 }],
      consents: ['eventInvitations'],
      confirmsCredits: true,
    }),
  });
  expect(response.status).toBe(202);
}

describe('joining through an invitation link, self-service and the staff pages', () => {
  it('shows the coordinator the staff tools and the alumni network menus', async () => {
    await signInThroughApp(staff, baseUrl, DEMO_COORDINATOR);
    // Staff start on the staff start page.
    await staff.waitForURL(`${baseUrl}/staff`);
    const staffTools = staff.getByRole('navigation', { name: 'Staff tools' });
    await staffTools.getByRole('link', { name: 'Members' }).waitFor();
    expect(await linksOf(staffTools)).toEqual(['Members', 'Campaigns', 'Events', 'Newsletters', 'Network', 'Faculties and departments']);
    expect(await linksOf(staff.getByRole('navigation', { name: 'Alumni network' }))).toEqual(['My page', 'Events', 'My profile', 'Directory']);
    // No admin pages for a coordinator.
    expect(await staff.getByRole('navigation', { name: 'Administration' }).count()).toBe(0);
    expect(await linksOf(staff.getByRole('navigation', { name: 'Main menu' }))).toEqual(['Dev mailbox']);
  });

  it('lets the coordinator create a campaign for DSV only, and copy its link; the page passes axe', async () => {
    await staff.getByRole('navigation', { name: 'Staff tools' }).getByRole('link', { name: 'Campaigns' }).click();
    await staff.getByRole('heading', { level: 1, name: 'Recruitment campaigns' }).waitFor();
    const form = staff.getByRole('region', { name: 'New campaign' });
    const department = form.getByRole('combobox', { name: 'Department' });
    // A coordinator picks among their own departments only: DSV.
    await expect
      .poll(async () => (await department.locator('option').allTextContents()).map((o) => o.trim()))
      .toEqual(['Choose a department', `${DSV_NAME_EN} (DSV)`]);
    expect(await department.inputValue()).toBe('DSV');
    await form.getByRole('combobox', { name: 'Channel' }).fill('LinkedIn');
    await form.getByRole('textbox', { name: 'Label' }).fill(campaignLabel);
    await expectNoSeriousViolations(staff, 'campaigns page with the form filled in');
    await form.getByRole('button', { name: 'Create campaign' }).click();

    await expect.poll(() => textOf(staff.getByRole('status').first())).toContain(`The campaign “${campaignLabel}” has been created.`);
    const row = staff.getByRole('row', { name: new RegExp(`^${campaignLabel} `) });
    await row.waitFor();
    const cells = (await row.getByRole('cell').allTextContents()).map((c) => c.trim());
    expect(cells.slice(0, 2)).toEqual(['DepartmentDSV', 'ChannelLinkedIn']);
    expect(await funnelOf(row)).toEqual(['0 visits', '0 sign-ups', '0 verified']);

    // The new campaign's link and QR code are open below its row.
    invitationLink = await staff.getByRole('textbox', { name: `Invitation link of ${campaignLabel}` }).inputValue();
    expect(invitationLink).toMatch(new RegExp(`^${baseUrl.replace(/[.]/g, '\\.')}/join/[0-9a-f]{24}$`));
    await staff.getByRole('button', { name: `Copy the link of ${campaignLabel}` }).click();
    await expect
      .poll(() => textOf(staff.getByRole('status').filter({ hasText: 'copied' })))
      .toBe(`The link of “${campaignLabel}” has been copied.`);
    expect(await staff.evaluate(() => navigator.clipboard.readText())).toBe(invitationLink);
    await expectNoSeriousViolations(staff, 'campaigns page with the new campaign');
  });

  it('has members of DSV and of another department signing up meanwhile', async () => {
    await signUpThroughApi(dsvMember, 'DSV');
    await signUpThroughApi(engMember, 'ENG');
  });

  it('greets a visitor of the link with the inviting department; the join page passes axe', async () => {
    visitorContext = await newAppContext(browser, { language: 'sv', pinLanguage: false, acceptDownloads: true });
    guest = await visitorContext.newPage();
    watchPageErrors(guest, pageErrors, 'visitor');
    await guest.goto(invitationLink);
    await guest.getByRole('heading', { level: 1, name: 'Bli medlem i alumninätverket' }).waitFor();
    await guest.getByText(`Inbjuden av ${DSV_NAME_SV}`).waitFor();
    // The invitation's department is the first study's department.
    expect(await guest.getByRole('combobox', { name: 'Institution' }).inputValue()).toBe('DSV');
    await expectNoSeriousViolations(guest, 'join page from an invitation link');
  });

  it('puts the server’s messages on the fields, nested ones on the study', async () => {
    const page = visitorPage();
    await page.getByRole('combobox', { name: 'Examen' }).selectOption('master');
    await page.getByRole('textbox', { name: 'Högskolepoäng (hp)' }).fill('-5');
    await page.getByRole('button', { name: 'Bli medlem', exact: true }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Du kunde inte registreras ännu' });
    await summary.waitFor();
    await expect.poll(() => page.getByRole('textbox', { name: 'Förnamn' }).getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByRole('textbox', { name: 'Högskolepoäng (hp)' }).getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByRole('checkbox', { name: /^Jag har tagit minst 1 hp/ }).getAttribute('aria-invalid')).toBe('true');
    expect(await textOf(summary)).toContain('Studie 1, Högskolepoäng (hp)');
    await expectNoSeriousViolations(page, 'join page with field errors');
  });

  it('signs the visitor up and asks for the e-mailed code; the verification step passes axe', async () => {
    const page = visitorPage();
    await page.getByRole('textbox', { name: 'Förnamn' }).fill(visitor.firstName);
    await page.getByRole('textbox', { name: 'Efternamn' }).fill(visitor.lastName);
    await page.getByRole('textbox', { name: 'E-postadress' }).fill(visitor.email);
    await page.getByRole('textbox', { name: 'Startår (valfritt)' }).fill('2015');
    await page.getByRole('textbox', { name: 'Examensår (valfritt)' }).fill('2017');
    await page.getByRole('textbox', { name: 'Högskolepoäng (hp)' }).fill('120');
    await page.getByRole('checkbox', { name: 'Inbjudningar till alumnievenemang' }).check();
    await page.getByRole('checkbox', { name: 'Stockholms universitets alumninyhetsbrev' }).check();
    await page.getByRole('checkbox', { name: /^Jag har tagit minst 1 hp/ }).check();
    await page.getByRole('button', { name: 'Bli medlem', exact: true }).click();

    await page.getByRole('heading', { level: 1, name: 'Bekräfta din e-postadress' }).waitFor();
    await page.getByRole('status').filter({ hasText: `En kod är på väg till ${visitor.email}` }).waitFor();
    await page.getByRole('textbox', { name: 'Kod', exact: true }).waitFor();
    await expectNoSeriousViolations(page, 'join page, verification step');
  });

  it('verifies the address with the code from the dev mailbox and is shown what was signed up; the step passes axe', async () => {
    const page = visitorPage();
    // The visitor reads the mail in another tab; the join page keeps its step.
    const mail = await visitorContext!.newPage();
    const code = await readCodeFromMailboxPage(mail, baseUrl, visitor.email);
    await mail.close();

    await page.getByRole('textbox', { name: 'Kod', exact: true }).fill(code);
    await page.getByRole('button', { name: 'Bekräfta min adress' }).click();
    // Signed in, but nothing activated yet: the sign-up waits for its owner's confirmation.
    await page.getByRole('heading', { level: 1, name: 'Bekräfta din anmälan' }).waitFor();
    const step = page.getByRole('region', { name: 'Är det här du?' });
    expect(await textOf(step)).toContain(`${visitor.firstName} ${visitor.lastName}`);
    expect(await textOf(step)).toContain(DSV_NAME_SV);
    const newsletter = step.getByRole('checkbox', { name: 'Stockholms universitets alumninyhetsbrev' });
    const events = step.getByRole('checkbox', { name: 'Inbjudningar till alumnievenemang' });
    expect([await newsletter.isChecked(), await events.isChecked()]).toEqual([false, false]);
    expect(await step.getByRole('checkbox').count()).toBe(2);
    await expectNoSeriousViolations(page, 'join page, confirmation step');
  });

  it('confirms with the consents ticked and lands on the start page with a welcome, then opens the profile', async () => {
    const page = visitorPage();
    const step = page.getByRole('region', { name: 'Är det här du?' });
    await step.getByRole('checkbox', { name: 'Inbjudningar till alumnievenemang' }).check();
    await step.getByRole('button', { name: 'Ja, det är jag – bli medlem' }).click();
    await page.waitForURL(`${baseUrl}/me`);
    await page.getByText('Välkommen till alumninätverket!', { exact: false }).waitFor();
    await page.getByRole('banner').getByText(visitor.email, { exact: true }).waitFor();
    await page.getByRole('heading', { level: 1, name: `Välkommen, ${visitor.firstName}` }).waitFor();
    await page.getByRole('link', { name: 'Ändra min profil' }).click();
    await page.getByRole('heading', { level: 1, name: 'Min profil' }).waitFor();
    await page.getByRole('textbox', { name: 'Förnamn' }).waitFor();
    expect(await page.getByRole('textbox', { name: 'Förnamn' }).inputValue()).toBe(visitor.firstName);
    expect(await textOf(page.locator('.facts'))).toContain('Aktiv');
    expect(await page.getByRole('switch', { name: 'Inbjudningar till alumnievenemang' }).isChecked()).toBe(true);
    // Asked for at sign-up, not ticked at the confirmation: not given.
    expect(await page.getByRole('switch', { name: 'Stockholms universitets alumninyhetsbrev' }).isChecked()).toBe(false);
    expect(await page.getByRole('switch', { name: 'Att synas i alumnikatalogen' }).isChecked()).toBe(false);
    await expectNoSeriousViolations(page, 'my profile page');
  });

  it('saves the profile: employer and a directory listing that shows it', async () => {
    const page = visitorPage();
    await page.getByRole('textbox', { name: 'Arbetsgivare' }).fill('Acme AB');
    await page.getByRole('textbox', { name: 'Ort', exact: true }).fill('Stockholm');
    await page.getByRole('checkbox', { name: 'Visa mig i alumnikatalogen' }).check();
    const shown = page.getByRole('group', { name: 'Visas i katalogen' });
    await shown.getByRole('checkbox', { name: 'Arbetsgivare' }).check();
    await shown.getByRole('checkbox', { name: 'Ort', exact: true }).check();
    await page.getByRole('button', { name: 'Spara min profil' }).click();
    await page.getByRole('status').filter({ hasText: 'Din profil har sparats.' }).waitFor();
    // Listing in the directory also gave the directory consent.
    expect(await page.getByRole('switch', { name: 'Att synas i alumnikatalogen' }).isChecked()).toBe(true);

    await page.reload();
    await page.getByRole('textbox', { name: 'Arbetsgivare' }).waitFor();
    expect(await page.getByRole('textbox', { name: 'Arbetsgivare' }).inputValue()).toBe('Acme AB');
    expect(await page.getByRole('checkbox', { name: 'Visa mig i alumnikatalogen' }).isChecked()).toBe(true);
    await expectNoSeriousViolations(page, 'my profile page after saving');
  });

  it('finds the visitor in the directory with only the fields they show; the directory passes axe', async () => {
    const page = visitorPage();
    await page.getByRole('navigation', { name: 'Alumninätverket' }).getByRole('link', { name: 'Katalog' }).click();
    await page.getByRole('heading', { level: 1, name: 'Alumnikatalogen' }).waitFor();
    await page.getByRole('searchbox', { name: 'Namn' }).fill(visitor.lastName);
    await page.getByRole('button', { name: 'Sök', exact: true }).click();
    await page.waitForURL(/[?&]q=/);
    const card = page.getByRole('article', { name: `${visitor.firstName} ${visitor.lastName}` });
    await card.waitFor();
    const text = await textOf(card);
    expect(text).toContain('Acme AB');
    expect(text).toContain('Stockholm');
    // Not chosen, so not shown: the address and the studies.
    expect(text).not.toContain(visitor.email);
    expect(text).not.toContain('DSV');
    await expectNoSeriousViolations(page, 'directory page');
  });

  it('downloads the visitor’s data as a JSON file with their address', async () => {
    const page = visitorPage();
    await page.getByRole('navigation', { name: 'Alumninätverket' }).getByRole('link', { name: 'Min profil' }).click();
    await page.getByRole('heading', { level: 2, name: 'Mina uppgifter' }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Ladda ner mina uppgifter' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('my-alumni-data.json');
    const path = await download.path();
    const data = JSON.parse(readFileSync(path, 'utf8')) as {
      summary: string;
      profile: { email: string; employer?: string; affiliations: Array<{ departmentCode: string }> };
      consentHistory: unknown[];
      notes: unknown[];
      campaign?: string;
    };
    expect(data.profile.email).toBe(visitor.email);
    expect(data.profile.employer).toBe('Acme AB');
    expect(data.profile.affiliations.map((a) => a.departmentCode)).toEqual(['DSV']);
    expect(data.summary).toContain(visitor.email);
    expect(Array.isArray(data.notes)).toBe(true);
    expect(data.campaign).toBe(campaignLabel);
    expect(data.consentHistory.length).toBeGreaterThan(0);
    await page.getByRole('status').filter({ hasText: 'Dina uppgifter har laddats ner som my-alumni-data.json.' }).waitFor();
  });

  it('erases the visitor with a fresh code, and signs them out', async () => {
    const page = visitorPage();
    await page.getByRole('button', { name: 'Radera mina uppgifter …' }).click();
    const confirm = page.getByRole('region', { name: 'Radera alla dina uppgifter?' });
    await confirm.waitFor();
    await expectNoSeriousViolations(page, 'my profile page asking to confirm the erasure');
    await confirm.getByRole('button', { name: 'Mejla mig en kod' }).click();
    const codeField = confirm.getByRole('textbox', { name: 'Kod från mejlet' });
    await codeField.waitFor();

    const mail = await visitorContext!.newPage();
    // The erasure's own mail (what is erased, and that ignoring it keeps the data), not a sign-in code.
    const code = await readErasureCodeFromMailboxPage(mail, baseUrl, visitor.email);
    await mail.close();

    await codeField.fill(code);
    await confirm.getByRole('button', { name: 'Radera mina uppgifter för gott' }).click();
    await page.waitForURL(`${baseUrl}/erased`);
    await page.getByRole('heading', { level: 1, name: 'Dina uppgifter har raderats' }).waitFor();
    await page.getByRole('banner').getByRole('link', { name: 'Logga in' }).waitFor();
    expect(await page.getByRole('banner').getByText(visitor.email).count()).toBe(0);
    expect((await visitorContext!.cookies(baseUrl)).some((c) => c.name === 'alumni_session')).toBe(false);
    await expectNoSeriousViolations(page, 'erased page');
  });

  it('shows the coordinator the campaign’s visit, sign-up and verified member', async () => {
    await staff.reload();
    const row = staff.getByRole('row', { name: new RegExp(`^${campaignLabel} `) });
    await row.waitFor();
    // Visits, sign-ups, verified: the one visitor, who verified before erasing themselves.
    expect(await funnelOf(row)).toEqual(['1 visit', '1 sign-up (100% of visits)', '1 verified (100% of sign-ups)']);
  });

  it('lists only members of DSV in the coordinator’s search; the list passes axe', async () => {
    await staff.getByRole('navigation', { name: 'Staff tools' }).getByRole('link', { name: 'Members' }).click();
    await staff.getByRole('heading', { level: 1, name: 'Members' }).waitFor();
    const table = staff.getByRole('table', { name: /^Members 1–\d+ of \d+$/ });
    await table.waitFor();
    const departments = await table.locator('tbody tr td:nth-child(3)').allTextContents();
    expect(departments.length).toBeGreaterThan(0);
    for (const codes of departments) expect(codes).toContain('DSV');
    const names = await table.locator('tbody th').allTextContents();
    expect(names).toContain(`${dsvMember.lastName}, ${dsvMember.firstName}`);
    expect(names).not.toContain(`${engMember.lastName}, ${engMember.firstName}`);
    // The erased visitor is gone from the default search.
    expect(names).not.toContain(`${visitor.lastName}, ${visitor.firstName}`);
    await expectNoSeriousViolations(staff, 'members page');

    // Even searching by the name finds nobody outside the coordinator's departments.
    await staff.getByRole('searchbox', { name: 'Search' }).fill(suffix);
    await staff.getByRole('button', { name: 'Search', exact: true }).click();
    await staff.waitForURL(/[?&]q=/);
    await expect
      .poll(async () => (await staff.getByRole('table', { name: /^Members/ }).locator('tbody th').allTextContents()).map((n) => n.trim()))
      .toEqual([`${dsvMember.lastName}, ${dsvMember.firstName}`]);
  });

  it('opens a member’s record, saves an edit and a note; the record passes axe', async () => {
    await staff.getByRole('link', { name: `${dsvMember.lastName}, ${dsvMember.firstName}` }).click();
    await staff.getByRole('heading', { level: 1, name: new RegExp(`^${dsvMember.firstName} ${dsvMember.lastName}`) }).waitFor();
    expect(await textOf(staff.getByRole('region', { name: 'Record' }))).toContain(dsvMember.email);
    await expectNoSeriousViolations(staff, 'member record');
    // Erasing on request is for admins only.
    expect(await staff.getByRole('button', { name: /^Erase the member/ }).count()).toBe(0);

    await staff.getByRole('button', { name: 'Edit the profile' }).click();
    const edit = staff.getByRole('region', { name: 'Edit the profile' });
    await edit.getByRole('textbox', { name: 'City' }).fill('Uppsala');
    await expectNoSeriousViolations(staff, 'member record with the edit form');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await staff.getByRole('status').filter({ hasText: 'The changes have been saved.' }).waitFor();
    expect(await textOf(staff.getByRole('region', { name: 'Record' }))).toContain('Uppsala');

    const notes = staff.getByRole('region', { name: 'Staff notes' });
    await notes.getByRole('textbox', { name: 'New note' }).fill(`Met at the E2E fair ${suffix}`);
    await notes.getByRole('button', { name: 'Add the note' }).click();
    await notes.getByRole('list', { name: 'Notes, newest first' }).getByText(`Met at the E2E fair ${suffix}`).waitFor();
    await expectNoSeriousViolations(staff, 'member record with a note');
  });

  it('logged no errors in the browsers', () => {
    expect(pageErrors).toEqual([]);
  });
});
