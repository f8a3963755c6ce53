import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AffiliationInput, MemberResponse, ProfileInput, UpdateConsentsRequest } from '../../../api/generated';
import { ProblemTypes } from '../../../lib/problem-details';
import {
  affiliation,
  consents,
  CONSENT_CHANNELS,
  demoFaculties,
  json,
  jsonWithETag,
  me,
  member,
  myDataExport,
  noContent,
  notFound,
  pendingSignUp,
  preconditionFailed,
  problem,
  recordRequests,
  requestsTo,
  server,
  validationProblem,
  type SentRequest,
} from '../../../test/http';
import { renderApp } from '../../../test/render-app';

const ALUMNA = me('alumnus');
const VERIFIED_STUDY = affiliation({ departmentCode: 'DSV', degreeType: 'master', startYear: 2015, endYear: 2017, credits: 120, verified: true });
const COURSES = affiliation({ departmentCode: 'ENG', degreeType: 'none', credits: 7.5 });

/** My record as the server holds it in this test; the handlers answer with it and keep what I save. */
let record: MemberResponse;
let sent: SentRequest[];

function save(changes: Partial<MemberResponse>, status = 200) {
  record = { ...record, ...changes, version: record.version + 1 };
  return jsonWithETag(record, status);
}

beforeEach(() => {
  record = member({
    email: ALUMNA.email,
    firstName: 'Ada',
    lastName: 'Alumna',
    employer: 'Acme',
    affiliations: [VERIFIED_STUDY, COURSES],
    consents: consents(['eventInvitations']),
  });
  sent = recordRequests();
  server.use(
    http.get('/api/faculties', () => json(demoFaculties())),
    http.get('/api/me/profile', () => jsonWithETag(record)),
    http.put('/api/me/profile', async ({ request }) => save((await request.json()) as ProfileInput)),
    http.put('/api/me/consents', async ({ request }) => {
      const { changes } = (await request.json()) as UpdateConsentsRequest;
      return save({
        consents: record.consents.map((c) => ({ ...c, granted: changes.find((x) => x.channel === c.channel)?.granted ?? c.granted })),
      });
    }),
  );
});

afterEach(() => {
  vi.unstubAllGlobals();
});

function consentSwitch(name: string) {
  return screen.getByRole('switch', { name }) as HTMLInputElement;
}

describe('MyProfilePage consents', () => {
  it('has a switch for every consent channel', async () => {
    renderApp({ me: ALUMNA, path: '/me/profile' });
    await screen.findByRole('heading', { level: 2, name: 'Det du hör från oss' });
    expect(screen.getAllByRole('switch')).toHaveLength(CONSENT_CHANNELS.length);
  });

  it('says “not given” for a consent never given, and “withdrawn” only for one given and taken back', async () => {
    record = { ...record, consents: consents(['eventInvitations'], ['centralNewsletter']) };
    renderApp({ me: ALUMNA, path: '/me/profile' });
    await screen.findByRole('heading', { level: 2, name: 'Det du hör från oss' });
    const hint = (label: string) => document.getElementById(consentSwitch(label).getAttribute('aria-describedby')!)!.textContent;
    expect(hint('Stockholms universitets alumninyhetsbrev')).toMatch(/Återkallat /);
    expect(hint('Inbjudningar till alumnievenemang')).toMatch(/Lämnat /);
    for (const label of ['Nyheter från institutionerna där jag har studerat', 'Att synas i alumnikatalogen']) {
      expect(hint(label), label).toMatch(/Inte lämnat\.$/);
      expect(hint(label), label).not.toMatch(/Återkallat/);
    }
  });

  it('offers the countries by name in the UI language’s order, and keeps the code', async () => {
    record = { ...record, country: 'SE' };
    renderApp({ me: ALUMNA, path: '/me/profile' });
    const country = (await screen.findByRole('combobox', { name: 'Land' })) as HTMLSelectElement;
    expect(country.value).toBe('SE');
    expect(country.selectedOptions[0].textContent).toBe('Sverige');
    const names = Array.from(country.options).map((option) => option.textContent);
    expect(names[0]).toBe('Inget land angivet');
    expect(names).toHaveLength(250);
    // Swedish order: Å, Ä and Ö after Z.
    expect(names.indexOf('Zimbabwe')).toBeLessThan(names.indexOf('Åland'));
    expect(names.indexOf('Åland')).toBeLessThan(names.indexOf('Österrike'));
    expect(Array.from(country.options).find((option) => option.textContent === 'El Salvador')!.value).toBe('SV');
  });

  it('turns one consent on and off at a time, and says so', async () => {
    const user = userEvent.setup();
    renderApp({ me: ALUMNA, path: '/me/profile' });
    await screen.findByRole('heading', { level: 2, name: 'Det du hör från oss' });
    expect(consentSwitch('Inbjudningar till alumnievenemang').checked).toBe(true);
    expect(consentSwitch('Stockholms universitets alumninyhetsbrev').checked).toBe(false);

    await user.click(consentSwitch('Stockholms universitets alumninyhetsbrev'));
    await waitFor(() => expect(screen.getByText('Du får nu: Stockholms universitets alumninyhetsbrev.')).toBeTruthy());
    expect(consentSwitch('Stockholms universitets alumninyhetsbrev').checked).toBe(true);

    await user.click(consentSwitch('Inbjudningar till alumnievenemang'));
    await waitFor(() => expect(screen.getByText('Du får inte längre: Inbjudningar till alumnievenemang.')).toBeTruthy());
    expect(consentSwitch('Inbjudningar till alumnievenemang').checked).toBe(false);

    const changes = requestsTo(sent, 'PUT', '/api/me/consents');
    expect(await Promise.all(changes.map((r) => r.json()))).toEqual([
      { changes: [{ channel: 'centralNewsletter', granted: true }] },
      { changes: [{ channel: 'eventInvitations', granted: false }] },
    ]);
    expect(changes[0].headers.get('X-CSRF-Token')).toBe(ALUMNA.csrfToken);
  });

  it('shows the server’s state again when a change fails', async () => {
    server.use(http.put('/api/me/consents', () => problem(500, ProblemTypes.internalError, 'Boom', { traceId: '00-t-01' })));
    const user = userEvent.setup();
    renderApp({ me: ALUMNA, path: '/me/profile' });
    await screen.findByRole('heading', { level: 2, name: 'Det du hör från oss' });
    await user.click(consentSwitch('Inbjudningar till alumnievenemang'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Ditt val kunde inte sparas.');
    expect(consentSwitch('Inbjudningar till alumnievenemang').checked).toBe(true);
  });

  it('keeps what was typed in the profile when a consent toggles the directory listing', async () => {
    // The server lists me in the directory when I consent to it, and answers with the new record.
    server.use(
      http.put('/api/me/consents', () =>
        save({ consents: consents(['eventInvitations', 'directory']), directoryListed: true }),
      ),
    );
    const user = userEvent.setup();
    renderApp({ me: ALUMNA, path: '/me/profile' });
    const employer = await screen.findByRole('textbox', { name: 'Arbetsgivare' });
    await user.clear(employer);
    await user.type(employer, 'Nya AB');
    await user.click(consentSwitch('Att synas i alumnikatalogen'));
    await waitFor(() => expect((screen.getByRole('checkbox', { name: 'Visa mig i alumnikatalogen' }) as HTMLInputElement).checked).toBe(true));
    expect((screen.getByRole('textbox', { name: 'Arbetsgivare' }) as HTMLInputElement).value).toBe('Nya AB');

    await user.click(screen.getByRole('button', { name: 'Spara min profil' }));
    expect(await screen.findByText('Din profil har sparats.')).toBeTruthy();
    const [update] = requestsTo(sent, 'PUT', '/api/me/profile');
    expect(await update.json()).toMatchObject({ employer: 'Nya AB', directoryListed: true });
    // Based on the version the consent change answered with.
    expect(update.headers.get('If-Match')).toBe('"2"');
  });

  it('unsubscribes from everything after a confirmation', async () => {
    server.use(
      http.post('/api/me/unsubscribe', () => save({ consents: consents([]), status: 'unsubscribed', directoryListed: false })),
    );
    const user = userEvent.setup();
    renderApp({ me: ALUMNA, path: '/me/profile' });
    await user.click(await screen.findByRole('button', { name: 'Avregistrera mig från allt' }));
    const confirm = screen.getByRole('region', { name: 'Avregistrera dig från allt?' });
    expect(requestsTo(sent, 'POST', '/api/me/unsubscribe')).toHaveLength(0);
    await user.click(within(confirm).getByRole('button', { name: 'Ja, avregistrera mig från allt' }));
    expect(await screen.findByText('Du har avregistrerats från allt.')).toBeTruthy();
    expect(consentSwitch('Inbjudningar till alumnievenemang').checked).toBe(false);
    expect(screen.getByText(/Du har avregistrerat dig från allt/)).toBeTruthy();
    expect(requestsTo(sent, 'POST', '/api/me/unsubscribe')).toHaveLength(1);
  });
});

describe('MyProfilePage profile', () => {
  it('saves with the version it started from, and reloads and tells when the record changed elsewhere', async () => {
    const user = userEvent.setup();
    renderApp({ me: ALUMNA, path: '/me/profile' });
    const city = await screen.findByRole('textbox', { name: 'Ort' });
    await user.type(city, 'Uppsala');
    await user.click(screen.getByRole('button', { name: 'Spara min profil' }));
    expect(await screen.findByText('Din profil har sparats.')).toBeTruthy();
    const ifMatch = () => requestsTo(sent, 'PUT', '/api/me/profile').map((r) => r.headers.get('If-Match'));
    expect(ifMatch()).toEqual(['"1"']);
    expect(await requestsTo(sent, 'PUT', '/api/me/profile')[0].json()).toMatchObject({ city: 'Uppsala', employer: 'Acme' });

    // Someone else saves my record (version 3); my next save, based on version 2, is refused once.
    record = { ...record, employer: 'Changed elsewhere', version: 3 };
    server.use(http.put('/api/me/profile', () => preconditionFailed(), { once: true }));
    await user.clear(screen.getByRole('textbox', { name: 'Arbetsgivare' }));
    await user.type(screen.getByRole('textbox', { name: 'Arbetsgivare' }), 'Mine');
    await user.click(screen.getByRole('button', { name: 'Spara min profil' }));

    const notice = await screen.findByText(/Din profil ändrades någon annanstans/);
    expect(notice.getAttribute('role')).toBe('alert');
    await waitFor(() => expect((screen.getByRole('textbox', { name: 'Arbetsgivare' }) as HTMLInputElement).value).toBe('Changed elsewhere'));
    expect(ifMatch()).toEqual(['"1"', '"2"']);

    await user.clear(screen.getByRole('textbox', { name: 'Arbetsgivare' }));
    await user.type(screen.getByRole('textbox', { name: 'Arbetsgivare' }), 'Mine');
    await user.click(screen.getByRole('button', { name: 'Spara min profil' }));
    await waitFor(() => expect(record.employer).toBe('Mine'));
    expect(ifMatch()).toEqual(['"1"', '"2"', '"3"']);
  });

  it('puts the server’s messages on the profile fields', async () => {
    server.use(
      http.put('/api/me/profile', () =>
        validationProblem({
          // What only the server can judge: messages for values the form's own rules passed.
          country: ['Choose a country from the list.'],
          'otherEmails[1]': ['This address belongs to another member.'],
        }),
      ),
    );
    const user = userEvent.setup();
    renderApp({ me: ALUMNA, path: '/me/profile' });
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Land' }), 'SV');
    await user.type(screen.getByRole('textbox', { name: 'Andra e-postadresser' }), 'fine@example.org\nother@example.org');
    await user.click(screen.getByRole('button', { name: 'Spara min profil' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Profilen kunde inte sparas');
    expect(screen.getByRole('combobox', { name: 'Land' }).getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('textbox', { name: 'Andra e-postadresser' }).getAttribute('aria-invalid')).toBe('true');
    expect(await requestsTo(sent, 'PUT', '/api/me/profile')[0].json()).toMatchObject({
      otherEmails: ['fine@example.org', 'other@example.org'],
      country: 'SV',
    });
  });

  it('invites a signed-in person without a member record to join', async () => {
    server.use(
      http.get('/api/me/profile', () =>
        notFound('You have no member record: sign up to the alumni network first (members_signUp), then sign in with the same address.'),
      ),
      http.get('/api/me/pending-sign-up', () => notFound()),
    );
    renderApp({ me: me('admin'), path: '/me/profile' });
    expect(await screen.findByRole('heading', { level: 2, name: 'Du är inte medlem i alumninätverket ännu' })).toBeTruthy();
    expect(screen.getByText(/Du är inloggad som admin@example.org/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Bli medlem i alumninätverket' }).getAttribute('href')).toBe('/join');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('sends someone signed in with a sign-up waiting for them to confirm it', async () => {
    server.use(
      http.get('/api/me/profile', () => notFound()),
      http.get('/api/me/pending-sign-up', () =>
        json(pendingSignUp({ email: ALUMNA.email, firstName: 'Alma', lastName: 'Alumn' }), 200, { ETag: '"1"' }),
      ),
    );
    renderApp({ me: ALUMNA, path: '/me/profile' });
    expect(await screen.findByRole('heading', { level: 2, name: 'En anmälan väntar på din bekräftelse' })).toBeTruthy();
    expect(screen.getByText(new RegExp(`har anmält ${ALUMNA.email} till alumninätverket`))).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Titta på anmälan' }).getAttribute('href')).toBe('/join');
    expect(screen.queryByRole('link', { name: 'Bli medlem i alumninätverket' })).toBeNull();
  });
});

describe('MyProfilePage studies', () => {
  it('marks verified studies, removes self-declared ones and adds new ones', async () => {
    server.use(
      http.delete(`/api/me/affiliations/${COURSES.id}`, () => save({ affiliations: [VERIFIED_STUDY] })),
      http.post('/api/me/affiliations', async ({ request }) => {
        const input = (await request.json()) as AffiliationInput;
        return save({ affiliations: [...record.affiliations, affiliation(input)] }, 201);
      }),
    );
    const user = userEvent.setup();
    renderApp({ me: ALUMNA, path: '/me/profile' });
    const table = await screen.findByRole('table', { name: 'Dina studier' });
    const rows = within(table).getAllByRole('row').slice(1);
    // The departments are named once the faculties have arrived.
    await waitFor(() =>
      expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual([
        'Institutionen för data- och systemvetenskap',
        'Engelska institutionen',
      ]),
    );
    expect(within(rows[0]).getByText('Bekräftad')).toBeTruthy();
    expect(within(rows[0]).queryByRole('button')).toBeNull();
    expect(within(rows[1]).getByText('7,5 hp')).toBeTruthy();

    await user.click(within(rows[1]).getByRole('button', { name: 'Ta bort studien Kurser utan examen, Engelska institutionen' }));
    expect(await screen.findByText('Studien Kurser utan examen, Engelska institutionen har tagits bort.')).toBeTruthy();
    expect(within(screen.getByRole('table', { name: 'Dina studier' })).getAllByRole('row')).toHaveLength(2);
    expect(requestsTo(sent, 'DELETE', `/api/me/affiliations/${COURSES.id}`)).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: 'Lägg till en studie' }));
    const form = screen.getByRole('form', { name: 'Lägg till en studie' });
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Institution' }), 'HIST');
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Examen' }), 'bachelor');
    await user.type(within(form).getByRole('textbox', { name: 'Högskolepoäng (hp)' }), '180');
    await user.click(within(form).getByRole('button', { name: 'Lägg till studien' }));
    expect(await screen.findByText('Studien Kandidatexamen, Historiska institutionen har lagts till.')).toBeTruthy();
    expect(await requestsTo(sent, 'POST', '/api/me/affiliations')[0].json()).toMatchObject({
      departmentCode: 'HIST',
      degreeType: 'bachelor',
      credits: 180,
    });
  });
});

describe('MyProfilePage my data', () => {
  it('offers the export as a JSON file', async () => {
    server.use(http.get('/api/me/export', () => json(myDataExport(record))));
    const user = userEvent.setup();
    const createObjectURL = vi.fn((_blob: Blob) => 'blob:alumni-export');
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }));
    const clicked: HTMLAnchorElement[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    renderApp({ me: ALUMNA, path: '/me/profile' });
    await user.click(await screen.findByRole('button', { name: 'Ladda ner mina uppgifter' }));
    expect(await screen.findByText('Dina uppgifter har laddats ner som my-alumni-data.json.')).toBeTruthy();
    expect(click).toHaveBeenCalledTimes(1);
    expect(clicked[0].download).toBe('my-alumni-data.json');
    expect(clicked[0].href).toBe('blob:alumni-export');
    const blob = createObjectURL.mock.calls[0][0];
    const data = JSON.parse(await blob.text()) as { profile: { email: string } };
    expect(data.profile.email).toBe(ALUMNA.email);
  });

  it('shows a summary of the export in the member’s language, beside the download', async () => {
    const summary = 'Everything the alumni network holds about you.\nStaff notes about you: 2 (in full under "notes").';
    server.use(http.get('/api/me/export', () => json(myDataExport({ ...record, preferredLanguage: 'en' }, summary))));
    const user = userEvent.setup();
    const save = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    renderApp({ me: ALUMNA, path: '/me/profile' });
    await user.click(await screen.findByRole('button', { name: 'Visa en sammanfattning' }));
    const shown = await screen.findByRole('region', { name: 'Det här har vi om dig' });
    const lines = within(shown).getAllByRole('listitem').map((item) => item.textContent);
    expect(lines).toEqual(['Everything the alumni network holds about you.', 'Staff notes about you: 2 (in full under "notes").']);
    expect(within(shown).getByRole('list').getAttribute('lang')).toBe('en');
    expect(within(shown).getByText(/my-alumni-data\.json/)).toBeTruthy();
    // Showing is not downloading.
    expect(save).not.toHaveBeenCalled();
  });

  it('erases me after a confirmation and a fresh code, and signs me out', async () => {
    server.use(
      http.post('/api/me/erase/code', () => json({ message: 'We have sent a code.', expiresInMinutes: 10 }, 202)),
      // The first code typed is wrong; the next one erases.
      http.post('/api/me/erase', () => validationProblem({ code: ['The code is wrong or has expired. Ask for a new one.'] }), {
        once: true,
      }),
      http.post('/api/me/erase', () => noContent()),
    );
    const user = userEvent.setup();
    const { router } = renderApp({ me: ALUMNA, path: '/me/profile' });
    await user.click(await screen.findByRole('button', { name: 'Radera mina uppgifter …' }));
    const confirm = screen.getByRole('region', { name: 'Radera alla dina uppgifter?' });
    expect(within(confirm).getByText(`För att vara säkra på att det är du mejlar vi först en kod till ${ALUMNA.email}.`)).toBeTruthy();
    await user.click(within(confirm).getByRole('button', { name: 'Mejla mig en kod' }));
    const code = await within(confirm).findByRole('textbox', { name: 'Kod från mejlet' });
    // The erasure's own code (a mail that says what is erased), not a sign-in code.
    expect(requestsTo(sent, 'POST', '/api/me/erase/code')).toHaveLength(1);
    expect(requestsTo(sent, 'POST', '/api/auth/code')).toHaveLength(0);

    // No code: the form says so and erases nothing.
    await user.click(within(confirm).getByRole('button', { name: 'Radera mina uppgifter för gott' }));
    expect(within(await within(confirm).findByRole('alert')).getByRole('link').textContent).toBe(
      'Kod från mejlet: Ange koden från e-postmeddelandet.',
    );
    expect(requestsTo(sent, 'POST', '/api/me/erase')).toHaveLength(0);

    await user.type(code, 'WRONG2');
    await user.click(within(confirm).getByRole('button', { name: 'Radera mina uppgifter för gott' }));
    await waitFor(() =>
      expect(document.getElementById(code.getAttribute('aria-describedby')!.split(' ')[0])!.textContent).toBe(
        'The code is wrong or has expired. Ask for a new one.',
      ),
    );
    expect(router.state.location.pathname).toBe('/me/profile');

    await user.clear(code);
    await user.type(code, 'ABC234');
    await user.click(within(confirm).getByRole('button', { name: 'Radera mina uppgifter för gott' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Dina uppgifter har raderats' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/erased');
    await within(screen.getByRole('banner')).findByRole('link', { name: 'Logga in' });
    const erasures = requestsTo(sent, 'POST', '/api/me/erase');
    expect(await Promise.all(erasures.map((r) => r.json()))).toEqual([{ code: 'WRONG2' }, { code: 'ABC234' }]);
    expect(erasures[1].headers.get('X-CSRF-Token')).toBe(ALUMNA.csrfToken);
  });

  it('sends a visit of the erased page without an erasure home (and so on to the start page)', async () => {
    const { router } = renderApp({ me: ALUMNA, path: '/erased' });
    await waitFor(() => expect(router.state.location.pathname).toBe('/me'));
  });
});
