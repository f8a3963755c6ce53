import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { demoFaculties, json, me, recordRequests, requestsTo, server, type SentRequest } from '../../../test/http';
import { staffEventPage, staffEventSummary } from '../../../test/events-staff';
import { renderApp } from '../../../test/render-app';

let sent: SentRequest[];
/** A page loaded on demand (the router's lazy routes) may take a while on a busy machine. */
const LOADED = { timeout: 10_000 };

beforeEach(() => {
  sent = recordRequests();
  server.use(http.get('/api/faculties', () => json(demoFaculties())));
});

describe('StaffEventsPage', () => {
  it('lists a coordinator’s events with their time in the event’s zone, organiser, status and seats', async () => {
    server.use(
      http.get('/api/events', () =>
        json(
          staffEventPage([
            staffEventSummary({ titleSv: 'Återträff 2030', seatsTaken: 12, capacity: 40, seatsWaiting: 0 }),
            staffEventSummary({
              titleSv: undefined,
              titleEn: 'Webinar on careers',
              kind: 'webinar',
              status: 'published',
              online: true,
              city: undefined,
              country: undefined,
              organiserDepartmentCode: undefined,
              startsAt: '2030-06-01T14:00:00Z',
              timeZone: 'America/New_York',
              capacity: undefined,
              seatsTaken: 3,
              seatsWaiting: 2,
            }),
          ]),
        ),
      ),
    );
    renderApp({ me: me('coordinator'), path: '/staff/events' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Evenemang' }, LOADED)).toBeTruthy();
    const first = await screen.findByRole('row', { name: /^Återträff 2030/ });
    // A coordinator is offered only their own departments to filter by.
    const department = screen.getByRole('combobox', { name: 'Institution' });
    await waitFor(() => expect(within(department).getAllByRole('option').map((o) => o.getAttribute('value'))).toEqual(['', 'DSV']));
    await within(first).findByText('Institutionen för data- och systemvetenskap');
    expect(within(first).getByRole('link', { name: 'Återträff 2030' }).getAttribute('href')).toMatch(/^\/staff\/events\/0190f000-/);
    const cells = within(first).getAllByRole('cell').map((cell) => cell.textContent);
    // Each cell says what it is (shown on a phone, where the rows are stacked).
    expect(cells[0]).toMatch(/^Närtis 14 maj 2030 18:00/);
    expect(cells.slice(1)).toEqual(['TypÅterträff', 'ArrangörInstitutionen för data- och systemvetenskap', 'StatusUtkast', 'Platser12 av 40']);
    // A title missing in Swedish is shown in English; an online event of the central office; time in its own zone.
    const second = screen.getByRole('row', { name: /^Webinar on careers/ });
    expect(within(second).getByRole('rowheader').textContent).toBe('Webinar on careersDigitalt');
    const secondCells = within(second).getAllByRole('cell').map((cell) => cell.textContent);
    expect(secondCells[0]).toMatch(/^Närlör 1 juni 2030 10:00/);
    expect(secondCells.slice(1)).toEqual(['TypWebbinarium', 'ArrangörCentrala alumnkontoret', 'StatusPublicerat', 'Platser3 (obegränsat)2 väntar']);
    expect(screen.getByText('Evenemang 1–2 av 2')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Nytt evenemang' }).getAttribute('href')).toBe('/staff/events/new');
    expect(requestsTo(sent, 'GET', '/api/events')[0].query).toEqual({ page: '1', pageSize: '25' });
  });

  it('filters by status, kind and the days the events start, in the address', async () => {
    server.use(http.get('/api/events', () => json(staffEventPage([]))));
    const user = userEvent.setup();
    const { router } = renderApp({ me: me('admin'), path: '/staff/events' });
    expect(await screen.findByText('Inga evenemang ännu.', {}, LOADED)).toBeTruthy();
    const form = screen.getByRole('search', { name: 'Filtrera evenemang' });
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Status' }), 'published');
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Typ' }), 'lecture');
    const department = within(form).getByRole('combobox', { name: 'Institution' });
    await waitFor(() => expect(within(department).getAllByRole('option')).toHaveLength(5));
    await user.selectOptions(department, 'LAW');
    await user.type(within(form).getByLabelText('Börjar tidigast'), '2030-01-01');
    await user.type(within(form).getByLabelText('Börjar senast'), '2030-01-31');
    await user.click(within(form).getByRole('button', { name: 'Visa' }));
    await waitFor(() => expect(router.state.location.search).toBe('?status=published&kind=lecture&department=LAW&from=2030-01-01&to=2030-01-31'));
    expect(await screen.findByText('Inga evenemang matchar.')).toBeTruthy();
    const query = requestsTo(sent, 'GET', '/api/events').at(-1)!.query;
    expect(query).toMatchObject({ status: 'published', kind: 'lecture', department: 'LAW', page: '1', pageSize: '25' });
    expect(new Date(query.from).getTime()).toBe(new Date(2030, 0, 1).getTime());
    expect(new Date(query.to).getTime()).toBe(new Date(2030, 1, 1).getTime());

    await user.click(within(form).getByRole('button', { name: 'Rensa filter' }));
    await waitFor(() => expect(router.state.location.search).toBe(''));
  });

  it('says so when the last day is before the first, and asks nothing', async () => {
    server.use(http.get('/api/events', () => json(staffEventPage([]))));
    renderApp({ me: me('coordinator'), path: '/staff/events?from=2030-02-01&to=2030-01-01' });
    const to = await screen.findByLabelText('Börjar senast', {}, LOADED);
    expect(to.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Sista dagen är före den första.')).toBeTruthy();
    expect(requestsTo(sent, 'GET', '/api/events')).toHaveLength(0);
  });

  it('pages through the events with the filters kept', async () => {
    server.use(
      http.get('/api/events', ({ request }) => {
        const page = Number(new URL(request.url).searchParams.get('page'));
        return json(staffEventPage([staffEventSummary({ titleSv: `Evenemang på sidan ${page}` })], { total: 60, page }));
      }),
    );
    const user = userEvent.setup();
    renderApp({ me: me('coordinator'), path: '/staff/events?kind=lecture' });
    expect(await screen.findByRole('link', { name: 'Evenemang på sidan 1' }, LOADED)).toBeTruthy();
    await user.click(within(screen.getByRole('navigation', { name: 'Sidor med evenemang' })).getByRole('link', { name: /Nästa/ }));
    expect(await screen.findByRole('link', { name: 'Evenemang på sidan 2' })).toBeTruthy();
    expect(requestsTo(sent, 'GET', '/api/events').at(-1)!.query).toMatchObject({ kind: 'lecture', page: '2' });
  });
});
