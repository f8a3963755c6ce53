import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { forbidden, json, me, recordRequests, requestsTo, server } from '../../../test/http';
import { EVENT_ID, memberEvent } from '../../../test/member-events';
import { renderApp } from '../../../test/render-app';

const ALUMNA = me('alumnus');
const PATH = `/events/${EVENT_ID}/feedback`;

beforeEach(() => {
  server.use(http.get(`/api/me/events/${EVENT_ID}`, () => json(memberEvent({ status: 'completed' }))));
});

describe('FeedbackPage', () => {
  it('sends my rating and comment, and thanks me', async () => {
    server.use(
      http.post(`/api/me/events/${EVENT_ID}/feedback`, () =>
        json({ eventId: EVENT_ID, rating: 4, comment: 'Trevligt!', submittedAt: '2026-12-04T10:00:00Z' }, 201),
      ),
    );
    const sent = recordRequests();
    renderApp({ me: ALUMNA, path: PATH });
    expect(await screen.findByRole('heading', { level: 1, name: 'Ditt omdöme' }, { timeout: 10_000 })).toBeTruthy();
    expect(await screen.findByText('Återträff för DSV-alumner')).toBeTruthy();
    const user = userEvent.setup();
    await user.click(within(screen.getByRole('group', { name: 'Hur var evenemanget?' })).getByRole('radio', { name: '4' }));
    await user.type(screen.getByRole('textbox', { name: 'Något du vill säga till arrangören? (frivilligt)' }), 'Trevligt!');
    await user.click(screen.getByRole('button', { name: 'Skicka mitt omdöme' }));
    expect((await screen.findByRole('status')).textContent).toBe('Tack för ditt omdöme!');
    expect(await requestsTo(sent, 'POST', `/api/me/events/${EVENT_ID}/feedback`)[0].json()).toEqual({ rating: 4, comment: 'Trevligt!' });
  });

  it('asks for a rating before sending anything', async () => {
    const sent = recordRequests();
    renderApp({ me: ALUMNA, path: PATH });
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Skicka mitt omdöme' }, { timeout: 10_000 }));
    expect((await screen.findByRole('alert')).textContent).toContain('Välj ett betyg från 1 till 5.');
    expect(requestsTo(sent, 'POST', `/api/me/events/${EVENT_ID}/feedback`)).toHaveLength(0);
  });

  it('says why when the API refuses (not checked in)', async () => {
    server.use(http.post(`/api/me/events/${EVENT_ID}/feedback`, () => forbidden('Only those checked in at the event can give feedback.')));
    renderApp({ me: ALUMNA, path: PATH });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('radio', { name: '5 – utmärkt' }, { timeout: 10_000 }));
    await user.click(screen.getByRole('button', { name: 'Skicka mitt omdöme' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Only those checked in at the event can give feedback.');
  });
});
