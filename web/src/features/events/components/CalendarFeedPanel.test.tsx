import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { json, me, noContent, server } from '../../../test/http';
import { registrationPage } from '../../../test/member-events';
import { renderApp } from '../../../test/render-app';

const ALUMNA = me('alumnus');
const FEED = 'https://alumni.example.org/api/calendar/abc123.ics';

beforeEach(() => {
  server.use(http.get('/api/me/registrations', () => json(registrationPage([]))));
});

async function panel() {
  return screen.findByRole('region', { name: 'Mina evenemang i min kalender' }, { timeout: 10_000 });
}

describe('my calendar feed on "My events"', () => {
  it('makes my private calendar address and shows it this once, with a link to subscribe', async () => {
    server.use(
      http.get('/api/me/calendar-feed', () => json({ exists: false })),
      http.post('/api/me/calendar-feed', () =>
        json({ feedUrl: FEED, webcalUrl: FEED.replace('https:', 'webcal:'), createdAt: '2026-12-01T10:00:00Z' }, 201),
      ),
    );
    renderApp({ me: ALUMNA, path: '/me/events' });
    const region = await panel();
    await userEvent.setup().click(await within(region).findByRole('button', { name: 'Skapa min kalenderadress' }));
    expect(((await within(region).findByRole('textbox', { name: 'Kalenderadress' })) as HTMLInputElement).value).toBe(FEED);
    expect(within(region).getByRole('link', { name: 'Öppna den i min kalenderapp' }).getAttribute('href')).toBe(
      'webcal://alumni.example.org/api/calendar/abc123.ics',
    );
    expect(within(region).getByRole('button', { name: 'Skapa en ny adress' })).toBeTruthy();
  });

  it('says when my feed was made, and stops it', async () => {
    server.use(
      http.get('/api/me/calendar-feed', () => json({ exists: true, createdAt: '2026-11-01T10:00:00Z' })),
      http.delete('/api/me/calendar-feed', () => noContent()),
    );
    renderApp({ me: ALUMNA, path: '/me/events' });
    const region = await panel();
    expect(await within(region).findByText(/Du skapade en kalenderadress/)).toBeTruthy();
    await userEvent.setup().click(within(region).getByRole('button', { name: 'Stoppa min kalenderadress' }));
    expect((await within(region).findByRole('status')).textContent).toBe('Din kalenderadress fungerar inte längre.');
    expect(within(region).getByRole('button', { name: 'Skapa min kalenderadress' })).toBeTruthy();
  });
});
