import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEMO_COORDINATOR, FakeDevApi, seededFakeIdentity, type FakeIdentityApi } from '../../../test/fake-identity-api';
import { FakeMembersApi, seededFakeMembers } from '../../../test/fake-members-api';
import { renderApp } from '../../../test/render-app';
import { ProblemTypes } from '../../../lib/problem-details';

let identity: FakeIdentityApi;
let members: FakeMembersApi;
let token: string;

beforeEach(async () => {
  identity = seededFakeIdentity({ signedInAs: DEMO_COORDINATOR });
  members = seededFakeMembers(identity);
  token = (await members.createCampaign({ departmentCode: 'DSV', channel: 'LinkedIn', label: 'Graduation 2026' })).token;
  members.calls = [];
  // A visitor of the link is signed out.
  await identity.signOut();
});

async function fillIn(user: ReturnType<typeof userEvent.setup>, email = 'vera@example.org') {
  await user.type(screen.getByRole('textbox', { name: 'Förnamn' }), 'Vera');
  await user.type(screen.getByRole('textbox', { name: 'Efternamn' }), 'Besökare');
  await user.type(screen.getByRole('textbox', { name: 'E-postadress' }), email);
  await user.selectOptions(screen.getByRole('combobox', { name: 'Examen' }), 'master');
  await user.type(screen.getByRole('textbox', { name: 'Högskolepoäng (hp)' }), '7,5');
  await user.click(screen.getByRole('checkbox', { name: 'Inbjudningar till alumnievenemang' }));
  await user.click(screen.getByRole('checkbox', { name: /^Jag har tagit minst 1 hp/ }));
}

describe('JoinPage with an invitation link', () => {
  it('opens the link once, names the inviting department and starts the first study there', async () => {
    const { i18n } = renderApp({ clients: { identity, members }, path: `/join/${token}` });
    expect(await screen.findByText('Inbjuden av Institutionen för data- och systemvetenskap')).toBeTruthy();
    expect((screen.getByRole('combobox', { name: 'Institution' }) as HTMLSelectElement).value).toBe('DSV');
    expect(members.callsOf('openCampaignLink').map((c) => c.args)).toEqual([[token]]);
    expect(members.campaigns[0].visits).toBe(1);

    await i18n.changeLanguage('en');
    expect(await screen.findByText('Invited by Department of Computer and Systems Sciences')).toBeTruthy();
    // Changing the language is no new visit.
    expect(members.callsOf('openCampaignLink')).toHaveLength(1);
  });

  it('signs up with the token, sends the code, verifies it and lands on the profile with a welcome', async () => {
    const user = userEvent.setup();
    const { router } = renderApp({ clients: { identity, members }, path: `/join/${token}` });
    await screen.findByText(/^Inbjuden av/);
    await fillIn(user);
    await user.click(screen.getByRole('button', { name: 'Bli medlem' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Bekräfta din e-postadress' })).toBeTruthy();
    const [signUp] = members.callsOf('signUp');
    expect(signUp.args[0]).toMatchObject({
      firstName: 'Vera',
      email: 'vera@example.org',
      preferredLanguage: 'sv',
      affiliations: [{ departmentCode: 'DSV', degreeType: 'master', credits: 7.5 }],
      consents: ['eventInvitations'],
      confirmsCredits: true,
      campaignToken: token,
    });
    expect(identity.calls.filter((c) => c.method === 'requestCode').map((c) => c.args[0])).toEqual([{ email: 'vera@example.org' }]);
    expect(members.memberByEmail('vera@example.org')?.status).toBe('pending');

    await user.type(screen.getByRole('textbox', { name: 'Kod' }), identity.lastCode('vera@example.org')!);
    await user.click(screen.getByRole('button', { name: 'Bekräfta min adress' }));

    expect(await screen.findByText(/^Välkommen till alumninätverket!/)).toBeTruthy();
    expect(router.state.location.pathname).toBe('/me/profile');
    expect(await within(screen.getByRole('banner')).findByText('vera@example.org')).toBeTruthy();
    expect(await screen.findByRole('heading', { level: 2, name: 'Om dig' })).toBeTruthy();
    expect(members.memberByEmail('vera@example.org')?.status).toBe('active');
    expect((await members.listCampaignsAs(DEMO_COORDINATOR))[0]).toMatchObject({ visits: 1, signUps: 1, verified: 1 });
  });

  it('keeps the code step when the person comes back from reading the mail, without counting a new visit', async () => {
    const user = userEvent.setup();
    const first = renderApp({ clients: { identity, members, dev: new FakeDevApi(identity, true) }, path: `/join/${token}` });
    await screen.findByText(/^Inbjuden av/);
    await fillIn(user);
    await user.click(screen.getByRole('button', { name: 'Bli medlem' }));
    await screen.findByRole('textbox', { name: 'Kod' });
    expect(within(screen.getByRole('main')).getByRole('link', { name: /^Utvecklarpost/ }).getAttribute('href')).toBe('/dev/mailbox');
    first.unmount();

    renderApp({ clients: { identity, members }, path: `/join/${token}` });
    expect(await screen.findByRole('textbox', { name: 'Kod' })).toBeTruthy();
    expect(screen.getByText(/Vi har mejlat en kod till vera@example.org/)).toBeTruthy();
    expect(members.callsOf('openCampaignLink')).toHaveLength(1);
  });

  it('says so when the link is not valid, and signs up without a token', async () => {
    const user = userEvent.setup();
    renderApp({ clients: { identity, members }, path: '/join/nope' });
    expect(await screen.findByText(/Den här inbjudningslänken gäller inte/)).toBeTruthy();
    expect((screen.getByRole('combobox', { name: 'Institution' }) as HTMLSelectElement).value).toBe('');
    await fillIn(user);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Institution' }), 'ENG');
    await user.click(screen.getByRole('button', { name: 'Bli medlem' }));
    await screen.findByRole('textbox', { name: 'Kod' });
    expect(members.callsOf('signUp')[0].args[0]).toMatchObject({ campaignToken: undefined, affiliations: [{ departmentCode: 'ENG' }] });
  });
});

describe('JoinPage field errors', () => {
  it('puts the server’s messages on the fields, nested ones on the study they are about', async () => {
    const user = userEvent.setup();
    // What only the server can judge: it answers with messages for fields the form's rules passed.
    members.signUp = async () => {
      throw {
        type: ProblemTypes.validationFailed,
        status: 400,
        title: 'Validation failed',
        errors: {
          email: ['This address cannot be used.'],
          'affiliations[0].credits': ['More credits than the programme has.'],
          'affiliations[1].departmentCode': ['No active department has this code.'],
          campaignToken: ['This invitation link is not valid.'],
        },
      };
    };
    renderApp({ clients: { identity, members }, path: '/join' });
    const studies = await screen.findByRole('region', { name: 'Dina studier vid Stockholms universitet' });
    await fillIn(user);
    await user.click(within(studies).getByRole('button', { name: 'Lägg till ännu en studie' }));
    const [first, second] = within(studies).getAllByRole('group', { name: /^Studie \d$/ });
    await user.selectOptions(within(first).getByRole('combobox', { name: 'Institution' }), 'DSV');
    await user.selectOptions(within(second).getByRole('combobox', { name: 'Institution' }), 'ENG');
    await user.selectOptions(within(second).getByRole('combobox', { name: 'Examen' }), 'exchange');
    await user.type(within(second).getByRole('textbox', { name: 'Högskolepoäng (hp)' }), '30');
    await user.click(screen.getByRole('button', { name: 'Bli medlem' }));

    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain('Du kunde inte registreras ännu');
    const links = within(summary).getAllByRole('link').map((link) => link.textContent);
    expect(links).toEqual([
      'E-postadress: This address cannot be used.',
      'Studie 1, Högskolepoäng (hp): More credits than the programme has.',
      'Studie 2, Institution: No active department has this code.',
    ]);
    // A message about no field of the form is in the summary, without a link.
    expect(within(summary).getByText('This invitation link is not valid.').closest('a')).toBeNull();
    const credits = within(first).getByRole('textbox', { name: 'Högskolepoäng (hp)' });
    expect(credits.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(credits.getAttribute('aria-describedby')!.split(' ')[0])!.textContent).toBe(
      'More credits than the programme has.',
    );
    expect(within(second).getByRole('combobox', { name: 'Institution' }).getAttribute('aria-invalid')).toBe('true');
    expect(within(first).getByRole('combobox', { name: 'Institution' }).getAttribute('aria-invalid')).toBeNull();

    // The link in the summary leads to the field.
    await user.click(within(summary).getByRole('link', { name: /^Studie 1, Högskolepoäng/ }));
    expect(document.activeElement).toBe(credits);
    // Changing a field hides its (now stale) message.
    await user.clear(credits);
    await user.type(credits, '15');
    expect(credits.getAttribute('aria-invalid')).toBeNull();
  });

  it('flags every missing field of an empty sign-up at once, before asking the server', async () => {
    const user = userEvent.setup();
    renderApp({ clients: { identity, members }, path: '/join' });
    await user.click(await screen.findByRole('button', { name: 'Bli medlem' }));
    const summary = await screen.findByRole('alert');
    expect(document.activeElement).toBe(summary);
    expect(within(summary).getAllByRole('link').map((link) => link.textContent)).toEqual([
      'Förnamn: Ange ett namn.',
      'Efternamn: Ange ett namn.',
      'E-postadress: Ange en giltig e-postadress, som namn@example.org.',
      'Studie 1, Institution: Välj en institution.',
      'Studie 1, Examen: Välj en examen (eller ”Kurser utan examen”).',
      'Studie 1, Högskolepoäng (hp): Ange dina högskolepoäng, t.ex. 180 eller 7,5.',
      'Jag har tagit minst 1 hp (högskolepoäng) vid Stockholms universitet: Bekräfta att du har tagit minst 1 hp vid universitetet.',
    ]);
    for (const field of [
      screen.getByRole('textbox', { name: 'Förnamn' }),
      screen.getByRole('textbox', { name: 'Efternamn' }),
      screen.getByRole('textbox', { name: 'E-postadress' }),
      screen.getByRole('combobox', { name: 'Institution' }),
      screen.getByRole('combobox', { name: 'Examen' }),
      screen.getByRole('textbox', { name: 'Högskolepoäng (hp)' }),
      screen.getByRole('checkbox', { name: /^Jag har tagit minst 1 hp/ }),
    ]) {
      expect(field.getAttribute('aria-invalid')).toBe('true');
    }
    expect(members.callsOf('signUp')).toHaveLength(0);

    // Filled in, it goes through.
    await fillIn(user);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Institution' }), 'ENG');
    expect(screen.getByRole('textbox', { name: 'Förnamn' }).getAttribute('aria-invalid')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Bli medlem' }));
    expect(await screen.findByRole('textbox', { name: 'Kod' })).toBeTruthy();
    expect(members.callsOf('signUp')).toHaveLength(1);
  });
});
