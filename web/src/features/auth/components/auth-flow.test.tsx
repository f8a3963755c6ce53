import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import type { MeResponse } from '../../../api/generated';
import {
  codeRequested,
  demoFaculties,
  demoUsers,
  json,
  me,
  noContent,
  recordRequests,
  requestsTo,
  server,
  unauthorized,
  type SentRequest,
} from '../../../test/http';
import { renderApp } from '../../../test/render-app';

const ADMIN = me('admin');
const COORDINATOR = me('coordinator');
let sent: SentRequest[];

beforeEach(() => {
  sent = recordRequests();
  server.use(
    http.get('/api/faculties', () => json(demoFaculties())),
    http.get('/api/admin/users', () => json(demoUsers())),
  );
});

/** The links of a header menu by its name (the main menu by default); none when the menu is not there. */
function menuLinks(name = 'Huvudmeny') {
  const nav = screen.queryByRole('navigation', { name });
  if (!nav) return [];
  return within(nav)
    .getAllByRole('link')
    .map((link) => link.textContent);
}

/** Signs in on the sign-in page; the server takes the code and answers with `person`. */
async function signInOnPage(user: ReturnType<typeof userEvent.setup>, person: MeResponse, onSignedIn = () => {}) {
  server.use(
    http.post('/api/auth/code', () => json(codeRequested())),
    http.post('/api/auth/session', () => {
      onSignedIn();
      return json(person);
    }),
  );
  await user.type(screen.getByRole('textbox', { name: 'E-postadress' }), person.email);
  await user.click(screen.getByRole('button', { name: 'Skicka kod' }));
  await user.type(await screen.findByRole('textbox', { name: 'Kod' }), 'ABC234');
  await user.click(screen.getByRole('button', { name: 'Logga in' }));
}

describe('header and menu by role', () => {
  it('offers a sign-in link that comes back to the page when signed out', async () => {
    renderApp({ me: null, path: '/departments?inactive=true' });
    const link = await within(screen.getByRole('banner')).findByRole('link', { name: 'Logga in' });
    expect(link.getAttribute('href')).toBe('/sign-in?returnTo=%2Fdepartments%3Finactive%3Dtrue');
    expect(menuLinks()).toEqual([]);
    expect(menuLinks('Administration')).toEqual([]);
  });

  it('shows admins the admin menu, and the address and "Sign out"', async () => {
    renderApp({ me: ADMIN });
    const banner = screen.getByRole('banner');
    expect(await within(banner).findByText(ADMIN.email)).toBeTruthy();
    expect(within(banner).getByRole('button', { name: 'Logga ut' })).toBeTruthy();
    expect(within(banner).getByRole('link', { name: 'Mina sessioner' })).toBeTruthy();
    expect(menuLinks('Administration')).toEqual(['Fakulteter och institutioner', 'Personer', 'API-nycklar', 'Granskningslogg', 'Importer', 'Välkomstserien', 'Studsar']);
    expect(menuLinks('Personalens verktyg')).toEqual(['Medlemmar', 'Kampanjer', 'Evenemang', 'Nyhetsbrev', 'Nätverket', 'Besök utomlands']);
  });

  it('shows a coordinator no admin menu and no department edit controls', async () => {
    renderApp({ me: COORDINATOR });
    expect(await within(screen.getByRole('banner')).findByText(COORDINATOR.email)).toBeTruthy();
    await screen.findByRole('rowheader', { name: 'Engelska institutionen' });
    expect(menuLinks('Administration')).toEqual([]);
    expect(menuLinks('Personalens verktyg')).toEqual(['Medlemmar', 'Kampanjer', 'Evenemang', 'Nyhetsbrev', 'Nätverket', 'Fakulteter och institutioner']);
    expect(screen.queryByRole('button', { name: 'Ny institution' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Redigera / })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Inaktivera / })).toBeNull();
    expect(screen.queryByRole('columnheader', { name: 'Åtgärder' })).toBeNull();
  });

  it('adds the dev mailbox link only when the API serves the mailbox', async () => {
    const served = renderApp({ me: null, devMailbox: [] });
    await waitFor(() => expect(menuLinks()).toContain('Utvecklarpost'));
    served.unmount();

    const before = requestsTo(sent, 'GET', '/api/dev/mailbox').length;
    renderApp({ me: null });
    await waitFor(() => expect(requestsTo(sent, 'GET', '/api/dev/mailbox')).toHaveLength(before + 1));
    await screen.findByRole('rowheader', { name: 'Engelska institutionen' });
    expect(menuLinks()).toEqual([]);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(requestsTo(sent, 'GET', '/api/dev/mailbox').at(-1)!.query).toEqual({ limit: '1' });
  });

  it('signs out, leaves for the front page and says so', async () => {
    server.use(http.delete('/api/auth/session', () => noContent()));
    const user = userEvent.setup();
    const { router } = renderApp({ me: ADMIN, path: '/admin/people' });
    await screen.findByRole('heading', { level: 1, name: 'Personer' });
    await user.click(within(screen.getByRole('banner')).getByRole('button', { name: 'Logga ut' }));

    const notice = await screen.findByText('Du har loggat ut.');
    expect(notice.getAttribute('role')).toBe('status');
    expect(router.state.location.pathname).toBe('/');
    await within(screen.getByRole('banner')).findByRole('link', { name: 'Logga in' });
    expect(screen.getByRole('heading', { level: 1, name: 'Stockholms universitets alumninätverk' })).toBeTruthy();
    expect(screen.queryByText(ADMIN.email)).toBeNull();
    expect(menuLinks('Administration')).toEqual([]);
    const [signOut] = requestsTo(sent, 'DELETE', '/api/auth/session');
    expect(signOut.headers.get('X-CSRF-Token')).toBe(ADMIN.csrfToken);
  });
});

describe('pages that need a sign-in', () => {
  it('send a signed-out visitor to sign in, and back afterwards', async () => {
    const user = userEvent.setup();
    const { router } = renderApp({ me: null, path: '/admin/people?q=demo' });
    await screen.findByRole('heading', { level: 1, name: 'Logga in' });
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(router.state.location.search).toBe('?returnTo=%2Fadmin%2Fpeople%3Fq%3Ddemo');
    expect(requestsTo(sent, 'GET', '/api/admin/users')).toHaveLength(0);

    await signInOnPage(user, ADMIN);

    expect(await screen.findByRole('heading', { level: 1, name: 'Personer' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/admin/people');
    expect(router.state.location.search).toBe('?q=demo');
    // The heading shows before the list's request goes out: wait for the request, not for a moment.
    await waitFor(() => expect(requestsTo(sent, 'GET', '/api/admin/users')).toHaveLength(1));
    expect(requestsTo(sent, 'GET', '/api/admin/users')[0].query).toEqual({ search: 'demo' });
  });

  it('tell someone without the role that the page is not for them', async () => {
    renderApp({ me: COORDINATOR, path: '/admin/api-keys' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Ingen behörighet' })).toBeTruthy();
    expect(sent.some((r) => r.path.startsWith('/api/admin/api-keys'))).toBe(false);
  });

  it('redirect to sign-in when an API call answers 401 (the session ended), and back afterwards', async () => {
    const user = userEvent.setup();
    let sessionLive = true;
    server.use(
      http.get('/api/admin/users', ({ request }) => {
        if (!sessionLive) return unauthorized();
        const search = new URL(request.url).searchParams.get('search');
        return json(search ? demoUsers().filter((u) => u.email.startsWith('alumna')) : demoUsers());
      }),
    );
    const { router } = renderApp({ me: () => (sessionLive ? ADMIN : null), path: '/admin/people' });
    await screen.findByRole('rowheader', { name: `Demo Coordinator${COORDINATOR.email}` });

    sessionLive = false; // the session ends on the server
    await user.type(screen.getByRole('searchbox', { name: 'Sök på adress eller namn' }), 'ada');
    await user.click(screen.getByRole('button', { name: 'Sök' }));

    expect(await screen.findByText('Din session har upphört. Logga in igen för att fortsätta.')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(new URLSearchParams(router.state.location.search).get('returnTo')).toBe('/admin/people?q=ada');
    await waitFor(() => expect(within(screen.getByRole('banner')).queryByText(ADMIN.email)).toBeNull());

    await signInOnPage(user, ADMIN, () => {
      sessionLive = true;
    });
    expect(await screen.findByRole('rowheader', { name: 'Ada Alumnaalumna@example.org' })).toBeTruthy();
    expect(router.state.location.search).toBe('?q=ada');
    expect(requestsTo(sent, 'GET', '/api/admin/users').at(-1)!.query).toEqual({ search: 'ada' });
  });

  it('redirect on a 401 from a public page’s action too', async () => {
    server.use(http.post('/api/departments/ENG/deactivate', () => unauthorized()));
    const user = userEvent.setup();
    const { router } = renderApp({ me: ADMIN });
    await user.click(await screen.findByRole('button', { name: 'Inaktivera Engelska institutionen' }));
    await user.click(screen.getByRole('button', { name: 'Inaktivera ENG' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/sign-in'));
    expect(await screen.findByRole('heading', { level: 1, name: 'Logga in' })).toBeTruthy();
  });
});
