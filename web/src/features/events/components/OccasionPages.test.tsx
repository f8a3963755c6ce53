import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CreateOccasionRequest, OccasionDetailResponse } from '../../../api/generated';
import { demoFaculties, json, jsonWithETag, me, recordRequests, requestsTo, server, testId, type SentRequest } from '../../../test/http';
import { occasion, occasionPage } from '../../../test/events-staff';
import { renderApp } from '../../../test/render-app';

let sent: SentRequest[];
/** A page loaded on demand (the router's lazy routes) may take a while on a busy machine. */
const LOADED = { timeout: 10_000 };

beforeEach(() => {
  sent = recordRequests();
  server.use(http.get('/api/faculties', () => json(demoFaculties())));
});

describe('occasions abroad', () => {
  it('lets an admin create an occasion and opens it with the members there and its events', async () => {
    let created: OccasionDetailResponse | undefined;
    server.use(
      http.get('/api/occasions', () => json(occasionPage(created ? [created] : []))),
      http.post('/api/occasions', async ({ request }) => {
        const body = (await request.json()) as CreateOccasionRequest;
        created = occasion({
          ...body,
          id: testId(600),
          reach: { inCountry: 41, inCountryConsented: 17, inCity: 12, inCityConsented: 5 },
          events: [{ id: testId(601), titleSv: 'Alumnimiddag i Bogotá', startsAt: '2030-03-04T23:00:00Z', status: 'published' }],
        });
        return jsonWithETag(created, 201);
      }),
      http.get(`/api/occasions/${testId(600)}`, () => jsonWithETag(created!)),
    );
    const user = userEvent.setup();
    const { router } = renderApp({ me: me('admin'), path: '/staff/occasions' });
    expect(await screen.findByText('Inga besök ännu.', {}, LOADED)).toBeTruthy();
    await user.click(screen.getByRole('link', { name: 'Nytt besök' }));
    await user.type(await screen.findByRole('textbox', { name: 'Namn' }, LOADED), 'Rektors besök i Bogotá');
    await user.type(screen.getByRole('textbox', { name: 'Syfte' }), 'Möta alumner\noch partner.');
    await user.type(screen.getByRole('textbox', { name: 'Ort' }), 'Bogotá');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Land' }), 'CO');
    await user.type(screen.getByLabelText('Första dagen'), '2030-03-02');
    await user.type(screen.getByLabelText('Sista dagen'), '2030-03-06');
    await user.click(screen.getByRole('button', { name: 'Skapa besöket' }));

    await waitFor(() => expect(router.state.location.pathname).toBe(`/staff/occasions/${testId(600)}`));
    expect(await screen.findByText('Besöket har skapats.', {}, LOADED)).toBeTruthy();
    expect(await requestsTo(sent, 'POST', '/api/occasions')[0].json()).toEqual({
      title: 'Rektors besök i Bogotá',
      purpose: 'Möta alumner\noch partner.',
      city: 'Bogotá',
      country: 'CO',
      startsOn: '2030-03-02',
      endsOn: '2030-03-06',
    });
    const reach = screen.getByRole('region', { name: 'Medlemmar på plats' });
    expect(within(reach).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      '41Bor i Colombia17 får bjudas in',
      '12Bor i Bogotá5 får bjudas in',
    ]);
    const events = screen.getByRole('region', { name: 'Besökets evenemang' });
    expect(within(events).getByRole('link', { name: 'Alumnimiddag i Bogotá' }).getAttribute('href')).toBe(`/staff/events/${testId(601)}`);
    expect(within(events).getByText('Publicerat')).toBeTruthy();
    expect(within(events).getByRole('link', { name: 'Nytt evenemang för besöket' }).getAttribute('href')).toBe(
      `/staff/events/new?occasion=${testId(600)}`,
    );
  });

  it('checks the occasion’s rules before sending it', async () => {
    const user = userEvent.setup();
    renderApp({ me: me('admin'), path: '/staff/occasions/new' });
    await user.type(await screen.findByLabelText('Första dagen', {}, LOADED), '2030-03-06');
    await user.type(screen.getByLabelText('Sista dagen'), '2030-03-02');
    await user.type(screen.getByRole('textbox', { name: 'Ort' }), '<b>');
    await user.click(screen.getByRole('button', { name: 'Skapa besöket' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getAllByRole('link').map((link) => link.textContent)).toEqual([
      'Namn: Ange ett namn.',
      'Ort: Namn får inte innehålla < eller >.',
      'Land: Välj landet.',
      'Sista dagen: Sista dagen kan inte vara före den första.',
    ]);
    expect(requestsTo(sent, 'POST', '/api/occasions')).toHaveLength(0);
  });

  it('changes an occasion with If-Match', async () => {
    const current = occasion({ id: testId(610), version: 4 });
    server.use(
      http.get(`/api/occasions/${current.id}`, () => jsonWithETag(current)),
      http.put(`/api/occasions/${current.id}`, async ({ request }) => jsonWithETag({ ...current, ...((await request.json()) as object), version: 5 })),
    );
    const user = userEvent.setup();
    renderApp({ me: me('admin'), path: `/staff/occasions/${current.id}/edit` });
    const city = await screen.findByRole('textbox', { name: 'Ort' }, LOADED);
    expect(city).toHaveProperty('value', 'Bogotá');
    await user.clear(city);
    await user.type(city, 'Medellín');
    await user.click(screen.getByRole('button', { name: 'Spara ändringarna' }));
    expect(await screen.findByText('Ändringarna har sparats.', {}, LOADED)).toBeTruthy();
    const put = requestsTo(sent, 'PUT', `/api/occasions/${current.id}`)[0];
    expect(put.headers.get('If-Match')).toBe('"4"');
    expect(await put.json()).toMatchObject({ city: 'Medellín', country: 'CO' });
  });

  it('shows a coordinator the occasions and their figures, without making or changing them', async () => {
    const bogota = occasion({ id: testId(620) });
    server.use(
      http.get('/api/occasions', () => json(occasionPage([bogota]))),
      http.get(`/api/occasions/${bogota.id}`, () => jsonWithETag(bogota)),
    );
    const user = userEvent.setup();
    renderApp({ me: me('coordinator'), path: '/staff/occasions' });
    const row = await screen.findByRole('row', { name: /^Rektors besök i Bogotá/ }, LOADED);
    expect(within(row).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['VarBogotá, Colombia', 'När2 mars 2030 – 6 mars 2030']);
    expect(screen.queryByRole('link', { name: 'Nytt besök' })).toBeNull();
    await user.click(within(row).getByRole('link', { name: 'Rektors besök i Bogotá' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Rektors besök i Bogotá' }, LOADED)).toBeTruthy();
    expect(await screen.findByText('Inga evenemang hör till besöket ännu.')).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Ändra' })).toBeNull();
  });
});
