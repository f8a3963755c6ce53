import { screen, within } from '@testing-library/react';
import { http } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { demoFaculties, forbidden, json, me, member, notFound, recordRequests, requestsTo, server } from '../../../test/http';
import { eventListItem, eventListPage } from '../../../test/member-events';
import { renderApp } from '../../../test/render-app';

const ALUMNA = me('alumnus');

beforeEach(() => {
  server.use(
    http.get('/api/faculties', () => json(demoFaculties())),
    http.get('/api/me/pending-sign-up', () => notFound()),
    http.get('/api/me/profile', () => json(member({ email: ALUMNA.email, firstName: 'Ada', lastName: 'Alumna' }))),
  );
});

describe('the upcoming events on my start page', () => {
  it('shows the next three events of my audience, with the ways to all events and to mine', async () => {
    server.use(
      http.get('/api/me/events', () =>
        json(eventListPage([eventListItem(), eventListItem({ id: 'b', titleSv: 'Föreläsning', kind: 'lecture' })], 1, 3, 7)),
      ),
    );
    const sent = recordRequests();
    renderApp({ me: ALUMNA, path: '/me' });
    const region = await screen.findByRole('region', { name: 'Kommande evenemang' }, { timeout: 10_000 });
    const list = await within(region).findByRole('list', { name: 'Kommande evenemang' });
    expect(within(list).getAllByRole('heading', { level: 3 }).map((heading) => heading.textContent)).toEqual([
      'Återträff för DSV-alumner',
      'Föreläsning',
    ]);
    expect(within(region).getByRole('link', { name: 'Alla evenemang' }).getAttribute('href')).toBe('/events');
    expect(within(region).getByRole('link', { name: 'Mina evenemang' }).getAttribute('href')).toBe('/me/events');
    expect(requestsTo(sent, 'GET', '/api/me/events')[0].query).toEqual({ page: '1', pageSize: '3' });
  });

  it('says when none are coming', async () => {
    server.use(http.get('/api/me/events', () => json(eventListPage([]))));
    renderApp({ me: ALUMNA, path: '/me' });
    const region = await screen.findByRole('region', { name: 'Kommande evenemang' }, { timeout: 10_000 });
    expect(await within(region).findByText('Inga kommande evenemang för dig just nu.')).toBeTruthy();
  });

  it('says so when they cannot be loaded, and the rest of the page stays', async () => {
    server.use(http.get('/api/me/events', () => forbidden()));
    renderApp({ me: ALUMNA, path: '/me' });
    const region = await screen.findByRole('region', { name: 'Kommande evenemang' }, { timeout: 10_000 });
    expect((await within(region).findByRole('alert')).textContent).toContain('De kommande evenemangen kunde inte hämtas.');
    expect(screen.getByRole('region', { name: 'Din profil i korthet' })).toBeTruthy();
  });
});
