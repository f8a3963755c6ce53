import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import type { MeetingNoteResponse } from '../../../api/generated';
import { json, jsonWithETag, me, noContent, notFound, recordRequests, requestsTo, server, testId, type SentRequest } from '../../../test/http';
import { meetingNote, meetingPage, meetingSummary } from '../../../test/network-news';
import { renderApp } from '../../../test/render-app';

let sent: SentRequest[];
const LOADED = { timeout: 10_000 };
const MEETING = testId(9500);

beforeEach(() => {
  sent = recordRequests();
});

describe('network meetings', () => {
  it('shows a coordinator the upcoming meetings and the past ones with their notes, without the office’s link', async () => {
    server.use(
      http.get('/api/network/meetings', ({ request }) =>
        new URL(request.url).searchParams.get('when') === 'past'
          ? json(meetingPage([meetingSummary({ eventId: testId(9501), titleSv: 'Höstmötet', startsAt: '2029-10-10T13:00:00Z', noteCount: 2, decisionCount: 1 })]))
          : json(meetingPage([meetingSummary({ eventId: MEETING, online: true })])),
      ),
    );
    renderApp({ me: me('coordinator'), path: '/staff/network/meetings' });
    const upcoming = await screen.findByRole('region', { name: 'Kommande möten' }, LOADED);
    expect((await within(upcoming).findByRole('link', { name: 'Nätverksmöte våren 2030' })).getAttribute('href')).toBe(`/staff/network/meetings/${MEETING}`);
    expect(within(upcoming).getByText(/Studenthuset, Stockholm, Sverige och digitalt/)).toBeTruthy();
    const past = await screen.findByRole('region', { name: 'Tidigare möten' });
    expect(await within(past).findByText('2 anteckningar, 1 beslut')).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Planera ett möte' })).toBeNull();
    expect(screen.getByRole('navigation', { name: 'Koordinatorsnätverket' })).toBeTruthy();
    expect(requestsTo(sent, 'GET', '/api/network/meetings').map((r) => r.query.when).sort()).toEqual(['past', 'upcoming']);
  });

  it('shows a meeting’s notes and decisions apart, and a coordinator no way to write them', async () => {
    server.use(
      http.get(`/api/network/meetings/${MEETING}`, () =>
        json({
          meeting: meetingSummary({ eventId: MEETING, noteCount: 1, decisionCount: 1 }),
          notes: [
            meetingNote({ id: testId(9510), eventId: MEETING }),
            meetingNote({ id: testId(9511), eventId: MEETING, kind: 'decision', body: 'Alumnidagen hålls 14 mars.', bodyHtml: '<p>Alumnidagen hålls 14 mars.</p>' }),
          ],
        }),
      ),
    );
    renderApp({ me: me('coordinator'), path: `/staff/network/meetings/${MEETING}` });
    expect(await screen.findByRole('heading', { level: 1, name: 'Nätverksmöte våren 2030' }, LOADED)).toBeTruthy();
    const decision = screen.getByRole('article', { name: 'Beslut' });
    expect(within(decision).getByText('Alumnidagen hålls 14 mars.')).toBeTruthy();
    expect(decision.closest('li')!.className).toContain('network-note--decision');
    const note = screen.getByRole('article', { name: 'Anteckning' });
    expect(within(note).getByText('planerna').tagName).toBe('STRONG');
    expect(note.closest('li')!.className).not.toContain('network-note--decision');
    expect(screen.queryByRole('button', { name: 'Ändra' })).toBeNull();
    expect(screen.queryByRole('region', { name: 'Lägg till en anteckning eller ett beslut' })).toBeNull();
  });

  it('lets the office add a decision and change a note from the version shown', async () => {
    let notes: MeetingNoteResponse[] = [meetingNote({ id: testId(9520), eventId: MEETING, body: 'Gammal text', bodyHtml: '<p>Gammal text</p>' })];
    server.use(
      http.get('/api/network/meetings/:id', () => json({ meeting: meetingSummary({ eventId: MEETING }), notes })),
      http.post(`/api/network/meetings/${MEETING}/notes`, async ({ request }) => {
        const body = (await request.json()) as MeetingNoteResponse;
        const created = meetingNote({ id: testId(9521), eventId: MEETING, kind: body.kind, body: body.body, bodyHtml: `<p>${body.body}</p>` });
        notes = [...notes, created];
        return jsonWithETag(created, 201);
      }),
      http.put(`/api/network/meetings/${MEETING}/notes/${testId(9520)}`, async ({ request }) => {
        const body = (await request.json()) as MeetingNoteResponse;
        notes = [meetingNote({ ...notes[0], body: body.body, bodyHtml: `<p>${body.body}</p>`, version: 2 }), ...notes.slice(1)];
        return jsonWithETag(notes[0]);
      }),
    );
    const user = userEvent.setup();
    renderApp({ me: me('admin'), path: `/staff/network/meetings/${MEETING}` });
    const add = await screen.findByRole('region', { name: 'Lägg till en anteckning eller ett beslut' }, LOADED);
    await user.click(within(add).getByRole('button', { name: 'Lägg till' }));
    expect(await within(add).findAllByText('Skriv anteckningen eller beslutet.')).not.toHaveLength(0);
    expect(requestsTo(sent, 'POST', `/api/network/meetings/${MEETING}/notes`)).toHaveLength(0);

    await user.click(within(add).getByRole('radio', { name: 'Beslut' }));
    await user.type(within(add).getByRole('textbox', { name: 'Text' }), 'Vi bjuder in alla.');
    await user.click(within(add).getByRole('button', { name: 'Lägg till' }));
    expect(await screen.findByText('Beslutet lades till.')).toBeTruthy();
    expect(await requestsTo(sent, 'POST', `/api/network/meetings/${MEETING}/notes`)[0].json()).toEqual({ kind: 'decision', body: 'Vi bjuder in alla.' });
    expect(await screen.findByRole('article', { name: 'Beslut' })).toBeTruthy();

    const old = screen.getByRole('article', { name: 'Anteckning' });
    await user.click(within(old).getByRole('button', { name: 'Ändra' }));
    const text = within(old).getByRole('textbox', { name: 'Text' });
    await user.clear(text);
    await user.type(text, 'Ny text');
    await user.click(within(old).getByRole('button', { name: 'Spara' }));
    expect(await screen.findByText('Anteckningen sparades.')).toBeTruthy();
    const put = requestsTo(sent, 'PUT', `/api/network/meetings/${MEETING}/notes/${testId(9520)}`)[0];
    expect(put.headers.get('If-Match')).toBe('"1"');
    expect(await put.json()).toEqual({ kind: 'note', body: 'Ny text' });
    await waitFor(() => expect(screen.getByText('Ny text')).toBeTruthy());
  });

  it('lets the office delete a note after confirming', async () => {
    let notes: MeetingNoteResponse[] = [meetingNote({ id: testId(9530), eventId: MEETING })];
    server.use(
      http.get(`/api/network/meetings/${MEETING}`, () => json({ meeting: meetingSummary({ eventId: MEETING }), notes })),
      http.delete(`/api/network/meetings/${MEETING}/notes/${testId(9530)}`, () => {
        notes = [];
        return noContent();
      }),
    );
    const user = userEvent.setup();
    renderApp({ me: me('admin'), path: `/staff/network/meetings/${MEETING}` });
    const note = await screen.findByRole('article', { name: 'Anteckning' }, LOADED);
    await user.click(within(note).getByRole('button', { name: 'Ta bort' }));
    await user.click(within(screen.getByRole('region', { name: 'Ta bort anteckningen?' })).getByRole('button', { name: 'Ta bort' }));
    expect(await screen.findByText('Anteckningen togs bort.')).toBeTruthy();
    expect(await screen.findByText('Inget har skrivits ner från det här mötet än.')).toBeTruthy();
    expect(requestsTo(sent, 'DELETE', `/api/network/meetings/${MEETING}/notes/${testId(9530)}`)).toHaveLength(1);
  });

  it('says so when the event is not a network meeting', async () => {
    server.use(http.get(`/api/network/meetings/${MEETING}`, () => notFound('There is no network meeting with that id.')));
    renderApp({ me: me('coordinator'), path: `/staff/network/meetings/${MEETING}` });
    expect(await screen.findByText('Det finns inget nätverksmöte på den här adressen.', {}, LOADED)).toBeTruthy();
  });

  it('offers the office a link to plan a meeting in Events', async () => {
    server.use(http.get('/api/network/meetings', () => json(meetingPage([]))));
    renderApp({ me: me('admin'), path: '/staff/network/meetings' });
    expect((await screen.findByRole('link', { name: 'Planera ett möte' }, LOADED)).getAttribute('href')).toBe('/staff/events/new');
    expect(await screen.findByText('Inga möten är planerade.')).toBeTruthy();
    expect(await screen.findByText('Inga möten har hållits än.')).toBeTruthy();
  });
});
