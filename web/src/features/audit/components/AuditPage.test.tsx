import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEMO_ADMIN, seededFakeIdentity, type FakeIdentityApi } from '../../../test/fake-identity-api';
import { renderApp } from '../../../test/render-app';

let identity: FakeIdentityApi;

beforeEach(() => {
  identity = seededFakeIdentity({ signedInAs: DEMO_ADMIN });
  for (let i = 0; i < 60; i++) {
    identity.audit.push({
      id: `entry-${i}`,
      at: new Date(Date.UTC(2025, 4, 1 + (i % 20), 9, i)).toISOString(),
      actorType: 'user',
      actorName: DEMO_ADMIN,
      action: i % 3 === 0 ? 'auth.sign-in' : 'role.grant-admin',
      entityType: 'user',
      entityId: `user-${i}`,
      outcome: i === 0 ? 'failure' : 'success',
      clientIp: '127.0.0.1',
      detail: i === 0 ? 'wrong code, try 1' : undefined,
    });
  }
});

describe('AuditPage', () => {
  it('shows the newest entries a page at a time', async () => {
    const user = userEvent.setup();
    const { router } = renderApp({ clients: { identity }, path: '/admin/audit' });
    const table = await screen.findByRole('table', { name: 'Granskningslogg, händelse 1–50 av 60' });
    expect(within(table).getAllByRole('row')).toHaveLength(51);
    expect(screen.getByText('Sida 1 av 2')).toBeTruthy();
    expect(identity.calls.find((c) => c.method === 'listAudit')?.args).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      1,
      50,
    ]);

    const pager = screen.getByRole('navigation', { name: 'Sidor i granskningsloggen' });
    await user.click(within(pager).getByRole('link', { name: 'Nästa sida' }));
    expect(await screen.findByRole('table', { name: 'Granskningslogg, händelse 51–60 av 60' })).toBeTruthy();
    expect(router.state.location.search).toBe('?page=2');
    expect(within(pager).queryByRole('link', { name: 'Nästa sida' })).toBeNull();
    const failed = screen.getByText('wrong code, try 1').closest('tr')!;
    expect(within(failed).getByText('Misslyckades')).toBeTruthy();
  });

  it('filters by action, entity type and whole days', async () => {
    const user = userEvent.setup();
    const { router } = renderApp({ clients: { identity }, path: '/admin/audit?page=2' });
    await screen.findByRole('table');
    await user.type(screen.getByRole('combobox', { name: 'Händelse' }), 'auth.sign-in');
    await user.type(screen.getByRole('combobox', { name: 'Typ av objekt' }), 'user');
    await user.type(screen.getByLabelText('Från och med'), '2025-05-02');
    await user.type(screen.getByLabelText('Till och med'), '2025-05-04');
    await user.click(screen.getByRole('button', { name: 'Filtrera' }));

    await waitFor(() =>
      expect(router.state.location.search).toBe('?action=auth.sign-in&entityType=user&from=2025-05-02&to=2025-05-04'),
    );
    await waitFor(() =>
      expect(identity.calls.filter((c) => c.method === 'listAudit').at(-1)?.args).toEqual([
        'auth.sign-in',
        undefined,
        'user',
        undefined,
        new Date(2025, 4, 2).toISOString(),
        new Date(2025, 4, 5).toISOString(),
        1,
        50,
      ]),
    );
    await screen.findByRole('table', { name: /av \d+$/ });

    await user.click(screen.getByRole('button', { name: 'Rensa filtren' }));
    await waitFor(() => expect(router.state.location.search).toBe(''));
    expect((screen.getByRole('combobox', { name: 'Händelse' }) as HTMLInputElement).value).toBe('');
  });

  it('puts the server’s error about the dates on the field', async () => {
    renderApp({ clients: { identity }, path: '/admin/audit?from=2025-05-10&to=2025-05-01' });
    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain('Granskningsloggen kunde inte hämtas');
    expect(screen.getByLabelText('Till och med').getAttribute('aria-invalid')).toBe('true');
  });

  it('says so when nothing matches', async () => {
    renderApp({ clients: { identity }, path: '/admin/audit?action=api-key.revoke' });
    expect(await screen.findByText('Inga händelser matchar filtren.')).toBeTruthy();
  });
});
