import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  affiliation,
  campaignLanding,
  codeRequested,
  demoFaculties,
  DSV,
  json,
  me,
  member,
  noContent,
  notFound,
  pendingSignUp,
  preconditionFailed,
  recordRequests,
  requestsTo,
  server,
  signUpAccepted,
  validationProblem,
  type SentRequest,
} from '../../../test/http';
import { eventListPage } from '../../../test/member-events';
import { renderApp } from '../../../test/render-app';

const TOKEN = 'tok00001abcdef';
const VERA = me('alumnus', { email: 'vera@example.org', displayName: undefined, userId: '0190f000-0000-7000-8000-0000000000aa' });
const VERAS_SIGN_UP = pendingSignUp({
  email: VERA.email,
  firstName: 'Vera',
  lastName: 'Besökare',
  affiliations: [affiliation({ departmentCode: 'DSV', credits: 7.5, startYear: 2015, endYear: 2017 })],
  requestedConsents: ['centralNewsletter', 'eventInvitations'],
  version: 3,
});
let sent: SentRequest[];

beforeEach(() => {
  sent = recordRequests();
  server.use(
    http.get('/api/faculties', () => json(demoFaculties())),
    http.post(`/api/recruitment/links/${TOKEN}/visits`, () => json(campaignLanding(DSV, 'Graduation 2026'))),
    http.post('/api/members/sign-up', () => json(signUpAccepted(), 202)),
    http.post('/api/auth/code', () => json(codeRequested())),
    http.post('/api/auth/session', () => json(VERA)),
    http.get('/api/me/pending-sign-up', () => json(VERAS_SIGN_UP, 200, { ETag: '"3"' })),
    // The start page a confirmed sign-up lands on lists the upcoming events.
    http.get('/api/me/events', () => json(eventListPage([]))),
    http.post('/api/me/pending-sign-up/confirm', () => json(member({ email: VERA.email, firstName: 'Vera', lastName: 'Besökare' }))),
    http.delete('/api/me/pending-sign-up', () => noContent()),
    http.get('/api/me/profile', () =>
      json(
        member({
          email: VERA.email,
          firstName: 'Vera',
          lastName: 'Besökare',
          affiliations: [affiliation({ departmentCode: 'DSV', credits: 7.5 })],
        }),
      ),
    ),
  );
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

const visits = () => requestsTo(sent, 'POST', `/api/recruitment/links/${TOKEN}/visits`);

describe('JoinPage with an invitation link', () => {
  it('opens the link once, names the inviting department and starts the first study there', async () => {
    const { i18n } = renderApp({ me: null, path: `/join/${TOKEN}` });
    expect(await screen.findByText('Inbjuden av Institutionen för data- och systemvetenskap')).toBeTruthy();
    expect((screen.getByRole('combobox', { name: 'Institution' }) as HTMLSelectElement).value).toBe('DSV');
    expect(visits()).toHaveLength(1);

    await i18n.changeLanguage('en');
    expect(await screen.findByText('Invited by Department of Computer and Systems Sciences')).toBeTruthy();
    // Changing the language is no new visit.
    expect(visits()).toHaveLength(1);
  });

  it('signs up with the token, sends the code, verifies it, confirms with the consents ticked and lands on the start page', async () => {
    const user = userEvent.setup();
    const { router } = renderApp({ me: null, path: `/join/${TOKEN}` });
    await screen.findByText(/^Inbjuden av/);
    await fillIn(user);
    await user.click(screen.getByRole('button', { name: 'Bli medlem' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Bekräfta din e-postadress' })).toBeTruthy();
    const [signUp] = requestsTo(sent, 'POST', '/api/members/sign-up');
    expect(await signUp.json()).toMatchObject({
      firstName: 'Vera',
      email: 'vera@example.org',
      preferredLanguage: 'sv',
      affiliations: [{ departmentCode: 'DSV', degreeType: 'master', credits: 7.5 }],
      consents: ['eventInvitations'],
      confirmsCredits: true,
      campaignToken: TOKEN,
    });
    const codes = requestsTo(sent, 'POST', '/api/auth/code');
    expect(await Promise.all(codes.map((r) => r.json()))).toEqual([{ email: 'vera@example.org' }]);

    // No code yet: the form says so and asks nothing of the server.
    await user.click(screen.getByRole('button', { name: 'Bekräfta min adress' }));
    expect(within(await screen.findByRole('alert')).getByRole('link').textContent).toBe('Kod: Ange koden från e-postmeddelandet.');
    expect(requestsTo(sent, 'POST', '/api/auth/session')).toHaveLength(0);

    await user.type(screen.getByRole('textbox', { name: 'Kod' }), 'ABC234');
    await user.click(screen.getByRole('button', { name: 'Bekräfta min adress' }));

    // Signing in activated nothing: what was signed up is shown, each consent asked for unticked.
    expect(await screen.findByRole('heading', { level: 1, name: 'Bekräfta din anmälan' })).toBeTruthy();
    const step = screen.getByRole('region', { name: 'Är det här du?' });
    expect(within(step).getByText('Vera Besökare')).toBeTruthy();
    expect(within(step).getByText(/Institutionen för data- och systemvetenskap, 2015–2017, 7,5 hp/)).toBeTruthy();
    const consents = within(step).getAllByRole('checkbox');
    expect(consents.map((box) => [box.getAttribute('value'), (box as HTMLInputElement).checked])).toEqual([
      ['centralNewsletter', false],
      ['eventInvitations', false],
    ]);
    expect(router.state.location.pathname).toBe(`/join/${TOKEN}`);
    expect(requestsTo(sent, 'POST', '/api/me/pending-sign-up/confirm')).toHaveLength(0);

    await user.click(within(step).getByRole('checkbox', { name: 'Inbjudningar till alumnievenemang' }));
    await user.click(within(step).getByRole('button', { name: 'Ja, det är jag – bli medlem' }));

    expect(await screen.findByText(/^Välkommen till alumninätverket!/)).toBeTruthy();
    const [confirm] = requestsTo(sent, 'POST', '/api/me/pending-sign-up/confirm');
    expect(confirm.headers.get('If-Match')).toBe('"3"');
    expect(await confirm.json()).toEqual({ consents: ['eventInvitations'] });
    // The link's visit was counted once, before the code step.
    expect(visits()).toHaveLength(1);
    expect(router.state.location.pathname).toBe('/me');
    expect(await within(screen.getByRole('banner')).findByText('vera@example.org')).toBeTruthy();
    expect(await screen.findByRole('heading', { level: 2, name: 'Din profil i korthet' })).toBeTruthy();
    expect(await requestsTo(sent, 'POST', '/api/auth/session')[0].json()).toEqual({ email: 'vera@example.org', code: 'ABC234' });
  });

  it('goes straight to the start page when no sign-up waits (the address was already a member’s)', async () => {
    server.use(http.get('/api/me/pending-sign-up', () => notFound()));
    const user = userEvent.setup();
    const { router } = renderApp({ me: null, path: '/join' });
    await fillIn(user);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Institution' }), 'DSV');
    await user.click(screen.getByRole('button', { name: 'Bli medlem' }));
    await user.type(await screen.findByRole('textbox', { name: 'Kod' }), 'ABC234');
    await user.click(screen.getByRole('button', { name: 'Bekräfta min adress' }));

    expect(await screen.findByText(/^Välkommen till alumninätverket!/)).toBeTruthy();
    expect(router.state.location.pathname).toBe('/me');
    expect(requestsTo(sent, 'POST', '/api/me/pending-sign-up/confirm')).toHaveLength(0);
  });

  it('keeps the code step when the person comes back from reading the mail, without counting a new visit', async () => {
    const user = userEvent.setup();
    const first = renderApp({ me: null, devMailbox: [], path: `/join/${TOKEN}` });
    await screen.findByText(/^Inbjuden av/);
    await fillIn(user);
    await user.click(screen.getByRole('button', { name: 'Bli medlem' }));
    await screen.findByRole('textbox', { name: 'Kod' });
    expect(within(screen.getByRole('main')).getByRole('link', { name: /^Utvecklarpost/ }).getAttribute('href')).toBe('/dev/mailbox');
    first.unmount();

    renderApp({ me: null, path: `/join/${TOKEN}` });
    expect(await screen.findByRole('textbox', { name: 'Kod' })).toBeTruthy();
    expect(screen.getByText(/Vi har mejlat en kod till vera@example.org/)).toBeTruthy();
    expect(visits()).toHaveLength(1);
  });

  it('says so when the link is not valid, and signs up without a token', async () => {
    server.use(http.post('/api/recruitment/links/nope/visits', () => notFound('This invitation link is not valid.')));
    const user = userEvent.setup();
    renderApp({ me: null, path: '/join/nope' });
    expect(await screen.findByText(/Den här inbjudningslänken gäller inte/)).toBeTruthy();
    expect((screen.getByRole('combobox', { name: 'Institution' }) as HTMLSelectElement).value).toBe('');
    await fillIn(user);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Institution' }), 'ENG');
    await user.click(screen.getByRole('button', { name: 'Bli medlem' }));
    await screen.findByRole('textbox', { name: 'Kod' });
    const body = (await requestsTo(sent, 'POST', '/api/members/sign-up')[0].json()) as Record<string, unknown>;
    expect(body).toMatchObject({ affiliations: [{ departmentCode: 'ENG' }] });
    expect(body).not.toHaveProperty('campaignToken');
  });

  it('says a closed campaign’s link is closed, and signs up without its token (nothing more is counted)', async () => {
    server.use(http.post(`/api/recruitment/links/${TOKEN}/visits`, () => json(campaignLanding(DSV, 'Graduation 2026', true))));
    const user = userEvent.setup();
    renderApp({ me: null, path: `/join/${TOKEN}` });
    expect(
      await screen.findByText(
        'Inbjudan från Institutionen för data- och systemvetenskap har stängts. Du är ändå välkommen att bli medlem i alumninätverket nedan.',
      ),
    ).toBeTruthy();
    expect(screen.queryByText(/^Inbjuden av/)).toBeNull();
    // The department it came from still starts the first study.
    expect((screen.getByRole('combobox', { name: 'Institution' }) as HTMLSelectElement).value).toBe('DSV');
    await fillIn(user);
    await user.click(screen.getByRole('button', { name: 'Bli medlem' }));
    await screen.findByRole('textbox', { name: 'Kod' });
    const body = (await requestsTo(sent, 'POST', '/api/members/sign-up')[0].json()) as Record<string, unknown>;
    expect(body).toMatchObject({ affiliations: [{ departmentCode: 'DSV' }] });
    expect(body).not.toHaveProperty('campaignToken');
  });
});

describe('JoinPage field errors', () => {
  it('puts the server’s messages on the fields, nested ones on the study they are about', async () => {
    server.use(
      http.post('/api/members/sign-up', () =>
        validationProblem({
          // What only the server can judge: messages for fields the form's own rules passed.
          email: ['This address cannot be used.'],
          'affiliations[0].credits': ['More credits than the programme has.'],
          'affiliations[1].departmentCode': ['No active department has this code.'],
          campaignToken: ['This invitation link is not valid.'],
        }),
      ),
    );
    const user = userEvent.setup();
    renderApp({ me: null, path: '/join' });
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
    expect(await requestsTo(sent, 'POST', '/api/members/sign-up')[0].json()).toMatchObject({
      affiliations: [
        { departmentCode: 'DSV', degreeType: 'master', credits: 7.5 },
        { departmentCode: 'ENG', degreeType: 'exchange', credits: 30 },
      ],
    });
  });

  it('flags every missing field of an empty sign-up at once, before asking the server', async () => {
    const user = userEvent.setup();
    renderApp({ me: null, path: '/join' });
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
    expect(requestsTo(sent, 'POST', '/api/members/sign-up')).toHaveLength(0);

    // Filled in, it goes through.
    await fillIn(user);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Institution' }), 'ENG');
    expect(screen.getByRole('textbox', { name: 'Förnamn' }).getAttribute('aria-invalid')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Bli medlem' }));
    expect(await screen.findByRole('textbox', { name: 'Kod' })).toBeTruthy();
    expect(requestsTo(sent, 'POST', '/api/members/sign-up')).toHaveLength(1);
  });
});

describe('JoinPage for someone signed in with a sign-up waiting', () => {
  it('rejects a sign-up that is not theirs: it is removed and the form is shown', async () => {
    const user = userEvent.setup();
    const { router } = renderApp({ me: VERA, path: '/join' });
    const step = await screen.findByRole('region', { name: 'Är det här du?' });

    await user.click(within(step).getByRole('button', { name: 'Nej, det är inte jag – ta bort anmälan' }));

    expect(await screen.findByText('Anmälan har tagits bort. Vill du bli medlem kan du anmäla dig nedan.')).toBeTruthy();
    expect(await screen.findByRole('heading', { level: 1, name: 'Bli medlem i alumninätverket' })).toBeTruthy();
    const [reject] = requestsTo(sent, 'DELETE', '/api/me/pending-sign-up');
    expect(reject.headers.get('If-Match')).toBe('"3"');
    expect(requestsTo(sent, 'POST', '/api/me/pending-sign-up/confirm')).toHaveLength(0);
    expect(router.state.location.pathname).toBe('/join');
  });

  it('says so when a newer sign-up replaced the one shown, and shows the newer one', async () => {
    let newer = false;
    server.use(
      http.get('/api/me/pending-sign-up', () =>
        newer
          ? json({ ...VERAS_SIGN_UP, firstName: 'Mallory', version: 4 }, 200, { ETag: '"4"' })
          : json(VERAS_SIGN_UP, 200, { ETag: '"3"' }),
      ),
      http.post('/api/me/pending-sign-up/confirm', () => {
        newer = true;
        return preconditionFailed();
      }),
    );
    const user = userEvent.setup();
    renderApp({ me: VERA, path: '/join' });
    const step = await screen.findByRole('region', { name: 'Är det här du?' });
    await user.click(within(step).getByRole('checkbox', { name: 'Inbjudningar till alumnievenemang' }));

    await user.click(within(step).getByRole('button', { name: 'Ja, det är jag – bli medlem' }));

    expect(await screen.findByText(/^En nyare anmälan för din adress har kommit in/)).toBeTruthy();
    expect(await screen.findByText('Mallory Besökare')).toBeTruthy();
    // What was ticked was about the other sign-up.
    expect((screen.getByRole('checkbox', { name: 'Inbjudningar till alumnievenemang' }) as HTMLInputElement).checked).toBe(false);
  });
});
