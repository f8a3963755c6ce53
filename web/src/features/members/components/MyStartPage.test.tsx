import { screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import type { MemberResponse } from '../../../api/generated';
import {
  affiliation,
  consents,
  demoFaculties,
  json,
  me,
  member,
  notFound,
  pendingSignUp,
  server,
} from '../../../test/http';
import { eventListPage } from '../../../test/member-events';
import { renderApp } from '../../../test/render-app';

const ALUMNA = me('alumnus');
const STUDY = affiliation({ departmentCode: 'DSV', degreeType: 'master', programme: 'Data science', startYear: 2015, endYear: 2017, credits: 120 });

function serve(record: MemberResponse | null) {
  server.use(http.get('/api/me/profile', () => (record ? json(record) : notFound())));
}

beforeEach(() => {
  server.use(
    http.get('/api/faculties', () => json(demoFaculties())),
    http.get('/api/me/pending-sign-up', () => notFound()),
    // The upcoming events the route puts on the page (tested with the events feature).
    http.get('/api/me/events', () => json(eventListPage([]))),
  );
});

describe('MyStartPage', () => {
  it('shows a new member their profile in brief and everything left to complete', async () => {
    serve(member({ email: ALUMNA.email, firstName: 'Ada', lastName: 'Alumna' }));
    renderApp({ me: ALUMNA, path: '/me' });
    // The page loads when first visited: give it time on a busy machine.
    expect(await screen.findByRole('heading', { level: 1, name: 'Välkommen, Ada' }, { timeout: 10_000 })).toBeTruthy();
    const todo = screen.getByRole('region', { name: 'Det här kan du fylla i' });
    const links = within(todo).getAllByRole('link');
    expect(links.map((link) => link.textContent)).toEqual([
      'Lägg till vad du har studerat vid universitetet',
      'Ange vilket land du bor i',
      'Lägg till var du arbetar och din titel',
      'Lägg till några intressen',
      'Berätta om du kan hjälpa studenter, till exempel som mentor',
      'Välj om andra medlemmar ska kunna hitta dig i katalogen',
      'Välj vad du vill höra från oss',
    ]);
    expect(links.every((link) => link.getAttribute('href') === '/me/profile')).toBe(true);
    const summary = screen.getByRole('region', { name: 'Din profil i korthet' });
    expect(within(summary).getByText('Ada Alumna')).toBeTruthy();
    expect(within(summary).getByText('Inte synlig')).toBeTruthy();
    expect(within(summary).getByText('Inget ännu')).toBeTruthy();
    expect(within(summary).getByRole('link', { name: 'Ändra min profil' }).getAttribute('href')).toBe('/me/profile');
  });

  it('shows a complete profile: studies, place, work, directory and consents, with nothing left to do', async () => {
    serve(
      member({
        email: ALUMNA.email,
        firstName: 'Ada',
        lastName: 'Alumna',
        affiliations: [STUDY],
        country: 'SE',
        city: 'Uppsala',
        employer: 'Acme AB',
        jobTitle: 'CTO',
        interests: ['AI'],
        offers: ['mentor'],
        directoryListed: true,
        directoryFields: ['employer', 'city'],
        consents: consents(['directory', 'eventInvitations']),
      }),
    );
    renderApp({ me: ALUMNA, path: '/me' });
    const todo = await screen.findByRole('region', { name: 'Det här kan du fylla i' });
    expect(within(todo).queryAllByRole('link')).toHaveLength(0);
    expect(todo.textContent).toContain('Din profil är komplett');
    const summary = screen.getByRole('region', { name: 'Din profil i korthet' });
    await waitFor(() =>
      expect(within(summary).getByText(/Masterexamen, Institutionen för data- och systemvetenskap – Data science \(2015–2017\)/)).toBeTruthy(),
    );
    expect(within(summary).getByText('Uppsala, SE')).toBeTruthy();
    expect(within(summary).getByText('CTO, Acme AB')).toBeTruthy();
    expect(within(summary).getByText('Synlig. Andra medlemmar ser ditt namn och: Ort, Arbetsgivare.')).toBeTruthy();
    expect(within(summary).getByText('Evenemangsinbjudningar, Alumnikatalogen')).toBeTruthy();
  });

  it('takes someone with a sign-up waiting for confirmation to confirm it', async () => {
    serve(null);
    server.use(http.get('/api/me/pending-sign-up', () => json(pendingSignUp({ email: ALUMNA.email, firstName: 'Ada', lastName: 'Alumna' }))));
    const { router } = renderApp({ me: ALUMNA, path: '/me' });
    await waitFor(() => expect(router.state.location.pathname).toBe('/join'));
    expect(await screen.findByRole('heading', { level: 1, name: 'Bekräfta din anmälan' })).toBeTruthy();
  });

  it('invites someone signed in without a membership to join', async () => {
    serve(null);
    renderApp({ me: ALUMNA, path: '/me' });
    const invite = await screen.findByRole('region', { name: 'Du är inte medlem i alumninätverket ännu' });
    expect(within(invite).getByRole('link').getAttribute('href')).toBe('/join');
  });

  it('sends a signed-out visitor to sign in, and back to /me afterwards', async () => {
    const { router } = renderApp({ me: null, path: '/me' });
    await waitFor(() => expect(router.state.location.pathname).toBe('/sign-in'));
    expect(router.state.location.search).toBe('?returnTo=%2Fme');
  });
});
