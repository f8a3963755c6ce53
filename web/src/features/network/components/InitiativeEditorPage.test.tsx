import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CreateInitiativeRequest, InitiativeResponse } from '../../../api/generated';
import { demoFaculties, json, me, recordRequests, requestsTo, server, testId, type SentRequest } from '../../../test/http';
import { renderApp } from '../../../test/render-app';

const LOADED = { timeout: 10_000 };
const ID = testId(911);
let sent: SentRequest[];

function saved(body: CreateInitiativeRequest, version: number): InitiativeResponse {
  return { id: ID, status: 'open', createdAt: '2026-12-02T10:00:00Z', updatedAt: '2026-12-02T10:00:00Z', joins: [], version, ...body };
}

beforeEach(() => {
  sent = recordRequests();
  server.use(
    http.get('/api/faculties', () => json(demoFaculties())),
    http.post('/api/network/initiatives', async ({ request }) => json(saved((await request.json()) as CreateInitiativeRequest, 1), 201, { ETag: '"1"' })),
    http.get(`/api/network/initiatives/${ID}`, () =>
      json(saved({ kind: 'platform', titleSv: 'Mentorskap', startsOn: '2031-09-01', endsOn: '2032-05-31' }, 3), 200, { ETag: '"3"' }),
    ),
    http.put(`/api/network/initiatives/${ID}`, async ({ request }) => json(saved((await request.json()) as CreateInitiativeRequest, 4), 200, { ETag: '"4"' })),
  );
});

describe('InitiativeEditorPage', () => {
  it('refuses a last day before the first, then creates the initiative and opens it', async () => {
    renderApp({ me: me('admin'), path: '/staff/network/initiatives/new' });
    await screen.findByRole('heading', { level: 1, name: 'Nytt initiativ' }, LOADED);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: /^Typ/ }), 'meetingPlace');
    await userEvent.type(screen.getByRole('textbox', { name: 'Titel (svenska)' }), 'Karriärmässan');
    await userEvent.type(screen.getByLabelText(/^Första dag/), '2031-03-10');
    await userEvent.type(screen.getByLabelText(/^Sista dag/), '2031-03-09');
    await userEvent.click(screen.getByRole('button', { name: 'Skapa initiativet' }));
    expect((await screen.findAllByText('Sista dagen kan inte vara före den första.')).length).toBeGreaterThan(0);
    expect(requestsTo(sent, 'POST', '/api/network/initiatives')).toHaveLength(0);

    await userEvent.clear(screen.getByLabelText(/^Sista dag/));
    await userEvent.click(screen.getByRole('button', { name: 'Skapa initiativet' }));
    await screen.findByRole('heading', { level: 1, name: 'Karriärmässan' }, LOADED);
    const [created] = requestsTo(sent, 'POST', '/api/network/initiatives');
    expect(await created.json()).toEqual({ kind: 'meetingPlace', titleSv: 'Karriärmässan', startsOn: '2031-03-10' });
  });

  it('saves a change with the version it started from', async () => {
    renderApp({ me: me('admin'), path: `/staff/network/initiatives/${ID}/edit` });
    await screen.findByRole('heading', { level: 1, name: 'Redigera initiativ' }, LOADED);
    const title = await screen.findByRole('textbox', { name: 'Titel (svenska)' }, LOADED);
    await userEvent.clear(title);
    await userEvent.type(title, 'Mentorskapsprogrammet');
    await userEvent.click(screen.getByRole('button', { name: 'Spara initiativet' }));
    await screen.findByRole('heading', { level: 1, name: 'Mentorskapsprogrammet' }, LOADED);
    const [put] = requestsTo(sent, 'PUT', `/api/network/initiatives/${ID}`);
    expect(put.headers.get('If-Match')).toBe('"3"');
    expect(await put.json()).toEqual({ kind: 'platform', titleSv: 'Mentorskapsprogrammet', startsOn: '2031-09-01', endsOn: '2032-05-31' });
  });

  it('tells a coordinator that only the office writes initiatives', async () => {
    renderApp({ me: me('coordinator'), path: '/staff/network/initiatives/new' });
    await screen.findByText('Bara centrala alumnikontoret (administratörer) skriver initiativ.', {}, LOADED);
    expect(screen.queryByRole('button', { name: 'Skapa initiativet' })).toBeNull();
  });
});
