import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEMO_ADMIN, DEMO_COORDINATOR, seededFakeIdentity } from '../../../test/fake-identity-api';
import { renderApp } from '../../../test/render-app';

function linksOf(name: string) {
  return within(screen.getByRole('navigation', { name }))
    .getAllByRole('link')
    .map((link) => [link.textContent, link.getAttribute('href')]);
}

describe('the alumni network menus in the header', () => {
  it('offer a signed-out visitor to join', async () => {
    renderApp({ clients: { identity: seededFakeIdentity() } });
    const banner = screen.getByRole('banner');
    const join = await within(banner).findByRole('link', { name: 'Bli medlem' });
    expect(join.getAttribute('href')).toBe('/join');
    expect(screen.queryByRole('navigation', { name: 'Alumninätverket' })).toBeNull();
    expect(screen.queryByRole('navigation', { name: 'Personalens verktyg' })).toBeNull();
  });

  it('show an alumnus their profile and the directory', async () => {
    renderApp({ clients: { identity: seededFakeIdentity({ signedInAs: 'alumna@example.org' }) } });
    await screen.findByRole('navigation', { name: 'Alumninätverket' });
    expect(linksOf('Alumninätverket')).toEqual([
      ['Min profil', '/me/profile'],
      ['Katalog', '/directory'],
    ]);
    expect(screen.queryByRole('navigation', { name: 'Personalens verktyg' })).toBeNull();
    expect(within(screen.getByRole('banner')).queryByRole('link', { name: 'Bli medlem' })).toBeNull();
  });

  it.each([DEMO_COORDINATOR, DEMO_ADMIN])('show %s the staff tools too', async (email) => {
    renderApp({ clients: { identity: seededFakeIdentity({ signedInAs: email }) } });
    await screen.findByRole('navigation', { name: 'Personalens verktyg' });
    expect(linksOf('Personalens verktyg')).toEqual([
      ['Medlemmar', '/staff/members'],
      ['Kampanjer', '/staff/campaigns'],
    ]);
    await waitFor(() => expect(linksOf('Alumninätverket')).toHaveLength(2));
  });
});
