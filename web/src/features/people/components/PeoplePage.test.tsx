import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CreateUserRequest, MeResponse, UserResponse } from '../../../api/generated';
import {
  conflict,
  demoFaculties,
  demoUsers,
  json,
  me,
  recordRequests,
  requestsTo,
  server,
  user as person,
  validationProblem,
  type SentRequest,
} from '../../../test/http';
import { renderApp } from '../../../test/render-app';

const ADMIN = me('admin');
const COORDINATOR = me('coordinator');

/** The people the server holds in this test; the role handlers change them. */
let users: UserResponse[];
let sent: SentRequest[];

function byEmail(email: string): UserResponse {
  return users.find((u) => u.email === email)!;
}

/** Applies a role change the server accepted and answers with the changed person. */
function changed(id: string, change: (u: UserResponse) => Partial<UserResponse>) {
  users = users.map((u) => (u.id === id ? { ...u, ...change(u) } : u));
  return json(users.find((u) => u.id === id)!);
}

beforeEach(() => {
  users = demoUsers();
  sent = recordRequests();
  server.use(
    http.get('/api/admin/users', ({ request }) => {
      const search = new URL(request.url).searchParams.get('search')?.toLowerCase();
      return json(search ? users.filter((u) => u.email.includes(search)) : users);
    }),
    http.get('/api/faculties', () => json(demoFaculties())),
    http.put('/api/admin/users/:id/admin', ({ params }) => changed(String(params.id), () => ({ isAdmin: true }))),
    http.delete('/api/admin/users/:id/admin', ({ params }) => changed(String(params.id), () => ({ isAdmin: false }))),
  );
});

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The row of the person with this address (its header holds their name and the address). */
function row(email: string) {
  return screen.getByRole('rowheader', { name: new RegExp(`${escape(email)}$`) }).closest('tr')!;
}

async function openRoles(user: ReturnType<typeof userEvent.setup>, email: string) {
  await user.click(await screen.findByRole('button', { name: new RegExp(`^Hantera roller för (.* \\()?${escape(email)}\\)?$`) }));
  return screen.getByRole('region', { name: new RegExp(`^Roller för .*${email.replace('.', '\\.')}`) });
}

describe('PeoplePage', () => {
  it('lists people with their roles in a captioned table', async () => {
    renderApp({ me: ADMIN, path: '/admin/people' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Personer' })).toBeTruthy();
    const table = await screen.findByRole('table', { name: 'Personer' });
    expect(within(table).getAllByRole('rowheader').map((h) => h.textContent)).toEqual([
      `Demo Admin${ADMIN.email}`,
      'Ada Alumnaalumna@example.org',
      `Demo Coordinator${COORDINATOR.email}`,
    ]);
    expect(within(row(ADMIN.email)).getByText('Ja')).toBeTruthy();
    expect(within(row(COORDINATOR.email)).getByText('DSV')).toBeTruthy();
    expect(within(row('alumna@example.org')).getByText('Ada Alumna')).toBeTruthy();
    expect(document.title).toBe('Personer – Alumni, Stockholms universitet');
  });

  it('searches and filters to staff, keeping both in the address', async () => {
    server.use(
      http.get('/api/admin/users', ({ request }) =>
        new URL(request.url).searchParams.get('staffOnly') === 'true'
          ? json([byEmail(ADMIN.email), byEmail(COORDINATOR.email)])
          : undefined,
      ),
    );
    const user = userEvent.setup();
    const { router } = renderApp({ me: ADMIN, path: '/admin/people' });
    await screen.findByRole('table', { name: 'Personer' });
    await user.type(screen.getByRole('searchbox', { name: 'Sök på adress eller namn' }), 'example');
    await user.click(screen.getByRole('button', { name: 'Sök' }));
    await user.click(screen.getByRole('checkbox', { name: 'Bara personal (administratörer och koordinatorer)' }));
    const table = await screen.findByRole('table', { name: 'Personer som matchar ”example”' });
    await waitFor(() => expect(within(table).getAllByRole('rowheader')).toHaveLength(2));
    expect(requestsTo(sent, 'GET', '/api/admin/users').at(-1)!.query).toEqual({ search: 'example', staffOnly: 'true' });
    expect(router.state.location.search).toBe('?q=example&staff=true');
  });

  it('adds a person and opens their roles; an existing address says so', async () => {
    server.use(
      http.post('/api/admin/users', async ({ request }) => {
        const body = (await request.json()) as CreateUserRequest;
        const existing = users.find((u) => u.email === body.email);
        if (existing) return json(existing, 200);
        const added = person({ email: body.email, displayName: body.displayName });
        users = [...users, added];
        return json(added, 201);
      }),
    );
    const user = userEvent.setup();
    renderApp({ me: ADMIN, path: '/admin/people' });
    const form = await screen.findByRole('region', { name: 'Lägg till en person' });
    await user.type(within(form).getByRole('textbox', { name: 'E-postadress' }), 'new.person@su.se');
    await user.type(within(form).getByRole('textbox', { name: /^Namn/ }), 'Ny Person');
    await user.click(within(form).getByRole('button', { name: 'Lägg till' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('new.person@su.se har lagts till.'));
    expect(screen.getByRole('region', { name: 'Roller för Ny Person (new.person@su.se)' })).toBeTruthy();
    expect(await screen.findByRole('rowheader', { name: 'Ny Personnew.person@su.se' })).toBeTruthy();
    const [add] = requestsTo(sent, 'POST', '/api/admin/users');
    expect(await add.json()).toEqual({ email: 'new.person@su.se', displayName: 'Ny Person' });
    expect(add.headers.get('X-CSRF-Token')).toBe(ADMIN.csrfToken);

    await user.type(within(form).getByRole('textbox', { name: 'E-postadress' }), COORDINATOR.email);
    await user.click(within(form).getByRole('button', { name: 'Lägg till' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe(`${COORDINATOR.email} fanns redan.`));
    expect(screen.getByRole('region', { name: `Roller för Demo Coordinator (${COORDINATOR.email})` })).toBeTruthy();
  });

  it('checks the address before sending it', async () => {
    const user = userEvent.setup();
    renderApp({ me: ADMIN, path: '/admin/people' });
    const form = await screen.findByRole('region', { name: 'Lägg till en person' });
    const email = within(form).getByRole('textbox', { name: 'E-postadress' });
    await user.type(email, 'nope');
    await user.type(within(form).getByRole('textbox', { name: /^Namn/ }), '<b>Ny</b>');
    await user.click(within(form).getByRole('button', { name: 'Lägg till' }));
    const summary = await within(form).findByRole('alert');
    expect(summary.textContent).toContain('Personen kunde inte läggas till');
    expect(within(summary).getAllByRole('link').map((link) => link.textContent)).toEqual([
      'E-postadress: Ange en giltig e-postadress, som namn@example.org.',
      'Namn (valfritt): Namn får inte innehålla < eller >.',
    ]);
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(email.getAttribute('aria-describedby')!.split(' ')[0])!.textContent).toBe(
      'Ange en giltig e-postadress, som namn@example.org.',
    );
    expect(requestsTo(sent, 'POST', '/api/admin/users')).toHaveLength(0);
  });

  it('shows the server’s field error when it does not take the address', async () => {
    server.use(http.post('/api/admin/users', () => validationProblem({ email: ['Enter a valid e-mail address.'] })));
    const user = userEvent.setup();
    renderApp({ me: ADMIN, path: '/admin/people' });
    const form = await screen.findByRole('region', { name: 'Lägg till en person' });
    const email = within(form).getByRole('textbox', { name: 'E-postadress' });
    // Two dots in a row: the server's address parser refuses it, the form's simpler rule does not.
    await user.type(email, 'first..last@su.se');
    await user.click(within(form).getByRole('button', { name: 'Lägg till' }));
    await waitFor(() => expect(email.getAttribute('aria-invalid')).toBe('true'));
    expect(within(form).getByRole('alert').textContent).toContain('Personen kunde inte läggas till');
    expect(document.getElementById(email.getAttribute('aria-describedby')!.split(' ')[0])!.textContent).toBe(
      'Enter a valid e-mail address.',
    );
    expect(await requestsTo(sent, 'POST', '/api/admin/users')[0].json()).toEqual({ email: 'first..last@su.se' });
  });

  it('grants and revokes admin, and explains the 409 for the last admin', async () => {
    server.use(
      http.delete(`/api/admin/users/${ADMIN.userId}/admin`, () =>
        conflict('This is the last admin: make someone else an admin first.'),
      ),
    );
    const user = userEvent.setup();
    renderApp({ me: ADMIN, path: '/admin/people' });
    let panel = await openRoles(user, COORDINATOR.email);
    await user.click(within(panel).getByRole('button', { name: 'Gör till administratör' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe(`${COORDINATOR.email} är nu administratör.`));
    await waitFor(() => expect(within(row(COORDINATOR.email)).getByText('Ja')).toBeTruthy());
    await user.click(within(panel).getByRole('button', { name: 'Ta bort administratörsrollen' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe(`${COORDINATOR.email} är inte längre administratör.`));
    expect(requestsTo(sent, 'PUT', `/api/admin/users/${COORDINATOR.userId}/admin`)).toHaveLength(1);
    expect(requestsTo(sent, 'DELETE', `/api/admin/users/${COORDINATOR.userId}/admin`)).toHaveLength(1);

    await user.click(within(panel).getByRole('button', { name: 'Stäng' }));
    panel = await openRoles(user, ADMIN.email);
    await user.click(within(panel).getByRole('button', { name: 'Ta bort administratörsrollen' }));
    const alert = await within(panel).findByRole('alert');
    expect(alert.textContent).toBe('Det här är den sista administratören. Gör någon annan till administratör först.');
    expect(document.activeElement).toBe(alert);
    expect(within(row(ADMIN.email)).getByText('Ja')).toBeTruthy();
  });

  it('shows the departments a person coordinates read-only, with links to where assignments are made', async () => {
    const user = userEvent.setup();
    renderApp({ me: ADMIN, path: '/admin/people' });
    const panel = await openRoles(user, COORDINATOR.email);

    await waitFor(() => expect(within(panel).getByText('DSV – Institutionen för data- och systemvetenskap')).toBeTruthy());
    expect(within(panel).queryByRole('combobox')).toBeNull();
    expect(within(panel).queryByRole('button', { name: /^Ta bort DSV/ })).toBeNull();
    const assign = within(panel).getByRole('link', { name: `Utse Demo Coordinator (${COORDINATOR.email}) för en institution` });
    expect(assign.getAttribute('href')).toBe(`/staff/network/directory/assign?person=${encodeURIComponent(COORDINATOR.email)}`);
    expect(within(panel).getByRole('link', { name: 'Öppna nätverkskatalogen' }).getAttribute('href')).toBe('/staff/network/directory');
    expect(sent.filter((r) => r.path.startsWith('/api/admin/users/') && r.path.includes('/departments/'))).toHaveLength(0);
  });

  it('updates the menu when admins change their own roles', async () => {
    let signedIn: MeResponse = ADMIN;
    server.use(
      http.delete(`/api/admin/users/${ADMIN.userId}/admin`, () => {
        signedIn = { ...ADMIN, roles: ['alumnus'] };
        return changed(ADMIN.userId, () => ({ isAdmin: false }));
      }),
    );
    const user = userEvent.setup();
    renderApp({ me: () => signedIn, path: '/admin/people' });
    const panel = await openRoles(user, ADMIN.email);
    await user.click(within(panel).getByRole('button', { name: 'Ta bort administratörsrollen' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Ingen behörighet' })).toBeTruthy();
    expect(screen.queryByRole('navigation', { name: 'Administration' })).toBeNull();
    expect(within(screen.getByRole('banner')).queryByRole('link', { name: 'Personer' })).toBeNull();
  });

  it('shows an erased person as only that, never their left-over address', async () => {
    server.use(
      http.get('/api/admin/users', () =>
        json([
          person({ email: 'erased-0123456789abcdef0123456789abcdef@erased.invalid', erased: true }),
          person({ email: 'no.name@su.se' }),
        ]),
      ),
    );
    renderApp({ me: ADMIN, path: '/admin/people' });
    const table = await screen.findByRole('table', { name: 'Personer' });

    expect(within(table).getAllByRole('rowheader').map((h) => h.textContent)).toEqual(['Raderad person', 'no.name@su.se']);
    expect(table.textContent).not.toContain('erased.invalid');
    expect(screen.getByRole('button', { name: 'Hantera roller för Raderad person' })).toBeTruthy();
  });
});
