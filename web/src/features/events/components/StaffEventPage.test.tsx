import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import type { EventResponse } from '../../../api/generated';
import { conflict, demoFaculties, json, jsonWithETag, me, notFound, recordRequests, requestsTo, server, testId, type SentRequest } from '../../../test/http';
import { feedbackSummary, figures } from '../../../test/events-attendance';
import { occasion, publicEvent, staffEvent } from '../../../test/events-staff';
import { renderApp } from '../../../test/render-app';

let sent: SentRequest[];
/** A page loaded on demand (the router's lazy routes) may take a while on a busy machine. */
const LOADED = { timeout: 10_000 };

beforeEach(() => {
  sent = recordRequests();
  server.use(http.get('/api/faculties', () => json(demoFaculties())));
});

/** The event on the server: read, and moved on by the status actions the test lets through. */
function serve(initial: EventResponse) {
  const store = { event: initial };
  server.use(
    http.get(`/api/events/${initial.id}`, () => jsonWithETag(store.event)),
    http.get(`/api/events/${initial.id}/figures`, () => json(figures(initial.id))),
    http.get(`/api/public/events/${initial.id}`, () => json(publicEvent(store.event))),
  );
  return store;
}

describe('StaffEventPage', () => {
  it('shows everything the event holds, in the UI language', async () => {
    serve(
      staffEvent({
        id: testId(800),
        titleSv: 'Återträff för DSV',
        descriptionSv: 'Välkommen **tillbaka**!',
        cohostDepartmentCodes: ['ENG'],
        audience: 'departments',
        audienceDepartmentCodes: ['DSV', 'LAW'],
        seatsTaken: 12,
        waitingRegistrations: 3,
        occasionId: testId(803),
        questions: [
          { id: testId(801), position: 1, kind: 'choice', labelSv: 'Middag?', choices: [{ sv: 'Kött' }, { sv: 'Vego' }], required: true },
          { id: testId(802), position: 0, kind: 'text', labelEn: 'Dietary needs', choices: [], required: false },
        ],
      }),
    );
    server.use(http.get(`/api/occasions/${testId(803)}`, () => jsonWithETag(occasion({ id: testId(803) }))));
    renderApp({ me: me('coordinator'), path: `/staff/events/${testId(800)}` });
    const heading = await screen.findByRole('heading', { level: 1, name: /Återträff för DSV/ }, LOADED);
    expect(heading.textContent).toBe('Återträff för DSV Utkast');
    await screen.findByText('Institutionen för data- och systemvetenskap (DSV)');
    const facts = screen.getByRole('region', { name: 'Om evenemanget' });
    const fact = (term: string) => {
      const dt = within(facts).getAllByRole('term').find((node) => node.textContent === term);
      return dt?.nextElementSibling?.textContent;
    };
    expect(fact('När')).toMatch(/^tis 14 maj 2030 18:00 CEST – tis 14 maj 2030 21:00 CESTEurope\/Stockholm$/);
    expect(fact('Plats')).toBe('Borgarfjordsgatan 12, Kista, Sverige');
    expect(fact('Arrangör')).toBe('Institutionen för data- och systemvetenskap (DSV)');
    expect(fact('Medarrangörer')).toBe('Engelska institutionen (ENG)');
    expect(fact('Målgrupp')).toBe('Medlemmar vid valda institutionerInstitutionen för data- och systemvetenskap (DSV), Juridiska institutionen (LAW)');
    expect((await within(facts).findByRole('link', { name: 'Rektors besök i Bogotá' })).getAttribute('href')).toBe(`/staff/occasions/${testId(803)}`);
    expect(fact('Frågor')).toBe('Dietary needs (Text)Middag? (Ett val: Kött, Vego) (obligatorisk)');
    // A draft has no attendees yet: no figures.
    expect(screen.queryByRole('region', { name: 'Siffror' })).toBeNull();
    // The description as written (Markdown), not made into HTML in the browser.
    expect(screen.getByText('Välkommen **tillbaka**!')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Ändra' }).getAttribute('href')).toBe(`/staff/events/${testId(800)}/edit`);
  });

  it('shows a published event’s figures, the way to its attendees and check-in, and the feedback once it has started', async () => {
    const event = staffEvent({ id: testId(850), status: 'published', startsAt: '2026-01-10T17:00:00Z', endsAt: '2026-01-10T20:00:00Z' });
    serve(event);
    server.use(
      http.get(`/api/events/${event.id}/figures`, () =>
        json(figures(event.id, { registrations: 30, seats: 38, waiting: 4, waitingSeats: 5, checkedIn: 25, checkedInSeats: 31, noShows: 5, cancelled: 2, left: 1, ended: true })),
      ),
      http.get(`/api/events/${event.id}/feedback`, () =>
        json(
          feedbackSummary(event.id, {
            count: 12,
            average: 4.25,
            distribution: [
              { rating: 1, count: 0 },
              { rating: 2, count: 1 },
              { rating: 3, count: 1 },
              { rating: 4, count: 4 },
              { rating: 5, count: 6 },
            ],
            comments: [{ rating: 5, comment: 'Trevligt!\nGärna igen.' }],
          }),
        ),
      ),
    );
    renderApp({ me: me('coordinator'), path: `/staff/events/${event.id}` });
    const figureList = await screen.findByRole('region', { name: 'Siffror' }, LOADED);
    await waitFor(() =>
      expect(within(figureList).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
        '30Anmälda38 av 40 platser',
        '4Väntar5 platser',
        '25Incheckade31 platser',
        '5Uteblev',
        '2Avanmälda',
        '1Lämnade väntelistan',
      ]),
    );
    expect(screen.getByRole('link', { name: 'Deltagare och väntelista' }).getAttribute('href')).toBe(`/staff/events/${event.id}/attendees`);
    expect(screen.getByRole('link', { name: 'Incheckning' }).getAttribute('href')).toBe(`/staff/events/${event.id}/check-in`);
    const feedback = screen.getByRole('region', { name: 'Återkoppling' });
    expect(await within(feedback).findByText('12 svar, i snitt 4,3 av 5')).toBeTruthy();
    expect(within(feedback).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      '5 av 56',
      '4 av 54',
      '3 av 51',
      '2 av 51',
      '1 av 50',
      'Trevligt!\nGärna igen.5 av 5',
    ]);
  });

  it('shows a published description as the server made it HTML, as members see it', async () => {
    const event = staffEvent({ id: testId(860), status: 'published', descriptionSv: 'Välkommen **tillbaka**!' });
    serve(event);
    server.use(http.get(`/api/public/events/${event.id}`, () => json(publicEvent(event, { descriptionSvHtml: '<p>Välkommen <strong>tillbaka</strong>!</p>' }))));
    renderApp({ me: me('coordinator'), path: `/staff/events/${event.id}` });
    const bold = await screen.findByText('tillbaka', { selector: 'strong' }, LOADED);
    expect(bold.closest('[lang]')?.getAttribute('lang')).toBe('sv');
    expect(screen.queryByText('Välkommen **tillbaka**!')).toBeNull();
  });

  it('publishes a draft with If-Match and says so', async () => {
    const store = serve(staffEvent({ id: testId(810), version: 2 }));
    server.use(
      http.post(`/api/events/${testId(810)}/publish`, () => {
        store.event = { ...store.event, status: 'published', version: 3 };
        return jsonWithETag(store.event);
      }),
    );
    const user = userEvent.setup();
    renderApp({ me: me('coordinator'), path: `/staff/events/${testId(810)}` });
    await user.click(await screen.findByRole('button', { name: 'Publicera' }, LOADED));
    expect(await screen.findByText('Evenemanget har publicerats.')).toBeTruthy();
    expect(requestsTo(sent, 'POST', `/api/events/${testId(810)}/publish`)[0].headers.get('If-Match')).toBe('"2"');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Återträff för DSV Publicerat');
    expect(screen.queryByRole('button', { name: 'Publicera' })).toBeNull();
  });

  it('cancels an event only once confirmed, and shows why when the server refuses', async () => {
    const store = serve(staffEvent({ id: testId(820), status: 'published', version: 5 }));
    let refuse = true;
    server.use(
      http.post(`/api/events/${testId(820)}/cancel`, () => {
        if (refuse) return conflict('The event has already ended.');
        store.event = { ...store.event, status: 'cancelled', version: 6 };
        return jsonWithETag(store.event);
      }),
    );
    const user = userEvent.setup();
    renderApp({ me: me('coordinator'), path: `/staff/events/${testId(820)}` });
    await user.click(await screen.findByRole('button', { name: 'Ställ in evenemanget' }, LOADED));
    const confirm = screen.getByRole('region', { name: 'Ställa in ”Återträff för DSV”?' });
    await waitFor(() => expect(document.activeElement).toBe(within(confirm).getByRole('heading')));
    expect(requestsTo(sent, 'POST', `/api/events/${testId(820)}/cancel`)).toHaveLength(0);
    await user.click(within(confirm).getByRole('button', { name: 'Ja, ställ in evenemanget' }));
    const refused = (await screen.findByText('The event has already ended.')).closest('[role="alert"]');
    expect(refused?.textContent).toContain('Det gick inte');

    refuse = false;
    await user.click(within(confirm).getByRole('button', { name: 'Ja, ställ in evenemanget' }));
    expect(await screen.findByText('Evenemanget har ställts in.')).toBeTruthy();
    expect(requestsTo(sent, 'POST', `/api/events/${testId(820)}/cancel`)[1].headers.get('If-Match')).toBe('"5"');
    expect(screen.queryByRole('region', { name: 'Ställa in ”Återträff för DSV”?' })).toBeNull();
    // A cancelled event has no status actions left.
    expect(screen.queryByRole('region', { name: 'Status' })).toBeNull();
  });

  it('shows a co-host’s coordinator the event without its actions', async () => {
    serve(staffEvent({ id: testId(830), organiserDepartmentCode: 'ENG', cohostDepartmentCodes: ['DSV'], canEdit: false }));
    renderApp({ me: me('coordinator'), path: `/staff/events/${testId(830)}` });
    await screen.findByRole('heading', { level: 1, name: /Återträff för DSV/ }, LOADED);
    expect(screen.queryByRole('link', { name: 'Ändra' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Publicera' })).toBeNull();
  });

  it('says when there is no such event (or not one of the coordinator’s)', async () => {
    server.use(http.get(`/api/events/${testId(840)}`, () => notFound()));
    renderApp({ me: me('coordinator'), path: `/staff/events/${testId(840)}` });
    expect(await screen.findByText('Evenemanget finns inte, eller hör inte till dina institutioner.', {}, LOADED)).toBeTruthy();
  });

  it('asks nothing for an address whose id is no id', async () => {
    renderApp({ me: me('coordinator'), path: '/staff/events/not-an-id' });
    expect(await screen.findByText('Evenemanget finns inte, eller hör inte till dina institutioner.', {}, LOADED)).toBeTruthy();
    expect(sent.filter((r) => r.path.startsWith('/api/events'))).toEqual([]);
  });
});
