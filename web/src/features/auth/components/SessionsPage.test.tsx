import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEMO_COORDINATOR, seededFakeIdentity, type FakeIdentityApi } from '../../../test/fake-identity-api';
import { renderApp } from '../../../test/render-app';

let identity: FakeIdentityApi;
const FIREFOX = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0';

beforeEach(() => {
  identity = seededFakeIdentity({ signedInAs: DEMO_COORDINATOR });
  identity.addOtherSession(DEMO_COORDINATOR, FIREFOX, '192.0.2.44');
});

describe('SessionsPage', () => {
  it('lists my sessions with the current one marked', async () => {
    renderApp({ clients: { identity }, path: '/me/sessions' });
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
    const user = userEvent.setup();
    renderApp({ clients: { identity }, path: '/me/sessions' });
    await user.click(await screen.findByRole('button', { name: /^Logga ut Firefox 128 på Windows, senast aktiv/ }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Firefox 128 på Windows har loggats ut.'));
    await waitFor(() => expect(screen.queryByText('Firefox 128 på Windows', { selector: 'span' })).toBeNull());
    expect(identity.sessions).toHaveLength(1);
  });

  it('signs out everywhere after confirmation and lands signed out', async () => {
    const user = userEvent.setup();
    const { router } = renderApp({ clients: { identity }, path: '/me/sessions' });
    await screen.findByRole('table');
    await user.click(screen.getByRole('button', { name: 'Logga ut överallt' }));
    const confirm = screen.getByRole('region', { name: 'Logga ut överallt?' });
    await user.click(within(confirm).getByRole('button', { name: 'Ja, logga ut överallt' }));
    expect(await screen.findByText('Du har loggats ut i alla webbläsare.')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/departments');
    await within(screen.getByRole('banner')).findByRole('link', { name: 'Logga in' });
    expect(identity.sessions).toHaveLength(0);
  });
});
