import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AddNoteRequest, MemberResponse, UpdateMemberRequest } from '../../../api/generated';
import {
  affiliation,
  consents,
  demoFaculties,
  etag,
  json,
  jsonWithETag,
  me,
  member,
  memberPage,
  memberSummary,
  noContent,
  notFound,
  note,
  preconditionFailed,
  recordRequests,
  requestsTo,
  server,
  staffMember,
  validationProblem,
  type SentRequest,
} from '../../../test/http';
import { renderApp } from '../../../test/render-app';

const COORDINATOR = me('coordinator');
const ADMIN = me('admin');

/** Dag's record (a DSV alumnus) as the server holds it in this test. */
let dag: MemberResponse;
let sent: SentRequest[];

const BO = memberSummary({ firstName: 'Bo', lastName: 'Båda', status: 'pending', departments: ['DSV', 'ENG'], graduationYear: 2021 });

function dagSummary() {
  return memberSummary({
    id: dag.id,
    firstName: dag.firstName,
    lastName: dag.lastName,
    email: dag.email,
    city: dag.city,
    country: dag.country,
    departments: ['DSV'],
    graduationYear: 2016,
  });
}

beforeEach(() => {
  dag = member({
    email: 'dag@example.org',
    firstName: 'Dag',
    lastName: 'Dsvsson',
    city: 'Uppsala',
    country: 'SE',
    affiliations: [affiliation({ departmentCode: 'DSV', endYear: 2016 })],
    consents: consents(['eventInvitations'], ['centralNewsletter']),
  });
  sent = recordRequests();
  server.use(
    http.get('/api/faculties', () => json(demoFaculties())),
    // The coordinator's members: the search answers for their departments only.
    http.get('/api/members', () => json(memberPage([BO, dagSummary()]))),
    http.get(`/api/members/${dag.id}`, () => json(staffMember(dag), 200, etag(dag.version))),
  );
});

afterEach(() => {
  Reflect.deleteProperty(navigator, 'clipboard');
});

function rowNames() {
  const table = screen.getByRole('table', { name: /^Medlemmar \d+–\d+ av \d+$/ });
  return within(table)
    .getAllByRole('rowheader')
    .map((cell) => cell.textContent);
}

const searches = () => requestsTo(sent, 'GET', '/api/members');

describe('StaffMembersPage', () => {
  it('lists the coordinator’s members, with their total', async () => {
    renderApp({ me: COORDINATOR, path: '/staff/members' });
    expect(await screen.findByRole('table', { name: 'Medlemmar 1–2 av 2' })).toBeTruthy();
    expect(rowNames()).toEqual(['Båda, Bo', 'Dsvsson, Dag']);
    expect(searches()[0].query).toEqual({ sort: 'name', page: '1', pageSize: '25' });
    // The department picker offers the coordinator's own departments.
    const department = screen.getByRole('combobox', { name: 'Institution' });
    await waitFor(() => expect(within(department).getAllByRole('option').map((o) => o.getAttribute('value'))).toEqual(['', 'DSV']));
  });

  it('sends the filters to the search and keeps them in the address', async () => {
    server.use(
      http.get('/api/members', ({ request }) =>
        new URL(request.url).searchParams.has('q') ? json(memberPage([dagSummary()])) : undefined,
      ),
    );
    const user = userEvent.setup();
    const { router } = renderApp({ me: COORDINATOR, path: '/staff/members' });
    await screen.findByRole('table');
    await user.type(screen.getByRole('searchbox', { name: 'Sök' }), 'dag');
    await user.type(screen.getByRole('textbox', { name: 'Examen från (år)' }), '2015');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Land' }), 'SE');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'active');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Har samtyckt till' }), 'eventInvitations');
    await user.click(screen.getByRole('button', { name: 'Sök' }));

    await waitFor(() => expect(rowNames()).toEqual(['Dsvsson, Dag']));
    expect(new URLSearchParams(router.state.location.search).toString()).toBe(
      'q=dag&country=SE&graduatedFrom=2015&status=active&consent=eventInvitations',
    );
    expect(searches().at(-1)!.query).toEqual({
      q: 'dag',
      graduatedFrom: '2015',
      country: 'SE',
      status: 'active',
      consent: 'eventInvitations',
      sort: 'name',
      page: '1',
      pageSize: '25',
    });
    expect(screen.getByRole('heading', { level: 2, name: /^Filter/ }).textContent).toContain('5 filter används');
  });

  it('shows the common filters first and the rest under “more filters”, and countries by name', async () => {
    renderApp({ me: COORDINATOR, path: '/staff/members' });
    await screen.findByRole('table');
    const fold = screen.getByRole('heading', { level: 2, name: /^Filter/ }).closest('details')!;
    expect(fold.open).toBe(true);
    const more = within(fold).getByText('Fler filter').closest('details')!;
    expect(more.open).toBe(false);
    for (const name of ['Fakultet', 'Ort', 'Språk', 'Status', 'Intresse']) {
      expect(more.contains(within(fold).getByLabelText(name)), name).toBe(true);
    }
    for (const name of ['Sök', 'Institution', 'Examen från (år)', 'Examen till (år)', 'Land']) {
      expect(more.contains(within(fold).getByLabelText(name)), name).toBe(false);
    }
    expect(within(screen.getByRole('table')).getByText('Uppsala, Sverige')).toBeTruthy();
  });

  it('opens “more filters” when one of them is set', async () => {
    renderApp({ me: COORDINATOR, path: '/staff/members?city=Lund' });
    await screen.findByRole('table');
    expect(screen.getByText('Fler filter').closest('details')!.open).toBe(true);
  });

  it('explains a bad year from the address on its field and searches nothing until it is fixed', async () => {
    const user = userEvent.setup();
    renderApp({ me: COORDINATOR, path: '/staff/members?graduatedFrom=20x&graduatedTo=2015' });
    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain('Filtren behöver rättas');
    expect(within(summary).getByRole('link').textContent).toBe('Examen från (år): Skriv året med fyra siffror, t.ex. 2015.');
    const from = screen.getByRole('textbox', { name: 'Examen från (år)' });
    expect(from.getAttribute('aria-invalid')).toBe('true');
    expect((from as HTMLInputElement).value).toBe('20x');
    expect(searches()).toHaveLength(0);

    await user.clear(from);
    await user.type(from, '2016');
    await user.click(screen.getByRole('button', { name: 'Sök' }));
    expect(await screen.findByText('Till-året kan inte vara före från-året.', { selector: '.field__error-line' })).toBeTruthy();
    expect(searches()).toHaveLength(0);

    await user.clear(from);
    await user.type(from, '2010');
    await user.click(screen.getByRole('button', { name: 'Sök' }));
    await waitFor(() => expect(searches()).toHaveLength(1));
    expect(searches()[0].query).toMatchObject({ graduatedFrom: '2010', graduatedTo: '2015' });
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('sorts by a column header and shows the order', async () => {
    const user = userEvent.setup();
    renderApp({ me: COORDINATOR, path: '/staff/members' });
    await screen.findByRole('table');
    expect(screen.getByRole('columnheader', { name: /^Namn/ }).getAttribute('aria-sort')).toBe('ascending');
    await user.click(screen.getByRole('button', { name: 'Blev medlem' }));
    await waitFor(() => expect(screen.getByRole('columnheader', { name: /^Blev medlem/ }).getAttribute('aria-sort')).toBe('descending'));
    expect(screen.getByRole('columnheader', { name: /^Namn/ }).getAttribute('aria-sort')).toBeNull();
    expect(searches().at(-1)!.query.sort).toBe('created');
    expect(rowNames()).toEqual(['Båda, Bo', 'Dsvsson, Dag']);
  });

  it('pages through the results', async () => {
    const many = Array.from({ length: 32 }, (_, i) => memberSummary({ firstName: `M${i}`, lastName: `Many${String(i).padStart(2, '0')}` }));
    server.use(
      http.get('/api/members', ({ request }) => {
        const page = Number(new URL(request.url).searchParams.get('page'));
        return json(memberPage(many.slice((page - 1) * 25, page * 25), { total: 32, page }));
      }),
    );
    const user = userEvent.setup();
    renderApp({ me: COORDINATOR, path: '/staff/members' });
    expect(await screen.findByRole('table', { name: 'Medlemmar 1–25 av 32' })).toBeTruthy();
    const pager = screen.getByRole('navigation', { name: 'Sidor med medlemmar' });
    expect(within(pager).getByText('Sida 1 av 2')).toBeTruthy();
    await user.click(within(pager).getByRole('link', { name: 'Nästa sida' }));
    expect(await screen.findByRole('table', { name: 'Medlemmar 26–32 av 32' })).toBeTruthy();
    expect(searches().at(-1)!.query).toMatchObject({ page: '2', pageSize: '25' });
  });

  it('says “more than” past the 1,000 matches the search counts, and pages on', async () => {
    const page41 = Array.from({ length: 25 }, (_, i) => memberSummary({ firstName: `X${i}`, lastName: `Lots${1000 + i}` }));
    server.use(http.get('/api/members', () => json(memberPage(page41, { total: 1000, totalExact: false, page: 41 }))));
    renderApp({ me: COORDINATOR, path: '/staff/members?page=41' });
    expect(await screen.findByRole('table', { name: 'Medlemmar 1001–1025 av fler än 1000' })).toBeTruthy();
    const pager = screen.getByRole('navigation', { name: 'Sidor med medlemmar' });
    expect(within(pager).getByText('Sida 41 av 42')).toBeTruthy();
    expect(searches()[0].query).toMatchObject({ page: '41' });
  });

  it('opens a member’s record from the row', async () => {
    const user = userEvent.setup();
    const { router } = renderApp({ me: COORDINATOR, path: '/staff/members' });
    await user.click(await screen.findByRole('link', { name: 'Dsvsson, Dag' }));
    expect(await screen.findByRole('heading', { level: 1, name: /^Dag Dsvsson/ })).toBeTruthy();
    expect(router.state.location.pathname).toBe(`/staff/members/${dag.id}`);
  });

  it('says “no such member” in the UI language for an address whose id is no id, and asks the API nothing', async () => {
    renderApp({ me: COORDINATOR, path: '/staff/members/not-a-guid' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Medlem' })).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toBe('Det finns ingen sådan medlem, eller så hör medlemmen till en annan institution.');
    expect(requestsTo(sent, 'GET', '/api/members/not-a-guid')).toHaveLength(0);
  });

  it('is not for alumni', async () => {
    renderApp({ me: me('alumnus'), path: '/staff/members' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Ingen behörighet' })).toBeTruthy();
    expect(screen.getByText(/institutionernas alumnisamordnare/)).toBeTruthy();
    expect(searches()).toHaveLength(0);
  });
});

describe('MemberDetailPage', () => {
  function answerUpdates() {
    server.use(
      http.put(`/api/members/${dag.id}`, async ({ request }) => {
        dag = { ...dag, ...((await request.json()) as UpdateMemberRequest), version: dag.version + 1 };
        return jsonWithETag(dag);
      }),
    );
  }

  it('shows the record, saves an edit with If-Match and adds a note', async () => {
    answerUpdates();
    server.use(
      http.post(`/api/members/${dag.id}/notes`, async ({ request }) =>
        json(note({ text: ((await request.json()) as AddNoteRequest).text, authorName: COORDINATOR.displayName }), 201),
      ),
    );
    const user = userEvent.setup();
    renderApp({ me: COORDINATOR, path: `/staff/members/${dag.id}` });
    const record = await screen.findByRole('region', { name: 'Uppgifter' });
    expect(within(record).getByText('dag@example.org')).toBeTruthy();
    // A consent given and taken back is withdrawn; one never given says so, not "withdrawn".
    const consentRows = within(screen.getByRole('table', { name: 'Samtycken för Dag Dsvsson' }));
    expect(consentRows.getByRole('row', { name: /^Evenemangsinbjudningar/ }).textContent).toContain('Lämnat');
    expect(consentRows.getAllByText('Lämnat')).toHaveLength(1);
    expect(consentRows.getAllByText('Återkallat')).toHaveLength(1);
    expect(consentRows.getAllByText('Inte lämnat')).toHaveLength(3);
    expect(within(record).getByText('Uppsala, Sverige')).toBeTruthy();
    // Erasing is for admins.
    expect(screen.queryByRole('button', { name: /^Radera medlemmen/ })).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Redigera profilen' }));
    const edit = screen.getByRole('region', { name: 'Redigera profilen' });
    await user.clear(within(edit).getByRole('textbox', { name: 'Ort' }));
    await user.type(within(edit).getByRole('textbox', { name: 'Ort' }), 'Lund');
    await user.click(within(edit).getByRole('button', { name: 'Spara ändringarna' }));
    expect(await screen.findByText('Ändringarna har sparats.')).toBeTruthy();
    const [update] = requestsTo(sent, 'PUT', `/api/members/${dag.id}`);
    expect(update.headers.get('If-Match')).toBe('"1"');
    expect(update.headers.get('X-CSRF-Token')).toBe(COORDINATOR.csrfToken);
    expect(await update.json()).toMatchObject({ firstName: 'Dag', lastName: 'Dsvsson', city: 'Lund', country: 'SE' });
    expect(within(screen.getByRole('region', { name: 'Uppgifter' })).getByText('Lund, Sverige')).toBeTruthy();

    const notes = screen.getByRole('region', { name: 'Anteckningar' });
    await user.type(within(notes).getByRole('textbox', { name: 'Ny anteckning' }), 'Wants to mentor.');
    await user.click(within(notes).getByRole('button', { name: 'Lägg till anteckningen' }));
    expect(await within(notes).findByText('Wants to mentor.')).toBeTruthy();
    expect((within(notes).getByRole('textbox', { name: 'Ny anteckning' }) as HTMLTextAreaElement).value).toBe('');
    expect(await requestsTo(sent, 'POST', `/api/members/${dag.id}/notes`)[0].json()).toEqual({ text: 'Wants to mentor.' });
  });

  it('reloads the form and tells when someone else saved in between (412)', async () => {
    answerUpdates();
    const user = userEvent.setup();
    renderApp({ me: COORDINATOR, path: `/staff/members/${dag.id}` });
    await user.click(await screen.findByRole('button', { name: 'Redigera profilen' }));
    // Someone else saves the member; the save based on version 1 is refused.
    dag = { ...dag, employer: 'Elsewhere AB', version: 2 };
    server.use(http.put(`/api/members/${dag.id}`, () => preconditionFailed(), { once: true }));
    const edit = screen.getByRole('region', { name: 'Redigera profilen' });
    await user.type(within(edit).getByRole('textbox', { name: 'Arbetsgivare' }), 'Mine AB');
    await user.click(within(edit).getByRole('button', { name: 'Spara ändringarna' }));
    expect(await within(edit).findByText(/Någon annan ändrade medlemmen/)).toBeTruthy();
    await waitFor(() => expect((within(edit).getByRole('textbox', { name: 'Arbetsgivare' }) as HTMLInputElement).value).toBe('Elsewhere AB'));
    await user.click(within(edit).getByRole('button', { name: 'Spara ändringarna' }));
    expect(await screen.findByText('Ändringarna har sparats.')).toBeTruthy();
    expect(requestsTo(sent, 'PUT', `/api/members/${dag.id}`).map((r) => r.headers.get('If-Match'))).toEqual(['"1"', '"2"']);
  });

  it('checks the note before sending it, and shows the server’s message on it', async () => {
    server.use(
      http.post(`/api/members/${dag.id}/notes`, () =>
        validationProblem({ text: ['Remove control characters and text-direction overrides.'] }),
      ),
    );
    const user = userEvent.setup();
    renderApp({ me: COORDINATOR, path: `/staff/members/${dag.id}` });
    const notes = await screen.findByRole('region', { name: 'Anteckningar' });
    const text = within(notes).getByRole('textbox', { name: 'Ny anteckning' });
    await user.type(text, '   ');
    await user.click(within(notes).getByRole('button', { name: 'Lägg till anteckningen' }));
    const summary = await within(notes).findByRole('alert');
    expect(within(summary).getByRole('link').textContent).toBe('Ny anteckning: Skriv anteckningen: 1–4000 tecken.');
    expect(text.getAttribute('aria-invalid')).toBe('true');
    expect(requestsTo(sent, 'POST', `/api/members/${dag.id}/notes`)).toHaveLength(0);

    // What only the server checks (characters no text may hold) comes back on the field.
    await user.type(text, 'Wants to mentor.');
    expect(text.getAttribute('aria-invalid')).toBeNull();
    await user.click(within(notes).getByRole('button', { name: 'Lägg till anteckningen' }));
    await waitFor(() =>
      expect(document.getElementById(text.getAttribute('aria-describedby')!.split(' ')[0])!.textContent).toBe(
        'Remove control characters and text-direction overrides.',
      ),
    );
    expect(within(within(notes).getByRole('alert')).getByRole('link').textContent).toBe(
      'Ny anteckning: Remove control characters and text-direction overrides.',
    );
    expect(await requestsTo(sent, 'POST', `/api/members/${dag.id}/notes`)[0].json()).toEqual({ text: 'Wants to mentor.' });
  });

  it('offers staff no switch to list a member in the directory, nor to choose what it shows', async () => {
    const user = userEvent.setup();
    renderApp({ me: COORDINATOR, path: `/staff/members/${dag.id}` });
    await user.click(await screen.findByRole('button', { name: 'Redigera profilen' }));
    const edit = screen.getByRole('region', { name: 'Redigera profilen' });
    expect(within(edit).getByText(/Visas inte i alumnikatalogen/)).toBeTruthy();
    expect(within(edit).queryByRole('checkbox', { name: 'Visas i alumnikatalogen' })).toBeNull();
    expect(within(edit).queryByRole('group', { name: 'Visas i katalogen' })).toBeNull();
  });

  it('lets staff withdraw a listed member from the directory on request, keeping the fields the member chose', async () => {
    dag = { ...dag, directoryListed: true, directoryFields: ['employer'] };
    answerUpdates();
    const user = userEvent.setup();
    renderApp({ me: COORDINATOR, path: `/staff/members/${dag.id}` });
    await user.click(await screen.findByRole('button', { name: 'Redigera profilen' }));
    const edit = screen.getByRole('region', { name: 'Redigera profilen' });
    expect(within(edit).getByText('Visas i katalogen (medlemmens val): Arbetsgivare')).toBeTruthy();
    expect(within(edit).queryByRole('group', { name: 'Visas i katalogen' })).toBeNull();
    await user.click(within(edit).getByRole('checkbox', { name: 'Visas i alumnikatalogen' }));
    await user.click(within(edit).getByRole('button', { name: 'Spara ändringarna' }));
    expect(await screen.findByText('Ändringarna har sparats.')).toBeTruthy();
    const [update] = requestsTo(sent, 'PUT', `/api/members/${dag.id}`);
    expect(await update.json()).toMatchObject({ directoryListed: false, directoryFields: ['employer'] });
  });

  it('says a member outside the coordinator’s departments is not there', async () => {
    const eva = member({ email: 'eva@example.org', firstName: 'Eva', lastName: 'Engström' });
    server.use(http.get(`/api/members/${eva.id}`, () => notFound('No member with that id in your departments.')));
    renderApp({ me: COORDINATOR, path: `/staff/members/${eva.id}` });
    expect(await screen.findByText(/Det finns ingen sådan medlem/)).toBeTruthy();
  });

  it('lets an admin erase a member after a confirmation', async () => {
    const xena = member({ email: 'x@example.org', firstName: 'Xena', lastName: 'Ex', affiliations: [affiliation({ departmentCode: 'LAW' })] });
    server.use(
      http.get(`/api/members/${xena.id}`, () => json(staffMember(xena))),
      http.post(`/api/members/${xena.id}/erase`, () => noContent()),
    );
    const user = userEvent.setup();
    const { router } = renderApp({ me: ADMIN, path: `/staff/members/${xena.id}` });
    await user.click(await screen.findByRole('button', { name: 'Radera medlemmen …' }));
    expect(screen.getByRole('heading', { level: 2, name: 'Radera Xena Ex?' })).toBeTruthy();
    expect(requestsTo(sent, 'POST', `/api/members/${xena.id}/erase`)).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: 'Radera för gott' }));
    expect(await screen.findByText('Medlemmen har raderats.')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/staff/members');
    const [erase] = requestsTo(sent, 'POST', `/api/members/${xena.id}/erase`);
    expect(erase.headers.get('X-CSRF-Token')).toBe(ADMIN.csrfToken);
  });
});
