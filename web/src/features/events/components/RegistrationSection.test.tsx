import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { conflict, demoFaculties, json, me, notFound, recordRequests, requestsTo, server, validationProblem } from '../../../test/http';
import { EVENT_ID, memberEvent, registration } from '../../../test/member-events';
import { renderApp } from '../../../test/render-app';

const ALUMNA = me('alumnus');
const PATH = `/events/${EVENT_ID}`;
const DIET = '0191a000-0000-7000-8000-0000000000a1';
const MEAL = '0191a000-0000-7000-8000-0000000000a2';
const PHOTO = '0191a000-0000-7000-8000-0000000000a3';

const QUESTIONS = [
  { id: DIET, position: 1, kind: 'text' as const, labelSv: 'Specialkost', labelEn: 'Dietary needs', choices: [], required: false },
  {
    id: MEAL,
    position: 2,
    kind: 'choice' as const,
    labelSv: 'Middag',
    labelEn: 'Dinner',
    choices: [
      { sv: 'Kött', en: 'Meat' },
      { sv: 'Vegetariskt', en: 'Vegetarian' },
    ],
    required: true,
  },
  { id: PHOTO, position: 3, kind: 'yesNo' as const, labelSv: 'Får vi fotografera dig?', labelEn: 'May we take photos of you?', choices: [], required: true },
];

beforeEach(() => {
  server.use(http.get('/api/faculties', () => json(demoFaculties())));
});

function serveEvent(event = memberEvent()) {
  server.use(http.get(`/api/me/events/${EVENT_ID}`, () => json(event)));
}

async function registrationRegion(name = 'Anmälan') {
  return screen.findByRole('region', { name }, { timeout: 10_000 });
}

describe('registering on the event page', () => {
  it('registers me with a guest and my answers, and then says the seats are mine', async () => {
    let registered = false;
    server.use(
      http.get(`/api/me/events/${EVENT_ID}`, () =>
        json(memberEvent({ questions: QUESTIONS, guestsAllowed: 2, myRegistrationStatus: registered ? 'confirmed' : undefined })),
      ),
      http.post(`/api/me/events/${EVENT_ID}/registration`, () => {
        registered = true;
        return json(registration({ seats: 2, guests: ['Gustav Gäst'] }), 201);
      }),
      http.get(`/api/me/events/${EVENT_ID}/registration`, () => json(registration({ seats: 2, guests: ['Gustav Gäst'] }))),
    );
    const sent = recordRequests();
    renderApp({ me: ALUMNA, path: PATH });
    const region = await registrationRegion();
    const user = userEvent.setup();
    await user.click(within(region).getByRole('button', { name: 'Lägg till en gäst' }));
    await user.type(within(region).getByRole('textbox', { name: 'Namn på gäst 1' }), 'Gustav Gäst');
    await user.type(within(region).getByRole('textbox', { name: 'Specialkost (frivilligt)' }), 'Vegan');
    await user.click(within(within(region).getByRole('group', { name: 'Middag' })).getByRole('radio', { name: 'Vegetariskt' }));
    await user.click(within(within(region).getByRole('group', { name: 'Får vi fotografera dig?' })).getByRole('radio', { name: 'Nej' }));
    await user.click(within(region).getByRole('button', { name: 'Anmäl mig' }));

    const mine = await registrationRegion('Din anmälan');
    expect((await within(mine).findByRole('status')).textContent).toContain('Du är anmäld: 2 platser är dina (du och dina gäster).');
    const [post] = requestsTo(sent, 'POST', `/api/me/events/${EVENT_ID}/registration`);
    expect(await post.json()).toEqual({
      guests: [{ name: 'Gustav Gäst' }],
      answers: [
        { questionId: DIET, answer: 'Vegan' },
        { questionId: MEAL, answer: 'Vegetariskt' },
        { questionId: PHOTO, answer: 'no' },
      ],
    });
  });

  it('asks for the required answers before sending anything', async () => {
    serveEvent(memberEvent({ questions: QUESTIONS }));
    const sent = recordRequests();
    renderApp({ me: ALUMNA, path: PATH });
    const region = await registrationRegion();
    await userEvent.setup().click(within(region).getByRole('button', { name: 'Anmäl mig' }));
    const summary = await within(region).findByRole('alert');
    expect(summary.textContent).toContain('Middag: Svara på frågan.');
    expect(summary.textContent).toContain('Får vi fotografera dig?: Svara på frågan.');
    expect(requestsTo(sent, 'POST', `/api/me/events/${EVENT_ID}/registration`)).toHaveLength(0);
  });

  it('puts the server’s messages on the question they name', async () => {
    serveEvent(memberEvent({ questions: [QUESTIONS[0]] }));
    server.use(
      http.post(`/api/me/events/${EVENT_ID}/registration`, () => validationProblem({ [`answers.${DIET}`]: ['Use at most 1000 characters.'] })),
    );
    renderApp({ me: ALUMNA, path: PATH });
    const region = await registrationRegion();
    const user = userEvent.setup();
    await user.type(within(region).getByRole('textbox', { name: 'Specialkost (frivilligt)' }), 'x');
    await user.click(within(region).getByRole('button', { name: 'Anmäl mig' }));
    await waitFor(() =>
      expect(within(region).getByRole('textbox', { name: 'Specialkost (frivilligt)' }).getAttribute('aria-invalid')).toBe('true'),
    );
    expect(within(region).getByText('Use at most 1000 characters.', { selector: '.field__error-line' })).toBeTruthy();
  });

  it('shows the server’s reason when it refuses (already registered, the window closed)', async () => {
    serveEvent();
    server.use(http.post(`/api/me/events/${EVENT_ID}/registration`, () => conflict('Registration for this event has closed.')));
    renderApp({ me: ALUMNA, path: PATH });
    const region = await registrationRegion();
    await userEvent.setup().click(within(region).getByRole('button', { name: 'Anmäl mig' }));
    expect((await within(region).findByRole('alert')).textContent).toContain('Registration for this event has closed.');
  });

  it('offers the waiting list when the event is full, and then says my place', async () => {
    let waiting = false;
    server.use(
      http.get(`/api/me/events/${EVENT_ID}`, () => json(memberEvent({ seatsLeft: 0, myRegistrationStatus: waiting ? 'waiting' : undefined }))),
      http.post(`/api/me/events/${EVENT_ID}/registration`, () => {
        waiting = true;
        return json(registration({ status: 'waiting', position: 3, confirmedAt: undefined }), 201);
      }),
      http.get(`/api/me/events/${EVENT_ID}/registration`, () => json(registration({ status: 'waiting', position: 3, confirmedAt: undefined }))),
    );
    renderApp({ me: ALUMNA, path: PATH });
    const region = await registrationRegion();
    expect(region.textContent).toContain('Evenemanget är fullt');
    await userEvent.setup().click(within(region).getByRole('button', { name: 'Ställ mig på väntelistan' }));
    const mine = await registrationRegion('Din anmälan');
    expect((await within(mine).findByRole('status')).textContent).toContain('Du har plats 3 på väntelistan.');
    expect(screen.getByRole('region', { name: 'När och var' }).textContent).toContain('Inga platser kvar');
  });

  it('says when registration opens, or that it has closed', async () => {
    serveEvent(memberEvent({ registrationOpensAt: '2099-01-01T08:00:00Z' }));
    const first = renderApp({ me: ALUMNA, path: PATH });
    expect((await registrationRegion()).textContent).toContain('Anmälan öppnar tors 1 jan. 2099 09:00.');
    first.unmount();
    serveEvent(memberEvent({ registrationClosesAt: '2020-01-01T08:00:00Z' }));
    renderApp({ me: ALUMNA, path: PATH });
    expect((await registrationRegion()).textContent).toContain('Anmälan har stängt.');
  });

  it('lets me cancel my registration after confirming, and offers to register again', async () => {
    let cancelled = false;
    server.use(
      http.get(`/api/me/events/${EVENT_ID}`, () => json(memberEvent({ myRegistrationStatus: cancelled ? undefined : 'confirmed' }))),
      http.get(`/api/me/events/${EVENT_ID}/registration`, () => (cancelled ? notFound() : json(registration()))),
      http.delete(`/api/me/events/${EVENT_ID}/registration`, () => {
        cancelled = true;
        return json(registration({ status: 'cancelled', cancelledAt: '2026-11-21T10:00:00Z' }));
      }),
    );
    const sent = recordRequests();
    renderApp({ me: ALUMNA, path: PATH });
    const mine = await registrationRegion('Din anmälan');
    expect(await within(mine).findByText('Du är anmäld: 1 plats är din.')).toBeTruthy();
    const user = userEvent.setup();
    await user.click(within(mine).getByRole('button', { name: 'Avboka min anmälan' }));
    const confirm = within(mine).getByRole('region', { name: 'Avboka din anmälan?' });
    await user.click(within(confirm).getByRole('button', { name: 'Avboka min anmälan' }));
    expect(await within(await registrationRegion()).findByRole('button', { name: 'Anmäl mig' })).toBeTruthy();
    expect(requestsTo(sent, 'DELETE', `/api/me/events/${EVENT_ID}/registration`)).toHaveLength(1);
  });
});
