import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { json, me, recordRequests, requestsTo, server } from '../../../test/http';
import { EVENT_ID, registration, registrationPage, registrationSummary } from '../../../test/member-events';
import { renderApp } from '../../../test/render-app';

const ALUMNA = me('alumnus');

beforeEach(() => {
  // The calendar feed's panel (tested on its own).
  server.use(http.get('/api/me/calendar-feed', () => json({ exists: false })));
});

function serve(...items: Parameters<typeof registrationSummary>[0][]) {
  server.use(http.get('/api/me/registrations', () => json(registrationPage(items.map((item) => registrationSummary(item))))));
}

describe('MyEventsPage', () => {
  it('lists my registrations: the event, its time and place, and where each stands', async () => {
    serve(
      {},
      { id: 'w', eventId: 'e2', title: 'Föreläsning om AI', status: 'waiting', position: 2, seats: 2 },
      { id: 'c', eventId: 'e3', title: 'Mingel', status: 'cancelled' },
    );
    const sent = recordRequests();
    renderApp({ me: ALUMNA, path: '/me/events' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Mina evenemang' }, { timeout: 10_000 })).toBeTruthy();
    const confirmed = await screen.findByRole('article', { name: 'Återträff för DSV-alumner' });
    expect(within(confirmed).getByRole('link', { name: 'Återträff för DSV-alumner' }).getAttribute('href')).toBe(`/events/${EVENT_ID}`);
    expect(confirmed.textContent).toContain('tors 3 dec. 2026 18:00–20:30');
    expect(confirmed.textContent).toContain('Stockholm, Sverige');
    expect(confirmed.textContent).toContain('Du är anmäld: 1 plats är din.');
    expect(within(confirmed).getByRole('link', { name: 'Lägg till i min kalender (.ics)' }).getAttribute('href')).toBe(
      `/api/me/events/${EVENT_ID}/calendar.ics?language=sv`,
    );
    expect(screen.getByRole('article', { name: 'Föreläsning om AI' }).textContent).toContain('Du har plats 2 på väntelistan.');
    const cancelled = screen.getByRole('article', { name: 'Mingel' });
    expect(cancelled.textContent).toContain('Avbokad');
    expect(within(cancelled).queryByRole('button')).toBeNull();
    expect(requestsTo(sent, 'GET', '/api/me/registrations')[0].query).toEqual({ when: 'upcoming', page: '1', pageSize: '20' });
  });

  it('shows my check-in code as a QR code and as text', async () => {
    serve({});
    server.use(http.get(`/api/me/events/${EVENT_ID}/registration`, () => json(registration())));
    renderApp({ me: ALUMNA, path: '/me/events' });
    const card = await screen.findByRole('article', { name: 'Återträff för DSV-alumner' }, { timeout: 10_000 });
    await userEvent.setup().click(within(card).getByRole('button', { name: 'Visa min incheckningskod' }));
    const qr = await within(card).findByRole('img', { name: 'QR-kod för din incheckningskod K7M2QX9P till Återträff för DSV-alumner' });
    expect(qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
    expect(within(card).getByText('K7M2QX9P').tagName).toBe('STRONG');
  });

  it('lets me leave the waiting list after confirming', async () => {
    let left = false;
    server.use(
      http.get('/api/me/registrations', () =>
        json(registrationPage([registrationSummary({ status: left ? 'left' : 'waiting', position: left ? undefined : 1 })])),
      ),
      http.delete(`/api/me/events/${EVENT_ID}/registration`, () => {
        left = true;
        return json(registration({ status: 'left' }));
      }),
    );
    renderApp({ me: ALUMNA, path: '/me/events' });
    const card = await screen.findByRole('article', { name: 'Återträff för DSV-alumner' }, { timeout: 10_000 });
    expect(within(card).queryByRole('button', { name: 'Visa min incheckningskod' })).toBeNull();
    const user = userEvent.setup();
    await user.click(within(card).getByRole('button', { name: 'Lämna väntelistan' }));
    await user.click(within(within(card).getByRole('region', { name: 'Lämna väntelistan?' })).getByRole('button', { name: 'Lämna väntelistan' }));
    expect(await within(card).findByText('Lämnade väntelistan')).toBeTruthy();
  });

  it('shows past events on their own tab', async () => {
    serve({ title: 'Förra årets återträff', eventStatus: 'completed' });
    const sent = recordRequests();
    renderApp({ me: ALUMNA, path: '/me/events?when=past' });
    const card = await screen.findByRole('article', { name: 'Förra årets återträff' }, { timeout: 10_000 });
    expect(within(card).queryByRole('button')).toBeNull();
    expect(screen.getByRole('link', { name: 'Tidigare' }).getAttribute('aria-current')).toBe('page');
    expect(requestsTo(sent, 'GET', '/api/me/registrations')[0].query).toMatchObject({ when: 'past' });
  });

  it('says when I have no registrations, with the way to the events', async () => {
    serve();
    server.use(http.get('/api/me/registrations', () => json(registrationPage([]))));
    renderApp({ me: ALUMNA, path: '/me/events' });
    expect(await screen.findByText(/Du är inte anmäld till något kommande evenemang\./, {}, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Hitta ett evenemang' }).getAttribute('href')).toBe('/events');
  });
});
