import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { forbidden, json, me, recordRequests, requestsTo, server } from '../../../test/http';
import { eventListItem, eventListPage, EVENT_ID } from '../../../test/member-events';
import { renderApp } from '../../../test/render-app';
import { viewerTimeZone } from '../../../lib/zoned-time';

const ALUMNA = me('alumnus');

function serve(...pages: Parameters<typeof eventListPage>[]) {
  server.use(http.get('/api/me/events', () => json(eventListPage(...pages[0]))));
}

beforeEach(() => {
  serve([[eventListItem()]]);
});

describe('EventsPage', () => {
  it('lists the upcoming events of my audience as cards: kind, title linking to the event, summary, time, place and seats', async () => {
    const sent = recordRequests();
    renderApp({ me: ALUMNA, path: '/events' });
    // The page loads when first visited: give it time on a busy machine.
    expect(await screen.findByRole('heading', { level: 1, name: 'Evenemang' }, { timeout: 10_000 })).toBeTruthy();
    const list = await screen.findByRole('list', { name: 'Kommande evenemang' });
    const card = within(list).getByRole('article', { name: 'Återträff för DSV-alumner' });
    expect(within(card).getByRole('link', { name: 'Återträff för DSV-alumner' }).getAttribute('href')).toBe(`/events/${EVENT_ID}`);
    expect(card.textContent).toContain('Återträff');
    expect(card.textContent).toContain('Träffa gamla studiekamrater.');
    expect(card.textContent).toContain('tors 3 dec. 2026 18:00–20:30');
    expect(card.textContent).toContain('Aula Magna, Stockholm, Sverige');
    expect(card.textContent).toContain('12 platser kvar');
    expect(screen.getByRole('status').textContent).toBe('1 kommande evenemang');
    expect(requestsTo(sent, 'GET', '/api/me/events')[0].query).toEqual({ page: '1', pageSize: '12' });
  });

  it('shows a title missing in my language in the other, marked with its language', async () => {
    serve([[eventListItem({ titleSv: undefined, summarySv: undefined })]]);
    renderApp({ me: ALUMNA, path: '/events' });
    const link = await screen.findByRole('link', { name: 'DSV alumni reunion' }, { timeout: 10_000 });
    expect(link.getAttribute('lang')).toBe('en');
    expect(screen.getByText('Meet your old classmates.').getAttribute('lang')).toBe('en');
  });

  it('gives the time in my own zone too when it reads differently there, and once when it does not', async () => {
    serve([
      [
        eventListItem({ id: 'far', titleSv: 'Långt bort', timeZone: 'Pacific/Kiritimati' }),
        eventListItem({ id: 'here', titleSv: 'Här', timeZone: viewerTimeZone() }),
      ],
    ]);
    renderApp({ me: ALUMNA, path: '/events' });
    const far = await screen.findByRole('article', { name: 'Långt bort' }, { timeout: 10_000 });
    expect(far.textContent).toMatch(/Din tid: /);
    expect(screen.getByRole('article', { name: 'Här' }).textContent).not.toMatch(/Din tid: /);
  });

  it('says "online" for an online event, a full one has a waiting list, and an unlimited one no limit', async () => {
    serve([
      [
        eventListItem({ id: 'a', titleSv: 'Webbinarium', kind: 'webinar', venue: undefined, city: undefined, country: undefined, online: true, seatsLeft: 0 }),
        eventListItem({ id: 'b', titleSv: 'Föreläsning', kind: 'lecture', online: true, seatsLeft: undefined }),
      ],
    ]);
    renderApp({ me: ALUMNA, path: '/events' });
    const webinar = await screen.findByRole('article', { name: 'Webbinarium' }, { timeout: 10_000 });
    expect(webinar.textContent).toContain('Online');
    expect(webinar.textContent).toContain('Fullt – du hamnar på väntelistan');
    const lecture = screen.getByRole('article', { name: 'Föreläsning' });
    expect(lecture.textContent).toContain('Aula Magna, Stockholm, Sverige och online');
    expect(lecture.textContent).toContain('Ingen gräns');
  });

  it('filters by kind through the address, and says when none of that kind are coming', async () => {
    const sent = recordRequests();
    const { router } = renderApp({ me: ALUMNA, path: '/events' });
    await screen.findByRole('list', { name: 'Kommande evenemang' }, { timeout: 10_000 });
    server.use(http.get('/api/me/events', () => json(eventListPage([]))));
    const user = userEvent.setup();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Typ av evenemang' }), 'webinar');
    await user.click(screen.getByRole('button', { name: 'Visa' }));
    await waitFor(() => expect(router.state.location.search).toBe('?kind=webinar'));
    expect(await screen.findByText('Det finns inga kommande evenemang av den här typen.')).toBeTruthy();
    expect(requestsTo(sent, 'GET', '/api/me/events').at(-1)?.query).toEqual({ kind: 'webinar', page: '1', pageSize: '12' });
  });

  it('pages through many events', async () => {
    serve([[eventListItem()], 1, 12, 30]);
    renderApp({ me: ALUMNA, path: '/events?kind=reunion' });
    const pager = await screen.findByRole('navigation', { name: 'Sidor med evenemang' }, { timeout: 10_000 });
    expect(within(pager).getByRole('link', { name: 'Nästa sida' }).getAttribute('href')).toBe('/events?kind=reunion&page=2');
  });

  it('reads in English with the English texts', async () => {
    window.localStorage.setItem('alumni.language', 'en');
    renderApp({ me: ALUMNA, path: '/events' });
    const card = await screen.findByRole('article', { name: 'DSV alumni reunion' }, { timeout: 10_000 });
    expect(card.textContent).toContain('Thu, 3 Dec 2026, 18:00–20:30');
    expect(card.textContent).toContain('Aula Magna, Stockholm, Sweden');
    expect(card.textContent).toContain('12 seats left');
  });
});

describe('EventsPage for someone who is not an active member', () => {
  it('says the events are for active members, and leads to the profile', async () => {
    server.use(http.get('/api/me/events', () => forbidden('Only active members.')));
    renderApp({ me: ALUMNA, path: '/events' });
    const panel = await screen.findByRole('region', { name: 'Evenemangen är till för aktiva medlemmar' }, { timeout: 10_000 });
    expect(within(panel).getByRole('link', { name: 'Till min profil' }).getAttribute('href')).toBe('/me/profile');
  });
});
