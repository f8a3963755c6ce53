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
import { AUDIT_KINDS, KNOWN_AUDIT_ACTIONS } from '../audit-text';

const ADMIN = me('admin');

/** Sixty entries, newest first, as the server holds them in this test. */
const ENTRIES: AuditEntryResponse[] = Array.from({ length: 60 }, (_, i) =>
  auditEntry({
    id: `entry-${i}`,
    at: new Date(Date.UTC(2025, 5, 30, 9, 0) - i * 3_600_000).toISOString(),
    actorName: ADMIN.email,
    action: i % 3 === 0 || i === 59 ? 'auth.sign-in' : 'role.grant-admin',
    entityType: 'user',
    entityId: `user-${i}`,
    outcome: i === 59 ? 'failure' : 'success',
    clientIp: '127.0.0.1',
    detail: i === 59 ? 'Wrong' : undefined,
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
    expect(within(table).getAllByText('Loggade in').length).toBeGreaterThan(0);
    expect(requestsTo(sent, 'GET', '/api/audit')[0].query).toEqual({ page: '1', pageSize: '50' });

    const pager = screen.getByRole('navigation', { name: 'Sidor i granskningsloggen' });
    await user.click(within(pager).getByRole('link', { name: 'Nästa sida' }));
    expect(await screen.findByRole('table', { name: 'Granskningslogg, händelse 51–60 av 60' })).toBeTruthy();
    expect(router.state.location.search).toBe('?page=2');
    expect(requestsTo(sent, 'GET', '/api/audit').at(-1)!.query).toEqual({ page: '2', pageSize: '50' });
    expect(within(pager).queryByRole('link', { name: 'Nästa sida' })).toBeNull();
    const failed = screen.getByText('Fel kod').closest('tr')!;
    expect(within(failed).getByText('Misslyckades')).toBeTruthy();
  });

  it('filters by action, entity type and whole days', async () => {
    const user = userEvent.setup();
    const { router } = renderApp({ me: ADMIN, path: '/admin/audit?page=2' });
    await screen.findByRole('table');
    await user.click(screen.getByText('Avancerat: exakt händelse och typ av objekt'));
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

  it('names who acted and what they acted on, in words, with links to what staff may open', async () => {
    const memberId = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
    const importId = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c';
    server.use(
      http.get('/api/audit', () =>
        json(
          auditPage([
            auditEntry({ id: 'read', actorName: 'Demo Admin', action: 'member.read', kind: 'members', entityType: 'member', entityId: memberId, entityName: 'Ada Lovelace' }),
            auditEntry({ id: 'import', actorType: 'key', actorName: 'Ladok', action: 'member.import', kind: 'imports', entityType: 'import', entityId: importId, detail: 'dry run' }),
            auditEntry({ id: 'erased', actorErased: true, action: 'auth.sign-in', entityType: 'user', entityId: memberId, entityErased: true, detail: 'session 42', clientIp: '10.0.0.1' }),
            auditEntry({ id: 'system', actorType: 'system', action: 'role.grant-admin', kind: 'people', entityType: 'user', entityId: memberId, entityName: 'Grace Hopper', detail: 'grace@su.se' }),
            auditEntry({ id: 'department', action: 'department.rename', entityType: 'department', entityId: 'DSV', entityName: 'Data- och systemvetenskap' }),
          ]),
        ),
      ),
    );
    renderApp({ me: ADMIN, path: '/admin/audit' });
    const table = await screen.findByRole('table');
    const rowOf = (text: string) => within(table).getByText(text).closest('tr')!;

    const read = rowOf('Öppnade en medlem');
    expect(within(read).getByText('Demo Admin')).toBeTruthy();
    expect(within(read).getByRole('link', { name: 'Ada Lovelace' }).getAttribute('href')).toBe(`/staff/members/${memberId}`);

    const started = rowOf('Startade en import');
    expect(within(started).getByText('API-nyckel Ladok')).toBeTruthy();
    expect(within(started).getByRole('link').getAttribute('href')).toBe(`/admin/imports/${importId}`);
    expect(within(started).getByText('Läge').nextElementSibling!.textContent).toBe('Provkörning (inget sparades)');

    const erased = rowOf('Loggade in');
    expect(within(erased).getAllByText('Raderad person')).toHaveLength(2);
    expect(within(erased).queryByRole('link')).toBeNull();
    expect(within(erased).getByText('Session').nextElementSibling!.textContent).toBe('42');
    expect(within(erased).getByText('IP-adress').nextElementSibling!.textContent).toBe('10.0.0.1');
    expect(erased.textContent).not.toContain('{');

    const granted = rowOf('Gjordes till administratör');
    expect(within(granted).getByText('Systemet (automatiskt)')).toBeTruthy();
    expect(within(granted).getByRole('link', { name: 'Grace Hopper' }).getAttribute('href')).toBe('/admin/people?q=Grace+Hopper');
    expect(within(granted).getByText('Adress').nextElementSibling!.textContent).toBe('grace@su.se');

    // An action the web has no text for yet is shown as its id; a department links to the departments page.
    const renamed = rowOf('department.rename');
    expect(within(renamed).getByRole('link', { name: 'Data- och systemvetenskap' }).getAttribute('href')).toBe('/departments');
  });

  it('filters by kind of event, kept in the address', async () => {
    const user = userEvent.setup();
    const { router } = renderApp({ me: ADMIN, path: '/admin/audit' });
    await screen.findByRole('table');
    const kind = screen.getByRole('combobox', { name: 'Typ av händelse' });
    expect(within(kind).getAllByRole('option').map((o) => o.textContent)).toEqual([
      'Alla typer',
      'Inloggning och sessioner',
      'Medlemmar',
      'Importer',
      'Institutioner',
      'Personer och roller',
      'API-nycklar',
      'Rekrytering',
      'Evenemang',
      'Nyhetsbrev',
      'Koordinatorsnätverket',
    ]);

    await user.selectOptions(kind, 'Personer och roller');
    await user.click(screen.getByRole('button', { name: 'Filtrera' }));

    await waitFor(() => expect(router.state.location.search).toBe('?kind=people'));
    await waitFor(() => expect(requestsTo(sent, 'GET', '/api/audit').at(-1)!.query).toEqual({ kind: 'people', page: '1', pageSize: '50' }));
  });

  it('reads the kind from the address', async () => {
    renderApp({ me: ADMIN, path: '/admin/audit?kind=apiKeys' });
    await screen.findByRole('table');
    expect((screen.getByRole('combobox', { name: 'Typ av händelse' }) as HTMLSelectElement).value).toBe('apiKeys');
    expect(requestsTo(sent, 'GET', '/api/audit')[0].query).toEqual({ kind: 'apiKeys', page: '1', pageSize: '50' });
  });

  it('has a text for every action the API writes, in both languages', async () => {
    const [en, sv] = await Promise.all([import('../../../i18n/en.json'), import('../../../i18n/sv.json')]);
    for (const texts of [en.default, sv.default]) {
      const actions = texts.audit.actions as Record<string, Record<string, unknown>>;
      for (const action of KNOWN_AUDIT_ACTIONS) {
        const [group, name] = action.split('.');
        expect(actions[group]?.[name], action).toBeTruthy();
      }
      for (const kind of AUDIT_KINDS) expect(texts.audit.kinds[kind], kind).toBeTruthy();
    }
  });
});
