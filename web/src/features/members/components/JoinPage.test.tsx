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
  notFound,
  recordRequests,
  requestsTo,
  server,
  signUpAccepted,
  validationProblem,
  type SentRequest,
} from '../../../test/http';
import { renderApp } from '../../../test/render-app';

const TOKEN = 'tok00001abcdef';
const VERA = me('alumnus', { email: 'vera@example.org', displayName: undefined, userId: '0190f000-0000-7000-8000-0000000000aa' });
let sent: SentRequest[];

beforeEach(() => {
  sent = recordRequests();
  server.use(
    http.get('/api/faculties', () => json(demoFaculties())),
    http.post(`/api/recruitment/links/${TOKEN}/visits`, () => json(campaignLanding(DSV, 'Graduation 2026'))),
    http.post('/api/members/sign-up', () => json(signUpAccepted(), 202)),
    http.post('/api/auth/code', () => json(codeRequested())),
    http.post('/api/auth/session', () => json(VERA)),
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

  it('signs up with the token, sends the code, verifies it and lands on the profile with a welcome', async () => {
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

    await user.type(screen.getByRole('textbox', { name: 'Kod' }), 'ABC234');
    await user.click(screen.getByRole('button', { name: 'Bekräfta min adress' }));

    expect(await screen.findByText(/^Välkommen till alumninätverket!/)).toBeTruthy();
    expect(router.state.location.pathname).toBe('/me/profile');
    expect(await within(screen.getByRole('banner')).findByText('vera@example.org')).toBeTruthy();
    expect(await screen.findByRole('heading', { level: 2, name: 'Om dig' })).toBeTruthy();
    expect(await requestsTo(sent, 'POST', '/api/auth/session')[0].json()).toEqual({ email: 'vera@example.org', code: 'ABC234' });
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
});

describe('JoinPage field errors', () => {
  it('puts the server’s messages on the fields, nested ones on the study they are about', async () => {
    server.use(
      http.post('/api/members/sign-up', () =>
        validationProblem({
          firstName: ['Enter a name.'],
          lastName: ['Enter a name.'],
          email: ['Enter a valid e-mail address, like name@example.org.'],
          'affiliations[0].credits': ['Credits cannot be negative.'],
          'affiliations[1].departmentCode': ['Choose a department.'],
          'affiliations[1].endYear': ['The end year cannot be before the start year.'],
          confirmsCredits: ['Confirm that you have earned at least 1 hp at the university.'],
        }),
      ),
    );
    const user = userEvent.setup();
    renderApp({ me: null, path: '/join' });
    const studies = await screen.findByRole('region', { name: 'Dina studier vid Stockholms universitet' });
    await user.click(within(studies).getByRole('button', { name: 'Lägg till ännu en studie' }));
    const [first, second] = within(studies).getAllByRole('group', { name: /^Studie \d$/ });
    await user.selectOptions(within(first).getByRole('combobox', { name: 'Institution' }), 'DSV');
    await user.selectOptions(within(first).getByRole('combobox', { name: 'Examen' }), 'bachelor');
    await user.type(within(first).getByRole('textbox', { name: 'Högskolepoäng (hp)' }), '-5');
    await user.selectOptions(within(second).getByRole('combobox', { name: 'Examen' }), 'exchange');
    await user.type(within(second).getByRole('textbox', { name: 'Startår (valfritt)' }), '2019');
    await user.type(within(second).getByRole('textbox', { name: 'Examensår (valfritt)' }), '2018');
    await user.click(screen.getByRole('button', { name: 'Bli medlem' }));

    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain('Du kunde inte registreras ännu');
    const links = within(summary).getAllByRole('link').map((link) => link.textContent);
    expect(links).toEqual(
      expect.arrayContaining([
        'Förnamn: Enter a name.',
        'Studie 1, Högskolepoäng (hp): Credits cannot be negative.',
        'Studie 2, Institution: Choose a department.',
        'Studie 2, Examensår (valfritt): The end year cannot be before the start year.',
      ]),
    );
    const credits = within(first).getByRole('textbox', { name: 'Högskolepoäng (hp)' });
    expect(credits.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(credits.getAttribute('aria-describedby')!.split(' ')[0])!.textContent).toBe(
      'Credits cannot be negative.',
    );
    expect(within(second).getByRole('combobox', { name: 'Institution' }).getAttribute('aria-invalid')).toBe('true');
    expect(within(first).getByRole('combobox', { name: 'Institution' }).getAttribute('aria-invalid')).toBeNull();
    expect(screen.getByRole('checkbox', { name: /^Jag har tagit minst 1 hp/ }).getAttribute('aria-invalid')).toBe('true');

    // The link in the summary leads to the field.
    await user.click(within(summary).getByRole('link', { name: /^Studie 1, Högskolepoäng/ }));
    expect(document.activeElement).toBe(credits);
    // Changing a field hides its (now stale) message.
    await user.clear(credits);
    await user.type(credits, '15');
    expect(credits.getAttribute('aria-invalid')).toBeNull();
    expect(await requestsTo(sent, 'POST', '/api/members/sign-up')[0].json()).toMatchObject({
      affiliations: [
        { departmentCode: 'DSV', degreeType: 'bachelor', credits: -5 },
        { degreeType: 'exchange', startYear: 2019, endYear: 2018 },
      ],
    });
  });

  it('catches a study without a degree before asking the server', async () => {
    const user = userEvent.setup();
    renderApp({ me: null, path: '/join' });
    await user.click(await screen.findByRole('button', { name: 'Bli medlem' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link').textContent).toBe('Studie 1, Examen: Välj en examen (eller ”Kurser utan examen”).');
    expect(requestsTo(sent, 'POST', '/api/members/sign-up')).toHaveLength(0);
  });
});
