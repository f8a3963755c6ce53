import axe from 'axe-core';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** The machine's Chromium (playwright-core downloads no browsers); CHROMIUM_PATH overrides. */
export function chromiumPath(): string {
  const candidates = [
    process.env.CHROMIUM_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ].filter((p): p is string => !!p);
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      `No Chromium found (looked at ${candidates.join(', ')}). Install it (Debian: apt-get install -y chromium) or set CHROMIUM_PATH.`,
    );
  }
  return found;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: Array<{ target: unknown; failureSummary?: string }>;
}

/** Runs axe-core in the page and returns the violations of impact serious or critical. */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  // Colours are judged once they have settled: a button caught mid-transition (after a click) has a colour between two
  // states, which neither state has.
  await page.waitForFunction(() => document.getAnimations().every((a) => !(a instanceof CSSTransition) || a.playState !== 'running'));
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  // Evaluated through the DevTools protocol, not an inline <script>, which the app's content security policy refuses.
  if (!loaded) await page.evaluate(axe.source);
  const violations = await page.evaluate(async () => {
    const runner = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const results = await runner.run(document, { resultTypes: ['violations'] });
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** A readable account of violations for an assertion message. */
export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map((v) => `${v.impact}: ${v.id} – ${v.help}\n${v.nodes.map((n) => `    ${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`).join('\n')}`)
    .join('\n');
}

/** The demo people the API seeds in Development with Alumni__DemoUsers=true (see global-setup.ts). */
export const DEMO_ADMIN = 'admin@example.org';
export const DEMO_COORDINATOR = 'coordinator@example.org';

// Names in either UI language, so the helpers work whatever language the page is in.
const EMAIL_FIELD = /^(E-postadress|E-mail address)$/;
const SEND_CODE = /^(Skicka kod|Send code)$/;
const CODE_FIELD = /^(Kod|Code)$/;
const SIGN_IN_BUTTON = /^(Logga in|Sign in)$/;
const SIGN_OUT_BUTTON = /^(Logga ut|Sign out)$/;
const ANOTHER_ADDRESS = /^(Använd en annan adress|Use another address)$/;

/** A sign-in code: six of A–Z without I and O, and 2–9, at the end of the mail's subject. */
const CODE_IN_SUBJECT = /([A-HJ-NP-Z2-9]{6})\s*$/;

/**
 * Reads the newest sign-in code sent to an address from the web app's dev mailbox page (/dev/mailbox),
 * the way a newcomer would. Leaves the page on the mailbox.
 */
export async function readCodeFromMailboxPage(page: Page, baseUrl: string, email: string): Promise<string> {
  await page.goto(`${baseUrl}/dev/mailbox`);
  await page.getByRole('heading', { level: 1, name: /^(Utvecklarpost|Dev mailbox)$/ }).waitFor();
  const newest = page.getByRole('article').filter({ hasText: email }).first();
  await newest.waitFor();
  const subject = (await newest.getByRole('heading', { level: 2 }).textContent()) ?? '';
  const match = CODE_IN_SUBJECT.exec(subject.trim());
  if (!match) throw new Error(`No sign-in code in the newest mail to ${email}: "${subject}"`);
  return match[1];
}

/** The subject of the mail that confirms a member's erasure of their data, in either language. */
const ERASURE_SUBJECT = /^(Bekräfta att dina uppgifter raderas|Confirm the erasure of your data)$/;

/** The code in an erasure mail's text: a line of its own. */
const CODE_LINE = /^([A-HJ-NP-Z2-9]{6})$/m;

/**
 * Reads the code of the newest erasure confirmation mail to an address from the dev mailbox page (its subject says
 * what it is for; the code is in the text). Leaves the page on the mailbox.
 */
export async function readErasureCodeFromMailboxPage(page: Page, baseUrl: string, email: string): Promise<string> {
  await page.goto(`${baseUrl}/dev/mailbox`);
  await page.getByRole('heading', { level: 1, name: /^(Utvecklarpost|Dev mailbox)$/ }).waitFor();
  const newest = page.getByRole('article').filter({ hasText: email }).first();
  await newest.waitFor();
  const subject = ((await newest.getByRole('heading', { level: 2 }).textContent()) ?? '').trim();
  if (!ERASURE_SUBJECT.test(subject)) throw new Error(`The newest mail to ${email} is not an erasure confirmation: "${subject}"`);
  const match = CODE_LINE.exec((await newest.locator('pre').textContent()) ?? '');
  if (!match) throw new Error(`No code in the erasure mail to ${email}`);
  return match[1];
}

/**
 * Signs in through the web app: on the sign-in page (already open, or opened here), asks for a code,
 * reads it from the dev mailbox page, goes back to the sign-in page (which remembers the address)
 * and enters it. Waits until the header holds the address (folded behind the menu button on a phone).
 */
export async function signInThroughApp(page: Page, baseUrl: string, email: string): Promise<void> {
  if (new URL(page.url()).pathname !== '/sign-in') await page.goto(`${baseUrl}/sign-in`);
  const emailField = page.getByRole('textbox', { name: EMAIL_FIELD });
  const codeField = page.getByRole('textbox', { name: CODE_FIELD });
  await emailField.or(codeField).first().waitFor();
  // The page remembers an address a code went to earlier; start afresh with this one.
  if (await codeField.isVisible()) await page.getByRole('button', { name: ANOTHER_ADDRESS }).click();
  await emailField.fill(email);
  await page.getByRole('button', { name: SEND_CODE }).click();
  await page.getByRole('textbox', { name: CODE_FIELD }).waitFor();
  const signInUrl = page.url();

  const code = await readCodeFromMailboxPage(page, baseUrl, email);

  await page.goto(signInUrl);
  await codeField.fill(code);
  await page.getByRole('button', { name: SIGN_IN_BUTTON }).click();
  // Attached, not visible: on a phone the account area is folded behind the header's menu button.
  await page.getByRole('banner').getByText(email, { exact: true }).waitFor({ state: 'attached' });
}

/** Signs out with the header's button and waits for the signed-out header. */
export async function signOutThroughApp(page: Page): Promise<void> {
  const banner = page.getByRole('banner');
  await banner.getByRole('button', { name: SIGN_OUT_BUTTON }).click();
  await banner.getByRole('link', { name: SIGN_IN_BUTTON }).waitFor();
}

/**
 * Headers for calling the API directly as the browser's signed-in person: its cookies, and the
 * anti-forgery token every unsafe request needs.
 */
export async function sessionHeaders(page: Page, baseUrl: string): Promise<Record<string, string>> {
  const cookies = await page.context().cookies(baseUrl);
  const csrf = cookies.find((c) => c.name === 'alumni_csrf')?.value;
  if (!csrf) throw new Error('The browser is not signed in (no alumni_csrf cookie).');
  return {
    Cookie: cookies.map((c) => `${c.name}=${c.value}`).join('; '),
    'X-CSRF-Token': csrf,
  };
}

/** The folder where the suites leave a screenshot of each failed test (web/e2e-artifacts, not committed). */
export const ARTIFACTS_DIR = join(resolve(dirname(fileURLToPath(import.meta.url)), '..'), 'e2e-artifacts');

export interface AppContextOptions {
  /** The UI language from the first page on (the language switch stores its choice in local storage). */
  language?: 'sv' | 'en';
  viewport?: { width: number; height: number };
  acceptDownloads?: boolean;
  /**
   * Whether `language` is written to local storage before every page load (true unless told). With false the
   * context only gets the locale: the app starts in its default language (Swedish), and a language the test
   * switches to lasts across page loads.
   */
  pinLanguage?: boolean;
}

/** A browser context for the app: its locale and UI language, and a viewport (1280×900 unless told). */
export async function newAppContext(browser: Browser, options: AppContextOptions = {}): Promise<BrowserContext> {
  const language = options.language ?? 'sv';
  const context = await browser.newContext({
    locale: language === 'en' ? 'en-GB' : 'sv-SE',
    viewport: options.viewport ?? { width: 1280, height: 900 },
    acceptDownloads: options.acceptDownloads,
  });
  if (options.pinLanguage ?? true) {
    await context.addInitScript((lang) => window.localStorage.setItem('alumni.language', lang), language);
  }
  return context;
}

export interface WatchPageErrorsOptions {
  /** Whether console errors are collected too, not only script errors (true unless told). */
  consoleErrors?: boolean;
}

/**
 * Collects a page's script errors and console errors (a 4xx answer the app handles is not one) into
 * `errors`, each prefixed with `who`; and gives the page a 15 s default timeout.
 */
export function watchPageErrors(page: Page, errors: string[], who = '', options: WatchPageErrorsOptions = {}): void {
  const prefix = who ? `${who}: ` : '';
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (error) => errors.push(`${prefix}${error.message}`));
  if (options.consoleErrors === false) return;
  page.on('console', (message) => {
    if (message.type() === 'error' && !/status of 4\d\d/.test(message.text())) errors.push(`${prefix}${message.text()}`);
  });
}

/** Saves a full-page screenshot of each page under ARTIFACTS_DIR, named after the test (for a failed test). */
export async function saveFailureScreenshots(testName: string, pages: Record<string, Page | undefined>): Promise<void> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const name = testName.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
  for (const [who, page] of Object.entries(pages)) {
    await page?.screenshot({ path: join(ARTIFACTS_DIR, `${name}-${who}.png`), fullPage: true }).catch(() => undefined);
  }
}

/**
 * How far the page is wider than the window (0 when nothing scrolls sideways), and the outermost
 * elements that stick out (not those inside a region that scrolls by itself).
 */
export async function sidewaysOverflow(page: Page): Promise<{ overflow: number; widest: string[] }> {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const overflow = document.documentElement.scrollWidth - width;
    const widest: string[] = [];
    const scrollsItself = (element: Element) => {
      // Positioned out of the flow, an element escapes a scrolling parent that is not its containing block.
      if (['absolute', 'fixed'].includes(getComputedStyle(element).position)) return false;
      for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
        const style = getComputedStyle(parent);
        if (style.overflowX !== 'visible' || parent.getBoundingClientRect().right > width + 1) return true;
      }
      return false;
    };
    if (overflow > 0) {
      for (const element of Array.from(document.querySelectorAll('body *'))) {
        if (widest.length >= 8 || element.getBoundingClientRect().right <= width + 1 || scrollsItself(element)) continue;
        const classes = typeof element.className === 'string' && element.className.trim() ? `.${element.className.trim().split(/\s+/).join('.')}` : '';
        widest.push(`${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${classes} right=${Math.round(element.getBoundingClientRect().right)}`);
      }
    }
    return { overflow, widest };
  });
}
