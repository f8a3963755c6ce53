import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import type { AssignmentResponse } from '../../../api/generated';
import {
  conflict,
  demoFaculties,
  demoUsers,
  json,
  jsonWithETag,
  me,
  recordRequests,
  requestsTo,
  server,
  user as person,
  validationProblem,
  type SentRequest,
} from '../../../test/http';
import { renderApp } from '../../../test/render-app';
import { assignment } from './network-test-data';

const ADMIN = me('admin');
const ALUMNA = demoUsers()[1];

let sent: SentRequest[];
let history: AssignmentResponse[];

beforeEach(() => {
  sent = recordRequests();
  history = [assignment(), assignment({ id: 'a-old', personName: 'Olle Old', startedOn: '2020-01-01', endedOn: '2023-06-30', endReason: 'Retired', version: 2 })];
  server.use(
    http.get('/api/faculties', () => json(demoFaculties())),
    http.get('/api/admin/users', ({ request }) => {
      const search = new URL(request.url).searchParams.get('search')?.toLowerCase() ?? '';
      return json(demoUsers().filter((u) => u.email.includes(search) || (u.name ?? '').toLowerCase().includes(search)));
    }),
    http.get('/api/network/assignments', () => json({ items: history, page: 1, pageSize: 50, total: history.length, totalExact: true })),
    http.get('/api/network/assignments/:id', ({ params }) => {
      const found = history.find((a) => a.id === params.id);
      return found ? jsonWithETag(found) : json({ status: 404 }, 404);
    }),
    http.post('/api/network/assignments', async ({ request }) => {
      const body = (await request.json()) as { userId: string; departmentCode: string };
      return jsonWithETag(assignment({ id: 'a-new', userId: body.userId, departmentCode: body.departmentCode, version: 1 }), 201);
    }),
    http.put('/api/network/assignments/:id', () => jsonWithETag(assignment({ version: 4 }))),
    http.post('/api/network/assignments/:id/end', () => jsonWithETag(assignment({ endedOn: '2026-12-02', version: 4 }))),
  );
});

describe('AssignmentNewPage', () => {
  it('assigns a person picked from the people list to a department, with the kind, share and contacts', async () => {
    const user = userEvent.setup();
    renderApp({ me: ADMIN, path: '/staff/network/directory/assign?department=ENG' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Utse en koordinator' })).toBeTruthy();

    await user.type(screen.getByRole('searchbox', { name: 'Sök personer på adress eller namn' }), 'ada');
    await user.click(await screen.findByRole('radio', { name: `Ada Alumna (${ALUMNA.email})` }));
    await waitFor(() => expect((screen.getByRole('combobox', { name: 'Institution' }) as HTMLSelectElement).value).toBe('ENG'));
    await user.click(screen.getByRole('radio', { name: /^Formellt utsedd/ }));
    await user.type(screen.getByRole('textbox', { name: 'Tidsandel i procent (frivilligt)' }), '20');
    await user.clear(screen.getByLabelText('Koordinator sedan'));
    await user.type(screen.getByLabelText('Koordinator sedan'), '2024-01-15');
    await user.type(screen.getByRole('textbox', { name: 'Titel i rollen (frivilligt)' }), 'Alumnkoordinator');
    await user.type(screen.getByRole('textbox', { name: 'Kontaktadress för nätverket (frivilligt)' }), 'alumni@eng.su.se');
    await user.click(screen.getByRole('button', { name: 'Utse' }));

    expect(await screen.findByRole('heading', { level: 1, name: /^Koordinatorer för/ })).toBeTruthy();
    const [create] = requestsTo(sent, 'POST', '/api/network/assignments');
    expect(await create.json()).toEqual({
      userId: ALUMNA.id,
      departmentCode: 'ENG',
      kind: 'formal',
      timeShare: 20,
      startedOn: '2024-01-15',
      roleTitle: 'Alumnkoordinator',
      contactEmail: 'alumni@eng.su.se',
    });
    expect(create.headers.get('X-CSRF-Token')).toBe(ADMIN.csrfToken);
  });

  it('adds a person by address first, then assigns them', async () => {
    const added = person({ email: 'new.coordinator@su.se' });
    server.use(http.post('/api/admin/users', () => json(added, 201)));
    const user = userEvent.setup();
    renderApp({ me: ADMIN, path: '/staff/network/directory/assign' });
    await screen.findByRole('heading', { level: 1, name: 'Utse en koordinator' });

    await user.click(screen.getByRole('radio', { name: 'Ange en e-postadress' }));
    await user.type(screen.getByRole('textbox', { name: 'E-postadress' }), 'new.coordinator@su.se');
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Institution' }), 'LAW');
    await user.click(screen.getByRole('button', { name: 'Utse' }));

    await screen.findByRole('heading', { level: 1, name: /^Koordinatorer för/ });
    expect(await requestsTo(sent, 'POST', '/api/admin/users')[0].json()).toEqual({ email: 'new.coordinator@su.se' });
    expect(await requestsTo(sent, 'POST', '/api/network/assignments')[0].json()).toMatchObject({ userId: added.id, departmentCode: 'LAW', kind: 'informal' });
  });

  it('checks the fields before sending, and shows the server’s field errors and an overlap', async () => {
    const user = userEvent.setup();
    renderApp({ me: ADMIN, path: '/staff/network/directory/assign' });
    await screen.findByRole('heading', { level: 1, name: 'Utse en koordinator' });

    await user.type(screen.getByRole('textbox', { name: 'Tidsandel i procent (frivilligt)' }), '0');
    await user.click(screen.getByRole('button', { name: 'Utse' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getAllByRole('link').map((l) => l.textContent)).toEqual([
      'Person: Välj en person.',
      'Institution: Välj en institution.',
      'Tidsandel i procent (frivilligt): Ange ett heltal från 1 till 100, eller lämna tomt.',
    ]);
    expect(requestsTo(sent, 'POST', '/api/network/assignments')).toHaveLength(0);

    server.use(http.post('/api/network/assignments', () => validationProblem({ departmentCode: ['Ingen aktiv institution har den koden.'] })));
    await user.clear(screen.getByRole('textbox', { name: 'Tidsandel i procent (frivilligt)' }));
    await user.type(screen.getByRole('searchbox', { name: 'Sök personer på adress eller namn' }), 'ada');
    await user.click(await screen.findByRole('radio', { name: `Ada Alumna (${ALUMNA.email})` }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Institution' }), 'HIST');
    await user.click(screen.getByRole('button', { name: 'Utse' }));
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Institution' }).getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getAllByText('Ingen aktiv institution har den koden.').length).toBeGreaterThan(0);

    server.use(http.post('/api/network/assignments', () => conflict('The person already has an assignment to this department in that period.')));
    await user.click(screen.getByRole('button', { name: 'Utse' }));
    await waitFor(() =>
      expect(screen.getAllByText('Personen har redan ett uppdrag för den här institutionen under den perioden.').length).toBeGreaterThan(0),
    );
    expect(screen.getByRole('heading', { level: 1, name: 'Utse en koordinator' })).toBeTruthy();
  });

  it('is only for admins', async () => {
    renderApp({ me: me('coordinator'), path: '/staff/network/directory/assign' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Ingen behörighet' })).toBeTruthy();
  });
});

describe('AssignmentEditPage', () => {
  it('changes an assignment with its version in If-Match', async () => {
    const user = userEvent.setup();
    renderApp({ me: ADMIN, path: '/staff/network/directory/assignments/a-dsv' });
    const share = await screen.findByRole('textbox', { name: 'Tidsandel i procent (frivilligt)' });
    expect((share as HTMLInputElement).value).toBe('20');
    expect(screen.getByText('Demo Coordinator')).toBeTruthy();

    await user.clear(share);
    await user.type(share, '40');
    await user.type(screen.getByRole('textbox', { name: 'Kontakttelefon för nätverket (frivilligt)' }), '08-16 20 00');
    await user.click(screen.getByRole('button', { name: 'Spara ändringarna' }));

    await screen.findByRole('heading', { level: 1, name: /^Koordinatorer för/ });
    const [put] = requestsTo(sent, 'PUT', '/api/network/assignments/a-dsv');
    expect(put.headers.get('If-Match')).toBe('"3"');
    expect(await put.json()).toEqual({
      kind: 'formal',
      timeShare: 40,
      startedOn: '2023-08-01',
      contactEmail: 'alumni@dsv.su.se',
      contactPhone: '08-16 20 00',
    });
  });

  it('ends an assignment after a confirmation, with the reason', async () => {
    const user = userEvent.setup();
    renderApp({ me: ADMIN, path: '/staff/network/directory/assignments/a-dsv' });
    await user.click(await screen.findByRole('button', { name: 'Avsluta uppdraget …' }));
    expect(requestsTo(sent, 'POST', '/api/network/assignments/a-dsv/end')).toHaveLength(0);
    await user.type(screen.getByRole('textbox', { name: 'Skäl (frivilligt)' }), 'Left the post');
    await user.click(screen.getByRole('button', { name: 'Avsluta i dag' }));

    await screen.findByRole('heading', { level: 1, name: /^Koordinatorer för/ });
    const [end] = requestsTo(sent, 'POST', '/api/network/assignments/a-dsv/end');
    expect(end.headers.get('If-Match')).toBe('"3"');
    expect(await end.json()).toEqual({ reason: 'Left the post' });
  });

  it('says an ended assignment has ended instead of offering the form', async () => {
    renderApp({ me: ADMIN, path: '/staff/network/directory/assignments/a-old' });
    expect(await screen.findByText(/^Uppdraget för Olle Old vid Institutionen för data- och systemvetenskap avslutades/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Spara ändringarna' })).toBeNull();
  });
});

describe('AssignmentHistoryPage', () => {
  it('lists a department’s coordinators over time, active first', async () => {
    renderApp({ me: ADMIN, path: '/staff/network/directory/departments/DSV' });
    const table = await screen.findByRole('table', { name: '2 uppdrag' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(within(rows[0]).getByText('Pågående')).toBeTruthy();
    expect(within(rows[1]).getByText('Avslutat')).toBeTruthy();
    expect(rows[1].textContent).toContain('1 jan. 2020 – 30 juni 2023');
    expect(rows[1].textContent).toContain('(Retired)');
    expect(within(rows[1]).getByRole('link', { name: 'Olle Old' }).getAttribute('href')).toBe('/staff/network/directory/assignments/a-old');
    const [list] = requestsTo(sent, 'GET', '/api/network/assignments');
    expect(list.query).toMatchObject({ departmentCode: 'DSV', includeEnded: 'true' });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Koordinatorer för Institutionen för data- och systemvetenskap');
  });
});
