import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CreateEventRequest, InitiativeJoinResponse, InitiativeResponse, InitiativeSummary, JoinInitiativeRequest } from '../../../api/generated';
import { conflict, DSV, json, me, problem, recordRequests, requestsTo, server, testId, type SentRequest } from '../../../test/http';
import { renderApp } from '../../../test/render-app';
import { ProblemTypes } from '../../../lib/problem-details';

const LOADED = { timeout: 10_000 };
const ALUMNI_DAY = testId(901);
const EVENT_ID = testId(902);

let sent: SentRequest[];
let joins: InitiativeJoinResponse[];
let status: InitiativeResponse['status'];

function initiative(): InitiativeResponse {
  return {
    id: ALUMNI_DAY,
    kind: 'initiative',
    status,
    titleSv: 'Alumnidagen',
    titleEn: 'Alumni Day',
    descriptionSv: 'Institutionerna **står för resten**.',
    descriptionSvHtml: '<p>Institutionerna <strong>står för resten</strong>.</p>',
    startsOn: '2031-10-04',
    endsOn: '2031-10-04',
    createdAt: '2026-12-01T10:00:00Z',
    updatedAt: '2026-12-01T10:00:00Z',
    joins,
    version: 1,
  };
}

function joinOf(body: JoinInitiativeRequest, version: number): InitiativeJoinResponse {
  return {
    initiativeId: ALUMNI_DAY,
    departmentCode: 'DSV',
    departmentNameSv: DSV.nameSv,
    departmentNameEn: DSV.nameEn,
    offerNote: body.offerNote,
    joinedAt: '2026-12-02T09:00:00Z',
    joinedByName: 'Demo Coordinator',
    updatedAt: '2026-12-02T09:00:00Z',
    event: body.eventId ? { id: body.eventId, titleSv: 'Alumnidagen – DSV', titleEn: 'Alumni Day – DSV', startsAt: '2031-10-04T15:00:00Z', timeZone: 'Europe/Stockholm', status: 'draft' } : undefined,
    canChange: true,
    version,
  };
}

beforeEach(() => {
  sent = recordRequests();
  joins = [];
  status = 'open';
  server.use(
    http.get(`/api/network/initiatives/${ALUMNI_DAY}`, () => json(initiative(), 200, { ETag: '"1"' })),
    http.put(`/api/network/initiatives/${ALUMNI_DAY}/joins/DSV`, async ({ request }) => {
      if (status === 'closed') return conflict('The initiative is closed.');
      const body = (await request.json()) as JoinInitiativeRequest;
      const version = (joins[0]?.version ?? 0) + 1;
      joins = [joinOf(body, version)];
      return json(joins[0], version === 1 ? 201 : 200, { ETag: `"${version}"` });
    }),
    http.post('/api/events', async ({ request }) => {
      const body = (await request.json()) as CreateEventRequest;
      return json({ id: EVENT_ID, ...body, status: 'draft', version: 1 }, 201);
    }),
  );
});

async function openAsCoordinator() {
  renderApp({ me: me('coordinator'), path: `/staff/network/initiatives/${ALUMNI_DAY}` });
  await screen.findByRole('heading', { level: 1, name: 'Alumnidagen' }, LOADED);
}

describe('InitiativePage', () => {
  it('joins for my department, then creates our draft event under it and links it, and offers to open it', async () => {
    await openAsCoordinator();
    expect(screen.getByText('står för resten')).toBeTruthy();
    expect(screen.getByText('Ingen institution har hakat på ännu.')).toBeTruthy();

    await userEvent.type(screen.getByRole('textbox', { name: /^Det här erbjuder vi/ }), 'En föreläsning om AI');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Skapa vår institutions evenemang under initiativet' }));
    await userEvent.click(screen.getByRole('button', { name: 'Haka på initiativet' }));

    const open = await screen.findByRole('link', { name: 'Öppna evenemanget' }, LOADED);
    expect(open.getAttribute('href')).toBe(`/staff/events/${EVENT_ID}/edit`);
    const puts = requestsTo(sent, 'PUT', `/api/network/initiatives/${ALUMNI_DAY}/joins/DSV`);
    expect(puts).toHaveLength(2);
    // Join first (no If-Match: a first join), then the event, then the link with the join's version.
    expect(puts[0].headers.get('If-Match') ?? '').toBe('');
    expect(await puts[0].json()).toEqual({ offerNote: 'En föreläsning om AI' });
    const [created] = requestsTo(sent, 'POST', '/api/events');
    expect(await created.json()).toMatchObject({
      kind: 'networking',
      organiserDepartmentCode: 'DSV',
      titleSv: `Alumnidagen – ${DSV.nameSv}`,
      titleEn: `Alumni Day – ${DSV.nameEn}`,
      startsAt: '2031-10-04T15:00:00.000Z',
      endsAt: '2031-10-04T17:00:00.000Z',
      timeZone: 'Europe/Stockholm',
      audience: 'departments',
      audienceDepartmentCodes: ['DSV'],
    });
    expect(puts[1].headers.get('If-Match')).toBe('"1"');
    expect(await puts[1].json()).toEqual({ offerNote: 'En föreläsning om AI', eventId: EVENT_ID });
    const joined = screen.getByRole('region', { name: /^Har hakat på/ });
    expect(within(joined).getByText('En föreläsning om AI')).toBeTruthy();
    await within(joined).findByRole('link', { name: 'Alumnidagen – DSV' });
  });

  it('keeps the join when the event cannot be created and offers to create it again', async () => {
    let tries = 0;
    server.use(
      http.post('/api/events', async ({ request }) => {
        tries += 1;
        if (tries === 1) return problem(500, ProblemTypes.internalError, 'Internal Server Error');
        const body = (await request.json()) as CreateEventRequest;
        return json({ id: EVENT_ID, ...body, status: 'draft', version: 1 }, 201);
      }),
    );
    await openAsCoordinator();
    await userEvent.click(screen.getByRole('checkbox', { name: 'Skapa vår institutions evenemang under initiativet' }));
    await userEvent.click(screen.getByRole('button', { name: 'Haka på initiativet' }));

    const alert = await screen.findByText(/har hakat på initiativet, men evenemanget kunde inte skapas/, {}, LOADED);
    expect(alert).toBeTruthy();
    expect(requestsTo(sent, 'PUT', `/api/network/initiatives/${ALUMNI_DAY}/joins/DSV`)).toHaveLength(1);
    const again = await screen.findByRole('button', { name: 'Skapa vårt evenemang' }, LOADED);
    await userEvent.click(again);
    await screen.findByText('Evenemanget är skapat som utkast.', {}, LOADED);
    const puts = requestsTo(sent, 'PUT', `/api/network/initiatives/${ALUMNI_DAY}/joins/DSV`);
    expect(puts).toHaveLength(2);
    expect(await puts[1].json()).toMatchObject({ eventId: EVENT_ID });
  });

  it('makes no event when the server refuses the join', async () => {
    await openAsCoordinator();
    await userEvent.click(screen.getByRole('checkbox', { name: 'Skapa vår institutions evenemang under initiativet' }));
    // The office closes the initiative while the page is open.
    status = 'closed';
    await userEvent.click(screen.getByRole('button', { name: 'Haka på initiativet' }));

    // The page reads the initiative again and says it is closed; no event was made.
    await screen.findByText(/Initiativet är stängt: institutioner kan inte längre/, {}, LOADED);
    expect(requestsTo(sent, 'PUT', `/api/network/initiatives/${ALUMNI_DAY}/joins/DSV`)).toHaveLength(1);
    expect(requestsTo(sent, 'POST', '/api/events')).toHaveLength(0);
    expect(screen.queryByRole('button', { name: 'Haka på initiativet' })).toBeNull();
  });

  it('shows a closed initiative without the join form', async () => {
    status = 'closed';
    await openAsCoordinator();
    expect(screen.getByText(/Initiativet är stängt: institutioner kan inte längre/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Haka på initiativet' })).toBeNull();
  });
});

describe('InitiativesPage', () => {
  it('lists the initiatives with their period, kind, how many joined and which of mine did', async () => {
    const items: InitiativeSummary[] = [
      { id: ALUMNI_DAY, kind: 'initiative', status: 'open', titleSv: 'Alumnidagen', titleEn: 'Alumni Day', startsOn: '2031-10-04', endsOn: '2031-10-04', joinedCount: 3, myJoinedDepartmentCodes: ['DSV'], version: 1 },
      { id: testId(903), kind: 'platform', status: 'open', titleEn: 'Mentorship', startsOn: '2031-09-01', joinedCount: 0, myJoinedDepartmentCodes: [], version: 1 },
    ];
    server.use(http.get('/api/network/initiatives', () => json({ items, page: 1, pageSize: 50, total: 2, totalExact: true })));
    renderApp({ me: me('coordinator'), path: '/staff/network/initiatives' });
    await screen.findByRole('heading', { level: 1, name: 'Initiativ' }, LOADED);
    const day = (await screen.findByRole('link', { name: 'Alumnidagen' }, LOADED)).closest('li')!;
    expect(within(day as HTMLElement).getByText('3 institutioner har hakat på')).toBeTruthy();
    expect(within(day as HTMLElement).getByText('Ni har hakat på: DSV')).toBeTruthy();
    const mentorship = screen.getByRole('link', { name: 'Mentorship' });
    expect(mentorship.getAttribute('lang')).toBe('en');
    const item = mentorship.closest('li') as HTMLElement;
    expect(within(item).getByText('Plattform')).toBeTruthy();
    expect(within(item).getByText(/^Från /)).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Nytt initiativ' })).toBeNull();
  });
});
