import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { demoFaculties, json, me, memberPage, notFound, pendingSignUp, server } from '../../../test/http';
import { renderApp } from '../../../test/render-app';

beforeEach(() => {
  server.use(
    http.get('/api/faculties', () => json(demoFaculties())),
    http.get('/api/members', () => json(memberPage([]))),
    http.get('/api/me/pending-sign-up', () => notFound()),
  );
});

describe('the front page', () => {
  it('tells a visitor what the network is and what members get, and offers "join" and "sign in"', async () => {
    const { router } = renderApp({ me: null, path: '/' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Stockholms universitets alumninätverk' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/');
    const main = screen.getByRole('main');
    expect(within(main).getByRole('link', { name: 'Gå med i nätverket' }).getAttribute('href')).toBe('/join');
    expect(within(main).getByRole('link', { name: 'Logga in' }).getAttribute('href')).toBe('/sign-in');
    const benefits = screen.getByRole('region', { name: 'Det här får du som medlem' });
    expect(within(benefits).getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual([
      'Evenemang',
      'Nyheter',
      'Ett nätverk',
      'En chans att hjälpa studenter',
    ]);
    expect(screen.getByRole('region', { name: 'Vem kan gå med?' }).textContent).toContain('minst 1 högskolepoäng');
    expect(document.title).toBe('Stockholms universitets alumninätverk – Alumni, Stockholms universitet');
  });

  it('speaks English too', async () => {
    window.localStorage.setItem('alumni.language', 'en');
    renderApp({ me: null, path: '/' });
    expect(await screen.findByRole('heading', { level: 1, name: "Stockholm University's alumni network" })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Join the network' })).toBeTruthy();
  });

  it.each([
    ['alumnus', '/me'],
    ['coordinator', '/staff'],
    ['admin', '/staff'],
  ] as const)('sends a signed-in %s on to their start page (%s)', async (role, start) => {
    server.use(http.get('/api/me/profile', () => json(null, 404)));
    const { router } = renderApp({ me: me(role), path: '/' });
    await waitFor(() => expect(router.state.location.pathname).toBe(start));
  });
});

describe('the staff start page', () => {
  it('asks staff who also signed up as alumni to confirm the sign-up first', async () => {
    server.use(
      http.get('/api/me/pending-sign-up', () =>
        json(pendingSignUp({ email: 'coordinator@example.org', firstName: 'Cora', lastName: 'Ordinator' })),
      ),
    );
    renderApp({ me: me('coordinator'), path: '/staff' });
    const invite = await screen.findByRole('region', { name: 'En anmälan väntar på din bekräftelse' });
    expect(within(invite).getByRole('link').getAttribute('href')).toBe('/join');
  });

  it('searches members from its search box, into /staff/members?q=', async () => {
    const user = userEvent.setup();
    const { router } = renderApp({ me: me('coordinator'), path: '/staff' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Välkommen, Demo Coordinator' })).toBeTruthy();
    expect(screen.getByText(/alumnkoordinator för Institutionen för data- och systemvetenskap/)).toBeTruthy();
    const search = screen.getByRole('search');
    await user.type(within(search).getByRole('searchbox', { name: 'Sök medlemmar' }), 'Lisa Berg');
    await user.click(within(search).getByRole('button', { name: 'Sök' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/staff/members'));
    expect(router.state.location.search).toBe('?q=Lisa+Berg');
  });

  it('shows a coordinator their tools, without the administration', async () => {
    renderApp({ me: me('coordinator'), path: '/staff' });
    const tools = await screen.findByRole('region', { name: 'Dina verktyg' });
    expect(within(tools).getAllByRole('link').map((link) => link.getAttribute('href'))).toEqual([
      '/staff/members',
      '/staff/campaigns',
      '/departments',
    ]);
    expect(screen.queryByRole('region', { name: 'Administration' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Din egen alumnsida' }).getAttribute('href')).toBe('/me');
  });

  it('shows an admin people, API keys, the audit log and imports too', async () => {
    renderApp({ me: me('admin'), path: '/staff' });
    const admin = await screen.findByRole('region', { name: 'Administration' });
    expect(within(admin).getAllByRole('link').map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['Personer', '/admin/people'],
      ['API-nycklar', '/admin/api-keys'],
      ['Granskningslogg', '/admin/audit'],
      ['Importer', '/admin/imports'],
    ]);
  });

  it('is not for an alumnus', async () => {
    renderApp({ me: me('alumnus'), path: '/staff' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Ingen behörighet' })).toBeTruthy();
  });
});
