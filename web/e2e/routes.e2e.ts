/**
 * Every route of the app, end to end: the built app served by the real API (global-setup.ts), in one
 * headless Chromium, in English. A visitor first makes their way in from the front page (join, verify,
 * confirm) and becomes the suite's alumnus; the demo coordinator and admin sign in once each. Then each
 * route of e2e/route-list.ts is opened as its visitor at 1280×800 and at 390×844, and must not scroll
 * sideways nor have a serious or critical axe violation. On a phone the header's menu button is tried
 * too. With E2E_SCREENSHOTS=1 the suite also writes the README's screenshots to docs/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { ROUTE_VISITS, type RouteVisit, type RouteVisitor } from './route-list';
import {
  DEMO_ADMIN,
  DEMO_COORDINATOR,
  describeViolations,
  launchChromium,
  newAppContext,
  readCodeFromMailboxPage,
  saveFailureScreenshots,
  seriousAxeViolations,
  sessionHeaders,
  sidewaysOverflow,
  signInThroughApp,
  watchPageErrors,
} from './support';

const baseUrl = inject('baseUrl');
const screenshotsDir = join(resolve(dirname(fileURLToPath(import.meta.url)), '..', '..'), 'docs', 'screenshots');
const takeScreenshots = process.env.E2E_SCREENSHOTS === '1';

// Unique per run, so the suite also passes against a long-lived API (E2E_BASE_URL).
const suffix = Date.now().toString(36).toUpperCase().slice(-5);
const alumnus = { email: `astrid-${suffix.toLowerCase()}@example.org`, firstName: 'Astrid', lastName: 'Ekström' };

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

let browser: Browser;
const contexts = new Map<RouteVisitor, BrowserContext>();
const pages = new Map<RouteVisitor, Page>();
const pageErrors: string[] = [];
/** Filled in from the demo data the suite makes: the alumnus's member id, a campaign's token, an import, an event. */
const placeholders: Record<string, string> = {};

async function pageFor(who: RouteVisitor): Promise<Page> {
  const existing = pages.get(who);
  if (existing) return existing;
  const context = await newAppContext(browser, { language: 'en', viewport: DESKTOP });
  const page = await context.newPage();
  watchPageErrors(page, pageErrors, who);
  contexts.set(who, context);
  pages.set(who, page);
  return page;
}

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  for (const context of contexts.values()) await context.close();
  await browser?.close();
});

beforeEach(({ task, onTestFailed }) => {
  onTestFailed(() => saveFailureScreenshots(`routes-${task.name}`, Object.fromEntries(pages)));
});

async function expectNoSeriousViolations(page: Page, where: string) {
  const violations = await seriousAxeViolations(page);
  expect(violations, `${where}:\n${describeViolations(violations)}`).toEqual([]);
}

async function expectNoSidewaysScroll(page: Page, where: string) {
  const { overflow, widest } = await sidewaysOverflow(page);
  expect(overflow, `${where} is ${overflow}px wider than the window:\n    ${widest.join('\n    ')}`).toBeLessThanOrEqual(0);
}

async function screenshot(page: Page, name: string, fullPage = false) {
  if (!takeScreenshots) return;
  mkdirSync(screenshotsDir, { recursive: true });
  await page.screenshot({ path: join(screenshotsDir, `${name}.png`), fullPage });
}

/** A few more members of DSV for the README's screenshot of the member search (sign-ups through the public API). */
async function signUpDemoMembers() {
  const people = [
    ['Sara', 'Lindqvist', 'master', 2014, 2019, 300],
    ['Johan', 'Berg', 'bachelor', 2009, 2012, 180],
    ['Amira', 'Haddad', 'phD', 2016, 2021, 240],
    ['Erik', 'Nyström', 'none', 2020, 2020, 15],
  ] as const;
  for (const [firstName, lastName, degreeType, startYear, endYear, credits] of people) {
    const response = await fetch(`${baseUrl}/api/members/sign-up`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'Accept-Language': 'en' },
      body: JSON.stringify({
        firstName,
        lastName,
        email: `${firstName}.${lastName}-${suffix}@example.org`.toLowerCase().replace('ö', 'o'),
        preferredLanguage: 'sv',
        affiliations: [{ departmentCode: 'DSV', degreeType, startYear, endYear, credits }],
        consents: ['centralNewsletter'],
        confirmsCredits: true,
      }),
    });
    expect(response.status).toBe(202);
  }
}

/** The address of a visit, its placeholders filled in. */
function addressOf(visit: RouteVisit): string {
  return visit.path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = placeholders[name];
    if (!value) throw new Error(`No demo data for :${name} (${visit.pattern}).`);
    return value;
  });
}

/** Opens a visit's page; with navigation state, through the app's router (as the app itself would go there). */
async function open(page: Page, visit: RouteVisit) {
  const address = addressOf(visit);
  if (!visit.state) {
    await page.goto(`${baseUrl}${address}`);
  } else {
    if (!page.url().startsWith(baseUrl)) await page.goto(`${baseUrl}/`);
    await page.evaluate(
      ([path, state]) => {
        const idx = ((window.history.state as { idx?: number } | null)?.idx ?? 0) + 1;
        window.history.pushState({ usr: state, key: `e2e${idx}`, idx }, '', path);
        window.dispatchEvent(new PopStateEvent('popstate', { state: window.history.state }));
      },
      [address, visit.state] as const,
    );
  }
  await page.getByRole('heading', { level: 1, name: visit.heading }).first().waitFor();
  // Wait for the page's data: no "Loading" left.
  await page.locator('.loading').first().waitFor({ state: 'detached' }).catch(() => undefined);
}

describe('a visitor finds their way in from the front page', () => {
  it('shows the front page with "Join" and "Sign in"; it passes axe and fits a phone', async () => {
    const page = await pageFor('visitor');
    await page.goto(`${baseUrl}/`);
    await page.getByRole('heading', { level: 1, name: "Stockholm University's alumni network" }).waitFor();
    const main = page.getByRole('main');
    expect(await main.getByRole('link', { name: 'Join the network' }).getAttribute('href')).toBe('/join');
    expect(await main.getByRole('link', { name: 'Sign in' }).getAttribute('href')).toBe('/sign-in');
    await expectNoSeriousViolations(page, 'front page');
    await screenshot(page, 'front-page');
  });

  it('follows "Join", signs up and verifies the address; the confirmation leads to their start page', async () => {
    const page = await pageFor('visitor');
    await page.getByRole('main').getByRole('link', { name: 'Join the network' }).click();
    await page.getByRole('heading', { level: 1, name: 'Join the alumni network' }).waitFor();
    await page.getByRole('combobox', { name: 'Department' }).locator('option[value="DSV"]').waitFor({ state: 'attached' });
    await page.getByRole('textbox', { name: 'First name', exact: true }).fill(alumnus.firstName);
    await page.getByRole('textbox', { name: 'Last name', exact: true }).fill(alumnus.lastName);
    await page.getByRole('textbox', { name: 'E-mail address', exact: true }).fill(alumnus.email);
    await page.getByRole('combobox', { name: 'Department' }).selectOption('DSV');
    await page.getByRole('combobox', { name: 'Degree' }).selectOption('master');
    await page.getByRole('textbox', { name: 'Credits (hp)' }).fill('120');
    await page.getByRole('checkbox', { name: 'Invitations to alumni events' }).check();
    await page.getByRole('checkbox', { name: /^I have earned at least 1 hp/ }).check();
    await page.getByRole('button', { name: 'Join', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Verify your e-mail address' }).waitFor();

    // The visitor reads the mail in another tab; the join page keeps its step.
    const mail = await page.context().newPage();
    const code = await readCodeFromMailboxPage(mail, baseUrl, alumnus.email);
    await mail.close();
    await page.getByRole('textbox', { name: 'Code', exact: true }).fill(code);
    await page.getByRole('button', { name: 'Verify my address' }).click();

    const step = page.getByRole('region', { name: 'Is this you?' });
    await step.getByRole('checkbox', { name: 'Invitations to alumni events' }).check();
    await step.getByRole('button', { name: 'Yes, that is me – join' }).click();
    await page.waitForURL(`${baseUrl}/me`);
    await page.getByRole('heading', { level: 1, name: `Welcome, ${alumnus.firstName}` }).waitFor();
    await page.getByText('Welcome to the alumni network!', { exact: false }).waitFor();
    // What is left to complete: studies were given, the rest not yet.
    const todo = page.getByRole('region', { name: 'What to complete' });
    const items = (await todo.getByRole('link').allTextContents()).map((text) => text.trim());
    expect(items).toContain('Say which country you live in');
    expect(items).not.toContain('Add what you studied at the university');
    expect(await todo.getByRole('link').first().getAttribute('href')).toBe('/me/profile');

    // From now on this browser is the suite's alumnus.
    contexts.set('alumnus', contexts.get('visitor')!);
    pages.set('alumnus', page);
    contexts.delete('visitor');
    pages.delete('visitor');
    const profile = await fetch(`${baseUrl}/api/me/profile`, { headers: await sessionHeaders(page, baseUrl) });
    expect(profile.status).toBe(200);
    placeholders.memberId = ((await profile.json()) as { id: string }).id;
  });
});

describe('staff sign in once and land on the staff start page', () => {
  it.each<[RouteVisitor, string]>([
    ['coordinator', DEMO_COORDINATOR],
    ['admin', DEMO_ADMIN],
  ])('signs the %s in, to /staff', async (who, email) => {
    const page = await pageFor(who);
    await signInThroughApp(page, baseUrl, email);
    await page.waitForURL(`${baseUrl}/staff`);
    await page.getByRole('search').getByRole('searchbox', { name: 'Search members' }).waitFor();
  });

  it('makes a campaign for the invitation link route, through the API as the coordinator', async () => {
    const page = await pageFor('coordinator');
    const response = await fetch(`${baseUrl}/api/recruitment/campaigns`, {
      method: 'POST',
      headers: { ...(await sessionHeaders(page, baseUrl)), 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ departmentCode: 'DSV', channel: 'E2E routes', label: `Routes ${suffix}` }),
    });
    expect(response.status).toBe(201);
    const campaign = (await response.json()) as { token: string };
    placeholders.campaignToken = campaign.token;
  });

  it('makes a dry-run import for the import report route, through the API as the admin', async () => {
    const page = await pageFor('admin');
    const response = await fetch(`${baseUrl}/api/members/imports?dryRun=true&fileName=routes-${suffix.toLowerCase()}.csv`, {
      method: 'POST',
      headers: { ...(await sessionHeaders(page, baseUrl)), 'Content-Type': 'text/csv', Accept: 'application/json' },
      body:
        'external_id,first_name,last_name,email,department_code,degree_type,start_year,end_year,credits\n' +
        `RT${suffix}1,Rut,Routesson,,DSV,master,2015,2017,120\n`,
    });
    expect(response.status).toBe(202);
    placeholders.importId = ((await response.json()) as { id: string }).id;
  });

  it('makes a published event for the alumni’s event route, through the API as the admin', async () => {
    const page = await pageFor('admin');
    const headers = { ...(await sessionHeaders(page, baseUrl)), 'Content-Type': 'application/json', Accept: 'application/json' };
    const starts = new Date(Date.now() + 21 * 24 * 3600_000);
    const created = await fetch(`${baseUrl}/api/events`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        kind: 'reunion',
        titleSv: `Återträff ${suffix}`,
        titleEn: `Reunion ${suffix}`,
        descriptionEn: 'Welcome **everyone**!',
        startsAt: starts.toISOString(),
        endsAt: new Date(starts.getTime() + 3 * 3600_000).toISOString(),
        timeZone: 'Europe/Stockholm',
        venue: 'Aula Magna',
        city: 'Stockholm',
        country: 'SE',
        audience: 'all',
        capacity: 50,
        guestsAllowed: 1,
        questions: [{ kind: 'text', labelSv: 'Specialkost', labelEn: 'Dietary needs', choices: [], required: false }],
      }),
    });
    expect(created.status).toBe(201);
    placeholders.eventId = ((await created.json()) as { id: string }).id;
    const published = await fetch(`${baseUrl}/api/events/${placeholders.eventId}/publish`, {
      method: 'POST',
      headers: { ...(await sessionHeaders(page, baseUrl)), Accept: 'application/json' },
    });
    expect(published.status).toBe(200);
  });

  // Staff: events (web-staff).
  it('makes a draft event of DSV for the staff event routes, through the API as the coordinator', async () => {
    const page = await pageFor('coordinator');
    const response = await fetch(`${baseUrl}/api/events`, {
      method: 'POST',
      headers: { ...(await sessionHeaders(page, baseUrl)), 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({
        kind: 'reunion',
        organiserDepartmentCode: 'DSV',
        titleSv: `Återträff ${suffix}`,
        titleEn: `Reunion ${suffix}`,
        descriptionEn: 'Meet your **old classmates**.',
        startsAt: '2030-05-14T16:00:00Z',
        endsAt: '2030-05-14T19:00:00Z',
        timeZone: 'Europe/Stockholm',
        venue: 'Kista',
        city: 'Stockholm',
        country: 'SE',
        audience: 'all',
        capacity: 40,
        guestsAllowed: 1,
        questions: [{ kind: 'text', labelSv: 'Kost', labelEn: 'Dietary needs', required: false }],
      }),
    });
    expect(response.status).toBe(201);
    placeholders.staffEventId = ((await response.json()) as { id: string }).id;
  });

  it('makes an occasion abroad for the occasion routes, through the API as the admin', async () => {
    const page = await pageFor('admin');
    const response = await fetch(`${baseUrl}/api/occasions`, {
      method: 'POST',
      headers: { ...(await sessionHeaders(page, baseUrl)), 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ title: `Visit to Bogotá ${suffix}`, city: 'Bogotá', country: 'CO', startsOn: '2030-03-02', endsOn: '2030-03-06' }),
    });
    expect(response.status).toBe(201);
    placeholders.occasionId = ((await response.json()) as { id: string }).id;
  });

  // Staff: newsletters (web-nl-staff).
  it('makes a segment and a draft campaign of DSV for the newsletter routes, through the API as the coordinator', async () => {
    const page = await pageFor('coordinator');
    const read = { ...(await sessionHeaders(page, baseUrl)), Accept: 'application/json' };
    const headers = { ...read, 'Content-Type': 'application/json' };
    const faculties = (await (await fetch(`${baseUrl}/api/faculties`, { headers: read })).json()) as { departments: { id: string; code: string }[] }[];
    const dsv = faculties.flatMap((faculty) => faculty.departments).find((department) => department.code === 'DSV')!;
    const segment = await fetch(`${baseUrl}/api/newsletters/segments`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ name: `DSV in Stockholm ${suffix}`, departmentId: dsv.id, filter: { city: 'Stockholm' } }),
    });
    expect(segment.status).toBe(201);
    placeholders.segmentId = ((await segment.json()) as { id: string }).id;
    const topics = (await (await fetch(`${baseUrl}/api/newsletters/topics`, { headers: read })).json()) as { id: string; departmentId?: string }[];
    const topic = topics.find((item) => item.departmentId === dsv.id)!;
    const campaign = await fetch(`${baseUrl}/api/newsletters/campaigns`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        name: `Spring letter ${suffix}`,
        departmentId: dsv.id,
        topicId: topic.id,
        subjectSv: 'Nytt från DSV',
        subjectEn: 'News from DSV',
        bodySv: 'Hej {{ member.first_name }}!',
        bodyEn: 'Hello {{ member.first_name }}!',
      }),
    });
    expect(campaign.status).toBe(201);
    placeholders.newsletterCampaignId = ((await campaign.json()) as { id: string }).id;
  });

  it('makes a ready-made message and finds the default layout for the newsletter routes, through the API as the admin', async () => {
    const page = await pageFor('admin');
    const read = { ...(await sessionHeaders(page, baseUrl)), Accept: 'application/json' };
    const headers = { ...read, 'Content-Type': 'application/json' };
    const message = await fetch(`${baseUrl}/api/newsletters/messages`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ title: `Welcome back ${suffix}`, tags: ['spring'], subjectSv: 'Välkommen tillbaka', subjectEn: 'Welcome back', bodySv: 'Hej!', bodyEn: 'Hello!' }),
    });
    expect(message.status, await message.clone().text()).toBe(201);
    placeholders.messageId = ((await message.json()) as { id: string }).id;
    const layouts = (await (await fetch(`${baseUrl}/api/newsletters/layouts`, { headers: read })).json()) as { id: string }[];
    expect(layouts.length).toBeGreaterThan(0);
    placeholders.layoutId = layouts[0].id;
  });

  // Network: assignments (net-assign).
  it('finds the demo coordinator’s network assignment to DSV for the assignment route, through the API as the admin', async () => {
    const page = await pageFor('admin');
    const read = { ...(await sessionHeaders(page, baseUrl)), Accept: 'application/json' };
    const response = await fetch(`${baseUrl}/api/network/assignments?departmentCode=DSV`, { headers: read });
    expect(response.status).toBe(200);
    const assignments = ((await response.json()) as { items: { id: string }[] }).items;
    expect(assignments.length).toBeGreaterThan(0);
    placeholders.assignmentId = assignments[0].id;
  });

  it('finds a seeded toolkit item for the network routes, through the API as the coordinator', async () => {
    const page = await pageFor('coordinator');
    const read = { ...(await sessionHeaders(page, baseUrl)), Accept: 'application/json' };
    const list = await fetch(`${baseUrl}/api/network/toolkit/items?pageSize=5`, { headers: read });
    expect(list.status, await list.clone().text()).toBe(200);
    const items = ((await list.json()) as { items: { id: string }[] }).items;
    expect(items.length).toBeGreaterThan(0);
    placeholders.toolkitItemId = items[0].id;
  });

  // Network: initiatives (net-init).
  it('finds the seeded alumni day for the initiative routes, through the API as the coordinator', async () => {
    const page = await pageFor('coordinator');
    const read = { ...(await sessionHeaders(page, baseUrl)), Accept: 'application/json' };
    const list = (await (await fetch(`${baseUrl}/api/network/initiatives?q=${encodeURIComponent('Alumni Day')}`, { headers: read })).json()) as {
      items: { id: string }[];
    };
    expect(list.items.length).toBeGreaterThan(0);
    placeholders.initiativeId = list.items[0].id;
  });

  // Network: support (net-support).
  it('asks for support for DSV with MATH taking part, for the support request route, through the API as the coordinator', async () => {
    const page = await pageFor('coordinator');
    const response = await fetch(`${baseUrl}/api/network/support-requests`, {
      method: 'POST',
      headers: { ...(await sessionHeaders(page, baseUrl)), 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({
        departmentCode: 'DSV',
        title: `Joint alumni evening ${suffix}`,
        startsOn: '2030-10-01',
        endsOn: '2030-10-01',
        departments: ['MATH'],
        help: ['venue', 'speaker'],
      }),
    });
    expect(response.status, await response.clone().text()).toBe(201);
    placeholders.supportRequestId = ((await response.json()) as { id: string }).id;
  });

  // Network: meetings' notes and news (net-news).
  it('makes a network meeting with a decision and a news item for the network routes, through the API as the admin', async () => {
    const page = await pageFor('admin');
    const read = { ...(await sessionHeaders(page, baseUrl)), Accept: 'application/json' };
    const headers = { ...read, 'Content-Type': 'application/json' };
    const starts = new Date(Date.now() + 14 * 24 * 3600_000);
    const created = await fetch(`${baseUrl}/api/events`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        kind: 'coordinatorMeeting',
        titleSv: `Nätverksmöte ${suffix}`,
        titleEn: `Network meeting ${suffix}`,
        startsAt: starts.toISOString(),
        endsAt: new Date(starts.getTime() + 2 * 3600_000).toISOString(),
        timeZone: 'Europe/Stockholm',
        venue: 'Studenthuset',
        city: 'Stockholm',
        country: 'SE',
        audience: 'coordinators',
        guestsAllowed: 0,
        questions: [],
      }),
    });
    expect(created.status, await created.clone().text()).toBe(201);
    placeholders.networkMeetingId = ((await created.json()) as { id: string }).id;
    const published = await fetch(`${baseUrl}/api/events/${placeholders.networkMeetingId}/publish`, { method: 'POST', headers: read });
    expect(published.status).toBe(200);
    const note = await fetch(`${baseUrl}/api/network/meetings/${placeholders.networkMeetingId}/notes`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ kind: 'decision', body: 'The alumni day is held on **14 March**.' }),
    });
    expect(note.status, await note.clone().text()).toBe(201);
    const news = await fetch(`${baseUrl}/api/network/news`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ titleSv: `Alumnidagen ${suffix}`, titleEn: `The alumni day ${suffix}`, bodySv: 'Anmäl er **session**.', bodyEn: 'Sign up your **session**.' }),
    });
    expect(news.status, await news.clone().text()).toBe(201);
    placeholders.networkNewsId = ((await news.json()) as { id: string }).id;
  });

  it('searches members from the staff start page', async () => {
    const page = await pageFor('coordinator');
    if (takeScreenshots) await signUpDemoMembers();
    await page.goto(`${baseUrl}/staff`);
    await page.getByRole('searchbox', { name: 'Search members' }).fill(alumnus.lastName);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.waitForURL(`${baseUrl}/staff/members?${new URLSearchParams({ q: alumnus.lastName }).toString()}`);
    await page.getByRole('link', { name: new RegExp(alumnus.lastName) }).first().waitFor();
    if (takeScreenshots) {
      await page.goto(`${baseUrl}/staff/members?department=DSV`);
      await page.getByRole('link', { name: /Lindqvist/ }).waitFor();
      await screenshot(page, 'staff-members-search', true);
    }
  });
});

describe('every route fits the window and passes axe', () => {
  for (const visit of ROUTE_VISITS) {
    it(`${visit.pattern} as ${visit.as}`, async () => {
      const page = await pageFor(visit.as);
      for (const viewport of [DESKTOP, PHONE]) {
        await page.setViewportSize(viewport);
        await open(page, visit);
        const where = `${addressOf(visit)} as ${visit.as} at ${viewport.width}×${viewport.height}`;
        await expectNoSidewaysScroll(page, where);
        await expectNoSeriousViolations(page, where);
      }
      if (visit.pattern === '/me') await screenshot(page, 'alumnus-start-page-phone');
      await page.setViewportSize(DESKTOP);
    });
  }
});

describe('the header on a phone', () => {
  it.each<RouteVisitor>(['visitor', 'alumnus', 'admin'])('folds into a menu button for the %s', async (who) => {
    const page = await pageFor(who);
    await page.setViewportSize(PHONE);
    await page.goto(`${baseUrl}/departments`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    const button = page.getByRole('banner').getByRole('button', { name: 'Menu' });
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    const controlled = (await button.getAttribute('aria-controls'))!.split(' ');
    expect(await page.locator(`[id="${controlled[0]}"]`).isVisible()).toBe(false);

    await button.click();
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    for (const id of controlled) expect(await page.locator(`[id="${id}"]`).isVisible()).toBe(true);
    await expectNoSidewaysScroll(page, `the open menu of the ${who}`);
    await expectNoSeriousViolations(page, `the open menu of the ${who}`);

    // Escape closes it and leaves the focus on the button.
    await page.getByRole('banner').getByRole('link').last().focus();
    await page.keyboard.press('Escape');
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    expect(await button.evaluate((element) => element === document.activeElement)).toBe(true);

    // Following a link closes it.
    await button.click();
    const link = page.getByRole('banner').getByRole('link', { name: who === 'visitor' ? 'Join' : 'Directory', exact: true });
    await link.click();
    await page.waitForURL(who === 'visitor' ? `${baseUrl}/join` : `${baseUrl}/directory`);
    await page.getByRole('heading', { level: 1, name: who === 'visitor' ? 'Join the alumni network' : 'Alumni directory' }).waitFor();
    await expect.poll(() => button.getAttribute('aria-expanded')).toBe('false');
    await page.setViewportSize(DESKTOP);
  });

  it('left no script errors behind', () => {
    expect(pageErrors).toEqual([]);
  });
});
