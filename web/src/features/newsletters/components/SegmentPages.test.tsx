import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import type { PreviewSegmentRequest } from '../../../api/generated';
import { staffEventPage } from '../../../test/events-staff';
import { demoFaculties, json, me, recordRequests, requestsTo, server, testId, validationProblem, type SentRequest } from '../../../test/http';
import { renderApp } from '../../../test/render-app';

let sent: SentRequest[];
const LOADED = { timeout: 10_000 };

beforeEach(() => {
  sent = recordRequests();
  server.use(
    http.get('/api/faculties', () => json(demoFaculties())),
    http.get('/api/events', () => json(staffEventPage([]))),
    // The live count: members in Stockholm are 12 (two of them shown), everyone else 340.
    http.post('/api/newsletters/segments/preview', async ({ request }) => {
      const body = (await request.json()) as PreviewSegmentRequest;
      return body.filter.city === 'Stockholm'
        ? json({ count: 12, sample: [{ memberId: testId(501), name: 'Astrid Ekström' }, { memberId: testId(502), name: 'Johan Berg' }] })
        : json({ count: 340, sample: [] });
    }),
  );
});

describe('SegmentPage', () => {
  it('counts the members the filter holds as it is typed, with a few of their names', async () => {
    renderApp({ me: me('admin'), path: '/staff/newsletters/segments/new' });
    await screen.findByRole('heading', { level: 1, name: 'Nytt segment' }, LOADED);
    const count = screen.getByRole('complementary', { name: 'Medlemmar just nu' });
    await within(count).findByText('340 medlemmar');

    await userEvent.type(screen.getByRole('textbox', { name: 'Ort' }), 'Stockholm');
    await within(count).findByText('12 medlemmar');
    expect(within(count).getByRole('list').textContent).toBe('Astrid EkströmJohan Berg');
    // The count waited for the typing to settle: it was not asked for every letter.
    const previews = requestsTo(sent, 'POST', '/api/newsletters/segments/preview');
    expect(previews.length).toBeLessThan('Stockholm'.length);
    expect(await previews.at(-1)!.json()).toMatchObject({ filter: { city: 'Stockholm', departments: [], offers: [], tags: [] } });
  });

  it('saves the segment with its filter and shows the server’s field messages on the fields', async () => {
    server.use(http.post('/api/newsletters/segments', () => validationProblem({ 'filter.graduatedFrom': ['Året måste vara 1900 eller senare.'] })));
    renderApp({ me: me('admin'), path: '/staff/newsletters/segments/new' });
    await screen.findByRole('heading', { level: 1, name: 'Nytt segment' }, LOADED);
    await userEvent.type(screen.getByRole('textbox', { name: 'Namn' }), 'DSV i Stockholm');
    await userEvent.type(screen.getByRole('textbox', { name: /^Examen från \(år\)/ }), '1850');
    await screen.findByRole('checkbox', { name: 'Institutionen för data- och systemvetenskap (DSV)' });
    await userEvent.click(screen.getByRole('checkbox', { name: 'Institutionen för data- och systemvetenskap (DSV)' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Mentorskap för studenter' }));
    await userEvent.click(screen.getByRole('button', { name: 'Spara segmentet' }));
    const year = screen.getByRole('textbox', { name: /^Examen från \(år\)/ });
    await waitFor(() => expect(year.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getAllByText('Året måste vara 1900 eller senare.').length).toBeGreaterThan(0);
    const [request] = requestsTo(sent, 'POST', '/api/newsletters/segments');
    expect(await request.json()).toEqual({
      name: 'DSV i Stockholm',
      filter: { departments: ['DSV'], graduatedFrom: 1850, offers: ['mentor'], tags: [], attendedEventIds: [], registeredEventIds: [] },
    });
  });
});
