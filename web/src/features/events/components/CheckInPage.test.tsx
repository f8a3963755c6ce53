import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AttendeeResponse } from '../../../api/generated';
import { conflict, demoFaculties, json, jsonWithETag, me, noContent, recordRequests, requestsTo, server, testId, type SentRequest } from '../../../test/http';
import { attendee, attendeePage, checkedIn, figures } from '../../../test/events-attendance';
import { staffEvent } from '../../../test/events-staff';
import { renderApp } from '../../../test/render-app';

let sent: SentRequest[];
/** A page loaded on demand (the router's lazy routes) may take a while on a busy machine. */
const LOADED = { timeout: 10_000 };
const EVENT = staffEvent({ id: testId(500), status: 'published', titleSv: 'Vårträff' });
const PATH = `/staff/events/${EVENT.id}/check-in`;

/** The registrations on the server: listed, checked in and undone by the handlers. */
function serve(initial: AttendeeResponse[]) {
  const store = { attendees: initial };
  const find = (id: string) => store.attendees.find((a) => a.id === id)!;
  const set = (id: string, fields: Partial<AttendeeResponse>) => {
    store.attendees = store.attendees.map((a) => (a.id === id ? { ...a, ...fields } : a));
  };
  server.use(
    http.get(`/api/events/${EVENT.id}`, () => jsonWithETag(EVENT)),
    http.get(`/api/events/${EVENT.id}/registrations`, ({ request }) => {
      const q = new URL(request.url).searchParams.get('q')?.toLowerCase();
      return json(attendeePage(store.attendees.filter((a) => !q || `${a.firstName} ${a.lastName}`.toLowerCase().includes(q))));
    }),
    http.get(`/api/events/${EVENT.id}/figures`, () =>
      json(
        figures(EVENT.id, {
          registrations: store.attendees.length,
          seats: store.attendees.reduce((n, a) => n + a.seats, 0),
          checkedIn: store.attendees.filter((a) => a.status === 'checkedIn').length,
          checkedInSeats: store.attendees.filter((a) => a.status === 'checkedIn').reduce((n, a) => n + a.seats, 0),
        }),
      ),
    ),
    http.post(`/api/events/${EVENT.id}/check-ins`, async ({ request }) => {
      const body = (await request.json()) as { code?: string; registrationId?: string };
      const who = body.registrationId ? find(body.registrationId) : store.attendees.find((a) => a.checkInCode === body.code);
      if (!who) return json({ type: 'urn:alumni:problem:not-found', title: 'Not Found', status: 404, detail: 'No such code.' }, 404);
      if (who.status === 'checkedIn') return conflict('Already checked in at 2030-05-14T16:00:00Z.');
      set(who.id, { status: 'checkedIn', checkedInAt: '2030-05-14T16:05:00Z' });
      return json(checkedIn(who));
    }),
    http.delete(`/api/events/${EVENT.id}/check-ins/:registrationId`, ({ params }) => {
      set(String(params.registrationId), { status: 'confirmed', checkedInAt: undefined });
      return noContent();
    }),
  );
  return store;
}

beforeEach(() => {
  sent = recordRequests();
  server.use(http.get('/api/faculties', () => json(demoFaculties())));
});

afterEach(() => {
  Reflect.deleteProperty(window, 'BarcodeDetector');
  Reflect.deleteProperty(navigator, 'mediaDevices');
  vi.restoreAllMocks();
});

const ADA = () => attendee({ id: testId(501), firstName: 'Ada', lastName: 'Lovelace', checkInCode: 'K7M2Q9XA', seats: 2, guests: ['Byron'] });
const GRACE = () => attendee({ id: testId(502), firstName: 'Grace', lastName: 'Hopper', email: 'grace@example.org', checkInCode: 'H3PP4R22' });

describe('CheckInPage', () => {
  it('checks a person in by the typed code (any case, with spaces), says who with their guests, and undoes it', async () => {
    serve([ADA(), GRACE()]);
    const user = userEvent.setup();
    renderApp({ me: me('coordinator'), path: PATH });
    const code = await screen.findByRole('textbox', { name: 'Incheckningskod' }, LOADED);
    expect(screen.getByText('Vårträff')).toBeTruthy();
    // No camera scanning where the browser has no BarcodeDetector: typing the code is the way.
    expect(screen.queryByRole('button', { name: 'Skanna QR-kod' })).toBeNull();
    await user.type(code, 'k7m2 q9xa');
    await user.click(screen.getByRole('button', { name: 'Checka in' }));

    expect(await screen.findByText('Ada Lovelace är incheckad, med 2 platser.')).toBeTruthy();
    expect(screen.getByText('Gäster: Byron', { selector: '.check-in__outcome p' })).toBeTruthy();
    expect(await requestsTo(sent, 'POST', `/api/events/${EVENT.id}/check-ins`)[0].json()).toEqual({ code: 'K7M2Q9XA' });
    expect(code).toHaveProperty('value', '');
    // The list and the figures are read again.
    const list = screen.getByRole('list', { name: 'Anmälda' });
    await waitFor(() => expect(within(list).getAllByRole('listitem')[0].textContent).toContain('Incheckad'));
    const figureList = within(screen.getByRole('region', { name: 'Siffror' })).getAllByRole('listitem');
    await waitFor(() => expect(figureList[2].textContent).toBe('1Incheckade2 platser'));

    // Undo right below the message (the list has its own button too).
    await user.click(screen.getAllByRole('button', { name: 'Ångra incheckningen av Ada Lovelace' })[0]);
    expect(await screen.findByText('Incheckningen av Ada Lovelace är ångrad.')).toBeTruthy();
    expect(requestsTo(sent, 'DELETE', `/api/events/${EVENT.id}/check-ins/${testId(501)}`)).toHaveLength(1);
    await waitFor(() => expect(within(list).getByRole('button', { name: 'Checka in Ada Lovelace' })).toBeTruthy());
  });

  it('checks a person in from the list, found by name', async () => {
    serve([ADA(), GRACE()]);
    const user = userEvent.setup();
    renderApp({ me: me('coordinator'), path: PATH });
    const search = await screen.findByRole('searchbox', { name: 'Namn eller e-post' }, LOADED);
    await user.type(search, 'grace');
    await user.click(screen.getByRole('button', { name: 'Sök' }));
    const list = screen.getByRole('list', { name: 'Anmälda' });
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(1));
    expect(requestsTo(sent, 'GET', `/api/events/${EVENT.id}/registrations`).at(-1)!.query).toMatchObject({ q: 'grace' });
    await user.click(within(list).getByRole('button', { name: 'Checka in Grace Hopper' }));
    expect(await screen.findByText('Grace Hopper är incheckad.')).toBeTruthy();
    expect(await requestsTo(sent, 'POST', `/api/events/${EVENT.id}/check-ins`)[0].json()).toEqual({ registrationId: testId(502) });
  });

  it('refuses what is no code before asking, and says why the server refused one', async () => {
    const store = serve([ADA()]);
    store.attendees = store.attendees.map((a) => ({ ...a, status: 'checkedIn' as const }));
    const user = userEvent.setup();
    renderApp({ me: me('coordinator'), path: PATH });
    const code = await screen.findByRole('textbox', { name: 'Incheckningskod' }, LOADED);
    await user.type(code, 'K7M2!');
    await user.click(screen.getByRole('button', { name: 'Checka in' }));
    expect(code.getAttribute('aria-invalid')).toBe('true');
    expect(within(await screen.findByRole('alert')).getByRole('link').textContent).toBe(
      'Incheckningskod: Skriv bokstäverna och siffrorna under QR-koden.',
    );
    expect(requestsTo(sent, 'POST', `/api/events/${EVENT.id}/check-ins`)).toHaveLength(0);

    await user.clear(code);
    await user.type(code, 'K7M2Q9XA');
    await user.click(screen.getByRole('button', { name: 'Checka in' }));
    const refused = (await screen.findByText('Already checked in at 2030-05-14T16:00:00Z.')).closest('[role="alert"]');
    expect(refused?.textContent).toContain('Kunde inte checka in');
  });

  it('scans the QR code with the camera where the browser has a BarcodeDetector', async () => {
    serve([ADA()]);
    const stop = vi.fn();
    const getUserMedia = vi.fn(async () => ({ getTracks: () => [{ stop }] }) as unknown as MediaStream);
    Object.defineProperty(navigator, 'mediaDevices', { value: { getUserMedia }, configurable: true });
    Object.defineProperty(window, 'BarcodeDetector', {
      value: class {
        async detect() {
          return [{ rawValue: 'K7M2Q9XA' }];
        }
      },
      configurable: true,
    });
    vi.spyOn(HTMLMediaElement.prototype, 'play').mockResolvedValue(undefined);
    const user = userEvent.setup();
    renderApp({ me: me('coordinator'), path: PATH });
    await user.click(await screen.findByRole('button', { name: 'Skanna QR-kod' }, LOADED));
    expect(await screen.findByText('Ada Lovelace är incheckad, med 2 platser.')).toBeTruthy();
    expect(getUserMedia).toHaveBeenCalledWith({ video: { facingMode: 'environment' }, audio: false });
    expect(await requestsTo(sent, 'POST', `/api/events/${EVENT.id}/check-ins`)[0].json()).toEqual({ code: 'K7M2Q9XA' });
    // The camera is off again, and the scanner closed.
    expect(stop).toHaveBeenCalled();
    expect(screen.queryByRole('region', { name: 'Skanna medlemmens QR-kod' })).toBeNull();
  });
});
