/**
 * The sign-up form's own rules, end to end: the built app served by the real API (global-setup.ts),
 * in headless Chromium. An empty sign-up flags every required field in one round (on the field and
 * in the error summary, which gets the focus); filled in, it goes through to the verification step.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { describeViolations, launchChromium, newAppContext, seriousAxeViolations, watchPageErrors } from './support';

const baseUrl = inject('baseUrl');
const suffix = Date.now().toString(36).slice(-5);

let browser: Browser;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  context = await newAppContext(browser, { language: 'sv', pinLanguage: false });
  page = await context.newPage();
  watchPageErrors(page, pageErrors, '', { consoleErrors: false });
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
});

/** Every required field of the sign-up, by its accessible role and name, and its entry in the summary. */
const REQUIRED = [
  { role: 'textbox', name: 'Förnamn', summary: 'Förnamn: Ange ett namn.' },
  { role: 'textbox', name: 'Efternamn', summary: 'Efternamn: Ange ett namn.' },
  { role: 'textbox', name: 'E-postadress', summary: 'E-postadress: Ange en giltig e-postadress, som namn@example.org.' },
  { role: 'combobox', name: 'Institution', summary: 'Studie 1, Institution: Välj en institution.' },
  { role: 'combobox', name: 'Examen', summary: 'Studie 1, Examen: Välj en examen (eller ”Kurser utan examen”).' },
  { role: 'textbox', name: 'Högskolepoäng (hp)', summary: 'Studie 1, Högskolepoäng (hp): Ange dina högskolepoäng, t.ex. 180 eller 7,5.' },
  {
    role: 'checkbox',
    name: 'Jag har tagit minst 1 hp (högskolepoäng) vid Stockholms universitet',
    summary: 'Jag har tagit minst 1 hp (högskolepoäng) vid Stockholms universitet: Bekräfta att du har tagit minst 1 hp vid universitetet.',
  },
] as const;

describe('the sign-up form', () => {
  it('flags every required field of an empty sign-up in one round, without asking the server', async () => {
    const signUps: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/api/members/sign-up')) signUps.push(request.method());
    });
    await page.goto(`${baseUrl}/join`);
    await page.getByRole('heading', { level: 1, name: 'Bli medlem i alumninätverket' }).waitFor();
    // The departments have loaded (the first study's picker offers them).
    await page.getByRole('combobox', { name: 'Institution' }).locator('option[value="DSV"]').waitFor({ state: 'attached' });

    await page.getByRole('button', { name: 'Bli medlem', exact: true }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Du kunde inte registreras ännu' });
    await summary.waitFor();
    const links = (await summary.getByRole('link').allTextContents()).map((text) => text.replace(/\s+/g, ' ').trim());
    expect(links).toEqual(REQUIRED.map((field) => field.summary));
    for (const field of REQUIRED) {
      const control = page.getByRole(field.role, { name: field.name, exact: true });
      expect(await control.getAttribute('aria-invalid'), field.name).toBe('true');
      // The message is tied to the control.
      const describedBy = (await control.getAttribute('aria-describedby')) ?? '';
      const message = await page.locator(`[id="${describedBy.split(' ')[0]}"]`).textContent();
      expect(field.summary.endsWith(`: ${message}`), `${field.name}: ${message}`).toBe(true);
    }
    expect(await summary.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(signUps).toEqual([]);
    const violations = await seriousAxeViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
  });

  it('takes the sign-up once it is filled in', async () => {
    const email = `sign-up-${suffix}@example.org`;
    await page.getByRole('textbox', { name: 'Förnamn', exact: true }).fill('Signe');
    await page.getByRole('textbox', { name: 'Efternamn', exact: true }).fill(`Uppgiftsdóttir${suffix}`);
    await page.getByRole('textbox', { name: 'E-postadress', exact: true }).fill(email);
    await page.getByRole('combobox', { name: 'Institution' }).selectOption('DSV');
    await page.getByRole('combobox', { name: 'Examen' }).selectOption('bachelor');
    await page.getByRole('textbox', { name: 'Högskolepoäng (hp)' }).fill('7,5');
    // Each field's message goes as soon as the field is right.
    expect(await page.getByRole('textbox', { name: 'Förnamn', exact: true }).getAttribute('aria-invalid')).toBeNull();
    await page.getByRole('checkbox', { name: /^Jag har tagit minst 1 hp/ }).check();
    await page.getByRole('button', { name: 'Bli medlem', exact: true }).click();

    await page.getByRole('heading', { level: 1, name: 'Bekräfta din e-postadress' }).waitFor();
    await page.getByRole('status').filter({ hasText: `En kod är på väg till ${email}` }).waitFor();
    expect(pageErrors).toEqual([]);
  });
});
