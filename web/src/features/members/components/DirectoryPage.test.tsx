import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEMO_COORDINATOR, seededFakeIdentity, type FakeIdentityApi } from '../../../test/fake-identity-api';
import { FakeMembersApi, seededFakeMembers } from '../../../test/fake-members-api';
import { renderApp } from '../../../test/render-app';

const ALUMNA = 'alumna@example.org';
let identity: FakeIdentityApi;
let members: FakeMembersApi;

beforeEach(() => {
  identity = seededFakeIdentity({ signedInAs: ALUMNA });
  members = seededFakeMembers(identity);
  members.addMember({ email: ALUMNA, firstName: 'Ada', lastName: 'Alumna', userId: identity.userByEmail(ALUMNA)!.id });
  members.addMember({
    email: 'lisa@example.org',
    firstName: 'Lisa',
    lastName: 'Listad',
    employer: 'Acme AB',
    jobTitle: 'CTO',
    city: 'Lund',
    country: 'SE',
    bio: 'Happy to help.',
    offers: ['mentor'],
    directoryListed: true,
    directoryFields: ['employer', 'jobTitle', 'offers', 'affiliations'],
    affiliations: [{ departmentCode: 'DSV', endYear: 2012 }],
    consents: ['directory'],
  });
  members.addMember({
    email: 'hemlig@example.org',
    firstName: 'Hemlig',
    lastName: 'Hansson',
    directoryListed: false,
    affiliations: [{ departmentCode: 'DSV' }],
    consents: [],
  });
});

describe('DirectoryPage', () => {
  it('shows the listed members with only the fields they chose', async () => {
    renderApp({ clients: { identity, members }, path: '/directory' });
    const card = await screen.findByRole('article', { name: 'Lisa Listad' });
    expect(within(card).getByText('CTO, Acme AB')).toBeTruthy();
    expect(within(card).getByText('Mentorskap för studenter')).toBeTruthy();
    expect(within(card).getByText('DSV 2012')).toBeTruthy();
    // Not chosen: not returned, not shown.
    expect(within(card).queryByText(/Lund/)).toBeNull();
    expect(within(card).queryByText('Happy to help.')).toBeNull();
    expect(within(card).queryByText('lisa@example.org')).toBeNull();
    expect(screen.queryByRole('article', { name: 'Hemlig Hansson' })).toBeNull();
    expect(screen.getByText('1 medlem hittades')).toBeTruthy();
  });

  it('searches by name, department, country and offers', async () => {
    const user = userEvent.setup();
    const { router } = renderApp({ clients: { identity, members }, path: '/directory' });
    await screen.findByRole('article', { name: 'Lisa Listad' });
    await user.type(screen.getByRole('searchbox', { name: 'Namn' }), 'lis');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Institution' }), 'DSV');
    await user.type(screen.getByRole('textbox', { name: 'Land' }), 'no');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Erbjuder' }), 'mentor');
    await user.click(screen.getByRole('button', { name: 'Sök' }));
    expect(await screen.findByText('Inga medlemmar matchar sökningen.')).toBeTruthy();
    expect(router.state.location.search).toBe('?q=lis&department=DSV&country=NO&offers=mentor');
    expect(members.callsOf('searchDirectory').at(-1)!.args).toEqual(['lis', 'DSV', 'NO', 'mentor', 1, 24]);
  });

  it('pages through the directory', async () => {
    const user = userEvent.setup();
    for (let i = 0; i < 30; i++) {
      members.addMember({
        email: `p${i}@example.org`,
        firstName: 'Per',
        lastName: `Person${String(i).padStart(2, '0')}`,
        directoryListed: true,
        consents: ['directory'],
      });
    }
    renderApp({ clients: { identity, members }, path: '/directory' });
    await screen.findByText('31 medlemmar hittades');
    expect(screen.getAllByRole('article')).toHaveLength(24);
    await user.click(within(screen.getByRole('navigation', { name: 'Sidor i katalogen' })).getByRole('link', { name: 'Nästa sida' }));
    await waitFor(() => expect(screen.getAllByRole('article')).toHaveLength(7));
    expect(screen.getByText('Sida 2 av 2')).toBeTruthy();
  });

  it('tells someone who is not an active member what to do', async () => {
    identity = seededFakeIdentity({ signedInAs: DEMO_COORDINATOR });
    renderApp({ clients: { identity, members: seededFakeMembers(identity) }, path: '/directory' });
    expect(await screen.findByRole('heading', { level: 2, name: 'Katalogen är till för aktiva medlemmar' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Till min profil' }).getAttribute('href')).toBe('/me/profile');
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
