import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { seededFakeIdentity, type FakeIdentityApi } from '../../../test/fake-identity-api';
import { FakeMembersApi, seededFakeMembers } from '../../../test/fake-members-api';
import { renderApp } from '../../../test/render-app';

const ALUMNA = 'alumna@example.org';
let identity: FakeIdentityApi;
let members: FakeMembersApi;
let memberId: string;

beforeEach(() => {
  identity = seededFakeIdentity({ signedInAs: ALUMNA });
  members = seededFakeMembers(identity);
  memberId = members.addMember({
    email: ALUMNA,
    firstName: 'Ada',
    lastName: 'Alumna',
    userId: identity.userByEmail(ALUMNA)!.id,
    employer: 'Acme',
    affiliations: [
      { departmentCode: 'DSV', degreeType: 'master', startYear: 2015, endYear: 2017, credits: 120, verified: true },
      { departmentCode: 'ENG', degreeType: 'none', credits: 7.5 },
    ],
    consents: ['eventInvitations'],
  }).id;
});

afterEach(() => {
  vi.unstubAllGlobals();
});

function consentSwitch(name: string) {
  return screen.getByRole('switch', { name }) as HTMLInputElement;
}

describe('MyProfilePage consents', () => {
  it('turns one consent on and off at a time, and says so', async () => {
    const user = userEvent.setup();
    renderApp({ clients: { identity, members }, path: '/me/profile' });
    await screen.findByRole('heading', { level: 2, name: 'Det du hör från oss' });
    expect(consentSwitch('Inbjudningar till alumnievenemang').checked).toBe(true);
    expect(consentSwitch('Stockholms universitets alumninyhetsbrev').checked).toBe(false);

    await user.click(consentSwitch('Stockholms universitets alumninyhetsbrev'));
    await waitFor(() => expect(screen.getByText('Du får nu: Stockholms universitets alumninyhetsbrev.')).toBeTruthy());
    expect(consentSwitch('Stockholms universitets alumninyhetsbrev').checked).toBe(true);

    await user.click(consentSwitch('Inbjudningar till alumnievenemang'));
    await waitFor(() => expect(screen.getByText('Du får inte längre: Inbjudningar till alumnievenemang.')).toBeTruthy());
    expect(consentSwitch('Inbjudningar till alumnievenemang').checked).toBe(false);

    expect(members.callsOf('updateMyConsents').map((c) => c.args[0])).toEqual([
      { changes: [{ channel: 'centralNewsletter', granted: true }] },
      { changes: [{ channel: 'eventInvitations', granted: false }] },
    ]);
    const member = members.members.find((m) => m.id === memberId)!;
    expect(member.consents.filter((c) => c.granted).map((c) => c.channel)).toEqual(['centralNewsletter']);
  });

  it('shows the server’s state again when a change fails', async () => {
    const user = userEvent.setup();
    members.failNext.updateMyConsents = { type: 'urn:alumni:problem:internal-error', title: 'Boom', status: 500, traceId: '00-t-01' };
    renderApp({ clients: { identity, members }, path: '/me/profile' });
    await screen.findByRole('heading', { level: 2, name: 'Det du hör från oss' });
    await user.click(consentSwitch('Inbjudningar till alumnievenemang'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Ditt val kunde inte sparas.');
    expect(consentSwitch('Inbjudningar till alumnievenemang').checked).toBe(true);
  });

  it('keeps what was typed in the profile when a consent toggles the directory listing', async () => {
    const user = userEvent.setup();
    renderApp({ clients: { identity, members }, path: '/me/profile' });
    const employer = await screen.findByRole('textbox', { name: 'Arbetsgivare' });
    await user.clear(employer);
    await user.type(employer, 'Nya AB');
    await user.click(consentSwitch('Att synas i alumnikatalogen'));
    await waitFor(() => expect((screen.getByRole('checkbox', { name: 'Visa mig i alumnikatalogen' }) as HTMLInputElement).checked).toBe(true));
    expect((screen.getByRole('textbox', { name: 'Arbetsgivare' }) as HTMLInputElement).value).toBe('Nya AB');

    await user.click(screen.getByRole('button', { name: 'Spara min profil' }));
    expect(await screen.findByText('Din profil har sparats.')).toBeTruthy();
    const member = members.members.find((m) => m.id === memberId)!;
    expect(member.employer).toBe('Nya AB');
    expect(member.directoryListed).toBe(true);
  });

  it('unsubscribes from everything after a confirmation', async () => {
    const user = userEvent.setup();
    renderApp({ clients: { identity, members }, path: '/me/profile' });
    await user.click(await screen.findByRole('button', { name: 'Avregistrera mig från allt' }));
    const confirm = screen.getByRole('region', { name: 'Avregistrera dig från allt?' });
    await user.click(within(confirm).getByRole('button', { name: 'Ja, avregistrera mig från allt' }));
    expect(await screen.findByText('Du har avregistrerats från allt.')).toBeTruthy();
    expect(consentSwitch('Inbjudningar till alumnievenemang').checked).toBe(false);
    expect(screen.getByText(/Du har avregistrerat dig från allt/)).toBeTruthy();
    expect(members.members.find((m) => m.id === memberId)!.status).toBe('unsubscribed');
  });
});

describe('MyProfilePage profile', () => {
  it('saves with the version it started from, and reloads and tells when the record changed elsewhere', async () => {
    const user = userEvent.setup();
    renderApp({ clients: { identity, members }, path: '/me/profile' });
    const city = await screen.findByRole('textbox', { name: 'Ort' });
    await user.type(city, 'Uppsala');
    await user.click(screen.getByRole('button', { name: 'Spara min profil' }));
    expect(await screen.findByText('Din profil har sparats.')).toBeTruthy();
    expect(members.callsOf('updateMyProfile')[0].args[0]).toBe('"1"');

    members.changeElsewhere(memberId, { employer: 'Changed elsewhere' });
    await user.clear(screen.getByRole('textbox', { name: 'Arbetsgivare' }));
    await user.type(screen.getByRole('textbox', { name: 'Arbetsgivare' }), 'Mine');
    await user.click(screen.getByRole('button', { name: 'Spara min profil' }));

    const notice = await screen.findByText(/Din profil ändrades någon annanstans/);
    expect(notice.getAttribute('role')).toBe('alert');
    await waitFor(() => expect((screen.getByRole('textbox', { name: 'Arbetsgivare' }) as HTMLInputElement).value).toBe('Changed elsewhere'));
    expect(members.callsOf('updateMyProfile')[1].args[0]).toBe('"2"');

    await user.clear(screen.getByRole('textbox', { name: 'Arbetsgivare' }));
    await user.type(screen.getByRole('textbox', { name: 'Arbetsgivare' }), 'Mine');
    await user.click(screen.getByRole('button', { name: 'Spara min profil' }));
    await waitFor(() => expect(members.members.find((m) => m.id === memberId)!.employer).toBe('Mine'));
    expect(members.callsOf('updateMyProfile')[2].args[0]).toBe('"3"');
  });

  it('puts the server’s messages on the profile fields', async () => {
    const user = userEvent.setup();
    renderApp({ clients: { identity, members }, path: '/me/profile' });
    await user.type(await screen.findByRole('textbox', { name: 'Land' }), 's1');
    await user.type(screen.getByRole('textbox', { name: 'Andra e-postadresser' }), 'fine@example.org\nnot-an-address');
    await user.click(screen.getByRole('button', { name: 'Spara min profil' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Profilen kunde inte sparas');
    expect(screen.getByRole('textbox', { name: 'Land' }).getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('textbox', { name: 'Andra e-postadresser' }).getAttribute('aria-invalid')).toBe('true');
  });

  it('invites a signed-in person without a member record to join', async () => {
    identity = seededFakeIdentity({ signedInAs: 'admin@example.org' });
    renderApp({ clients: { identity, members: seededFakeMembers(identity) }, path: '/me/profile' });
    expect(await screen.findByRole('heading', { level: 2, name: 'Du är inte medlem i alumninätverket ännu' })).toBeTruthy();
    expect(screen.getByText(/Du är inloggad som admin@example.org/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Bli medlem i alumninätverket' }).getAttribute('href')).toBe('/join');
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('MyProfilePage studies', () => {
  it('marks verified studies, removes self-declared ones and adds new ones', async () => {
    const user = userEvent.setup();
    renderApp({ clients: { identity, members }, path: '/me/profile' });
    const table = await screen.findByRole('table', { name: 'Dina studier' });
    const rows = within(table).getAllByRole('row').slice(1);
    // The departments are named once the faculties have arrived.
    await waitFor(() =>
      expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual([
        'Institutionen för data- och systemvetenskap',
        'Engelska institutionen',
      ]),
    );
    expect(within(rows[0]).getByText('Bekräftad')).toBeTruthy();
    expect(within(rows[0]).queryByRole('button')).toBeNull();
    expect(within(rows[1]).getByText('7,5 hp')).toBeTruthy();

    await user.click(within(rows[1]).getByRole('button', { name: 'Ta bort studien Kurser utan examen, Engelska institutionen' }));
    expect(await screen.findByText('Studien Kurser utan examen, Engelska institutionen har tagits bort.')).toBeTruthy();
    expect(within(screen.getByRole('table', { name: 'Dina studier' })).getAllByRole('row')).toHaveLength(2);

    await user.click(screen.getByRole('button', { name: 'Lägg till en studie' }));
    const form = screen.getByRole('form', { name: 'Lägg till en studie' });
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Institution' }), 'HIST');
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Examen' }), 'bachelor');
    await user.type(within(form).getByRole('textbox', { name: 'Högskolepoäng (hp)' }), '180');
    await user.click(within(form).getByRole('button', { name: 'Lägg till studien' }));
    expect(await screen.findByText('Studien Kandidatexamen, Historiska institutionen har lagts till.')).toBeTruthy();
    expect(members.callsOf('addMyAffiliation')[0].args[0]).toMatchObject({ departmentCode: 'HIST', degreeType: 'bachelor', credits: 180 });
  });
});

describe('MyProfilePage my data', () => {
  it('offers the export as a JSON file', async () => {
    const user = userEvent.setup();
    const createObjectURL = vi.fn((_blob: Blob) => 'blob:alumni-export');
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }));
    const clicked: HTMLAnchorElement[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    renderApp({ clients: { identity, members }, path: '/me/profile' });
    await user.click(await screen.findByRole('button', { name: 'Ladda ner mina uppgifter' }));
    expect(await screen.findByText('Dina uppgifter har laddats ner som my-alumni-data.json.')).toBeTruthy();
    expect(click).toHaveBeenCalledTimes(1);
    expect(clicked[0].download).toBe('my-alumni-data.json');
    expect(clicked[0].href).toBe('blob:alumni-export');
    const blob = createObjectURL.mock.calls[0][0];
    const data = JSON.parse(await blob.text()) as { member: { email: string } };
    expect(data.member.email).toBe(ALUMNA);
  });

  it('erases me after a confirmation and a fresh code, and signs me out', async () => {
    const user = userEvent.setup();
    const { router } = renderApp({ clients: { identity, members }, path: '/me/profile' });
    await user.click(await screen.findByRole('button', { name: 'Radera mina uppgifter …' }));
    const confirm = screen.getByRole('region', { name: 'Radera alla dina uppgifter?' });
    expect(within(confirm).getByText(`För att vara säkra på att det är du mejlar vi först en kod till ${ALUMNA}.`)).toBeTruthy();
    await user.click(within(confirm).getByRole('button', { name: 'Mejla mig en kod' }));
    const code = await within(confirm).findByRole('textbox', { name: 'Kod från mejlet' });
    expect(identity.calls.filter((c) => c.method === 'requestCode').map((c) => c.args[0])).toEqual([{ email: ALUMNA }]);

    await user.type(code, 'WRONG2');
    await user.click(within(confirm).getByRole('button', { name: 'Radera mina uppgifter för gott' }));
    await waitFor(() => expect(code.getAttribute('aria-invalid')).toBe('true'));
    expect(members.members.find((m) => m.id === memberId)!.status).toBe('active');

    await user.clear(code);
    await user.type(code, identity.lastCode(ALUMNA)!);
    await user.click(within(confirm).getByRole('button', { name: 'Radera mina uppgifter för gott' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Dina uppgifter har raderats' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/erased');
    await within(screen.getByRole('banner')).findByRole('link', { name: 'Logga in' });
    expect(members.members.find((m) => m.id === memberId)!.status).toBe('erased');
    expect(identity.currentSessionId).toBeNull();
  });

  it('sends a visit of the erased page without an erasure home', async () => {
    const { router } = renderApp({ clients: { identity, members }, path: '/erased' });
    await waitFor(() => expect(router.state.location.pathname).toBe('/departments'));
  });
});
