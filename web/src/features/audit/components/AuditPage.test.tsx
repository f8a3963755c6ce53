import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import type { AuditEntryResponse } from '../../../api/generated';
import {
  auditEntry,
  auditPage,
  json,
  me,
  recordRequests,
  requestsTo,
  server,
  validationProblem,
  type SentRequest,
} from '../../../test/http';
import { renderApp } from '../../../test/render-app';

const ADMIN = me('admin');

/** Sixty entries, newest first, as the server holds them in this test. */
const ENTRIES: AuditEntryResponse[] = Array.from({ length: 60 }, (_, i) =>
  auditEntry({
    id: `entry-${i}`,
    at: new Date(Date.UTC(2025, 5, 30, 9, 0) - i * 3_600_000).toISOString(),
    actorName: ADMIN.email,
    action: i % 3 === 0 ? 'auth.sign-in' : 'role.grant-admin',
    entityType: 'user',
    entityId: `user-${i}`,
    outcome: i === 59 ? 'failure' : 'success',
    clientIp: '127.0.0.1',
    detail: i === 59 ? 'wrong code, try 1' : undefined,
  }),
);

let sent: SentRequest[];

beforeEach(() => {
  sent = recordRequests();
  server.use(
    http.get('/api/audit', ({ request }) => {
      const page = Number(new URL(request.url).searchParams.get('page') ?? '1');
      return json(auditPage(ENTRIES.slice((page - 1) * 50, page * 50), { total: 60, page, pageSize: 50 }));
    }),
  );
});

describe('AuditPage', () => {
  it('shows the newest entries a page at a time', async () => {
    const user = userEvent.setup();
    const { router } = renderApp({ me: ADMIN, path: '/admin/audit' });
    const table = await screen.findByRole('table', { name: 'Granskningslogg, händelse 1–50 av 60' });
    expect(within(table).getAllByRole('row')).toHaveLength(51);
    expect(screen.getByText('Sida 1 av 2')).toBeTruthy();
    expect(requestsTo(sent, 'GET', '/api/audit')[0].query).toEqual({ page: '1', pageSize: '50' });

    const pager = screen.getByRole('navigation', { name: 'Sidor i granskningsloggen' });
    await user.click(within(pager).getByRole('link', { name: 'Nästa sida' }));
    expect(await screen.findByRole('table', { name: 'Granskningslogg, händelse 51–60 av 60' })).toBeTruthy();
    expect(router.state.location.search).toBe('?page=2');
    expect(requestsTo(sent, 'GET', '/api/audit').at(-1)!.query).toEqual({ page: '2', pageSize: '50' });
    expect(within(pager).queryByRole('link', { name: 'Nästa sida' })).toBeNull();
    const failed = screen.getByText('wrong code, try 1').closest('tr')!;
    expect(within(failed).getByText('Misslyckades')).toBeTruthy();
  });

  it('filters by action, entity type and whole days', async () => {
    const user = userEvent.setup();
    const { router } = renderApp({ me: ADMIN, path: '/admin/audit?page=2' });
    await screen.findByRole('table');
    await user.type(screen.getByRole('combobox', { name: 'Händelse' }), 'auth.sign-in');
    await user.type(screen.getByRole('combobox', { name: 'Typ av objekt' }), 'user');
    await user.type(screen.getByLabelText('Från och med'), '2025-05-02');
    await user.type(screen.getByLabelText('Till och med'), '2025-05-04');
    await user.click(screen.getByRole('button', { name: 'Filtrera' }));

    await waitFor(() =>
      expect(router.state.location.search).toBe('?action=auth.sign-in&entityType=user&from=2025-05-02&to=2025-05-04'),
    );
    // Whole local days: from the start of the first to the start of the day after the last.
    await waitFor(() =>
      expect(requestsTo(sent, 'GET', '/api/audit').at(-1)!.query).toEqual({
        action: 'auth.sign-in',
        entityType: 'user',
        from: new Date(2025, 4, 2).toISOString(),
        to: new Date(2025, 4, 5).toISOString(),
        page: '1',
        pageSize: '50',
      }),
    );
    await screen.findByRole('table', { name: /av \d+$/ });

    await user.click(screen.getByRole('button', { name: 'Rensa filtren' }));
    await waitFor(() => expect(router.state.location.search).toBe(''));
    expect((screen.getByRole('combobox', { name: 'Händelse' }) as HTMLInputElement).value).toBe('');
  });

  it('puts the server’s error about the dates on the field', async () => {
    server.use(http.get('/api/audit', () => validationProblem({ to: ["'To' must be greater than 'From'."] })));
    renderApp({ me: ADMIN, path: '/admin/audit?from=2025-05-10&to=2025-05-01' });
    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain('Granskningsloggen kunde inte hämtas');
    expect(screen.getByLabelText('Till och med').getAttribute('aria-invalid')).toBe('true');
  });

  it('says so when nothing matches', async () => {
    server.use(http.get('/api/audit', () => json(auditPage([], { total: 0 }))));
    renderApp({ me: ADMIN, path: '/admin/audit?action=api-key.revoke' });
    expect(await screen.findByText('Inga händelser matchar filtren.')).toBeTruthy();
    expect(requestsTo(sent, 'GET', '/api/audit')[0].query).toMatchObject({ action: 'api-key.revoke' });
  });
});
