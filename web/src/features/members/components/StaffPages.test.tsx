import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEMO_ADMIN, DEMO_COORDINATOR, seededFakeIdentity, type FakeIdentityApi } from '../../../test/fake-identity-api';
import { FakeMembersApi, seededFakeMembers } from '../../../test/fake-members-api';
import { renderApp } from '../../../test/render-app';

let identity: FakeIdentityApi;
let members: FakeMembersApi;
let dsvId: string;

beforeEach(() => {
  identity = seededFakeIdentity({ signedInAs: DEMO_COORDINATOR });
  members = seededFakeMembers(identity);
  dsvId = members.addMember({
    email: 'dag@example.org',
    firstName: 'Dag',
    lastName: 'Dsvsson',
    city: 'Uppsala',
    country: 'SE',
    affiliations: [{ departmentCode: 'DSV', endYear: 2016 }],
    consents: ['eventInvitations'],
  }).id;
  members.addMember({ email: 'eva@example.org', firstName: 'Eva', lastName: 'Engström', affiliations: [{ departmentCode: 'ENG', endYear: 2010 }] });
  members.addMember({
    email: 'bo@example.org',
    firstName: 'Bo',
    lastName: 'Båda',
    status: 'pending',
    affiliations: [{ departmentCode: 'ENG' }, { departmentCode: 'DSV', endYear: 2021 }],
  });
});

afterEach(() => {
  Reflect.deleteProperty(navigator, 'clipboard');
});

function rowNames() {
  const table = screen.getByRole('table', { name: /^Medlemmar \d+–\d+ av \d+$/ });
  return within(table)
    .getAllByRole('rowheader')
    .map((cell) => cell.textContent);
}

describe('StaffMembersPage', () => {
  it('lists only the coordinator’s members, with their total', async () => {
    renderApp({ clients: { identity, members }, path: '/staff/members' });
    expect(await screen.findByRole('table', { name: 'Medlemmar 1–2 av 2' })).toBeTruthy();
    expect(rowNames()).toEqual(['Båda, Bo', 'Dsvsson, Dag']);
    // The department picker offers the coordinator's own departments.
    const department = screen.getByRole('combobox', { name: 'Institution' });
    await waitFor(() => expect(within(department).getAllByRole('option').map((o) => o.getAttribute('value'))).toEqual(['', 'DSV']));
  });

  it('sends the filters to the search and keeps them in the address', async () => {
    const user = userEvent.setup();
    const { router } = renderApp({ clients: { identity, members }, path: '/staff/members' });
    await screen.findByRole('table');
    await user.type(screen.getByRole('searchbox', { name: 'Sök' }), 'dag');
    await user.type(screen.getByRole('textbox', { name: 'Examen från (år)' }), '2015');
    await user.type(screen.getByRole('textbox', { name: 'Land' }), 'se');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'active');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Har samtyckt till' }), 'eventInvitations');
    await user.click(screen.getByRole('button', { name: 'Sök' }));

    await waitFor(() => expect(rowNames()).toEqual(['Dsvsson, Dag']));
    expect(new URLSearchParams(router.state.location.search).toString()).toBe(
      'q=dag&country=SE&graduatedFrom=2015&status=active&consent=eventInvitations',
    );
    expect(members.callsOf('search').at(-1)!.args).toEqual([
      'dag',
      undefined,
      undefined,
      2015,
      undefined,
      'SE',
      undefined,
      undefined,
      'active',
      'eventInvitations',
      undefined,
      undefined,
      undefined,
      'name',
      1,
      25,
    ]);
    expect(screen.getByRole('heading', { level: 2, name: /^Filter/ }).textContent).toContain('5 filter används');
  });

  it('sorts by a column header and shows the order', async () => {
    const user = userEvent.setup();
    renderApp({ clients: { identity, members }, path: '/staff/members' });
    await screen.findByRole('table');
    expect(screen.getByRole('columnheader', { name: /^Namn/ }).getAttribute('aria-sort')).toBe('ascending');
    await user.click(screen.getByRole('button', { name: 'Blev medlem' }));
    await waitFor(() => expect(screen.getByRole('columnheader', { name: /^Blev medlem/ }).getAttribute('aria-sort')).toBe('descending'));
    expect(screen.getByRole('columnheader', { name: /^Namn/ }).getAttribute('aria-sort')).toBeNull();
    expect(members.callsOf('search').at(-1)!.args[13]).toBe('created');
    expect(rowNames()).toEqual(['Båda, Bo', 'Dsvsson, Dag']);
  });

  it('pages through the results', async () => {
    const user = userEvent.setup();
    for (let i = 0; i < 30; i++) {
      members.addMember({ email: `m${i}@example.org`, firstName: `M${i}`, lastName: `Many${String(i).padStart(2, '0')}`, affiliations: [{ departmentCode: 'DSV' }] });
    }
    renderApp({ clients: { identity, members }, path: '/staff/members' });
    expect(await screen.findByRole('table', { name: 'Medlemmar 1–25 av 32' })).toBeTruthy();
    const pager = screen.getByRole('navigation', { name: 'Sidor med medlemmar' });
    expect(within(pager).getByText('Sida 1 av 2')).toBeTruthy();
    await user.click(within(pager).getByRole('link', { name: 'Nästa sida' }));
    expect(await screen.findByRole('table', { name: 'Medlemmar 26–32 av 32' })).toBeTruthy();
  });

  it('says “more than” past the 1,000 matches the search counts, and pages on', async () => {
    for (let i = 0; i < 1030; i++) {
      members.addMember({ email: `x${i}@example.org`, firstName: `X${i}`, lastName: `Lots${String(i).padStart(4, '0')}`, affiliations: [{ departmentCode: 'DSV' }] });
    }
    renderApp({ clients: { identity, members }, path: '/staff/members?page=41' });
    expect(await screen.findByRole('table', { name: 'Medlemmar 1001–1025 av fler än 1000' })).toBeTruthy();
    const pager = screen.getByRole('navigation', { name: 'Sidor med medlemmar' });
    expect(within(pager).getByText('Sida 41 av 42')).toBeTruthy();
  });

  it('opens a member’s record from the row', async () => {
    const user = userEvent.setup();
    const { router } = renderApp({ clients: { identity, members }, path: '/staff/members' });
    await user.click(await screen.findByRole('link', { name: 'Dsvsson, Dag' }));
    expect(await screen.findByRole('heading', { level: 1, name: /^Dag Dsvsson/ })).toBeTruthy();
    expect(router.state.location.pathname).toBe(`/staff/members/${dsvId}`);
  });

  it('is not for alumni', async () => {
    identity = seededFakeIdentity({ signedInAs: 'alumna@example.org' });
    renderApp({ clients: { identity, members: seededFakeMembers(identity) }, path: '/staff/members' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Ingen behörighet' })).toBeTruthy();
    expect(screen.getByText(/institutionernas alumnisamordnare/)).toBeTruthy();
  });
});

describe('MemberDetailPage', () => {
  it('shows the record, saves an edit with If-Match and adds a note', async () => {
    const user = userEvent.setup();
    renderApp({ clients: { identity, members }, path: `/staff/members/${dsvId}` });
    const record = await screen.findByRole('region', { name: 'Uppgifter' });
    expect(within(record).getByText('dag@example.org')).toBeTruthy();
    expect(within(screen.getByRole('table', { name: 'Samtycken för Dag Dsvsson' })).getAllByText('Givet')).toHaveLength(1);
    // Erasing is for admins.
    expect(screen.queryByRole('button', { name: /^Radera medlemmen/ })).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Redigera profilen' }));
    const edit = screen.getByRole('region', { name: 'Redigera profilen' });
    await user.clear(within(edit).getByRole('textbox', { name: 'Ort' }));
    await user.type(within(edit).getByRole('textbox', { name: 'Ort' }), 'Lund');
    await user.click(within(edit).getByRole('button', { name: 'Spara ändringarna' }));
    expect(await screen.findByText('Ändringarna har sparats.')).toBeTruthy();
    expect(members.callsOf('update')[0].args.slice(0, 2)).toEqual([dsvId, '"1"']);
    expect(within(screen.getByRole('region', { name: 'Uppgifter' })).getByText('Lund, SE')).toBeTruthy();

    const notes = screen.getByRole('region', { name: 'Anteckningar' });
    await user.type(within(notes).getByRole('textbox', { name: 'Ny anteckning' }), 'Wants to mentor.');
    await user.click(within(notes).getByRole('button', { name: 'Lägg till anteckningen' }));
    expect(await within(notes).findByText('Wants to mentor.')).toBeTruthy();
    expect((within(notes).getByRole('textbox', { name: 'Ny anteckning' }) as HTMLTextAreaElement).value).toBe('');
  });

  it('reloads the form and tells when someone else saved in between (412)', async () => {
    const user = userEvent.setup();
    renderApp({ clients: { identity, members }, path: `/staff/members/${dsvId}` });
    await user.click(await screen.findByRole('button', { name: 'Redigera profilen' }));
    members.changeElsewhere(dsvId, { employer: 'Elsewhere AB' });
    const edit = screen.getByRole('region', { name: 'Redigera profilen' });
    await user.type(within(edit).getByRole('textbox', { name: 'Arbetsgivare' }), 'Mine AB');
    await user.click(within(edit).getByRole('button', { name: 'Spara ändringarna' }));
    expect(await within(edit).findByText(/Någon annan ändrade medlemmen/)).toBeTruthy();
    await waitFor(() => expect((within(edit).getByRole('textbox', { name: 'Arbetsgivare' }) as HTMLInputElement).value).toBe('Elsewhere AB'));
    await user.click(within(edit).getByRole('button', { name: 'Spara ändringarna' }));
    expect(await screen.findByText('Ändringarna har sparats.')).toBeTruthy();
    expect(members.callsOf('update').map((c) => c.args[1])).toEqual(['"1"', '"2"']);
  });

  it('says a member outside the coordinator’s departments is not there', async () => {
    const eva = members.memberByEmail('eva@example.org')!;
    renderApp({ clients: { identity, members }, path: `/staff/members/${eva.id}` });
    expect(await screen.findByText(/Det finns ingen sådan medlem/)).toBeTruthy();
  });

  it('lets an admin erase a member after a confirmation', async () => {
    const user = userEvent.setup();
    identity = seededFakeIdentity({ signedInAs: DEMO_ADMIN });
    members = seededFakeMembers(identity);
    const id = members.addMember({ email: 'x@example.org', firstName: 'Xena', lastName: 'Ex', affiliations: [{ departmentCode: 'LAW' }] }).id;
    const { router } = renderApp({ clients: { identity, members }, path: `/staff/members/${id}` });
    await user.click(await screen.findByRole('button', { name: 'Radera medlemmen …' }));
    expect(screen.getByRole('heading', { level: 2, name: 'Radera Xena Ex?' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Radera för gott' }));
    expect(await screen.findByText('Medlemmen har raderats.')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/staff/members');
    expect(members.members.find((m) => m.id === id)!.status).toBe('erased');
  });
});

describe('CampaignsPage', () => {
  it('creates a campaign for the coordinator’s department and copies its full link', async () => {
    const user = userEvent.setup();
    const writeText = vi.fn(async (_text: string) => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    renderApp({ clients: { identity, members }, path: '/staff/campaigns' });
    expect(await screen.findByText('Inga kampanjer ännu.')).toBeTruthy();
    const form = screen.getByRole('region', { name: 'Ny kampanj' });
    const department = within(form).getByRole('combobox', { name: 'Institution' }) as HTMLSelectElement;
    await waitFor(() => expect(within(department).getAllByRole('option').map((o) => o.getAttribute('value'))).toEqual(['', 'DSV']));
    expect(department.value).toBe('DSV');
    await user.type(within(form).getByRole('combobox', { name: 'Kanal' }), 'LinkedIn');
    await user.type(within(form).getByRole('textbox', { name: 'Etikett' }), 'Examen 2026');
    await user.click(within(form).getByRole('button', { name: 'Skapa kampanj' }));

    expect(await screen.findByText('Kampanjen ”Examen 2026” har skapats. Dess länk finns i tabellen.')).toBeTruthy();
    const row = screen.getByRole('row', { name: /Examen 2026/ });
    const cells = within(row).getAllByRole('cell').map((cell) => cell.textContent);
    expect(cells.slice(0, 2)).toEqual(['DSV', 'LinkedIn']);
    expect(cells.slice(3, 6)).toEqual(['0', '0', '0']);
    const link = within(row).getByRole('textbox', { name: 'Inbjudningslänk för Examen 2026' }) as HTMLInputElement;
    expect(link.value).toBe(`${window.location.origin}/join/${members.campaigns[0].token}`);
    await waitFor(() => expect(document.activeElement).toBe(link));

    await user.click(within(row).getByRole('button', { name: 'Kopiera länken för Examen 2026' }));
    expect(await screen.findByText('Länken för ”Examen 2026” har kopierats.')).toBeTruthy();
    expect(writeText).toHaveBeenCalledWith(link.value);
  });

  it('puts the server’s refusal on the department field', async () => {
    const user = userEvent.setup();
    renderApp({ clients: { identity, members }, path: '/staff/campaigns' });
    const form = await screen.findByRole('region', { name: 'Ny kampanj' });
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Institution' }), '');
    await user.click(within(form).getByRole('button', { name: 'Skapa kampanj' }));
    await waitFor(() => expect(within(form).getByRole('combobox', { name: 'Institution' }).getAttribute('aria-invalid')).toBe('true'));
    expect(within(form).getByRole('textbox', { name: 'Etikett' }).getAttribute('aria-invalid')).toBe('true');
  });

  it('offers an admin every department and shows the figures', async () => {
    identity = seededFakeIdentity({ signedInAs: DEMO_ADMIN });
    members = seededFakeMembers(identity);
    const campaign = await members.createCampaign({ departmentCode: 'LAW', channel: 'Event', label: 'Law day' });
    await members.openCampaignLink(campaign.token);
    await members.openCampaignLink(campaign.token);
    await members.signUp({
      firstName: 'A',
      lastName: 'B',
      email: 'ab@example.org',
      preferredLanguage: 'sv',
      affiliations: [{ departmentCode: 'LAW', degreeType: 'master', credits: 60 }],
      consents: [],
      confirmsCredits: true,
      campaignToken: campaign.token,
    });
    renderApp({ clients: { identity, members }, path: '/staff/campaigns' });
    const row = await screen.findByRole('row', { name: /Law day/ });
    expect(within(row).getAllByRole('cell').map((cell) => cell.textContent).slice(3, 6)).toEqual(['2', '1', '0']);
    const department = screen.getByRole('combobox', { name: 'Institution' });
    await waitFor(() => expect(within(department).getAllByRole('option')).toHaveLength(5));
  });
});
