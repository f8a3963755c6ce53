import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { seededFakeApi } from '../../../test/fake-departments-api';
import {
  DEMO_ADMIN,
  DEMO_COORDINATOR,
  FakeDevApi,
  seededFakeIdentity,
  type FakeIdentityApi,
} from '../../../test/fake-identity-api';
import { renderApp } from '../../../test/render-app';

let identity: FakeIdentityApi;

beforeEach(() => {
  identity = seededFakeIdentity();
});

function signInAs(email: string) {
  identity.startSession(identity.userByEmail(email)!);
}

function menuLinks() {
  const nav = screen.getByRole('navigation', { name: 'Huvudmeny' });
  return within(nav)
    .getAllByRole('link')
    .map((link) => link.textContent);
}

describe('header and menu by role', () => {
  it('offers a sign-in link that comes back to the page when signed out', async () => {
    renderApp({ clients: { identity }, path: '/departments?inactive=true' });
    const link = await within(screen.getByRole('banner')).findByRole('link', { name: 'Logga in' });
    expect(link.getAttribute('href')).toBe('/sign-in?returnTo=%2Fdepartments%3Finactive%3Dtrue');
    expect(menuLinks()).toEqual(['Fakulteter och institutioner']);
  });

  it('shows admins the admin menu, and the address and "Sign out"', async () => {
    signInAs(DEMO_ADMIN);
    renderApp({ clients: { identity } });
    const banner = screen.getByRole('banner');
    expect(await within(banner).findByText(DEMO_ADMIN)).toBeTruthy();
    expect(within(banner).getByRole('button', { name: 'Logga ut' })).toBeTruthy();
    expect(within(banner).getByRole('link', { name: 'Mina sessioner' })).toBeTruthy();
    expect(menuLinks()).toEqual(['Fakulteter och institutioner', 'Personer', 'API-nycklar', 'Granskningslogg']);
  });

  it('shows a coordinator no admin menu and no department edit controls', async () => {
    signInAs(DEMO_COORDINATOR);
    renderApp({ clients: { identity } });
    expect(await within(screen.getByRole('banner')).findByText(DEMO_COORDINATOR)).toBeTruthy();
    await screen.findByRole('rowheader', { name: 'Engelska institutionen' });
    expect(menuLinks()).toEqual(['Fakulteter och institutioner']);
    expect(screen.queryByRole('button', { name: 'Ny institution' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Redigera / })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Inaktivera / })).toBeNull();
    expect(screen.queryByRole('columnheader', { name: 'Åtgärder' })).toBeNull();
  });

  it('adds the dev mailbox link only when the API serves the mailbox', async () => {
    const served = renderApp({ clients: { identity, dev: new FakeDevApi(identity, true) } });
    await waitFor(() => expect(menuLinks()).toContain('Utvecklarpost'));
    served.unmount();

    const dev = new FakeDevApi(identity, false);
    renderApp({ clients: { identity, dev } });
    await waitFor(() => expect(dev.calls).toHaveLength(1));
    await screen.findByRole('rowheader', { name: 'Engelska institutionen' });
    expect(menuLinks()).toEqual(['Fakulteter och institutioner']);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(dev.calls[0].args).toEqual([1]);
  });

  it('signs out, leaves for the departments page and says so', async () => {
    const user = userEvent.setup();
    signInAs(DEMO_ADMIN);
    const { router } = renderApp({ clients: { identity }, path: '/admin/people' });
    await screen.findByRole('heading', { level: 1, name: 'Personer' });
    await user.click(within(screen.getByRole('banner')).getByRole('button', { name: 'Logga ut' }));

    const notice = await screen.findByText('Du har loggat ut.');
    expect(notice.getAttribute('role')).toBe('status');
    expect(router.state.location.pathname).toBe('/departments');
    await within(screen.getByRole('banner')).findByRole('link', { name: 'Logga in' });
    expect(screen.queryByText(DEMO_ADMIN)).toBeNull();
    expect(menuLinks()).toEqual(['Fakulteter och institutioner']);
    expect(identity.currentSessionId).toBeNull();
  });
});

describe('pages that need a sign-in', () => {
  it('send a signed-out visitor to sign in, and back afterwards', async () => {
    const user = userEvent.setup();
    const { router } = renderApp({ clients: { identity }, path: '/admin/people?q=demo' });
    await screen.findByRole('heading', { level: 1, name: 'Logga in' });
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(router.state.location.search).toBe('?returnTo=%2Fadmin%2Fpeople%3Fq%3Ddemo');
    expect(identity.calls.some((c) => c.method === 'listUsers')).toBe(false);

    await user.type(screen.getByRole('textbox', { name: 'E-postadress' }), DEMO_ADMIN);
    await user.click(screen.getByRole('button', { name: 'Skicka kod' }));
    await user.type(await screen.findByRole('textbox', { name: 'Kod' }), identity.lastCode(DEMO_ADMIN)!);
    await user.click(screen.getByRole('button', { name: 'Logga in' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Personer' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/admin/people');
    expect(router.state.location.search).toBe('?q=demo');
  });

  it('tell someone without the role that the page is not for them', async () => {
    signInAs(DEMO_COORDINATOR);
    renderApp({ clients: { identity }, path: '/admin/api-keys' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Ingen behörighet' })).toBeTruthy();
    expect(identity.calls.some((c) => c.method === 'listApiKeys')).toBe(false);
  });

  it('redirect to sign-in when an API call answers 401 (the session ended), and back afterwards', async () => {
    const user = userEvent.setup();
    signInAs(DEMO_ADMIN);
    const { router } = renderApp({ clients: { identity }, path: '/admin/people' });
    await screen.findByRole('rowheader', { name: DEMO_COORDINATOR });

    identity.expireSession();
    await user.type(screen.getByRole('searchbox', { name: 'Sök på adress eller namn' }), 'ada');
    await user.click(screen.getByRole('button', { name: 'Sök' }));

    expect(await screen.findByText('Din session har upphört. Logga in igen för att fortsätta.')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(new URLSearchParams(router.state.location.search).get('returnTo')).toBe('/admin/people?q=ada');
    await waitFor(() => expect(within(screen.getByRole('banner')).queryByText(DEMO_ADMIN)).toBeNull());

    await user.type(screen.getByRole('textbox', { name: 'E-postadress' }), DEMO_ADMIN);
    await user.click(screen.getByRole('button', { name: 'Skicka kod' }));
    await user.type(await screen.findByRole('textbox', { name: 'Kod' }), identity.lastCode(DEMO_ADMIN)!);
    await user.click(screen.getByRole('button', { name: 'Logga in' }));
    expect(await screen.findByRole('rowheader', { name: 'alumna@example.org' })).toBeTruthy();
    expect(router.state.location.search).toBe('?q=ada');
  });

  it('redirect on a 401 from a public page’s action too', async () => {
    const user = userEvent.setup();
    signInAs(DEMO_ADMIN);
    const departments = seededFakeApi();
    departments.failNext.deactivate = {
      type: 'urn:alumni:problem:unauthorized',
      title: 'Unauthorized',
      status: 401,
    };
    const { router } = renderApp({ clients: { identity, departments } });
    await user.click(await screen.findByRole('button', { name: 'Inaktivera Engelska institutionen' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/sign-in'));
    expect(await screen.findByRole('heading', { level: 1, name: 'Logga in' })).toBeTruthy();
  });
});
