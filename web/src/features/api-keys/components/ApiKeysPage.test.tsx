import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiKeyResponse, CreateApiKeyRequest } from '../../../api/generated';
import {
  apiKey,
  json,
  me,
  recordRequests,
  requestsTo,
  SCOPES,
  server,
  validationProblem,
  type SentRequest,
} from '../../../test/http';
import { renderApp } from '../../../test/render-app';

const ADMIN = me('admin');

/** The keys the server lists in this test. */
let keys: ApiKeyResponse[];
let sent: SentRequest[];

beforeEach(() => {
  keys = [];
  sent = recordRequests();
  server.use(
    http.get('/api/admin/api-keys', () => json(keys)),
    http.get('/api/admin/api-keys/scopes', () => json(SCOPES)),
  );
});

async function openForm(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByRole('button', { name: 'Ny API-nyckel' }));
  return screen.getByRole('region', { name: 'Ny API-nyckel' });
}

describe('ApiKeysPage', () => {
  it('creates a key and shows its secret once, with a copy button and a warning', async () => {
    server.use(
      http.post('/api/admin/api-keys', async ({ request }) => {
        const body = (await request.json()) as CreateApiKeyRequest;
        const key = apiKey({ name: body.name, scopes: body.scopes, prefix: 'alk_kkkkkkk1' });
        keys = [key];
        return json({ key, secret: `alk_kkkkkkk1_secret-${key.id}` }, 201);
      }),
    );
    const user = userEvent.setup();
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    renderApp({ me: ADMIN, path: '/admin/api-keys' });
    expect(await screen.findByText('Det finns inga API-nycklar ännu.')).toBeTruthy();

    const form = await openForm(user);
    await user.type(within(form).getByRole('textbox', { name: 'Namn' }), 'Ladok import');
    const scope = await within(form).findByRole('checkbox', { name: 'Hantera institutioner' });
    expect(scope.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.getElementById(scope.getAttribute('aria-describedby')!)!.textContent).toBe(
      'Lägga till institutioner och fakulteter, ändra deras namn och koder och aktivera eller avaktivera dem.',
    );
    await user.click(scope);
    await user.click(within(form).getByRole('button', { name: 'Skapa nyckel' }));

    const secretPanel = await screen.findByRole('region', { name: 'Nyckeln ”Ladok import” har skapats' });
    const secret = within(secretPanel).getByRole('textbox', { name: 'API-nyckel' }) as HTMLInputElement;
    expect(secret.value).toMatch(/^alk_kkkkkkk1_secret-/);
    expect(secret.readOnly).toBe(true);
    expect(secretPanel.textContent).toContain('Den visas bara den här gången och kan inte visas igen');
    const [create] = requestsTo(sent, 'POST', '/api/admin/api-keys');
    expect(await create.json()).toEqual({ name: 'Ladok import', scopes: ['departments:write'] });
    expect(create.headers.get('X-CSRF-Token')).toBe(ADMIN.csrfToken);

    await user.click(within(secretPanel).getByRole('button', { name: 'Kopiera nyckeln' }));
    expect(writeText).toHaveBeenCalledWith(secret.value);
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Nyckeln har kopierats.'));

    const table = await screen.findByRole('table', { name: 'API-nycklar' });
    const row = within(table).getByRole('rowheader', { name: 'Ladok import' }).closest('tr')!;
    expect(within(row).getByText('alk_kkkkkkk1')).toBeTruthy();
    expect(within(row).getByText('Aktiv')).toBeTruthy();
    expect(within(row).getByText('Aldrig använd')).toBeTruthy();
    expect(row.textContent).not.toContain('secret');

    await user.click(within(secretPanel).getByRole('button', { name: 'Jag har kopierat nyckeln – stäng' }));
    expect(screen.queryByRole('region', { name: /har skapats/ })).toBeNull();
    expect(document.body.textContent).not.toContain('_secret-');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Ny API-nyckel' }));
  });

  it('checks the key’s rules before sending it (a name, a scope, an expiry in the future)', async () => {
    const user = userEvent.setup();
    renderApp({ me: ADMIN, path: '/admin/api-keys' });
    const form = await openForm(user);
    await within(form).findByRole('checkbox', { name: 'Läsa granskningsloggen' });
    await user.type(within(form).getByLabelText('Upphör (valfritt)'), '2001-01-01T10:00');
    await user.click(within(form).getByRole('button', { name: 'Skapa nyckel' }));
    const summary = await within(form).findByRole('alert');
    expect(summary.textContent).toContain('Nyckeln kunde inte skapas');
    expect(within(summary).getAllByRole('link').map((link) => link.textContent)).toEqual([
      'Namn: Ange ett namn.',
      'Behörighetsområden: Välj minst ett behörighetsområde.',
      'Upphör (valfritt): Välj en tidpunkt i framtiden.',
    ]);
    expect(document.activeElement).toBe(summary);
    expect(within(form).getByRole('textbox', { name: 'Namn' }).getAttribute('aria-invalid')).toBe('true');
    const scopes = within(form).getByRole('group', { name: 'Behörighetsområden' });
    expect(scopes.getAttribute('aria-describedby')).toBe('new-api-key-scopes-error');
    expect(document.getElementById('new-api-key-scopes-error')!.textContent).toBe('Välj minst ett behörighetsområde.');
    expect(within(form).getByLabelText('Upphör (valfritt)').getAttribute('aria-invalid')).toBe('true');
    expect(requestsTo(sent, 'POST', '/api/admin/api-keys')).toHaveLength(0);

    // Choosing a scope takes its message away.
    await user.click(within(form).getByRole('checkbox', { name: 'Läsa granskningsloggen' }));
    expect(scopes.getAttribute('aria-describedby')).toBeNull();
  });

  it('shows the server’s field errors on the fields (a scope it no longer has)', async () => {
    server.use(
      http.post('/api/admin/api-keys', () => validationProblem({ 'scopes[0]': ['Unknown scope: audit:read'] })),
    );
    const user = userEvent.setup();
    renderApp({ me: ADMIN, path: '/admin/api-keys' });
    const form = await openForm(user);
    await user.type(within(form).getByRole('textbox', { name: 'Namn' }), 'Ladok import');
    await user.click(await within(form).findByRole('checkbox', { name: 'Läsa granskningsloggen' }));
    await user.type(within(form).getByLabelText('Upphör (valfritt)'), '2999-01-01T10:00');
    await user.click(within(form).getByRole('button', { name: 'Skapa nyckel' }));
    const summary = await within(form).findByRole('alert');
    expect(within(summary).getByRole('link').textContent).toBe('Behörighetsområden: Unknown scope: audit:read');
    expect(document.getElementById('new-api-key-scopes-error')!.textContent).toBe('Unknown scope: audit:read');
    expect(within(form).getByRole('textbox', { name: 'Namn' }).getAttribute('aria-invalid')).toBeNull();
    expect(await requestsTo(sent, 'POST', '/api/admin/api-keys')[0].json()).toEqual({
      name: 'Ladok import',
      scopes: ['audit:read'],
      expiresAt: new Date(2999, 0, 1, 10, 0).toISOString(),
    });
  });

  it('revokes a key only after confirmation', async () => {
    const old = apiKey({ name: 'Old sync', scopes: ['audit:read'] });
    keys = [old];
    server.use(
      http.delete(`/api/admin/api-keys/${old.id}`, () => {
        keys = [{ ...old, revokedAt: '2025-05-02T08:00:00Z' }];
        return json(keys[0]);
      }),
    );
    const user = userEvent.setup();
    renderApp({ me: ADMIN, path: '/admin/api-keys' });
    await user.click(await screen.findByRole('button', { name: 'Återkalla Old sync' }));
    const confirm = screen.getByRole('region', { name: 'Återkalla ”Old sync”?' });
    expect(document.activeElement).toBe(within(confirm).getByRole('heading'));

    await user.click(within(confirm).getByRole('button', { name: 'Avbryt' }));
    expect(requestsTo(sent, 'DELETE', `/api/admin/api-keys/${old.id}`)).toHaveLength(0);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Återkalla Old sync' }));

    await user.click(screen.getByRole('button', { name: 'Återkalla Old sync' }));
    await user.click(screen.getByRole('button', { name: 'Återkalla nyckeln' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Nyckeln ”Old sync” har återkallats.'));
    const row = screen.getByRole('rowheader', { name: 'Old sync' }).closest('tr')!;
    await waitFor(() => expect(row.textContent).toContain('Återkallad'));
    expect(within(row).getByText('Läsa granskningsloggen')).toBeTruthy();
    expect(within(row).queryByRole('button')).toBeNull();
    expect(requestsTo(sent, 'DELETE', `/api/admin/api-keys/${old.id}`)[0].headers.get('X-CSRF-Token')).toBe(ADMIN.csrfToken);
  });

  it('groups the scopes by area, with labels and descriptions, and the operations only as detail', async () => {
    const user = userEvent.setup();
    renderApp({ me: ADMIN, path: '/admin/api-keys' });
    const form = await openForm(user);
    const members = await within(form).findByRole('group', { name: 'Medlemmar' });

    const areas = within(form).getAllByRole('group').filter((group) => group.classList.contains('scope-area'));
    expect(areas.map((group) => group.querySelector('h3')?.textContent)).toEqual([
      'Granskningslogg',
      'Institutioner',
      'Medlemmar',
    ]);
    expect(within(members).getAllByRole('checkbox').map((box) => box.getAttribute('value'))).toEqual(['members:read', 'members:write']);
    const read = within(members).getByRole('checkbox', { name: 'Läsa medlemmar' });
    expect(document.getElementById(read.getAttribute('aria-describedby')!)!.textContent).toBe(
      'Söka, läsa och exportera medlemmar och deras personuppgifter.',
    );
    const operations = within(members).getByText('Operationer (members:read)').closest('details')!;
    expect(operations.open).toBe(false);
    await user.click(within(operations).getByText('Operationer (members:read)'));
    expect(operations.open).toBe(true);
    expect(within(operations).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['members_get', 'members_search']);
  });
});
