import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CampaignResponse, CreateCampaignRequest, UpdateCampaignRequest } from '../../../api/generated';
import {
  campaign,
  demoFaculties,
  json,
  me,
  preconditionFailed,
  recordRequests,
  requestsTo,
  server,
  validationProblem,
  type SentRequest,
} from '../../../test/http';
import { renderApp } from '../../../test/render-app';

const COORDINATOR = me('coordinator');
const ADMIN = me('admin');
const AT_CLOSE = '2026-11-30T10:00:00Z';

let sent: SentRequest[];

beforeEach(() => {
  sent = recordRequests();
  server.use(http.get('/api/faculties', () => json(demoFaculties())));
});

afterEach(() => {
  Reflect.deleteProperty(navigator, 'clipboard');
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

/** The server's campaigns in a test: listed, and changed by the handlers the test adds. */
function serve(initial: CampaignResponse[]) {
  const store = { campaigns: initial };
  server.use(http.get('/api/recruitment/campaigns', () => json(store.campaigns)));
  return store;
}

function replace(store: { campaigns: CampaignResponse[] }, changed: CampaignResponse) {
  store.campaigns = store.campaigns.map((c) => (c.id === changed.id ? changed : c));
  return changed;
}

describe('CampaignsPage', () => {
  it('creates a campaign for the coordinator’s department, opens its link and QR code, and copies the full link', async () => {
    const store = serve([]);
    server.use(
      http.post('/api/recruitment/campaigns', async ({ request }) => {
        const created = campaign({ ...((await request.json()) as CreateCampaignRequest), token: 'tok00001abcdef' });
        store.campaigns = [created];
        return json(created, 201);
      }),
    );
    const user = userEvent.setup();
    const writeText = vi.fn(async (_text: string) => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    renderApp({ me: COORDINATOR, path: '/staff/campaigns' });
    expect(await screen.findByText('Inga kampanjer ännu.')).toBeTruthy();
    const form = screen.getByRole('region', { name: 'Ny kampanj' });
    const department = within(form).getByRole('combobox', { name: 'Institution' }) as HTMLSelectElement;
    await waitFor(() => expect(within(department).getAllByRole('option').map((o) => o.getAttribute('value'))).toEqual(['', 'DSV']));
    expect(department.value).toBe('DSV');
    await user.type(within(form).getByRole('combobox', { name: 'Kanal' }), 'LinkedIn');
    await user.type(within(form).getByRole('textbox', { name: 'Etikett' }), 'Examen 2026');
    await user.click(within(form).getByRole('button', { name: 'Skapa kampanj' }));

    expect(await screen.findByText('Kampanjen ”Examen 2026” har skapats. Dess länk finns i tabellen.')).toBeTruthy();
    expect(await requestsTo(sent, 'POST', '/api/recruitment/campaigns')[0].json()).toEqual({
      departmentCode: 'DSV',
      channel: 'LinkedIn',
      label: 'Examen 2026',
    });
    const row = screen.getByRole('row', { name: /^Examen 2026 / });
    const cells = within(row).getAllByRole('cell').map((cell) => cell.textContent);
    expect(cells.slice(0, 2)).toEqual(['InstitutionDSV', 'KanalLinkedIn']);
    expect(cells[3]).toBe('StatusÖppen');
    // The new campaign's link and QR code open below its row, the link focused.
    const share = within(row).getByRole('button', { name: 'Länk och QR-kod för Examen 2026' });
    expect(share.getAttribute('aria-expanded')).toBe('true');
    const link = screen.getByRole('textbox', { name: 'Inbjudningslänk för Examen 2026' }) as HTMLInputElement;
    expect(link.value).toBe(`${window.location.origin}/join/tok00001abcdef`);
    expect(document.getElementById(share.getAttribute('aria-controls')!)!.contains(link)).toBe(true);
    await waitFor(() => expect(document.activeElement).toBe(link));
    expect(screen.getByRole('img', { name: `QR-kod för inbjudningslänken för Examen 2026: ${link.value}` })).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Kopiera länken för Examen 2026' }));
    expect(await screen.findByText('Länken för ”Examen 2026” har kopierats.')).toBeTruthy();
    expect(writeText).toHaveBeenCalledWith(link.value);

    await user.click(share);
    expect(share.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('textbox', { name: 'Inbjudningslänk för Examen 2026' })).toBeNull();
  });

  it('checks the campaign’s rules before sending it', async () => {
    serve([]);
    const user = userEvent.setup();
    renderApp({ me: COORDINATOR, path: '/staff/campaigns' });
    const form = await screen.findByRole('region', { name: 'Ny kampanj' });
    const department = within(form).getByRole('combobox', { name: 'Institution' });
    await waitFor(() => expect((department as HTMLSelectElement).value).toBe('DSV'));
    await user.selectOptions(department, '');
    await user.type(within(form).getByRole('textbox', { name: 'Etikett' }), '<script>');
    await user.click(within(form).getByRole('button', { name: 'Skapa kampanj' }));
    const summary = await within(form).findByRole('alert');
    expect(within(summary).getAllByRole('link').map((link) => link.textContent)).toEqual([
      'Institution: Välj en institution.',
      'Kanal: Ange kanalen: 1–100 tecken, utan < eller >.',
      'Etikett: Ange en etikett: 1–200 tecken, utan < eller >.',
    ]);
    expect(department.getAttribute('aria-invalid')).toBe('true');
    expect(within(form).getByRole('textbox', { name: 'Etikett' }).getAttribute('aria-invalid')).toBe('true');
    expect(requestsTo(sent, 'POST', '/api/recruitment/campaigns')).toHaveLength(0);
  });

  it('puts the server’s refusal on the department field', async () => {
    serve([]);
    server.use(
      http.post('/api/recruitment/campaigns', () => validationProblem({ departmentCode: ['Choose one of your active departments.'] })),
    );
    const user = userEvent.setup();
    renderApp({ me: COORDINATOR, path: '/staff/campaigns' });
    const form = await screen.findByRole('region', { name: 'Ny kampanj' });
    const department = within(form).getByRole('combobox', { name: 'Institution' });
    await waitFor(() => expect((department as HTMLSelectElement).value).toBe('DSV'));
    await user.type(within(form).getByRole('combobox', { name: 'Kanal' }), 'LinkedIn');
    await user.type(within(form).getByRole('textbox', { name: 'Etikett' }), 'Examen 2026');
    await user.click(within(form).getByRole('button', { name: 'Skapa kampanj' }));
    await waitFor(() => expect(department.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(department.getAttribute('aria-describedby')!.split(' ')[0])!.textContent).toBe(
      'Choose one of your active departments.',
    );
    expect(within(within(form).getByRole('alert')).getByRole('link').textContent).toBe(
      'Institution: Choose one of your active departments.',
    );
  });

  it('offers an admin every department and shows each campaign’s funnel in numbers', async () => {
    serve([
      campaign({ departmentCode: 'LAW', channel: 'Event', label: 'Law day', visits: 10, signUps: 4, verified: 3 }),
      campaign({ departmentCode: 'DSV', channel: 'Poster', label: 'Nobody yet' }),
    ]);
    renderApp({ me: ADMIN, path: '/staff/campaigns' });
    const row = await screen.findByRole('row', { name: /^Law day / });
    const funnel = within(row).getByRole('list', { name: 'Från besök till medlem' });
    expect(within(funnel).getAllByRole('listitem').map((step) => step.textContent?.replace(/\s/g, ' '))).toEqual([
      '10 besök',
      '4 anmälningar (40 % av besöken)',
      '3 bekräftade (75 % av anmälningarna)',
    ]);
    // No share of nothing: a campaign nobody has visited shows its numbers only.
    const empty = within(screen.getByRole('row', { name: /^Nobody yet / })).getByRole('list', { name: 'Från besök till medlem' });
    expect(within(empty).getAllByRole('listitem').map((step) => step.textContent)).toEqual(['0 besök', '0 anmälningar', '0 bekräftade']);
    const department = screen.getByRole('combobox', { name: 'Institution' });
    await waitFor(() => expect(within(department).getAllByRole('option')).toHaveLength(5));
  });

  it('changes a campaign with If-Match: server field errors on the fields, a 412 refills the form, then it saves', async () => {
    const store = serve([campaign({ id: 'c1', departmentCode: 'DSV', channel: 'LinkedIn', label: 'Examen 2026', version: 1 })]);
    let answer: 'field' | 'stale' | 'ok' = 'field';
    server.use(
      http.put('/api/recruitment/campaigns/c1', async ({ request }) => {
        const body = (await request.json()) as UpdateCampaignRequest;
        if (answer === 'field') return validationProblem({ label: ['Give a label: 1–200 characters, no < or >.'] });
        if (answer === 'stale') {
          replace(store, { ...store.campaigns[0], channel: 'Poster', label: 'Examen HT 2026', version: 2 });
          return preconditionFailed();
        }
        return json(replace(store, { ...store.campaigns[0], ...body, version: 3 }), 200, { ETag: '"3"' });
      }),
    );
    const user = userEvent.setup();
    renderApp({ me: COORDINATOR, path: '/staff/campaigns' });
    const row = await screen.findByRole('row', { name: /^Examen 2026 / });
    const edit = within(row).getByRole('button', { name: 'Ändra Examen 2026' });
    await user.click(edit);
    const form = screen.getByRole('region', { name: 'Ändra Examen 2026' });
    const label = within(form).getByRole('textbox', { name: 'Etikett' });
    await waitFor(() => expect(document.activeElement).toBe(label));
    await user.clear(label);
    await user.type(label, 'Examen VT 2026');
    await user.click(within(form).getByRole('button', { name: 'Spara ändringar' }));

    await waitFor(() => expect(label.getAttribute('aria-invalid')).toBe('true'));
    expect(within(within(form).getByRole('alert')).getByRole('link').textContent).toBe(
      'Etikett: Give a label: 1–200 characters, no < or >.',
    );
    const [first] = requestsTo(sent, 'PUT', '/api/recruitment/campaigns/c1');
    expect(first.headers.get('If-Match')).toBe('"1"');
    expect(await first.json()).toEqual({ channel: 'LinkedIn', label: 'Examen VT 2026' });

    answer = 'stale';
    await user.click(within(form).getByRole('button', { name: 'Spara ändringar' }));
    // Someone else's change is loaded into the form, to be changed again.
    await waitFor(() => expect((within(form).getByRole('textbox', { name: 'Etikett' }) as HTMLInputElement).value).toBe('Examen HT 2026'));
    expect((within(form).getByRole('textbox', { name: 'Kanal' }) as HTMLInputElement).value).toBe('Poster');
    expect(within(form).getByRole('alert').textContent).toContain('Uppgifterna har ändrats av någon annan under tiden.');

    answer = 'ok';
    await user.click(within(form).getByRole('button', { name: 'Spara ändringar' }));
    const updated = await screen.findByRole('row', { name: /^Examen HT 2026 / });
    expect(requestsTo(sent, 'PUT', '/api/recruitment/campaigns/c1')[2].headers.get('If-Match')).toBe('"2"');
    expect(within(updated).getByRole('status').textContent).toBe('Ändringarna i ”Examen HT 2026” har sparats.');
    expect(screen.queryByRole('region', { name: /^Ändra / })).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(within(updated).getByRole('button', { name: 'Ändra Examen HT 2026' })));
  });

  it('closes and reopens a campaign with the same button, saying so beside it', async () => {
    const store = serve([campaign({ id: 'c1', departmentCode: 'DSV', channel: 'LinkedIn', label: 'Examen 2026', version: 4 })]);
    server.use(
      http.post('/api/recruitment/campaigns/c1/close', () =>
        json(replace(store, { ...store.campaigns[0], closedAt: AT_CLOSE, version: 5 }), 200, { ETag: '"5"' }),
      ),
      http.post('/api/recruitment/campaigns/c1/reopen', () =>
        json(replace(store, { ...store.campaigns[0], closedAt: undefined, version: 6 }), 200, { ETag: '"6"' }),
      ),
    );
    const user = userEvent.setup();
    renderApp({ me: COORDINATOR, path: '/staff/campaigns' });
    const row = await screen.findByRole('row', { name: /^Examen 2026 / });
    const button = within(row).getByRole('button', { name: 'Stäng Examen 2026' });
    await user.click(button);

    await waitFor(() => expect(within(row).getByRole('status').textContent).toBe('”Examen 2026” är stängd: länken räknar inga fler besök eller anmälningar.'));
    expect(requestsTo(sent, 'POST', '/api/recruitment/campaigns/c1/close')[0].headers.get('If-Match')).toBe('"4"');
    expect(within(row).getAllByRole('cell')[3].textContent).toBe('StatusStängd');
    expect(button.textContent).toContain('Öppna Examen 2026 igen');
    expect(document.activeElement).toBe(button);
    // The link says it counts nothing now.
    await user.click(within(row).getByRole('button', { name: 'Länk och QR-kod för Examen 2026' }));
    expect(screen.getByText(/Kampanjen är stängd: den som öppnar länken får veta det/)).toBeTruthy();

    await user.click(button);
    await waitFor(() => expect(within(row).getByRole('status').textContent).toBe('”Examen 2026” är öppen igen: länken räknar besök och anmälningar.'));
    expect(requestsTo(sent, 'POST', '/api/recruitment/campaigns/c1/reopen')[0].headers.get('If-Match')).toBe('"5"');
    expect(within(row).getAllByRole('cell')[3].textContent).toBe('StatusÖppen');
    expect(button.textContent).toContain('Stäng Examen 2026');
  });

  it('downloads the QR code as SVG and as PNG, named after the campaign', async () => {
    serve([campaign({ departmentCode: 'DSV', channel: 'Poster', label: 'Examen för Åsa', token: 'tok00001abcdef' })]);
    const createObjectURL = vi.fn((_blob: Blob) => 'blob:qr');
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }));
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    // jsdom draws nothing: a canvas that records the dark modules and gives a PNG blob.
    const drawn: number[][] = [];
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(
      () => ({ fillStyle: '', fillRect: (...area: number[]) => drawn.push(area) }) as unknown as CanvasRenderingContext2D,
    );
    vi.spyOn(HTMLCanvasElement.prototype, 'toBlob').mockImplementation((done: BlobCallback) => done(new Blob(['png'], { type: 'image/png' })));
    const user = userEvent.setup();
    renderApp({ me: COORDINATOR, path: '/staff/campaigns' });
    const row = await screen.findByRole('row', { name: /^Examen för Åsa / });
    await user.click(within(row).getByRole('button', { name: 'Länk och QR-kod för Examen för Åsa' }));

    await user.click(screen.getByRole('button', { name: 'Ladda ner QR-koden för Examen för Åsa som SVG' }));
    expect(await screen.findByText('QR-koden har sparats som examen-for-asa-qr.svg.')).toBeTruthy();
    expect(clicked.map((a) => a.download)).toEqual(['examen-for-asa-qr.svg']);
    const svg = createObjectURL.mock.calls[0][0];
    expect(svg.type).toBe('image/svg+xml');
    const text = await svg.text();
    expect(text).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="(\d+)" height="\1"/);
    expect(text).toContain(`<title>QR-kod för inbjudningslänken för Examen för Åsa: ${window.location.origin}/join/tok00001abcdef</title>`);

    await user.click(screen.getByRole('button', { name: 'Ladda ner QR-koden för Examen för Åsa som PNG' }));
    expect(await screen.findByText('QR-koden har sparats som examen-for-asa-qr.png.')).toBeTruthy();
    expect(clicked.map((a) => a.download)).toEqual(['examen-for-asa-qr.svg', 'examen-for-asa-qr.png']);
    expect(createObjectURL.mock.calls[1][0].type).toBe('image/png');
    // A white square, then the dark modules (the three finder patterns alone have well over 50).
    expect(drawn.length).toBeGreaterThan(50);
  });
});
