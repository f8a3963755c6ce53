import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import type { SessionResponse } from '../../../api/generated';
import {
  demoFaculties,
  json,
  me,
  noContent,
  recordRequests,
  requestsTo,
  server,
  session,
  type SentRequest,
} from '../../../test/http';
import { renderApp } from '../../../test/render-app';

const COORDINATOR = me('coordinator');
const FIREFOX = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0';
const THIS_BROWSER = session({ isCurrent: true });
const OTHER_BROWSER = session({ userAgent: FIREFOX, clientIp: '192.0.2.44', lastSeenAt: '2025-05-01T09:30:00Z' });

/** The sessions the server lists for me in this test. */
let sessions: SessionResponse[];
let sent: SentRequest[];

beforeEach(() => {
  sessions = [THIS_BROWSER, OTHER_BROWSER];
  sent = recordRequests();
  server.use(http.get('/api/me/sessions', () => json(sessions)));
});

describe('SessionsPage', () => {
  it('lists my sessions with the current one marked', async () => {
    renderApp({ me: COORDINATOR, path: '/me/sessions' });
    const table = await screen.findByRole('table', { name: 'Webbläsare där du är inloggad' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    const current = rows.find((r) => r.textContent?.includes('Den här webbläsaren'))!;
    expect(within(current).getByRole('rowheader').textContent).toContain('Chrome 140 på Linux');
    expect(within(current).queryByRole('button')).toBeNull();
    const other = rows.find((r) => r !== current)!;
    expect(within(other).getByRole('rowheader').textContent).toBe('Firefox 128 på Windows');
    expect(within(other).getByText('192.0.2.44')).toBeTruthy();
  });

  it('signs another browser out', async () => {
    server.use(
      http.delete('/api/me/sessions/:id', () => {
        sessions = [THIS_BROWSER];
        return noContent();
      }),
    );
    const user = userEvent.setup();
    renderApp({ me: COORDINATOR, path: '/me/sessions' });
    await user.click(await screen.findByRole('button', { name: /^Logga ut Firefox 128 på Windows, senast aktiv/ }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Firefox 128 på Windows har loggats ut.'));
    await waitFor(() => expect(screen.queryByText('Firefox 128 på Windows', { selector: 'span' })).toBeNull());
    const [revoke] = requestsTo(sent, 'DELETE', `/api/me/sessions/${OTHER_BROWSER.id}`);
    expect(revoke.headers.get('X-CSRF-Token')).toBe(COORDINATOR.csrfToken);
  });

  it('signs out everywhere after confirmation and lands signed out', async () => {
    server.use(
      http.delete('/api/me/sessions', () => noContent()),
      http.get('/api/faculties', () => json(demoFaculties())),
    );
    const user = userEvent.setup();
    const { router } = renderApp({ me: COORDINATOR, path: '/me/sessions' });
    await screen.findByRole('table');
    await user.click(screen.getByRole('button', { name: 'Logga ut överallt' }));
    const confirm = screen.getByRole('region', { name: 'Logga ut överallt?' });
    expect(requestsTo(sent, 'DELETE', '/api/me/sessions')).toHaveLength(0);
    await user.click(within(confirm).getByRole('button', { name: 'Ja, logga ut överallt' }));
    expect(await screen.findByText('Du har loggats ut i alla webbläsare.')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/');
    await within(screen.getByRole('banner')).findByRole('link', { name: 'Logga in' });
    const [revokeAll] = requestsTo(sent, 'DELETE', '/api/me/sessions');
    expect(revokeAll.headers.get('X-CSRF-Token')).toBe(COORDINATOR.csrfToken);
  });
});
