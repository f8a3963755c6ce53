/**
 * The coordinator network end to end: the built app served by the real API (global-setup.ts), in headless Chromium, in
 * English. The demo coordinator (DSV) signs in and lands on the staff start page, which leads to the network's start
 * page with their department's figures; they open the seeded Alumni Day, join it for DSV with a note of what they
 * offer and "Create our department's event under it", and the initiative then lists DSV with its draft event, which
 * opens in the event editor; they open the toolkit's LinkedIn post, see it filled in for DSV, and turn it into a draft
 * mailing of DSV, which opens in the campaign editor with the filled texts. Every network page passes axe and fits a
 * phone.
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
const PHONE = { width: 390, height: 844 };
const offer = `A tour of the new labs and coffee with our teachers (${Date.now().toString(36)})`;

let browser: Browser;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  context = await newAppContext(browser, { language: 'en' });
  page = await context.newPage();
  watchPageErrors(page, pageErrors, 'coordinator');
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
});

beforeEach(({ task, onTestFailed }) => {
  onTestFailed(() => saveFailureScreenshots(`network-${task.name}`, { coordinator: page }));
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

/** What the API says of DSV's join of the Alumni Day, read with the coordinator's session. */
async function dsvJoin(initiativeId: string): Promise<{ offerNote: string | null; event?: { id: string } | null } | undefined> {
  const headers = { ...(await sessionHeaders(page, baseUrl)), Accept: 'application/json' };
  const response = await fetch(`${baseUrl}/api/network/initiatives/${initiativeId}`, { headers });
  expect(response.status).toBe(200);
  const initiative = (await response.json()) as { joins: { departmentCode: string; offerNote: string | null; event?: { id: string } | null }[] };
  return initiative.joins.find((join) => join.departmentCode === 'DSV');
}

describe('a coordinator in the network', () => {
  let initiativeId = '';

  it('signs in and reaches the network’s start page with their department', async () => {
    await signInThroughApp(page, baseUrl, DEMO_COORDINATOR);
    await page.getByRole('link', { name: 'Open the network' }).click();
    await page.waitForURL(`${baseUrl}/staff/network`);
    await page.getByRole('heading', { level: 1, name: 'Coordinator network' }).waitFor();
    const mine = page.getByRole('region', { name: 'My departments' });
    await expect.poll(() => mine.textContent(), { timeout: 15_000 }).toContain('Computer and Systems Sciences');
    await expectFitsAndPassesAxe('the network’s start page');
  });

  it('joins the Alumni Day for DSV, creating the department’s event under it', async () => {
    await page.getByRole('navigation', { name: 'Coordinator network' }).getByRole('link', { name: 'Initiatives' }).click();
    await page.getByRole('heading', { level: 1, name: 'Initiatives' }).waitFor();
    await page.getByRole('link', { name: /^Alumni Day/ }).first().click();
    await page.getByRole('heading', { level: 1, name: /^Alumni Day/ }).waitFor();
    initiativeId = new URL(page.url()).pathname.split('/').pop() ?? '';
    expect(await dsvJoin(initiativeId)).toBeUndefined();

    await page.getByLabel('What we will offer').fill(offer);
    await page.getByLabel('Create our department’s event under it').or(page.getByLabel("Create our department's event under it")).check();
    await page.getByRole('button', { name: 'Join the initiative' }).click();
    const done = page.getByRole('status').filter({ hasText: 'has joined the initiative and its event is created as a draft' });
    await done.waitFor({ timeout: 20_000 });

    const join = await dsvJoin(initiativeId);
    expect(join?.offerNote).toBe(offer);
    expect(join?.event?.id).toBeTruthy();
    await expectFitsAndPassesAxe('the initiative after joining');

    await done.getByRole('link', { name: 'Open the event' }).click();
    await page.waitForURL(`${baseUrl}/staff/events/${join?.event?.id}/edit`);
    await page.getByRole('heading', { level: 1, name: 'Edit event' }).waitFor();
  });

  it('opens the toolkit’s LinkedIn post filled in for DSV and turns it into a draft mailing of DSV', async () => {
    // The post links to DSV's newest open recruitment link: the coordinator makes one first, as they would on the campaigns page.
    const recruitment = await fetch(`${baseUrl}/api/recruitment/campaigns`, {
      method: 'POST',
      headers: { ...(await sessionHeaders(page, baseUrl)), 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ departmentCode: 'DSV', channel: 'LinkedIn', label: `Network e2e ${Date.now().toString(36)}` }),
    });
    expect(recruitment.status, await recruitment.clone().text()).toBe(201);
    await page.goto(`${baseUrl}/staff/network`);
    await page.getByRole('navigation', { name: 'Coordinator network' }).getByRole('link', { name: 'Toolkit' }).click();
    await page.getByRole('heading', { level: 1, name: 'Toolkit' }).waitFor();
    await page.getByRole('link', { name: 'LinkedIn post' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'LinkedIn post' }).waitFor();
    const filled = page.getByRole('region', { name: /^Filled in for / });
    await expect.poll(() => filled.textContent(), { timeout: 15_000 }).toContain('Computer and Systems Sciences');
    await expect.poll(() => filled.textContent(), { timeout: 15_000 }).toContain('/join/');
    expect(await filled.textContent()).not.toMatch(/\[missing:|\{\{/);
    await expectFitsAndPassesAxe('the toolkit item');

    await page.getByRole('button', { name: 'Use as a draft mailing' }).click();
    await page.waitForURL(/\/staff\/newsletters\/campaigns\/[0-9a-f-]{36}\/edit$/, { timeout: 20_000 });
    const campaignId = new URL(page.url()).pathname.split('/')[4];
    const headers = { ...(await sessionHeaders(page, baseUrl)), Accept: 'application/json' };
    const response = await fetch(`${baseUrl}/api/newsletters/campaigns/${campaignId}`, { headers });
    expect(response.status).toBe(200);
    const campaign = (await response.json()) as { status: string; departmentCode?: string | null; bodyEn?: string | null; bodySv?: string | null };
    expect(campaign.status).toBe('draft');
    expect(campaign.departmentCode).toBe('DSV');
    expect(campaign.bodyEn ?? campaign.bodySv ?? '').toContain('Computer and Systems Sciences');
    expect(campaign.bodyEn ?? '').toContain('/join/');
    expect(campaign.bodyEn ?? '').not.toMatch(/\[missing:|\{\{/);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(pageErrors).toEqual([]);
  });
});
