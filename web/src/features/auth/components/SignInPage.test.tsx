import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEMO_ADMIN, FakeDevApi, seededFakeIdentity, type FakeIdentityApi } from '../../../test/fake-identity-api';
import { renderApp } from '../../../test/render-app';
import { PENDING_SIGN_IN_KEY } from '../../../lib/auth/sign-in-state';

let identity: FakeIdentityApi;
let dev: FakeDevApi;

beforeEach(() => {
  identity = seededFakeIdentity(); // signed out
  dev = new FakeDevApi(identity, true);
});

function renderSignIn(path = '/sign-in?returnTo=%2Fadmin%2Fpeople') {
  return renderApp({ clients: { identity, dev }, path });
}

async function sendCode(user: ReturnType<typeof userEvent.setup>, email: string) {
  await user.type(await screen.findByRole('textbox', { name: 'E-postadress' }), email);
  await user.click(screen.getByRole('button', { name: 'Skicka kod' }));
}

describe('SignInPage', () => {
  it('signs in with an e-mailed code and goes back to where the user came from', async () => {
    const user = userEvent.setup();
    const { router } = renderSignIn();
    expect(await screen.findByRole('heading', { level: 1, name: 'Logga in' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'Steg 1 av 2: din e-postadress' })).toBeTruthy();

    await sendCode(user, 'Admin@Example.org');
    const code = await screen.findByRole('textbox', { name: 'Kod' });
    expect(identity.calls.find((c) => c.method === 'requestCode')?.args).toEqual([{ email: 'Admin@Example.org' }]);
    await waitFor(() => expect(document.activeElement).toBe(code));
    expect(screen.getByRole('status').textContent).toBe('Om adressen kan logga in är en kod på väg. Den gäller i 10 minuter.');
    expect(screen.getByText('Koden skickades till Admin@Example.org.')).toBeTruthy();
    // In development the page points at the mailbox where the code is.
    expect(within(screen.getByRole('main')).getByRole('link', { name: 'Utvecklarpost' }).getAttribute('href')).toBe('/dev/mailbox');

    // A wrong code: the server's message on the field, and a summary.
    await user.type(code, 'AAAAAA');
    await user.click(screen.getByRole('button', { name: 'Logga in' }));
    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain('Inloggningen misslyckades');
    expect(code.getAttribute('aria-invalid')).toBe('true');
    const errorId = code.getAttribute('aria-describedby')!.split(' ')[0];
    expect(document.getElementById(errorId)!.textContent).toBe('The code is wrong or has expired. Ask for a new one.');
    expect(router.state.location.pathname).toBe('/sign-in');

    // The right one, typed in lower case with a hyphen.
    const right = identity.lastCode(DEMO_ADMIN)!;
    await user.clear(code);
    await user.type(code, `${right.slice(0, 3).toLowerCase()}-${right.slice(3).toLowerCase()}`);
    await user.click(screen.getByRole('button', { name: 'Logga in' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Personer' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/admin/people');
    expect(identity.calls.filter((c) => c.method === 'signIn').at(-1)?.args).toEqual([{ email: 'Admin@Example.org', code: right }]);
    const banner = screen.getByRole('banner');
    expect(within(banner).getByText(DEMO_ADMIN)).toBeTruthy();
    expect(within(banner).getByRole('button', { name: 'Logga ut' })).toBeTruthy();
    expect(window.sessionStorage.getItem(PENDING_SIGN_IN_KEY)).toBeNull();
  });

  it('puts the server’s address error on the address field', async () => {
    const user = userEvent.setup();
    renderSignIn();
    await sendCode(user, 'not-an-address');
    const email = screen.getByRole('textbox', { name: 'E-postadress' });
    await waitFor(() => expect(email.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(email.getAttribute('aria-describedby')!.split(' ')[0])!.textContent).toBe(
      'Enter a valid e-mail address.',
    );
    expect(screen.getByRole('alert').textContent).toContain('Koden kunde inte skickas');
    expect(screen.queryByRole('textbox', { name: 'Kod' })).toBeNull();
  });

  it('says how long to wait when rate-limited (429)', async () => {
    const user = userEvent.setup();
    identity.rateLimitSeconds = 42;
    renderSignIn();
    await sendCode(user, DEMO_ADMIN);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('För många försök. Försök igen om 42 sekunder.');
    expect(alert.textContent).not.toContain('Too many requests');

    identity.rateLimitSeconds = 600;
    await user.click(screen.getByRole('button', { name: 'Skicka kod' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('Försök igen om 10 minuter.'));
  });

  it('keeps the code step while the user reads their mail elsewhere, and can start over', async () => {
    const user = userEvent.setup();
    const first = renderSignIn();
    await sendCode(user, DEMO_ADMIN);
    await screen.findByRole('textbox', { name: 'Kod' });
    first.unmount();

    renderSignIn();
    expect(await screen.findByRole('textbox', { name: 'Kod' })).toBeTruthy();
    expect(screen.getByText(`Koden skickades till ${DEMO_ADMIN}.`)).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Skicka en ny kod' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('En ny kod är på väg.'));
    expect(identity.calls.filter((c) => c.method === 'requestCode')).toHaveLength(2);

    await user.click(screen.getByRole('button', { name: 'Använd en annan adress' }));
    expect(await screen.findByRole('textbox', { name: 'E-postadress' })).toBeTruthy();
    expect(window.sessionStorage.getItem(PENDING_SIGN_IN_KEY)).toBeNull();
  });

  it('ignores a returnTo that leads off the site', async () => {
    const user = userEvent.setup();
    const { router } = renderSignIn('/sign-in?returnTo=https%3A%2F%2Fevil.example%2F');
    await sendCode(user, DEMO_ADMIN);
    await user.type(await screen.findByRole('textbox', { name: 'Kod' }), identity.lastCode(DEMO_ADMIN)!);
    await user.click(screen.getByRole('button', { name: 'Logga in' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/departments'));
  });

  it('sends someone already signed in straight on', async () => {
    identity.startSession(identity.userByEmail(DEMO_ADMIN)!);
    const { router } = renderSignIn('/sign-in?returnTo=%2Fme%2Fsessions');
    await waitFor(() => expect(router.state.location.pathname).toBe('/me/sessions'));
  });
});
