import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  demoFaculties,
  directoryEntry,
  directoryPage,
  forbidden,
  json,
  me,
  recordRequests,
  requestsTo,
  server,
  type SentRequest,
} from '../../../test/http';
import { renderApp } from '../../../test/render-app';

const ALUMNA = me('alumnus');
/** A listed member who chose to show her work, what she offers and her studies (not her city or bio). */
const LISA = directoryEntry({
  firstName: 'Lisa',
  lastName: 'Listad',
  employer: 'Acme AB',
  jobTitle: 'CTO',
  offers: ['mentor'],
  affiliations: ['DSV 2012'],
});
let sent: SentRequest[];

beforeEach(() => {
  sent = recordRequests();
  server.use(
    http.get('/api/faculties', () => json(demoFaculties())),
    http.get('/api/directory', () => json(directoryPage([LISA]))),
  );
});

describe('DirectoryPage', () => {
  it('shows the listed members with the fields the server returned', async () => {
    renderApp({ me: ALUMNA, path: '/directory' });
    const card = await screen.findByRole('article', { name: 'Lisa Listad' });
    expect(within(card).getByText('CTO, Acme AB')).toBeTruthy();
    expect(within(card).getByText('Mentorskap för studenter')).toBeTruthy();
    expect(within(card).getByText('DSV 2012')).toBeTruthy();
    expect(screen.getAllByRole('article')).toHaveLength(1);
    expect(screen.getByText('1 medlem hittades')).toBeTruthy();
    expect(requestsTo(sent, 'GET', '/api/directory')[0].query).toEqual({ page: '1', pageSize: '24' });
  });

  it('searches by name, department, country and offers', async () => {
    server.use(
      http.get('/api/directory', ({ request }) =>
        new URL(request.url).searchParams.has('q') ? json(directoryPage([], { total: 0 })) : undefined,
      ),
    );
    const user = userEvent.setup();
    const { router } = renderApp({ me: ALUMNA, path: '/directory' });
    await screen.findByRole('article', { name: 'Lisa Listad' });
    await user.type(screen.getByRole('searchbox', { name: 'Namn' }), 'lis');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Institution' }), 'DSV');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Land' }), 'NO');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Erbjuder' }), 'mentor');
    await user.click(screen.getByRole('button', { name: 'Sök' }));
    expect(await screen.findByText('Inga medlemmar matchar sökningen.')).toBeTruthy();
    expect(router.state.location.search).toBe('?q=lis&department=DSV&country=NO&offers=mentor');
    expect(requestsTo(sent, 'GET', '/api/directory').at(-1)!.query).toEqual({
      q: 'lis',
      department: 'DSV',
      country: 'NO',
      offers: 'mentor',
      page: '1',
      pageSize: '24',
    });
  });

  it('pages through the directory', async () => {
    const people = [
      LISA,
      ...Array.from({ length: 30 }, (_, i) => directoryEntry({ firstName: 'Per', lastName: `Person${String(i).padStart(2, '0')}` })),
    ];
    server.use(
      http.get('/api/directory', ({ request }) => {
        const page = Number(new URL(request.url).searchParams.get('page'));
        return json(directoryPage(people.slice((page - 1) * 24, page * 24), { total: 31, page }));
      }),
    );
    const user = userEvent.setup();
    renderApp({ me: ALUMNA, path: '/directory' });
    await screen.findByText('31 medlemmar hittades');
    expect(screen.getAllByRole('article')).toHaveLength(24);
    await user.click(within(screen.getByRole('navigation', { name: 'Sidor i katalogen' })).getByRole('link', { name: 'Nästa sida' }));
    await waitFor(() => expect(screen.getAllByRole('article')).toHaveLength(7));
    expect(screen.getByText('Sida 2 av 2')).toBeTruthy();
    expect(requestsTo(sent, 'GET', '/api/directory').at(-1)!.query).toEqual({ page: '2', pageSize: '24' });
  });

  it('tells someone who is not an active member what to do', async () => {
    server.use(http.get('/api/directory', () => forbidden('The directory is for active members.')));
    renderApp({ me: me('coordinator'), path: '/directory' });
    expect(await screen.findByRole('heading', { level: 2, name: 'Katalogen är till för aktiva medlemmar' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Till min profil' }).getAttribute('href')).toBe('/me/profile');
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
