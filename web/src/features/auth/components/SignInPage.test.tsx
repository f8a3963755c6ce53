import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  codeRequested,
  demoFaculties,
  demoUsers,
  json,
  me,
  recordRequests,
  requestsTo,
  server,
  session,
  tooManyRequests,
  validationProblem,
  type SentRequest,
} from '../../../test/http';
import { renderApp } from '../../../test/render-app';
import { PENDING_SIGN_IN_KEY } from '../../../lib/auth/sign-in-state';

const ADMIN = me('admin');
let sent: SentRequest[];

beforeEach(() => {
  sent = recordRequests();
  server.use(
    http.post('/api/auth/code', () => json(codeRequested())),
    http.post('/api/auth/session', () => json(ADMIN)),
    http.get('/api/admin/users', () => json(demoUsers())),
    http.get('/api/faculties', () => json(demoFaculties())),
  );
});

function renderSignIn(path = '/sign-in?returnTo=%2Fadmin%2Fpeople') {
  return renderApp({ me: null, devMailbox: [], path });
}

async function sendCode(user: ReturnType<typeof userEvent.setup>, email: string) {
  await user.type(await screen.findByRole('textbox', { name: 'E-postadress' }), email);
  await user.click(screen.getByRole('button', { name: 'Skicka kod' }));
}

describe('SignInPage', () => {
  it('signs in with an e-mailed code and goes back to where the user came from', async () => {
    server.use(
      http.post('/api/auth/session', () => validationProblem({ code: ['The code is wrong or has expired. Ask for a new one.'] }), {
        once: true,
      }),
    );
    const user = userEvent.setup();
    const { router } = renderSignIn();
    expect(await screen.findByRole('heading', { level: 1, name: 'Logga in' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'Steg 1 av 2: din e-postadress' })).toBeTruthy();

    await sendCode(user, 'Admin@Example.org');
    const code = await screen.findByRole('textbox', { name: 'Kod' });
    expect(await requestsTo(sent, 'POST', '/api/auth/code')[0].json()).toEqual({ email: 'Admin@Example.org' });
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

    // The right one, typed in lower case with a hyphen, is sent as the code.
    await user.clear(code);
    await user.type(code, 'abc-234');
    await user.click(screen.getByRole('button', { name: 'Logga in' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Personer' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/admin/people');
    expect(await requestsTo(sent, 'POST', '/api/auth/session').at(-1)!.json()).toEqual({
      email: 'Admin@Example.org',
      code: 'ABC234',
    });
    const banner = screen.getByRole('banner');
    expect(within(banner).getByText(ADMIN.email)).toBeTruthy();
    expect(within(banner).getByRole('button', { name: 'Logga ut' })).toBeTruthy();
    expect(window.sessionStorage.getItem(PENDING_SIGN_IN_KEY)).toBeNull();
  });

  it('checks the address and the code before sending them', async () => {
    const user = userEvent.setup();
    renderSignIn();
    await sendCode(user, 'not-an-address');
    const email = screen.getByRole('textbox', { name: 'E-postadress' });
    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain('Koden kunde inte skickas');
    expect(within(summary).getByRole('link').textContent).toBe('E-postadress: Ange en giltig e-postadress, som namn@example.org.');
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(requestsTo(sent, 'POST', '/api/auth/code')).toHaveLength(0);

    await user.clear(email);
    await user.type(email, ADMIN.email);
    await user.click(screen.getByRole('button', { name: 'Skicka kod' }));
    const code = await screen.findByRole('textbox', { name: 'Kod' });
    await user.click(screen.getByRole('button', { name: 'Logga in' }));
    expect(within(await screen.findByRole('alert')).getByRole('link').textContent).toBe(
      'Kod: Ange koden från e-postmeddelandet.',
    );
    expect(code.getAttribute('aria-invalid')).toBe('true');
    expect(requestsTo(sent, 'POST', '/api/auth/session')).toHaveLength(0);
  });

  it('puts the server’s address error on the address field', async () => {
    server.use(http.post('/api/auth/code', () => validationProblem({ email: ['Enter a valid e-mail address.'] })));
    const user = userEvent.setup();
    renderSignIn();
    // Two dots in a row: the server's address parser refuses it, the form's simpler rule does not.
    await sendCode(user, 'first..last@su.se');
    const email = screen.getByRole('textbox', { name: 'E-postadress' });
    await waitFor(() => expect(email.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(email.getAttribute('aria-describedby')!.split(' ')[0])!.textContent).toBe(
      'Enter a valid e-mail address.',
    );
    expect(screen.getByRole('alert').textContent).toContain('Koden kunde inte skickas');
    expect(screen.queryByRole('textbox', { name: 'Kod' })).toBeNull();
    expect(await requestsTo(sent, 'POST', '/api/auth/code')[0].json()).toEqual({ email: 'first..last@su.se' });
  });

  it('says how long to wait when rate-limited (429)', async () => {
    server.use(http.post('/api/auth/code', () => tooManyRequests(42, 'Too many requests. Try again in 42 seconds.')));
    const user = userEvent.setup();
    renderSignIn();
    await sendCode(user, ADMIN.email);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('För många försök. Försök igen om 42 sekunder.');
    expect(alert.textContent).not.toContain('Too many requests');

    server.use(http.post('/api/auth/code', () => tooManyRequests(600, 'Too many requests. Try again in 600 seconds.')));
    await user.click(screen.getByRole('button', { name: 'Skicka kod' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('Försök igen om 10 minuter.'));
  });

  it('keeps the code step while the user reads their mail elsewhere, and can start over', async () => {
    const user = userEvent.setup();
    const first = renderSignIn();
    await sendCode(user, ADMIN.email);
    await screen.findByRole('textbox', { name: 'Kod' });
    first.unmount();

    renderSignIn();
    expect(await screen.findByRole('textbox', { name: 'Kod' })).toBeTruthy();
    expect(screen.getByText(`Koden skickades till ${ADMIN.email}.`)).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Skicka en ny kod' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('En ny kod är på väg.'));
    const requests = requestsTo(sent, 'POST', '/api/auth/code');
    expect(requests).toHaveLength(2);
    expect(await requests[1].json()).toEqual({ email: ADMIN.email });

    await user.click(screen.getByRole('button', { name: 'Använd en annan adress' }));
    expect(await screen.findByRole('textbox', { name: 'E-postadress' })).toBeTruthy();
    expect(window.sessionStorage.getItem(PENDING_SIGN_IN_KEY)).toBeNull();
  });

  it('ignores a returnTo that leads off the site', async () => {
    const user = userEvent.setup();
    const { router } = renderSignIn('/sign-in?returnTo=https%3A%2F%2Fevil.example%2F');
    await sendCode(user, ADMIN.email);
    await user.type(await screen.findByRole('textbox', { name: 'Kod' }), 'ABC234');
    await user.click(screen.getByRole('button', { name: 'Logga in' }));
    // Not there, but to the start page: an admin's is the staff start page.
    await waitFor(() => expect(router.state.location.pathname).toBe('/staff'));
  });

  it('sends someone already signed in straight on', async () => {
    server.use(http.get('/api/me/sessions', () => json([session({ isCurrent: true })])));
    const { router } = renderApp({ me: ADMIN, path: '/sign-in?returnTo=%2Fme%2Fsessions' });
    await waitFor(() => expect(router.state.location.pathname).toBe('/me/sessions'));
    expect(requestsTo(sent, 'POST', '/api/auth/code')).toHaveLength(0);
  });
});
