import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ImportJobResponse } from '../../../api/generated';
import { ProblemTypes } from '../../../lib/problem-details';
import {
  importJob,
  importPage,
  importSummary,
  json,
  me,
  problem,
  recordRequests,
  requestsTo,
  server,
  validationProblem,
  type SentRequest,
} from '../../../test/http';
import { renderApp } from '../../../test/render-app';
import { firstRejections, importContentType, importFileName, readCsv } from '../imports';

const ADMIN = me('admin');
const CSV =
  'external_id,first_name,last_name,department_code,degree_type,credits\nS1,Anna,Berg,DSV,master,120\nS2,Bo,Ek,NOPE,master,90\n';
const REJECTED = '\uFEFFrow,reason\r\n3,"department_code: no department has the code ""NOPE"""\r\n';

/** The first look at a page waits for its lazily loaded route, which is slow on a busy machine. */
const LOADED = { timeout: 10_000 };

let sent: SentRequest[];
let jobs: Map<string, ImportJobResponse[]>;
let uploads: { query: Record<string, string>; key: string | null; type: string | null; body: string }[];

/** The job answers in turn: each GET of a job takes the next state, the last one stays. */
function follow(job: ImportJobResponse, ...states: Partial<ImportJobResponse>[]) {
  jobs.set(job.id, [job, ...states.map((s) => ({ ...job, ...s }))]);
}

beforeEach(() => {
  sent = recordRequests();
  jobs = new Map();
  uploads = [];
  server.use(
    http.get('/api/members/imports', () => json(importPage([]))),
    http.get('/api/members/imports/:id', ({ params }) => {
      const states = jobs.get(String(params.id))!;
      return json(states.length > 1 ? states.shift()! : states[0]);
    }),
    http.get('/api/members/imports/:id/rejected', () =>
      new HttpResponse(REJECTED, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } }),
    ),
  );
});

function answerUploads() {
  server.use(
    http.post('/api/members/imports', async ({ request }) => {
      const url = new URL(request.url);
      const query = Object.fromEntries(url.searchParams);
      uploads.push({ query, key: request.headers.get('Idempotency-Key'), type: request.headers.get('Content-Type'), body: await request.text() });
      const dryRun = query.dryRun === 'true';
      const job = importJob({ dryRun, fileName: query.fileName, status: 'queued' });
      if (dryRun) {
        follow(job, { status: 'running', rowsRead: 1 }, { status: 'succeeded', rowsRead: 2, inserted: 1, rejected: 1, finishedAt: job.createdAt });
      } else {
        follow(job, { status: 'running', rowsRead: 1, inserted: 1 }, { status: 'succeeded', rowsRead: 2, inserted: 1, rejected: 1, finishedAt: job.createdAt });
      }
      return json(job, 202, { Location: `/api/members/imports/${job.id}` });
    }),
  );
}

async function chooseFile(user: ReturnType<typeof userEvent.setup>, name = 'ladok.csv', text = CSV) {
  // The tests' fetch is Node's: it sends its own Blob as a body (not jsdom's File), as a browser sends the chosen file.
  const file = Object.assign(await new Response(text).blob(), { name, lastModified: 0, webkitRelativePath: '' }) as unknown as File;
  await user.upload(await screen.findByLabelText('Importfil (CSV eller NDJSON)', {}, LOADED), file);
}

describe('ImportsPage', () => {
  it('checks the file with a dry run, then imports it once with an idempotency key and follows it to its report', async () => {
    answerUploads();
    const user = userEvent.setup();
    const { router } = renderApp({ me: ADMIN, path: '/admin/imports' });
    await chooseFile(user);
    await user.click(screen.getByRole('button', { name: 'Kontrollera filen (provkörning)' }));

    const report = await screen.findByRole('region', { name: 'Rapport från provkörningen' }, LOADED);
    expect(within(report).getByText('Provkörningen är klar: 2 rader lästa, 1 skulle avvisas. Inget har sparats.')).toBeTruthy();
    expect(within(report).getByText('Skulle bli nya medlemmar').nextElementSibling?.textContent).toBe('1');
    expect(await within(report).findByText('department_code: no department has the code "NOPE"', {}, LOADED)).toBeTruthy();
    expect(within(report).getByText('Rad 3:')).toBeTruthy();
    expect(uploads[0]).toEqual({ query: { dryRun: 'true', fileName: 'ladok.csv' }, key: null, type: 'text/csv', body: CSV });

    const start = screen.getByRole('button', { name: 'Starta importen' });
    await user.dblClick(start);

    await waitFor(() => expect(router.state.location.pathname).toMatch(/^\/admin\/imports\/.+/), LOADED);
    expect(uploads.length).toBe(2);
    expect(uploads[1].query).toEqual({ dryRun: 'false', fileName: 'ladok.csv' });
    expect(uploads[1].key).toMatch(/.{8,}/);
    expect(uploads[1].body).toBe(CSV);
    expect(requestsTo(sent, 'POST', '/api/members/imports').every((r) => r.headers.get('X-CSRF-Token') === ADMIN.csrfToken)).toBe(true);

    const progress = await screen.findByRole('progressbar', { name: 'Importens förlopp' }, LOADED);
    expect(progress.getAttribute('max')).toBe('2');
    const done = await screen.findByRole('region', { name: 'Importrapport' }, LOADED);
    expect(within(done).getByText('Klart: 2 rader lästa, 1 avvisade.')).toBeTruthy();
    expect(screen.queryByRole('progressbar')).toBeNull();
    const download = within(done).getByRole('link', { name: 'Ladda ner den avvisade raden (CSV)' });
    expect(download.getAttribute('href')).toBe(`/api/members/imports/${router.state.location.pathname.split('/').at(-1)}/rejected`);
    expect(download.hasAttribute('download')).toBe(true);
  });

  it('shows every reason a bad header is refused for, and that a file is needed', async () => {
    server.use(
      http.post('/api/members/imports', () =>
        validationProblem({ header: ['Unknown column "fist_name".', 'Missing column "first_name".'] }),
      ),
    );
    const user = userEvent.setup();
    renderApp({ me: ADMIN, path: '/admin/imports' });
    await user.click(await screen.findByRole('button', { name: 'Kontrollera filen (provkörning)' }, LOADED));
    expect(screen.getByText('Välj en fil att importera.')).toBeTruthy();

    await chooseFile(user, 'bad.csv', 'fist_name\nx\n');
    await user.click(screen.getByRole('button', { name: 'Kontrollera filen (provkörning)' }));

    const alert = await screen.findByRole('alert', {}, LOADED);
    expect(within(alert).getByText('Filen togs inte emot.')).toBeTruthy();
    expect(within(alert).getByText('Unknown column "fist_name".')).toBeTruthy();
    expect(within(alert).getByText('Missing column "first_name".')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Starta importen' })).toBeNull();
  });

  it('says so when the file is too large or of another kind, and sends NDJSON as NDJSON', async () => {
    const types: (string | null)[] = [];
    let status = 413;
    server.use(
      http.post('/api/members/imports', ({ request }) => {
        types.push(request.headers.get('Content-Type'));
        return status === 413
          ? problem(413, ProblemTypes.payloadTooLarge, 'Payload Too Large', { detail: 'The file is larger than 2147483648 bytes.' })
          : problem(415, 'urn:alumni:problem:unsupported-media-type', 'Unsupported Media Type', { detail: 'Send the file as text/csv or application/x-ndjson.' });
      }),
    );
    const user = userEvent.setup();
    renderApp({ me: ADMIN, path: '/admin/imports' });
    await chooseFile(user, 'big.ndjson', '{"externalId":"S1"}\n');
    await user.click(screen.getByRole('button', { name: 'Kontrollera filen (provkörning)' }));
    expect(within(await screen.findByRole('alert', {}, LOADED)).getByText('The file is larger than 2147483648 bytes.')).toBeTruthy();

    status = 415;
    await user.click(screen.getByRole('button', { name: 'Kontrollera filen (provkörning)' }));
    expect(await screen.findByText('Send the file as text/csv or application/x-ndjson.', {}, LOADED)).toBeTruthy();
    expect(types).toEqual(['application/x-ndjson', 'application/x-ndjson']);
  });

  it('lists past imports with who ran them, and each opens its report', async () => {
    const byPerson = importSummary({ fileName: 'ladok-2025.csv', runBy: 'Ada Admin', rowsRead: 120, inserted: 100, updated: 15, rejected: 5 });
    const byKey = importSummary({ dryRun: true, status: 'running', runBy: 'Ladok nightly', runByKey: true });
    server.use(http.get('/api/members/imports', () => json(importPage([byPerson, byKey], { total: 2, pageSize: 25 }))));
    follow(importJob({ id: byPerson.id, status: 'succeeded', rowsRead: 120, inserted: 100, updated: 15, rejected: 5, fileName: 'ladok-2025.csv' }));
    const user = userEvent.setup();
    const { router } = renderApp({ me: ADMIN, path: '/admin/imports' });

    const table = await screen.findByRole('table', { name: 'Import 1–2 av 2, nyaste först' }, LOADED);
    const first = within(table).getAllByRole('row')[1];
    expect(within(first).getByText('ladok-2025.csv')).toBeTruthy();
    expect(within(first).getByText('Ada Admin')).toBeTruthy();
    expect(within(first).getByText('Import')).toBeTruthy();
    expect(within(first).getByText('Klar')).toBeTruthy();
    const second = within(table).getAllByRole('row')[2];
    expect(within(second).getByText('API-nyckeln ”Ladok nightly”')).toBeTruthy();
    expect(within(second).getByText('Provkörning')).toBeTruthy();
    expect(within(second).getByText('(inget filnamn)')).toBeTruthy();
    expect(requestsTo(sent, 'GET', '/api/members/imports')[0].query).toEqual({ page: '1', pageSize: '25' });

    await user.click(within(first).getByRole('link'));
    expect(router.state.location.pathname).toBe(`/admin/imports/${byPerson.id}`);
    const report = await screen.findByRole('region', { name: 'Importrapport' }, LOADED);
    expect(within(report).getByText('Nya medlemmar').nextElementSibling?.textContent).toBe('100');
    expect(within(report).getByText(/ladok-2025\.csv/)).toBeTruthy();
  });

  it('is for admins: a coordinator is told they have no access and the menu has no imports', async () => {
    renderApp({ me: me('coordinator'), path: '/admin/imports' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Ingen behörighet' }, LOADED)).toBeTruthy();
    expect(screen.queryByLabelText('Importfil (CSV eller NDJSON)')).toBeNull();
    expect(screen.queryByRole('link', { name: 'Importer' })).toBeNull();
    expect(requestsTo(sent, 'GET', '/api/members/imports')).toEqual([]);
  });

  it('is in the admin menu', async () => {
    renderApp({ me: ADMIN, path: '/admin/imports' });
    expect((await screen.findByRole('link', { name: 'Importer' }, LOADED)).getAttribute('href')).toBe('/admin/imports');
  });
});

describe('import helpers', () => {
  it('read the rejected rows file with quotes, a BOM and line breaks in a reason', () => {
    expect(readCsv('\uFEFFa,b\r\n"x ""y""","1\n2"\n')).toEqual([
      ['a', 'b'],
      ['x "y"', '1\n2'],
    ]);
    expect(firstRejections('row,reason\n2,a\n3,b\n4,c\n', 2)).toEqual([
      { row: 2, reason: 'a' },
      { row: 3, reason: 'b' },
    ]);
  });

  it('send NDJSON by its name and a file name the API accepts', () => {
    expect([importContentType('a.ndjson'), importContentType('a.JSONL'), importContentType('a.csv'), importContentType('a.txt')]).toEqual([
      'application/x-ndjson',
      'application/x-ndjson',
      'text/csv',
      'text/csv',
    ]);
    expect(importFileName('<ladok>\u202e.csv')).toBe('ladok.csv');
    expect(importFileName('x'.repeat(300))?.length).toBe(200);
    expect(importFileName('<>')).toBeUndefined();
  });
});
