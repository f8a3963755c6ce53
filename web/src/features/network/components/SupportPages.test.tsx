import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import type { SupportRequestResponse, SupportRequestSummaryPaged } from '../../../api/generated';
import { demoFaculties, json, jsonWithETag, me, recordRequests, requestsTo, server, testId, validationProblem, type SentRequest } from '../../../test/http';
import { renderApp } from '../../../test/render-app';

let sent: SentRequest[];
/** A page loaded on demand (the router's lazy routes) may take a while on a busy machine. */
const LOADED = { timeout: 10_000 };

const DSV = { id: testId(700), code: 'DSV', nameSv: 'Institutionen för data- och systemvetenskap', nameEn: 'Department of Computer and Systems Sciences' };
const HIST = { id: testId(701), code: 'HIST', nameSv: 'Historiska institutionen', nameEn: 'Department of History' };

function supportRequest(fields: Partial<SupportRequestResponse> = {}): SupportRequestResponse {
  return {
    id: testId(710),
    department: DSV,
    title: 'Gemensam alumnikväll',
    description: 'En kväll för alumner.',
    startsOn: '2030-10-01',
    endsOn: '2030-10-02',
    departments: [DSV, HIST],
    help: ['venue', 'speaker'],
    status: 'submitted',
    allowedMoves: [],
    history: [{ move: 'submit', at: '2030-09-01T10:00:00Z', byName: 'Demo Coordinator' }],
    createdAt: '2030-09-01T10:00:00Z',
    updatedAt: '2030-09-01T10:00:00Z',
    version: 1,
    ...fields,
  };
}

function page(items: SupportRequestResponse[]): SupportRequestSummaryPaged {
  return {
    items: items.map((r) => ({
      id: r.id,
      departmentCode: r.department.code,
      title: r.title,
      startsOn: r.startsOn,
      endsOn: r.endsOn,
      status: r.status,
      departmentCount: r.departments.length,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
    })),
    page: 1,
    pageSize: 25,
    total: items.length,
    totalExact: true,
  };
}

beforeEach(() => {
  sent = recordRequests();
  server.use(http.get('/api/faculties', () => json(demoFaculties())));
});

describe('support requests', () => {
  it('lets a coordinator ask for support for their department, showing the server’s field errors, and opens the request', async () => {
    let attempts = 0;
    const created = supportRequest({ allowedMoves: ['edit', 'withdraw'] });
    server.use(
      http.get('/api/network/support-requests', () => json(page([]))),
      http.post('/api/network/support-requests', () => {
        attempts += 1;
        return attempts === 1
          ? validationProblem({ 'departments[1]': ['Det finns ingen institution med koden HIST.'] })
          : jsonWithETag(created, 201);
      }),
      http.get(`/api/network/support-requests/${created.id}`, () => jsonWithETag(created)),
    );
    const user = userEvent.setup();
    const { router } = renderApp({ me: me('coordinator'), path: '/staff/network/support' });
    expect(await screen.findByText('Inga förfrågningar matchar.', {}, LOADED)).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Siffror per år' })).toBeNull();
    await user.click(screen.getByRole('link', { name: 'Be om stöd' }));

    await user.type(await screen.findByRole('textbox', { name: 'Aktivitet' }, LOADED), 'Gemensam alumnikväll');
    await user.type(screen.getByLabelText('Första dagen'), '2030-10-01');
    await user.type(screen.getByLabelText('Sista dagen'), '2030-09-30');
    await user.click(await screen.findByRole('checkbox', { name: /\(HIST\)/ }));
    await user.click(screen.getByRole('button', { name: 'Skicka förfrågan' }));
    // The form's own rules: a last day before the first, and no help chosen.
    expect(await screen.findAllByText('Sista dagen kan inte vara före den första.')).not.toHaveLength(0);
    expect(screen.getAllByText('Välj minst ett slags stöd.')).not.toHaveLength(0);
    expect(requestsTo(sent, 'POST', '/api/network/support-requests')).toHaveLength(0);

    await user.clear(screen.getByLabelText('Sista dagen'));
    await user.type(screen.getByLabelText('Sista dagen'), '2030-10-02');
    await user.click(screen.getByRole('checkbox', { name: 'Lokal' }));
    await user.click(screen.getByRole('checkbox', { name: 'En talare bland alumnerna' }));
    await user.click(screen.getByRole('button', { name: 'Skicka förfrågan' }));
    expect(await screen.findAllByText('Det finns ingen institution med koden HIST.')).not.toHaveLength(0);
    expect(await requestsTo(sent, 'POST', '/api/network/support-requests')[0].json()).toEqual({
      departmentCode: 'DSV',
      title: 'Gemensam alumnikväll',
      startsOn: '2030-10-01',
      endsOn: '2030-10-02',
      departments: ['DSV', 'HIST'],
      help: ['venue', 'speaker'],
    });

    await user.click(screen.getByRole('button', { name: 'Skicka förfrågan' }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/staff/network/support/${created.id}`));
    expect(await screen.findByText('Förfrågan skickades till alumnikontoret.', {}, LOADED)).toBeTruthy();
    const actions = screen.getByRole('region', { name: 'Det här kan du göra' });
    expect(within(actions).getAllByRole('button').map((b) => b.textContent)).toEqual(['Ta tillbaka förfrågan']);
  });

  it('lets the office decline only with a reason, sending the version shown', async () => {
    let current = supportRequest({ allowedMoves: ['edit', 'approve', 'decline', 'withdraw'] });
    server.use(
      http.get(`/api/network/support-requests/${current.id}`, () => jsonWithETag(current)),
      http.post(`/api/network/support-requests/${current.id}/decline`, async ({ request }) => {
        const body = (await request.json()) as { reason: string };
        current = supportRequest({
          status: 'declined',
          decisionReason: body.reason,
          version: 2,
          history: [...current.history, { move: 'decline', at: '2030-09-02T10:00:00Z', byName: 'Demo Admin', note: body.reason }],
        });
        return jsonWithETag(current);
      }),
    );
    const user = userEvent.setup();
    renderApp({ me: me('admin'), path: `/staff/network/support/${current.id}` });
    expect(await screen.findByRole('heading', { level: 1, name: 'Gemensam alumnikväll' }, LOADED)).toBeTruthy();
    const actions = screen.getByRole('region', { name: 'Det här kan du göra' });
    expect(within(actions).getAllByRole('button').map((b) => b.textContent)).toEqual(['Bevilja', 'Avslå', 'Ta tillbaka förfrågan']);

    await user.click(within(actions).getByRole('button', { name: 'Avslå' }));
    expect(await screen.findByText('Ange ett skäl till avslaget.')).toBeTruthy();
    expect(requestsTo(sent, 'POST', `/api/network/support-requests/${current.id}/decline`)).toHaveLength(0);

    await user.type(within(actions).getByRole('textbox', { name: 'Skäl till avslaget' }), 'Budgeten är slut.');
    await user.click(within(actions).getByRole('button', { name: 'Avslå' }));
    expect(await screen.findByText('Förfrågan avslogs.')).toBeTruthy();
    const [decline] = requestsTo(sent, 'POST', `/api/network/support-requests/${current.id}/decline`);
    expect(decline.headers.get('If-Match')).toBe('"1"');
    expect(await decline.json()).toEqual({ reason: 'Budgeten är slut.' });
    expect(screen.getByText('Avslagen', { selector: '.badge' })).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Det här kan du göra' })).toBeNull();
    const history = screen.getByRole('region', { name: 'Historik' });
    expect(within(history).getAllByRole('listitem')).toHaveLength(2);
  });

  it('shows the office the figures per year and the requests with their states', async () => {
    server.use(
      http.get('/api/network/support-requests', () =>
        json(page([supportRequest(), supportRequest({ id: testId(711), title: 'Mentorskväll', status: 'approved', departments: [DSV] })])),
      ),
      http.get('/api/network/support-requests/figures', () =>
        json({ years: [{ year: 2030, requests: 5, submitted: 1, approved: 1, declined: 1, done: 1, withdrawn: 1, shareApproved: 2 / 3 }] }),
      ),
    );
    renderApp({ me: me('admin'), path: '/staff/network/support' });
    const figures = await screen.findByRole('region', { name: 'Siffror per år' }, LOADED);
    const row = await within(figures).findByRole('row', { name: /2030/ });
    expect(within(row).getAllByRole('cell').map((c) => c.textContent?.replace(/\s/g, ' '))).toEqual(['5', '1', '1', '1', '1', '67 %']);
    const list = screen.getByRole('table', { name: 'Stödförfrågningar (2)' });
    expect(within(list).getByRole('link', { name: 'Mentorskväll' }).getAttribute('href')).toBe(`/staff/network/support/${testId(711)}`);
    expect(within(list).getByText('Beviljad')).toBeTruthy();
    expect(within(list).getByText('Inskickad')).toBeTruthy();
    expect(within(list).getByText('med 1 institution till')).toBeTruthy();
  });
});
