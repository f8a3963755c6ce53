import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { demoFaculties, json, me, server } from '../../../test/http';
import { renderApp } from '../../../test/render-app';
import { demoDirectory } from './network-test-data';

beforeEach(() => {
  server.use(
    http.get('/api/network/directory', () => json(demoDirectory())),
    http.get('/api/faculties', () => json(demoFaculties())),
  );
});

describe('DirectoryPage', () => {
  it('shows a coordinator who covers which department by faculty, with contacts, and marks the departments without one', async () => {
    renderApp({ me: me('coordinator'), path: '/staff/network/directory' });

    expect(await screen.findByRole('heading', { level: 1, name: 'Nätverkskatalog' })).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Koordinatorsnätverket' })).toBeTruthy();
    await waitFor(() =>
      expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual([
        'Humanistiska fakulteten',
        'Juridiska fakulteten',
        'Samhällsvetenskapliga fakulteten',
      ]),
    );
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual([
      'Engelska institutionen (ENG)',
      'Historiska institutionen (HIST)',
      'Juridiska institutionen (LAW)',
      'Institutionen för data- och systemvetenskap (DSV)',
    ]);
    const dsv = within(screen.getByRole('list', { name: 'Koordinatorer för Institutionen för data- och systemvetenskap' }));
    expect(dsv.getByText('Formellt utsedd · 20 % av heltid · sedan 1 aug. 2023')).toBeTruthy();
    expect(dsv.getByRole('link', { name: 'alumni@dsv.su.se' }).getAttribute('href')).toBe('mailto:alumni@dsv.su.se');
    expect(dsv.getByRole('link', { name: '+46 8 16 20 00' }).getAttribute('href')).toBe('tel:+468162000');
    expect(screen.getAllByText('Ingen koordinator')).toHaveLength(2);
    expect(screen.getByRole('status').textContent).toBe('4 institutioner, 2 utan koordinator.');
    // The office's forms are not offered to a coordinator.
    expect(screen.queryByRole('link', { name: 'Utse en koordinator' })).toBeNull();
    expect(screen.queryByRole('link', { name: /^Ändra eller avsluta/ })).toBeNull();
  });

  it('finds departments by part of a name or code, in any case', async () => {
    const user = userEvent.setup();
    renderApp({ me: me('coordinator'), path: '/staff/network/directory' });
    await screen.findByText('Eva Engelsk');

    await user.type(screen.getByRole('searchbox', { name: 'Sök på namn eller institution' }), 'eva');
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(['Engelska institutionen (ENG)']);
    await user.clear(screen.getByRole('searchbox'));
    await user.type(screen.getByRole('searchbox'), 'law');
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(['Juridiska institutionen (LAW)']);
    await user.clear(screen.getByRole('searchbox'));
    await user.type(screen.getByRole('searchbox'), 'nothing like it');
    expect(screen.getByRole('status').textContent).toBe('Ingen institution matchar sökningen.');
  });

  it('gives an admin the assign form, each assignment to change or end, and each department’s history', async () => {
    renderApp({ me: me('admin'), path: '/staff/network/directory' });
    await screen.findByText('Eva Engelsk');

    expect(screen.getByRole('link', { name: 'Utse en koordinator' }).getAttribute('href')).toBe('/staff/network/directory/assign');
    expect(
      screen.getByRole('link', { name: 'Ändra eller avsluta uppdraget för Eva Engelsk vid Engelska institutionen' }).getAttribute('href'),
    ).toBe('/staff/network/directory/assignments/a-eng');
    expect(screen.getByRole('link', { name: 'Utse en koordinator för Historiska institutionen' }).getAttribute('href')).toBe(
      '/staff/network/directory/assign?department=HIST',
    );
    expect(screen.getByRole('link', { name: 'Historik över koordinatorerna för Juridiska institutionen' }).getAttribute('href')).toBe(
      '/staff/network/directory/departments/LAW',
    );
  });

  it('is in English too', async () => {
    window.localStorage.setItem('alumni.language', 'en');
    renderApp({ me: me('coordinator'), path: '/staff/network/directory' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Network directory' })).toBeTruthy();
    const dsv = within(await screen.findByRole('list', { name: 'Coordinators of Department of Computer and Systems Sciences' }));
    expect(dsv.getByText('Formally appointed · 20 % of full time · since 1 Aug 2023')).toBeTruthy();
    expect(screen.getAllByText('No coordinator')).toHaveLength(2);
  });
});
