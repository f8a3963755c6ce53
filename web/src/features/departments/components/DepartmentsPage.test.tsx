import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import type { DepartmentResponse, FacultyResponse } from '../../../api/generated';
import { LANGUAGE_STORAGE_KEY } from '../../../lib/i18n';
import { ProblemTypes } from '../../../lib/problem-details';
import {
  conflict,
  department,
  faculty,
  json,
  jsonWithETag,
  me,
  networkError,
  preconditionFailed,
  problem,
  recordRequests,
  requestsTo,
  server,
  validationProblem,
  type SentRequest,
} from '../../../test/http';
import { renderApp } from '../../../test/render-app';

const ADMIN = me('admin');

const FACULTIES = [
  { code: 'HUM', nameSv: 'Humanistiska fakulteten', nameEn: 'Faculty of Humanities' },
  { code: 'LAW', nameSv: 'Juridiska fakulteten', nameEn: 'Faculty of Law' },
  { code: 'SOC', nameSv: 'Samhällsvetenskapliga fakulteten', nameEn: 'Faculty of Social Sciences' },
];

const ENG = department({ code: 'ENG', nameSv: 'Engelska institutionen', nameEn: 'Department of English', facultyCode: 'HUM' });
const HIST = department({ code: 'HIST', nameSv: 'Historiska institutionen', nameEn: 'Department of History', facultyCode: 'HUM' });
const LAW = department({ code: 'LAW', nameSv: 'Juridiska institutionen', nameEn: 'Department of Law', facultyCode: 'LAW' });
const DSV = department({
  code: 'DSV',
  nameSv: 'Institutionen för data- och systemvetenskap',
  nameEn: 'Department of Computer and Systems Sciences',
  facultyCode: 'SOC',
});
const OLD = department({ code: 'OLD', nameSv: 'Nedlagda institutionen', nameEn: 'Closed Department', facultyCode: 'SOC', isActive: false });

/** The departments the server holds in this test; handlers of a test may replace entries. */
let departments: DepartmentResponse[];
let sent: SentRequest[];

/** `GET /api/faculties` as the server would answer it for the departments of this test. */
function facultiesAnswer(includeInactive: boolean): FacultyResponse[] {
  return FACULTIES.map((f) =>
    faculty(
      f,
      departments.filter((d) => d.facultyCode === f.code && (includeInactive || d.isActive)),
    ),
  );
}

function replace(updated: DepartmentResponse) {
  departments = departments.map((d) => (d.code === updated.code ? updated : d));
}

beforeEach(() => {
  departments = [ENG, HIST, LAW, DSV, OLD];
  sent = recordRequests();
  server.use(
    http.get('/api/faculties', ({ request }) =>
      json(facultiesAnswer(new URL(request.url).searchParams.get('includeInactive') === 'true')),
    ),
  );
});

function table(facultyNamePattern: RegExp) {
  return screen.getByRole('table', { name: facultyNamePattern });
}

/** The page's status region, above the tables (each row with buttons has one of its own). */
async function pageStatus() {
  const [first] = await screen.findAllByRole('status');
  expect(first.closest('table')).toBeNull();
  return first;
}

async function openCreateForm(user: ReturnType<typeof userEvent.setup>) {
  await screen.findByRole('table', { name: /Humanistiska fakulteten/ });
  await user.click(screen.getByRole('button', { name: 'Ny institution' }));
  return screen.getByRole('region', { name: 'Ny institution' });
}

describe('DepartmentsPage', () => {
  it('lists faculties with their active departments in Swedish', async () => {
    renderApp({ me: ADMIN, path: '/departments' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Fakulteter och institutioner' })).toBeTruthy();
    const hum = await screen.findByRole('table', { name: 'Institutioner vid Humanistiska fakulteten' });
    const rows = within(hum).getAllByRole('row');
    expect(rows).toHaveLength(3); // header + ENG + HIST
    expect(within(hum).getByRole('rowheader', { name: 'Engelska institutionen' })).toBeTruthy();
    expect(within(rows[1]).getByText('Aktiv')).toBeTruthy();
    expect(screen.queryByText('Nedlagda institutionen')).toBeNull();
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual([
      'Humanistiska fakulteten',
      'Juridiska fakulteten',
      'Samhällsvetenskapliga fakulteten',
    ]);
    const [list] = requestsTo(sent, 'GET', '/api/faculties');
    expect(list.query).toEqual({ includeInactive: 'false' });
    expect(list.headers.get('Accept-Language')).toBe('sv');
    expect(document.title).toBe('Fakulteter och institutioner – Alumni, Stockholms universitet');
  });

  it('shows inactive departments on request', async () => {
    const user = userEvent.setup();
    const { router } = renderApp({ me: ADMIN });
    await screen.findByRole('table', { name: /Samhällsvetenskapliga/ });
    await user.click(screen.getByRole('checkbox', { name: 'Visa inaktiva institutioner' }));
    const row = (await screen.findByRole('rowheader', { name: 'Nedlagda institutionen' })).closest('tr')!;
    expect(within(row).getByText('Inaktiv')).toBeTruthy();
    expect(within(row).getByRole('button', { name: 'Återaktivera Nedlagda institutionen' })).toBeTruthy();
    expect(router.state.location.search).toBe('?inactive=true');
    expect(requestsTo(sent, 'GET', '/api/faculties').at(-1)?.query).toEqual({ includeInactive: 'true' });
  });

  it('switches to English, remembers it and sets <html lang>', async () => {
    const user = userEvent.setup();
    renderApp({ me: ADMIN });
    await screen.findByRole('rowheader', { name: 'Engelska institutionen' });
    expect(document.documentElement.lang).toBe('sv');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Språk' }), 'en');
    expect(await screen.findByRole('rowheader', { name: 'Department of English' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: 'Faculties and departments' })).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'Language' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');
  });

  it('starts in the remembered language', async () => {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, 'en');
    renderApp({ me: ADMIN });
    expect(await screen.findByRole('table', { name: 'Departments of the Faculty of Humanities' })).toBeTruthy();
    expect(requestsTo(sent, 'GET', '/api/faculties')[0].headers.get('Accept-Language')).toBe('en');
  });

  it('checks the API’s rules on the new-department form before sending anything', async () => {
    const user = userEvent.setup();
    renderApp({ me: ADMIN });
    const form = await openCreateForm(user);
    const code = within(form).getByRole('textbox', { name: 'Kod' });
    expect(document.activeElement).toBe(code);
    await user.type(code, 'x');
    await user.type(within(form).getByRole('textbox', { name: 'Namn på svenska' }), 'Testinstitutionen');
    await user.click(within(form).getByRole('button', { name: 'Skapa institution' }));

    const summary = await within(form).findByRole('alert');
    expect(summary.textContent).toContain('Kontrollera de markerade fälten.');
    expect(document.activeElement).toBe(summary);
    // The code as typed, in upper case, breaks the code rule; the English name and the faculty are missing.
    expect((code as HTMLInputElement).value).toBe('X');
    expect(code.getAttribute('aria-invalid')).toBe('true');
    const messageOf = (control: HTMLElement) =>
      document.getElementById(control.getAttribute('aria-describedby')!.split(' ')[0])!.textContent;
    expect(messageOf(code)).toBe(
      'Använd 2–16 tecken: först en versal, sedan versaler (A–Z), siffror eller bindestreck.',
    );
    const nameEn = within(form).getByRole('textbox', { name: 'Namn på engelska' });
    expect(messageOf(nameEn)).toBe('Ange ett namn.');
    const faculty = within(form).getByRole('combobox', { name: 'Fakultet' });
    expect(messageOf(faculty)).toBe('Välj en fakultet.');
    const nameSv = within(form).getByRole('textbox', { name: 'Namn på svenska' });
    expect(nameSv.getAttribute('aria-invalid')).toBeNull();
    expect(within(summary).getAllByRole('link').map((link) => link.textContent)).toEqual([
      'Kod: Använd 2–16 tecken: först en versal, sedan versaler (A–Z), siffror eller bindestreck.',
      'Namn på engelska: Ange ett namn.',
      'Fakultet: Välj en fakultet.',
    ]);
    expect(requestsTo(sent, 'POST', '/api/departments')).toHaveLength(0);

    // Correcting a field takes its message away; the others stay.
    await user.type(code, 'YZ');
    expect(code.getAttribute('aria-invalid')).toBeNull();
    expect(nameEn.getAttribute('aria-invalid')).toBe('true');
  });

  it('shows the server’s field errors on the fields of the new-department form', async () => {
    server.use(
      http.post('/api/departments', () => validationProblem({ facultyCode: ['There is no faculty with the code HUM.'] })),
    );
    const user = userEvent.setup();
    renderApp({ me: ADMIN });
    const form = await openCreateForm(user);
    await user.type(within(form).getByRole('textbox', { name: 'Kod' }), 'ge-2');
    await user.type(within(form).getByRole('textbox', { name: 'Namn på svenska' }), 'Institutionen för genus');
    await user.type(within(form).getByRole('textbox', { name: 'Namn på engelska' }), 'Department of Gender Studies');
    const faculty = within(form).getByRole('combobox', { name: 'Fakultet' });
    await user.selectOptions(faculty, 'HUM');
    await user.click(within(form).getByRole('button', { name: 'Skapa institution' }));

    const summary = await within(form).findByRole('alert');
    expect(summary.textContent).toContain('Kontrollera de markerade fälten.');
    expect(within(summary).getByRole('link').textContent).toBe('Fakultet: There is no faculty with the code HUM.');
    expect(faculty.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(faculty.getAttribute('aria-describedby')!.split(' ')[0])!.textContent).toBe(
      'There is no faculty with the code HUM.',
    );
    const code = within(form).getByRole('textbox', { name: 'Kod' });
    expect(code.getAttribute('aria-invalid')).toBeNull();
    // The code was sent in upper case, as typed into the field, with the session's anti-forgery token.
    const [create] = requestsTo(sent, 'POST', '/api/departments');
    expect(await create.json()).toEqual({
      code: 'GE-2',
      nameSv: 'Institutionen för genus',
      nameEn: 'Department of Gender Studies',
      facultyCode: 'HUM',
    });
    expect(create.headers.get('X-CSRF-Token')).toBe(ADMIN.csrfToken);

    // Changing the field hides its now stale message.
    await user.selectOptions(faculty, 'SOC');
    expect(faculty.getAttribute('aria-invalid')).toBeNull();
  });

  it('puts a duplicate code (409) on the code field', async () => {
    server.use(http.post('/api/departments', () => conflict("A department with code 'ENG' already exists.")));
    const user = userEvent.setup();
    renderApp({ me: ADMIN });
    const form = await openCreateForm(user);
    await user.type(within(form).getByRole('textbox', { name: 'Kod' }), 'ENG');
    await user.type(within(form).getByRole('textbox', { name: 'Namn på svenska' }), 'Dubblett');
    await user.type(within(form).getByRole('textbox', { name: 'Namn på engelska' }), 'Duplicate');
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Fakultet' }), 'HUM');
    await user.click(within(form).getByRole('button', { name: 'Skapa institution' }));
    await within(form).findByRole('alert');
    const code = within(form).getByRole('textbox', { name: 'Kod' });
    expect(code.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(code.getAttribute('aria-describedby')!.split(' ')[0])!.textContent).toBe(
      'Koden används redan av en annan institution.',
    );
    expect(await requestsTo(sent, 'POST', '/api/departments')[0].json()).toEqual({
      code: 'ENG',
      nameSv: 'Dubblett',
      nameEn: 'Duplicate',
      facultyCode: 'HUM',
    });
  });

  it('creates a department, refreshes the list and announces it', async () => {
    server.use(
      http.post('/api/departments', async ({ request }) => {
        const created = department((await request.json()) as DepartmentResponse);
        departments = [...departments, created];
        return jsonWithETag(created, 201);
      }),
    );
    const user = userEvent.setup();
    renderApp({ me: ADMIN });
    const form = await openCreateForm(user);
    await user.type(within(form).getByRole('textbox', { name: 'Kod' }), 'ge-2');
    await user.type(within(form).getByRole('textbox', { name: 'Namn på svenska' }), 'Institutionen för genus');
    await user.type(within(form).getByRole('textbox', { name: 'Namn på engelska' }), 'Department of Gender Studies');
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Fakultet' }), 'HUM');
    await user.click(within(form).getByRole('button', { name: 'Skapa institution' }));

    const status = await pageStatus();
    await waitFor(() => expect(status.textContent).toBe('Institutionen GE-2 – Institutionen för genus har skapats.'));
    expect(screen.queryByRole('region', { name: 'Ny institution' })).toBeNull();
    expect(await within(table(/Humanistiska/)).findByRole('rowheader', { name: 'Institutionen för genus' })).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Ny institution' }));
    expect(await requestsTo(sent, 'POST', '/api/departments')[0].json()).toEqual({
      code: 'GE-2',
      nameSv: 'Institutionen för genus',
      nameEn: 'Department of Gender Studies',
      facultyCode: 'HUM',
    });
    expect(requestsTo(sent, 'GET', '/api/faculties')).toHaveLength(2);
  });

  it('edits a department with If-Match and its version', async () => {
    server.use(
      http.get('/api/departments/HIST', () => jsonWithETag(departments.find((d) => d.code === 'HIST')!)),
      http.put('/api/departments/HIST', async ({ request }) => {
        const updated = { ...HIST, ...((await request.json()) as object), version: 2 };
        replace(updated);
        return jsonWithETag(updated);
      }),
    );
    const user = userEvent.setup();
    renderApp({ me: ADMIN });
    await user.click(await screen.findByRole('button', { name: 'Redigera Historiska institutionen' }));
    const panel = screen.getByRole('region', { name: 'Redigera HIST – Historiska institutionen' });
    const code = within(panel).getByRole('textbox', { name: 'Kod' }) as HTMLInputElement;
    expect(code.readOnly).toBe(true);
    const nameSv = within(panel).getByRole('textbox', { name: 'Namn på svenska' });
    await user.clear(nameSv);
    await user.type(nameSv, 'Historiska institutionen (ny)');
    await user.click(within(panel).getByRole('button', { name: 'Spara ändringar' }));

    await waitFor(async () => expect((await pageStatus()).textContent).toContain('Ändringarna i HIST'));
    const [update] = requestsTo(sent, 'PUT', '/api/departments/HIST');
    expect(update.headers.get('If-Match')).toBe('"1"');
    expect(update.headers.get('X-CSRF-Token')).toBe(ADMIN.csrfToken);
    expect(await update.json()).toEqual({
      nameSv: 'Historiska institutionen (ny)',
      nameEn: 'Department of History',
      facultyCode: 'HUM',
    });
    expect(await screen.findByRole('rowheader', { name: 'Historiska institutionen (ny)' })).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Redigera Historiska institutionen (ny)' }));
  });

  it('tells the user when someone else changed the department (412) and reloads it', async () => {
    let eng = ENG;
    server.use(
      http.get('/api/departments/ENG', () => jsonWithETag(eng)),
      // The first save is based on a version someone else has replaced meanwhile; the next one is taken.
      http.put('/api/departments/ENG', () => preconditionFailed('The department has changed.'), { once: true }),
      http.put('/api/departments/ENG', async ({ request }) => {
        eng = { ...eng, ...((await request.json()) as object), version: eng.version + 1 };
        return jsonWithETag(eng);
      }),
    );
    const user = userEvent.setup();
    renderApp({ me: ADMIN });
    await user.click(await screen.findByRole('button', { name: 'Redigera Engelska institutionen' }));
    const panel = screen.getByRole('region', { name: /Redigera ENG/ });
    // Let the panel's check with the server settle, then someone else saves.
    await waitFor(() => expect(requestsTo(sent, 'GET', '/api/departments/ENG')).toHaveLength(1));
    eng = { ...eng, nameEn: 'English Department', version: 2 };

    const nameEn = within(panel).getByRole('textbox', { name: 'Namn på engelska' });
    await user.clear(nameEn);
    await user.type(nameEn, 'Dept. of English');
    await user.click(within(panel).getByRole('button', { name: 'Spara ändringar' }));

    const notice = await within(panel).findByRole('alert');
    expect(notice.textContent).toContain('ändrats av någon annan');
    await waitFor(() =>
      expect((within(panel).getByRole('textbox', { name: 'Namn på engelska' }) as HTMLInputElement).value).toBe(
        'English Department',
      ),
    );
    expect(requestsTo(sent, 'PUT', '/api/departments/ENG').map((r) => r.headers.get('If-Match'))).toEqual(['"1"']);

    // Saving again now carries the reloaded version.
    await user.click(within(panel).getByRole('button', { name: 'Spara ändringar' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: /Redigera ENG/ })).toBeNull());
    expect(requestsTo(sent, 'PUT', '/api/departments/ENG').map((r) => r.headers.get('If-Match'))).toEqual(['"1"', '"2"']);
  });

  it('deactivates after a confirmation, says so beside the row and keeps the focus on the row’s reactivate button', async () => {
    const setActive = (isActive: boolean) => () => {
      const current = departments.find((d) => d.code === 'ENG')!;
      const changed = { ...current, isActive, version: current.version + 1 };
      replace(changed);
      return jsonWithETag(changed);
    };
    server.use(
      http.post('/api/departments/ENG/deactivate', setActive(false)),
      http.post('/api/departments/ENG/reactivate', setActive(true)),
    );
    const user = userEvent.setup();
    renderApp({ me: ADMIN });
    const button = await screen.findByRole('button', { name: 'Inaktivera Engelska institutionen' });

    // Asked first: cancelling sends nothing and gives the focus back.
    await user.click(button);
    const confirm = screen.getByRole('region', { name: 'Inaktivera ENG – Engelska institutionen?' });
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(button.getAttribute('aria-controls')).toBe(confirm.id);
    await waitFor(() => expect(document.activeElement).toBe(within(confirm).getByRole('heading', { level: 3 })));
    await user.click(within(confirm).getByRole('button', { name: 'Avbryt' }));
    expect(screen.queryByRole('region', { name: /^Inaktivera ENG/ })).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(button));
    expect(requestsTo(sent, 'POST', '/api/departments/ENG/deactivate')).toHaveLength(0);

    await user.click(button);
    await user.click(within(screen.getByRole('region', { name: /^Inaktivera ENG/ })).getByRole('button', { name: 'Inaktivera ENG' }));
    // Inactive departments are hidden, yet the row stays in its place, inactive, its button now reactivating.
    const row = screen.getByRole('row', { name: /Engelska institutionen/ });
    await waitFor(() => expect(within(row).getByRole('status').textContent).toBe('ENG – Engelska institutionen har inaktiverats.'));
    expect(within(row).getByText('Inaktiv')).toBeTruthy();
    const reactivate = within(row).getByRole('button', { name: 'Återaktivera Engelska institutionen' });
    await waitFor(() => expect(document.activeElement).toBe(reactivate));
    expect(within(table(/Humanistiska fakulteten/)).getAllByRole('rowheader').map((cell) => cell.textContent)).toEqual([
      'Engelska institutionen',
      'Historiska institutionen',
    ]);

    // Reactivating needs no confirmation; the focus stays on the same button.
    await user.click(reactivate);
    await waitFor(() => expect(within(row).getByRole('status').textContent).toBe('ENG – Engelska institutionen har återaktiverats.'));
    expect(within(row).getByText('Aktiv')).toBeTruthy();
    expect(document.activeElement).toBe(within(row).getByRole('button', { name: 'Inaktivera Engelska institutionen' }));
    const [deactivated] = requestsTo(sent, 'POST', '/api/departments/ENG/deactivate');
    const [reactivated] = requestsTo(sent, 'POST', '/api/departments/ENG/reactivate');
    expect([deactivated.headers.get('If-Match'), reactivated.headers.get('If-Match')]).toEqual(['"1"', '"2"']);
    expect([deactivated.headers.get('X-CSRF-Token'), reactivated.headers.get('X-CSRF-Token')]).toEqual([
      ADMIN.csrfToken,
      ADMIN.csrfToken,
    ]);
  });

  it('shows inactive departments after a deactivation when asked, the reactivate button in the row', async () => {
    server.use(
      http.post('/api/departments/ENG/deactivate', () => {
        const changed = { ...ENG, isActive: false, version: 2 };
        replace(changed);
        return jsonWithETag(changed);
      }),
    );
    const user = userEvent.setup();
    renderApp({ me: ADMIN });
    await user.click(screen.getByRole('checkbox', { name: 'Visa inaktiva institutioner' }));
    await user.click(await screen.findByRole('button', { name: 'Inaktivera Engelska institutionen' }));
    await user.click(screen.getByRole('button', { name: 'Inaktivera ENG' }));
    const row = (await screen.findByRole('button', { name: 'Återaktivera Engelska institutionen' })).closest('tr')!;
    await waitFor(() => expect(document.activeElement).toBe(within(row).getByRole('button', { name: 'Återaktivera Engelska institutionen' })));
    expect(within(row).getByRole('status').textContent).toBe('ENG – Engelska institutionen har inaktiverats.');
  });

  it('shows a server error with its trace id beside the row', async () => {
    server.use(
      http.post('/api/departments/ENG/deactivate', () =>
        problem(500, ProblemTypes.internalError, 'An unexpected error occurred.', {
          traceId: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
        }),
      ),
    );
    const user = userEvent.setup();
    renderApp({ me: ADMIN });
    const button = await screen.findByRole('button', { name: 'Inaktivera Engelska institutionen' });
    await user.click(button);
    await user.click(screen.getByRole('button', { name: 'Inaktivera ENG' }));
    const row = button.closest('tr')!;
    const alert = await within(row).findByRole('alert');
    expect(alert.textContent).toContain('ENG kunde inte ändras.');
    expect(alert.textContent).toContain('Ett oväntat fel inträffade på servern.');
    expect(alert.textContent).toContain('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01');
    await waitFor(() => expect(document.activeElement).toBe(button));
  });

  it('offers a retry when the list cannot be loaded', async () => {
    server.use(http.get('/api/faculties', () => networkError(), { once: true }));
    const user = userEvent.setup();
    renderApp({ me: ADMIN });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Servern kunde inte nås.');
    await user.click(within(alert).getByRole('button', { name: 'Försök igen' }));
    expect(await screen.findByRole('rowheader', { name: 'Engelska institutionen' })).toBeTruthy();
  });

  it('has landmarks, a named menu and a 404 page for unknown addresses', async () => {
    renderApp({ me: ADMIN, path: '/no/such/page' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Sidan finns inte' })).toBeTruthy();
    expect(screen.getByRole('banner')).toBeTruthy();
    expect(screen.getByRole('main')).toBeTruthy();
    expect(screen.getByRole('contentinfo')).toBeTruthy();
    const nav = await screen.findByRole('navigation', { name: 'Administration' });
    expect(within(nav).getByRole('link', { name: 'Fakulteter och institutioner' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Hoppa till huvudinnehållet' }).getAttribute('href')).toBe('#main');
  });
});
