import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEMO_ADMIN, DEMO_COORDINATOR, seededFakeIdentity, type FakeIdentityApi } from '../../../test/fake-identity-api';
import { renderApp } from '../../../test/render-app';

let identity: FakeIdentityApi;

beforeEach(() => {
  identity = seededFakeIdentity({ signedInAs: DEMO_ADMIN });
});

function row(email: string) {
  return screen.getByRole('rowheader', { name: email }).closest('tr')!;
}

async function openRoles(user: ReturnType<typeof userEvent.setup>, email: string) {
  await user.click(await screen.findByRole('button', { name: `Hantera roller för ${email}` }));
  return screen.getByRole('region', { name: new RegExp(`^Roller för .*${email.replace('.', '\\.')}`) });
}

describe('PeoplePage', () => {
  it('lists people with their roles in a captioned table', async () => {
    renderApp({ clients: { identity }, path: '/admin/people' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Personer' })).toBeTruthy();
    const table = await screen.findByRole('table', { name: 'Personer' });
    expect(within(table).getAllByRole('rowheader').map((h) => h.textContent)).toEqual([
      DEMO_ADMIN,
      'alumna@example.org',
      DEMO_COORDINATOR,
    ]);
    expect(within(row(DEMO_ADMIN)).getByText('Ja')).toBeTruthy();
    expect(within(row(DEMO_COORDINATOR)).getByText('DSV')).toBeTruthy();
    expect(within(row('alumna@example.org')).getByText('Ada Alumna')).toBeTruthy();
    expect(document.title).toBe('Personer – Alumni, Stockholms universitet');
  });

  it('searches and filters to staff, keeping both in the address', async () => {
    const user = userEvent.setup();
    const { router } = renderApp({ clients: { identity }, path: '/admin/people' });
    await screen.findByRole('table', { name: 'Personer' });
    await user.type(screen.getByRole('searchbox', { name: 'Sök på adress eller namn' }), 'example');
    await user.click(screen.getByRole('button', { name: 'Sök' }));
    await user.click(screen.getByRole('checkbox', { name: 'Bara personal (administratörer och koordinatorer)' }));
    const table = await screen.findByRole('table', { name: 'Personer som matchar ”example”' });
    await waitFor(() => expect(within(table).getAllByRole('rowheader')).toHaveLength(2));
    expect(identity.calls.filter((c) => c.method === 'listUsers').at(-1)?.args).toEqual(['example', true]);
    expect(router.state.location.search).toBe('?q=example&staff=true');
  });

  it('adds a person and opens their roles; an existing address says so', async () => {
    const user = userEvent.setup();
    renderApp({ clients: { identity }, path: '/admin/people' });
    const form = await screen.findByRole('region', { name: 'Lägg till en person' });
    await user.type(within(form).getByRole('textbox', { name: 'E-postadress' }), 'new.person@su.se');
    await user.type(within(form).getByRole('textbox', { name: /^Namn/ }), 'Ny Person');
    await user.click(within(form).getByRole('button', { name: 'Lägg till' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('new.person@su.se har lagts till.'));
    expect(screen.getByRole('region', { name: 'Roller för Ny Person (new.person@su.se)' })).toBeTruthy();
    expect(await screen.findByRole('rowheader', { name: 'new.person@su.se' })).toBeTruthy();

    await user.type(within(form).getByRole('textbox', { name: 'E-postadress' }), DEMO_COORDINATOR);
    await user.click(within(form).getByRole('button', { name: 'Lägg till' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe(`${DEMO_COORDINATOR} fanns redan.`));
    expect(screen.getByRole('region', { name: `Roller för Demo Coordinator (${DEMO_COORDINATOR})` })).toBeTruthy();
  });

  it('shows the server’s field error when the address is not valid', async () => {
    const user = userEvent.setup();
    renderApp({ clients: { identity }, path: '/admin/people' });
    const form = await screen.findByRole('region', { name: 'Lägg till en person' });
    const email = within(form).getByRole('textbox', { name: 'E-postadress' });
    await user.type(email, 'nope');
    await user.click(within(form).getByRole('button', { name: 'Lägg till' }));
    await waitFor(() => expect(email.getAttribute('aria-invalid')).toBe('true'));
    expect(within(form).getByRole('alert').textContent).toContain('Personen kunde inte läggas till');
  });

  it('grants and revokes admin, and explains the 409 for the last admin', async () => {
    const user = userEvent.setup();
    renderApp({ clients: { identity }, path: '/admin/people' });
    let panel = await openRoles(user, DEMO_COORDINATOR);
    await user.click(within(panel).getByRole('button', { name: 'Gör till administratör' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe(`${DEMO_COORDINATOR} är nu administratör.`));
    await waitFor(() => expect(within(row(DEMO_COORDINATOR)).getByText('Ja')).toBeTruthy());
    await user.click(within(panel).getByRole('button', { name: 'Ta bort administratörsrollen' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe(`${DEMO_COORDINATOR} är inte längre administratör.`));

    await user.click(within(panel).getByRole('button', { name: 'Stäng' }));
    panel = await openRoles(user, DEMO_ADMIN);
    await user.click(within(panel).getByRole('button', { name: 'Ta bort administratörsrollen' }));
    const alert = await within(panel).findByRole('alert');
    expect(alert.textContent).toBe('Det här är den sista administratören. Gör någon annan till administratör först.');
    expect(document.activeElement).toBe(alert);
    expect(identity.userByEmail(DEMO_ADMIN)!.isAdmin).toBe(true);
  });

  it('assigns and unassigns departments with a picker grouped by faculty', async () => {
    const user = userEvent.setup();
    renderApp({ clients: { identity }, path: '/admin/people' });
    const panel = await openRoles(user, DEMO_COORDINATOR);
    expect(within(panel).getByText('DSV – Institutionen för data- och systemvetenskap')).toBeTruthy();
    const picker = within(panel).getByRole('combobox', { name: 'Institution' });
    await waitFor(() => expect(within(picker).getAllByRole('group').length).toBeGreaterThan(0));
    // DSV is already assigned, so not offered again.
    expect(within(picker).queryByRole('option', { name: /^DSV/ })).toBeNull();
    await user.selectOptions(picker, 'ENG');
    await user.click(within(panel).getByRole('button', { name: 'Lägg till institution' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe(`${DEMO_COORDINATOR} är nu koordinator för ENG.`));
    expect(identity.calls.find((c) => c.method === 'assignDepartment')?.args).toEqual([
      identity.userByEmail(DEMO_COORDINATOR)!.id,
      'ENG',
    ]);
    await waitFor(() => expect(within(row(DEMO_COORDINATOR)).getByText('ENG')).toBeTruthy());

    await user.click(within(panel).getByRole('button', { name: 'Ta bort DSV – Institutionen för data- och systemvetenskap' }));
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe(`${DEMO_COORDINATOR} är inte längre koordinator för DSV.`),
    );
    expect(identity.userByEmail(DEMO_COORDINATOR)!.departmentCodes).toEqual(['ENG']);
  });

  it('updates the menu when admins change their own roles', async () => {
    const user = userEvent.setup();
    identity.userByEmail(DEMO_COORDINATOR)!.isAdmin = true;
    renderApp({ clients: { identity }, path: '/admin/people' });
    const panel = await openRoles(user, DEMO_ADMIN);
    await user.click(within(panel).getByRole('button', { name: 'Ta bort administratörsrollen' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Ingen behörighet' })).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Huvudmeny' });
    expect(within(nav).queryByRole('link', { name: 'Personer' })).toBeNull();
  });
});
