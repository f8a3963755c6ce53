/**
 * Importing and exporting end to end: the built app served by the real API (global-setup.ts), in
 * headless Chromium. The demo admin (in English) chooses a small CSV file in the import page, reads
 * the dry run's report, starts the import, sees its progress and final report, downloads the rejected
 * rows; finds the import in the list of past imports; then exports the members search with a filter
 * and gets exactly the members it finds. At 390 px the import pages do not scroll sideways, and axe
 * finds nothing serious on them.
 */
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import {
  DEMO_ADMIN,
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
const fileName = `e2e-students-${suffix.toLowerCase()}.csv`;
const first = { externalId: `E2E${suffix}1`, firstName: 'Ingrid', lastName: `Importsson${suffix}` };
const second = { externalId: `E2E${suffix}2`, firstName: 'Ivar', lastName: `Importdotter${suffix}` };
const csv =
  'external_id,first_name,last_name,email,department_code,degree_type,start_year,end_year,credits\n' +
  `${first.externalId},${first.firstName},${first.lastName},ingrid.${suffix.toLowerCase()}@example.org,DSV,master,2015,2017,120\n` +
  `${second.externalId},${second.firstName},${second.lastName},,DSV,bachelor,2012,2015,180\n` +
  `E2E${suffix}3,Nils,Nowhere${suffix},,NOPE${suffix},master,2015,2017,120\n`;

let browser: Browser;
let context: BrowserContext;
let page: Page;
let jobPath = '';
const pageErrors: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  context = await newAppContext(browser, { language: 'en', viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  // Remembers each progress bar that was on a page, where and with which end: a small file is imported
  // quicker than a person can look, so the test asks afterwards what the page showed while it ran.
  await context.addInitScript(() => {
    const seen: { path: string; max: string | null }[] = [];
    (window as unknown as { progressSeen: typeof seen }).progressSeen = seen;
    let shown: Element | null = null;
    new MutationObserver(() => {
      const bar = document.querySelector('progress');
      if (bar && bar !== shown) seen.push({ path: location.pathname, max: bar.getAttribute('max') });
      shown = bar;
    }).observe(document, { childList: true, subtree: true, attributes: true });
  });
  page = await context.newPage();
  watchPageErrors(page, pageErrors);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
});

beforeEach(({ task, onTestFailed }) => {
  onTestFailed(() => saveFailureScreenshots(`imports-${task.name}`, { page }));
});

async function expectNoSeriousViolations(where: string) {
  const violations = await seriousAxeViolations(page);
  expect(violations, `${where}:\n${describeViolations(violations)}`).toEqual([]);
}

async function expectNoSidewaysScroll(where: string) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, `${where} scrolls sideways at ${innerWidth} px`).toBeLessThanOrEqual(innerWidth);
}

describe('imports and export', () => {
  it('the admin checks a CSV file with a dry run and reads its report', async () => {
    await signInThroughApp(page, baseUrl, DEMO_ADMIN);
    await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Imports' }).click();
    await page.getByRole('heading', { level: 1, name: 'Import former students' }).waitFor();

    const chooser = page.waitForEvent('filechooser');
    await page.getByLabel('Import file (CSV or NDJSON)').click();
    await (await chooser).setFiles({ name: fileName, mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await page.getByRole('button', { name: 'Check the file (dry run)' }).click();

    const report = page.getByRole('region', { name: 'Dry run report' });
    await report.getByRole('status').filter({ hasText: 'Dry run done' }).waitFor();
    expect(await report.getByRole('status').textContent()).toBe('Dry run done: 3 rows read, 1 would be rejected. Nothing has been written.');
    expect(await report.getByText('Would be new members').locator('xpath=following-sibling::dd').textContent()).toBe('2');
    await report.getByText(`NOPE${suffix}`).first().waitFor();
    await expectNoSeriousViolations('import page after the dry run');
  });

  it('starts the import, sees its progress and final report, and downloads the rejected rows', async () => {
    await page.getByRole('button', { name: 'Start the import' }).click();
    await page.waitForURL(/\/admin\/imports\/[0-9a-f-]{36}$/);
    jobPath = new URL(page.url()).pathname;

    const report = page.getByRole('region', { name: 'Import report' });
    await report.getByRole('status').filter({ hasText: 'Done:' }).waitFor();
    const seen = await page.evaluate(() => (window as unknown as { progressSeen: { path: string; max: string | null }[] }).progressSeen);
    expect(seen, 'the progress bar was shown while the import ran, ending at the rows of the dry run').toContainEqual({ path: jobPath, max: '3' });
    expect(await report.getByRole('status').textContent()).toBe('Done: 3 rows read, 1 rejected.');
    expect(await report.getByText('New members').locator('xpath=following-sibling::dd').textContent()).toBe('2');
    expect(await report.getByRole('progressbar').count()).toBe(0);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      report.getByRole('link', { name: 'Download the rejected row (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^import-[0-9a-f]{32}-rejected\.csv$/);
    const lines = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(lines[0]).toBe('row,reason');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^4,/);
    expect(lines[1]).toContain(`NOPE${suffix}`);
    await expectNoSeriousViolations('import report');
  });

  it('lists the import and its dry run among the past imports, with who ran them', async () => {
    await page.getByRole('link', { name: '← All imports' }).click();
    const table = page.getByRole('table', { name: /^Imports 1–\d+ of \d+, newest first$/ });
    await table.waitFor();
    const rows = table.getByRole('row').filter({ hasText: fileName });
    expect(await rows.count()).toBe(2);
    const [importRow, dryRunRow] = [rows.nth(0), rows.nth(1)];
    expect(await importRow.getByRole('cell').allTextContents()).toEqual([fileName, DEMO_ADMIN, 'Import', 'Done', '3', '2', '0', '1']);
    expect(await dryRunRow.getByRole('cell').allTextContents()).toEqual([fileName, DEMO_ADMIN, 'Dry run', 'Done', '3', '2', '0', '1']);
    await importRow.getByRole('link').click();
    expect(new URL(page.url()).pathname).toBe(jobPath);
    await page.getByRole('region', { name: 'Import report' }).waitFor();
  });

  it('at 390 px the import pages do not scroll sideways and pass axe', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${baseUrl}${jobPath}`);
    await page.getByRole('region', { name: 'Import report' }).getByRole('status').filter({ hasText: 'Done:' }).waitFor();
    await expectNoSidewaysScroll('the import report');
    await expectNoSeriousViolations('the import report at 390 px');
    await page.goto(`${baseUrl}/admin/imports`);
    await page.getByRole('table', { name: /newest first/ }).waitFor();
    await page.getByText('Which columns the file needs').click();
    await expectNoSidewaysScroll('the import page');
    await expectNoSeriousViolations('the import page at 390 px');
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('exports the members search with exactly the filters applied', async () => {
    await page.goto(`${baseUrl}/staff/members?q=${encodeURIComponent(first.lastName)}&department=DSV`);
    await page.getByRole('table').waitFor();
    const link = page.getByRole('link', { name: 'Export the members found (CSV)' });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(/^members-\d{8}\.csv$/);
    const [header, ...rows] = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(header.split(',').slice(0, 4)).toEqual(['id', 'first_name', 'last_name', 'email']);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain(`${first.firstName},${first.lastName}`);
    expect(rows.join('\n')).not.toContain(second.lastName);

    // Without the name, the same department finds both imported members (and the export follows).
    await page.goto(`${baseUrl}/staff/members?q=${encodeURIComponent(`Import ${suffix}`)}&department=DSV`);
    await page.getByRole('table').waitFor();
    const [both] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export the members found (CSV)' }).click()]);
    const lines = readFileSync(await both.path(), 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/).slice(1);
    expect(lines.map((l) => l.split(',')[2]).sort()).toEqual([second.lastName, first.lastName].sort());
    await expectNoSeriousViolations('members search with the export');
    expect(pageErrors).toEqual([]);
  });
});
