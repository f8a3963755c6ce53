import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { LANGUAGE_STORAGE_KEY } from '../../../lib/i18n';
import { ProblemTypes } from '../../../lib/problem-details';
import { seededFakeApi, type FakeDepartmentsApi } from '../../../test/fake-departments-api';
import { renderApp } from '../../../test/render-app';

let api: FakeDepartmentsApi;

beforeEach(() => {
  api = seededFakeApi();
});

function table(facultyNamePattern: RegExp) {
  return screen.getByRole('table', { name: facultyNamePattern });
}

async function openCreateForm(user: ReturnType<typeof userEvent.setup>) {
  await screen.findByRole('table', { name: /Humanistiska fakulteten/ });
  await user.click(screen.getByRole('button', { name: 'Ny institution' }));
  return screen.getByRole('region', { name: 'Ny institution' });
}

describe('DepartmentsPage', () => {
  it('redirects / to /departments and lists faculties with their active departments in Swedish', async () => {
    const { router } = renderApp({ clients: { departments: api }, path: '/' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Fakulteter och institutioner' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/departments');
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
    expect(api.calls[0]).toEqual({ method: 'listFaculties', args: [false] });
    expect(document.title).toBe('Fakulteter och institutioner – Alumni, Stockholms universitet');
  });

  it('shows inactive departments on request', async () => {
    const user = userEvent.setup();
    const { router } = renderApp({ clients: { departments: api } });
    await screen.findByRole('table', { name: /Samhällsvetenskapliga/ });
    await user.click(screen.getByRole('checkbox', { name: 'Visa inaktiva institutioner' }));
    const row = (await screen.findByRole('rowheader', { name: 'Nedlagda institutionen' })).closest('tr')!;
    expect(within(row).getByText('Inaktiv')).toBeTruthy();
    expect(within(row).getByRole('button', { name: 'Återaktivera Nedlagda institutionen' })).toBeTruthy();
    expect(router.state.location.search).toBe('?inactive=true');
    expect(api.calls.at(-1)).toEqual({ method: 'listFaculties', args: [true] });
  });

  it('switches to English, remembers it and sets <html lang>', async () => {
    const user = userEvent.setup();
    renderApp({ clients: { departments: api } });
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
    renderApp({ clients: { departments: api } });
    expect(await screen.findByRole('table', { name: 'Departments of the Faculty of Humanities' })).toBeTruthy();
  });

  it('shows the server’s field errors on the fields of the new-department form', async () => {
    const user = userEvent.setup();
    renderApp({ clients: { departments: api } });
    const form = await openCreateForm(user);
    const code = within(form).getByRole('textbox', { name: 'Kod' });
    expect(document.activeElement).toBe(code);
    await user.type(code, 'x');
    await user.type(within(form).getByRole('textbox', { name: 'Namn på svenska' }), 'Testinstitutionen');
    await user.click(within(form).getByRole('button', { name: 'Skapa institution' }));

    const summary = await within(form).findByRole('alert');
    expect(summary.textContent).toContain('Kontrollera de markerade fälten.');
    expect(code.getAttribute('aria-invalid')).toBe('true');
    const describedBy = code.getAttribute('aria-describedby')!.split(' ');
    const codeError = document.getElementById(describedBy[0])!;
    expect(codeError.textContent).toMatch(/2–16 characters/);
    const nameEn = within(form).getByRole('textbox', { name: 'Namn på engelska' });
    expect(nameEn.getAttribute('aria-invalid')).toBe('true');
    const faculty = within(form).getByRole('combobox', { name: 'Fakultet' });
    expect(faculty.getAttribute('aria-invalid')).toBe('true');
    const nameSv = within(form).getByRole('textbox', { name: 'Namn på svenska' });
    expect(nameSv.getAttribute('aria-invalid')).toBeNull();
    // The code was sent in upper case, as typed into the field.
    expect(api.calls.find((c) => c.method === 'create')?.args[0]).toMatchObject({ code: 'X', nameSv: 'Testinstitutionen' });

    // Changing a field hides its now stale message.
    await user.type(code, 'YZ');
    expect(code.getAttribute('aria-invalid')).toBeNull();
    expect(nameEn.getAttribute('aria-invalid')).toBe('true');
  });

  it('puts a duplicate code (409) on the code field', async () => {
    const user = userEvent.setup();
    renderApp({ clients: { departments: api } });
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
  });

  it('creates a department, refreshes the list and announces it', async () => {
    const user = userEvent.setup();
    renderApp({ clients: { departments: api } });
    const form = await openCreateForm(user);
    await user.type(within(form).getByRole('textbox', { name: 'Kod' }), 'ge-2');
    await user.type(within(form).getByRole('textbox', { name: 'Namn på svenska' }), 'Institutionen för genus');
    await user.type(within(form).getByRole('textbox', { name: 'Namn på engelska' }), 'Department of Gender Studies');
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Fakultet' }), 'HUM');
    await user.click(within(form).getByRole('button', { name: 'Skapa institution' }));

    const status = await screen.findByRole('status');
    await waitFor(() => expect(status.textContent).toBe('Institutionen GE-2 – Institutionen för genus har skapats.'));
    expect(screen.queryByRole('region', { name: 'Ny institution' })).toBeNull();
    expect(await within(table(/Humanistiska/)).findByRole('rowheader', { name: 'Institutionen för genus' })).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Ny institution' }));
    expect(api.calls.filter((c) => c.method === 'listFaculties')).toHaveLength(2);
  });

  it('edits a department with If-Match and its version', async () => {
    const user = userEvent.setup();
    renderApp({ clients: { departments: api } });
    await user.click(await screen.findByRole('button', { name: 'Redigera Historiska institutionen' }));
    const panel = screen.getByRole('region', { name: 'Redigera HIST – Historiska institutionen' });
    const code = within(panel).getByRole('textbox', { name: 'Kod' }) as HTMLInputElement;
    expect(code.readOnly).toBe(true);
    const nameSv = within(panel).getByRole('textbox', { name: 'Namn på svenska' });
    await user.clear(nameSv);
    await user.type(nameSv, 'Historiska institutionen (ny)');
    await user.click(within(panel).getByRole('button', { name: 'Spara ändringar' }));

    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Ändringarna i HIST'));
    expect(api.calls.find((c) => c.method === 'update')?.args).toEqual([
      'HIST',
      '"1"',
      { nameSv: 'Historiska institutionen (ny)', nameEn: 'Department of History', facultyCode: 'HUM' },
    ]);
    expect(await screen.findByRole('rowheader', { name: 'Historiska institutionen (ny)' })).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Redigera Historiska institutionen (ny)' }));
  });

  it('tells the user when someone else changed the department (412) and reloads it', async () => {
    const user = userEvent.setup();
    renderApp({ clients: { departments: api } });
    await user.click(await screen.findByRole('button', { name: 'Redigera Engelska institutionen' }));
    const panel = screen.getByRole('region', { name: /Redigera ENG/ });
    // Let the panel's check with the server settle, then someone else saves.
    await waitFor(() => expect(api.calls.some((c) => c.method === 'get')).toBe(true));
    api.changeElsewhere('ENG', { nameEn: 'English Department' });

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
    expect(api.calls.filter((c) => c.method === 'update').map((c) => c.args[1])).toEqual(['"1"']);

    // Saving again now carries the reloaded version.
    await user.click(within(panel).getByRole('button', { name: 'Spara ändringar' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: /Redigera ENG/ })).toBeNull());
    expect(api.calls.filter((c) => c.method === 'update').map((c) => c.args[1])).toEqual(['"1"', '"2"']);
  });

  it('deactivates and reactivates a department', async () => {
    const user = userEvent.setup();
    renderApp({ clients: { departments: api } });
    await user.click(screen.getByRole('checkbox', { name: 'Visa inaktiva institutioner' }));
    await user.click(await screen.findByRole('button', { name: 'Inaktivera Engelska institutionen' }));
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('ENG – Engelska institutionen har inaktiverats.'),
    );
    const row = (await screen.findByRole('button', { name: 'Återaktivera Engelska institutionen' })).closest('tr')!;
    expect(within(row).getByText('Inaktiv')).toBeTruthy();

    await user.click(within(row).getByRole('button', { name: 'Återaktivera Engelska institutionen' }));
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('ENG – Engelska institutionen har återaktiverats.'),
    );
    expect(await screen.findByRole('button', { name: 'Inaktivera Engelska institutionen' })).toBeTruthy();
  });

  it('shows a server error with its trace id', async () => {
    const user = userEvent.setup();
    renderApp({ clients: { departments: api } });
    api.failNext.deactivate = {
      type: ProblemTypes.internalError,
      title: 'An unexpected error occurred.',
      status: 500,
      traceId: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
    };
    await user.click(await screen.findByRole('button', { name: 'Inaktivera Engelska institutionen' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('ENG kunde inte ändras.');
    expect(alert.textContent).toContain('Ett oväntat fel inträffade på servern.');
    expect(alert.textContent).toContain('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01');
  });

  it('offers a retry when the list cannot be loaded', async () => {
    const user = userEvent.setup();
    api.failNext.listFaculties = new TypeError('Failed to fetch');
    renderApp({ clients: { departments: api } });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Servern kunde inte nås.');
    await user.click(within(alert).getByRole('button', { name: 'Försök igen' }));
    expect(await screen.findByRole('rowheader', { name: 'Engelska institutionen' })).toBeTruthy();
  });

  it('has landmarks, a named menu and a 404 page for unknown addresses', async () => {
    renderApp({ clients: { departments: api }, path: '/no/such/page' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Sidan finns inte' })).toBeTruthy();
    expect(screen.getByRole('banner')).toBeTruthy();
    expect(screen.getByRole('main')).toBeTruthy();
    expect(screen.getByRole('contentinfo')).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Huvudmeny' });
    expect(within(nav).getByRole('link', { name: 'Fakulteter och institutioner' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Hoppa till huvudinnehållet' }).getAttribute('href')).toBe('#main');
  });
});
