import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { demoFaculties, directoryPage, json, me, server } from '../../test/http';
import { renderApp } from '../../test/render-app';

beforeEach(() => {
  server.use(
    http.get('/api/faculties', () => json(demoFaculties())),
    http.get('/api/directory', () => json(directoryPage([]))),
  );
});

function menuButton() {
  return within(screen.getByRole('banner')).getByRole('button', { name: 'Meny' });
}

describe('the header', () => {
  it('leads from the brand to the front page', async () => {
    renderApp({ me: null, path: '/join' });
    const brand = await within(screen.getByRole('banner')).findByRole('link', { name: 'Alumni – Stockholms universitet, startsida' });
    expect(brand.getAttribute('href')).toBe('/');
  });

  it('has a menu button that discloses the menus, the account and the language (on a phone)', async () => {
    const user = userEvent.setup();
    renderApp({ me: me('alumnus'), path: '/departments' });
    await screen.findByRole('navigation', { name: 'Alumninätverket' });
    const button = menuButton();
    expect(button.getAttribute('aria-expanded')).toBe('false');
    const controlled = button.getAttribute('aria-controls')!.split(' ');
    expect(controlled).toHaveLength(2);
    // It controls the account and language, and the network's menus.
    expect(within(document.getElementById(controlled[0])!).getByRole('button', { name: 'Logga ut' })).toBeTruthy();
    expect(within(document.getElementById(controlled[1])!).getByRole('navigation', { name: 'Alumninätverket' })).toBeTruthy();
    expect(screen.getByRole('banner').getAttribute('data-menu')).toBe('closed');

    await user.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByRole('banner').getAttribute('data-menu')).toBe('open');
  });

  it('closes the menu on Escape and gives the focus back to the button', async () => {
    const user = userEvent.setup();
    renderApp({ me: me('alumnus'), path: '/departments' });
    await screen.findByRole('navigation', { name: 'Alumninätverket' });
    await user.click(menuButton());
    within(screen.getByRole('navigation', { name: 'Alumninätverket' })).getByRole('link', { name: 'Katalog' }).focus();
    await user.keyboard('{Escape}');
    expect(menuButton().getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(menuButton());
  });

  it('closes the menu when a link in it is followed', async () => {
    const user = userEvent.setup();
    const { router } = renderApp({ me: me('alumnus'), path: '/departments' });
    await screen.findByRole('navigation', { name: 'Alumninätverket' });
    await user.click(menuButton());
    await user.click(within(screen.getByRole('navigation', { name: 'Alumninätverket' })).getByRole('link', { name: 'Katalog' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/directory'));
    // Once the page has rendered (it loads when first visited).
    await screen.findByRole('heading', { level: 1, name: 'Alumnikatalogen' }, { timeout: 10_000 });
    expect(menuButton().getAttribute('aria-expanded')).toBe('false');
  });

  it('marks "My page" current on /me only, not on the profile under it', async () => {
    server.use(http.get('/api/me/profile', () => json(null, 404)), http.get('/api/me/pending-sign-up', () => json(null, 404)));
    renderApp({ me: me('alumnus'), path: '/me/profile' });
    const nav = await screen.findByRole('navigation', { name: 'Alumninätverket' });
    expect(within(nav).getByRole('link', { name: 'Min sida' }).getAttribute('aria-current')).toBeNull();
    expect(within(nav).getByRole('link', { name: 'Min profil' }).getAttribute('aria-current')).toBe('page');
  });
});
