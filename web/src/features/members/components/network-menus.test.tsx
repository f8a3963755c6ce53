import { screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { demoFaculties, json, me, server, type TestRole } from '../../../test/http';
import { renderApp } from '../../../test/render-app';

beforeEach(() => {
  server.use(http.get('/api/faculties', () => json(demoFaculties())));
});

function linksOf(name: string) {
  return within(screen.getByRole('navigation', { name }))
    .getAllByRole('link')
    .map((link) => [link.textContent, link.getAttribute('href')]);
}

describe('the alumni network menus in the header', () => {
  it('offer a signed-out visitor to join', async () => {
    renderApp({ me: null });
    const banner = screen.getByRole('banner');
    const join = await within(banner).findByRole('link', { name: 'Bli medlem' });
    expect(join.getAttribute('href')).toBe('/join');
    expect(screen.queryByRole('navigation', { name: 'Alumninätverket' })).toBeNull();
    expect(screen.queryByRole('navigation', { name: 'Personalens verktyg' })).toBeNull();
  });

  it('show an alumnus their start page, the events, their profile and the directory', async () => {
    renderApp({ me: me('alumnus') });
    await screen.findByRole('navigation', { name: 'Alumninätverket' });
    expect(linksOf('Alumninätverket')).toEqual([
      ['Min sida', '/me'],
      ['Evenemang', '/events'],
      ['Min profil', '/me/profile'],
      ['Katalog', '/directory'],
    ]);
    expect(screen.queryByRole('navigation', { name: 'Personalens verktyg' })).toBeNull();
    expect(within(screen.getByRole('banner')).queryByRole('link', { name: 'Bli medlem' })).toBeNull();
  });

  it.each<TestRole>(['coordinator', 'admin'])('show a %s the staff tools too', async (role) => {
    renderApp({ me: me(role) });
    await screen.findByRole('navigation', { name: 'Personalens verktyg' });
    const staff = [
      ['Medlemmar', '/staff/members'],
      ['Kampanjer', '/staff/campaigns'],
      ['Evenemang', '/staff/events'],
      ['Nyhetsbrev', '/staff/newsletters'],
      ['Nätverket', '/staff/network'],
    ];
    // The departments are a coordinator's staff tool, and under an admin's administration menu; occasions abroad are an admin's.
    const departments = ['Fakulteter och institutioner', '/departments'];
    const occasions = ['Besök utomlands', '/staff/occasions'];
    expect(linksOf('Personalens verktyg')).toEqual(role === 'coordinator' ? [...staff, departments] : [...staff, occasions]);
    if (role === 'admin') expect(linksOf('Administration')[0]).toEqual(departments);
    await waitFor(() => expect(linksOf('Alumninätverket')).toHaveLength(4));
  });
});
