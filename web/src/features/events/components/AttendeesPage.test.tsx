import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { demoFaculties, json, jsonWithETag, me, notFound, recordRequests, requestsTo, server, testId, type SentRequest } from '../../../test/http';
import { attendee, attendeePage, figures } from '../../../test/events-attendance';
import { staffEvent } from '../../../test/events-staff';
import { renderApp } from '../../../test/render-app';

let sent: SentRequest[];
/** A page loaded on demand (the router's lazy routes) may take a while on a busy machine. */
const LOADED = { timeout: 10_000 };
const DIET = testId(401);
const SESSION = testId(402);
const COMING = testId(403);
const EVENT = staffEvent({
  id: testId(400),
  status: 'published',
  questions: [
    { id: DIET, position: 0, kind: 'text', labelSv: 'Kost', labelEn: 'Diet', choices: [], required: false },
    { id: SESSION, position: 1, kind: 'choice', labelSv: 'Pass', choices: [{ sv: 'Förmiddag', en: 'Morning' }, { sv: 'Eftermiddag', en: 'Afternoon' }], required: true },
    { id: COMING, position: 2, kind: 'yesNo', labelEn: 'Staying for dinner?', choices: [], required: false },
  ],
});

beforeEach(() => {
  sent = recordRequests();
  server.use(
    http.get('/api/faculties', () => json(demoFaculties())),
    http.get(`/api/events/${EVENT.id}`, () => jsonWithETag(EVENT)),
    http.get(`/api/events/${EVENT.id}/figures`, () => json(figures(EVENT.id, { registrations: 1, seats: 2, waiting: 1, waitingSeats: 1 }))),
  );
});

describe('AttendeesPage', () => {
  it('lists the registrations with their answers in the UI language, the waiting list’s places, and the figures', async () => {
    server.use(
      http.get(`/api/events/${EVENT.id}/registrations`, () =>
        json(
          attendeePage([
            attendee({
              firstName: 'Ada',
              lastName: 'Lovelace',
              seats: 2,
              guests: ['Byron', ''],
              answers: [
                { questionId: DIET, answer: 'Vegetarisk' },
                { questionId: SESSION, answer: 'Morning' },
                { questionId: COMING, answer: 'yes' },
              ],
            }),
            attendee({ firstName: 'Grace', lastName: 'Hopper', status: 'waiting', position: 1, answers: [{ questionId: COMING, answer: 'no' }] }),
            attendee({ firstName: undefined, lastName: undefined, email: undefined, status: 'cancelled' }),
          ]),
        ),
      ),
    );
    renderApp({ me: me('coordinator'), path: `/staff/events/${EVENT.id}/attendees` });
    const table = await screen.findByRole('table', {}, LOADED);
    expect(within(table).getAllByRole('columnheader').map((th) => th.textContent)).toEqual([
      'Namn',
      'Status',
      'Platser',
      'Anmäld',
      'Incheckad',
      'Kost',
      'Pass',
      'Staying for dinner?',
    ]);
    const rows = within(table).getAllByRole('row').slice(1);
    const cells = (row: HTMLElement) => [within(row).getByRole('rowheader'), ...within(row).getAllByRole('cell')].map((cell) => cell.textContent);
    expect(cells(rows[0])).toEqual(['Lovelace, Adaada@example.org', 'Anmäld', '2Gäster: Byron, (inget namn)', expect.any(String), '', 'Vegetarisk', 'Förmiddag', 'Ja']);
    expect(cells(rows[1])).toEqual(['Hopper, Graceada@example.org', 'Väntarplats 1', '1', expect.any(String), '', '', '', 'Nej']);
    expect(cells(rows[2])[0]).toBe('(raderad)');
    expect(screen.getByRole('region', { name: 'Anmälningar 1–3 av 3' })).toBeTruthy();
    const figureList = screen.getByRole('region', { name: 'Siffror' });
    await waitFor(() => expect(within(figureList).getAllByRole('listitem')[0].textContent).toBe('1Anmälda2 av 40 platser'));
    expect(screen.getByRole('link', { name: 'Incheckning' }).getAttribute('href')).toBe(`/staff/events/${EVENT.id}/check-in`);
  });

  it('filters by status and name, in the address, and exports the same as CSV', async () => {
    server.use(http.get(`/api/events/${EVENT.id}/registrations`, () => json(attendeePage([]))));
    const user = userEvent.setup();
    const { router } = renderApp({ me: me('coordinator'), path: `/staff/events/${EVENT.id}/attendees` });
    expect(await screen.findByText('Inga anmälningar ännu.', {}, LOADED)).toBeTruthy();
    const exportLink = screen.getByRole('link', { name: 'Ladda ned som CSV' });
    expect(exportLink.getAttribute('href')).toBe(`/api/events/${EVENT.id}/registrations/export`);
    const form = screen.getByRole('search', { name: 'Hitta deltagare' });
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Status' }), 'waiting');
    await user.type(within(form).getByRole('searchbox', { name: 'Namn eller e-post' }), 'Hopper');
    await user.click(within(form).getByRole('button', { name: 'Visa' }));
    await waitFor(() => expect(router.state.location.search).toBe('?status=waiting&q=Hopper'));
    expect(await screen.findByText('Inga anmälningar matchar.')).toBeTruthy();
    expect(requestsTo(sent, 'GET', `/api/events/${EVENT.id}/registrations`).at(-1)!.query).toEqual({
      status: 'waiting',
      q: 'Hopper',
      page: '1',
      pageSize: '50',
    });
    expect(exportLink.getAttribute('href')).toBe(`/api/events/${EVENT.id}/registrations/export?status=waiting&q=Hopper`);
  });

  it('says when the event is not one the coordinator may see', async () => {
    server.use(http.get(`/api/events/${testId(499)}`, () => notFound()));
    renderApp({ me: me('coordinator'), path: `/staff/events/${testId(499)}/attendees` });
    expect(await screen.findByText('Evenemanget finns inte, eller hör inte till dina institutioner.', {}, LOADED)).toBeTruthy();
    expect(requestsTo(sent, 'GET', `/api/events/${testId(499)}/registrations`)).toHaveLength(0);
  });
});
