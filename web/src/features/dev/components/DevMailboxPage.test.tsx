import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEMO_ADMIN, FakeDevApi, seededFakeIdentity, type FakeIdentityApi } from '../../../test/fake-identity-api';
import { renderApp } from '../../../test/render-app';

let identity: FakeIdentityApi;

beforeEach(() => {
  identity = seededFakeIdentity();
});

describe('DevMailboxPage', () => {
  it('shows the newest mails first, with the sign-in code picked out', async () => {
    const user = userEvent.setup();
    await identity.requestCode({ email: 'first@example.org' });
    renderApp({ clients: { identity, dev: new FakeDevApi(identity, true) }, path: '/dev/mailbox' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Utvecklarpost' })).toBeTruthy();
    expect(await screen.findAllByRole('article')).toHaveLength(1);

    await identity.requestCode({ email: DEMO_ADMIN });
    await user.click(screen.getByRole('button', { name: 'Uppdatera' }));
    await screen.findByText(DEMO_ADMIN);
    const [newest] = screen.getAllByRole('article');
    const code = identity.lastCode(DEMO_ADMIN)!;
    expect(within(newest).getByRole('heading', { level: 2 }).textContent).toBe(`Your sign-in code: ${code}`);
    expect(within(newest).getByText(DEMO_ADMIN)).toBeTruthy();
    expect(within(newest).getByText(code, { selector: 'code' })).toBeTruthy();
    expect(newest.querySelector('pre')!.textContent).toContain(`Your code for signing in to Alumni is ${code}.`);
  });

  it('explains that the mailbox exists only in Development', async () => {
    renderApp({ clients: { identity, dev: new FakeDevApi(identity, false) }, path: '/dev/mailbox' });
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Utvecklarposten finns bara när API:t körs i utvecklingsmiljön.',
    );
  });
});
