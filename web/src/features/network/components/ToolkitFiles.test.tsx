import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ToolkitFileResponse } from '../../../api/generated';
import { CSRF_HEADER } from '../../../lib/api-fetch';
import { ProblemTypes } from '../../../lib/problem-details';
import { json, problem, recordRequests, requestsTo, server } from '../../../test/http';
import { renderComponent } from '../../../test/render-component';
import { ToolkitFiles } from './ToolkitFiles';

const ITEM = '0190f0aa-0000-7000-8000-000000000001';
const FILES = `/api/network/toolkit/items/${ITEM}/files`;
const CSRF = 'csrf-token-of-the-session';

function toolkitFile(fields: Pick<ToolkitFileResponse, 'id' | 'fileName'> & Partial<ToolkitFileResponse>): ToolkitFileResponse {
  return {
    itemId: ITEM,
    contentType: 'application/pdf',
    byteSize: 245_760,
    sha256: 'ab'.repeat(32),
    addedAt: '2026-11-20T09:30:00Z',
    addedBy: '0190f0aa-0000-7000-8000-0000000000aa',
    addedByName: 'Ada Admin',
    ...fields,
  };
}

const GUIDE = toolkitFile({ id: '0190f0aa-0000-7000-8000-0000000000f1', fileName: 'Sista föreläsningen.pdf' });
const POSTER = toolkitFile({
  id: '0190f0aa-0000-7000-8000-0000000000f2',
  fileName: 'affisch.png',
  contentType: 'image/png',
  byteSize: 1_572_864,
});

/** The component alone, in the app's providers, with the session's anti-forgery cookie. */
function renderFiles(canEdit: boolean, language: 'en' | 'sv' = 'en') {
  return renderComponent(<ToolkitFiles itemId={ITEM} canEdit={canEdit} />, { language, csrfToken: CSRF });
}

/**
 * The test's requests go through Node's fetch, which reads a multipart body only from Node's own FormData and File
 * (jsdom's FormData takes only jsdom's File, which Node's fetch then sends as the text "undefined"). An upload test
 * uses Node's pair, as a browser uses its own.
 */
async function useNodeFormData() {
  const NodeFormData = (await new Response(new URLSearchParams()).formData()).constructor;
  vi.stubGlobal('FormData', NodeFormData);
}

/** A file as Node's fetch sends it (see {@link useNodeFormData}): read out of a multipart body by Node itself. */
async function nodeFile(content: string, name: string): Promise<File> {
  const boundary = 'node-file';
  const body = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n${content}\r\n--${boundary}--\r\n`;
  const form = await new Response(body, { headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}` } }).formData();
  return form.get('file') as File;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('ToolkitFiles', () => {
  it('lists the files with download links, their found type, size and who added them, and offers no changes to readers', async () => {
    server.use(http.get(FILES, () => json([GUIDE, POSTER])));

    renderFiles(false);

    const list = await screen.findByRole('list', { name: 'Files of this item' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    const guide = within(items[0]).getByRole('link', { name: 'Sista föreläsningen.pdf' });
    expect(guide.getAttribute('href')).toBe(`${FILES}/${GUIDE.id}`);
    expect(guide.getAttribute('download')).toBe('Sista föreläsningen.pdf');
    expect(within(items[0]).getByText('PDF, 245.8 kB')).toBeTruthy();
    expect(within(items[1]).getByText('PNG image, 1.6 MB')).toBeTruthy();
    expect(within(items[0]).getByText(/Ada Admin/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Remove/ })).toBeNull();
    expect(screen.queryByLabelText('File')).toBeNull();
  });

  it('says so when an item has no files yet, in Swedish too', async () => {
    server.use(http.get(FILES, () => json([])));

    renderFiles(true, 'sv');

    expect(await screen.findByText('Inga filer ännu.')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Filer' })).toBeTruthy();
    expect(screen.getByLabelText('Fil')).toBeTruthy();
  });

  it('uploads the chosen file as multipart in the field file, with the anti-forgery header, and lists it', async () => {
    const user = userEvent.setup();
    let stored: ToolkitFileResponse[] = [GUIDE];
    let received: { name: string; size: number; field: string[] } | undefined;
    server.use(
      http.get(FILES, () => json(stored)),
      http.post(FILES, async ({ request }) => {
        const form = await request.formData();
        const file = form.get('file') as File;
        received = { name: file.name, size: file.size, field: [...form.keys()] };
        const added = toolkitFile({ id: '0190f0aa-0000-7000-8000-0000000000f3', fileName: 'qr.png', contentType: 'image/png', byteSize: file.size });
        stored = [...stored, added];
        return json(added, 201);
      }),
    );
    const sent = recordRequests();
    await useNodeFormData();
    renderFiles(true);
    await screen.findByRole('link', { name: GUIDE.fileName });

    await user.upload(screen.getByLabelText('File'), await nodeFile('PNG-ish', 'qr.png'));
    await user.click(screen.getByRole('button', { name: 'Upload' }));

    expect(await screen.findByRole('link', { name: 'qr.png' })).toBeTruthy();
    expect(received).toEqual({ name: 'qr.png', size: 7, field: ['file'] });
    const post = requestsTo(sent, 'POST', FILES);
    expect(post).toHaveLength(1);
    expect(post[0].headers.get(CSRF_HEADER)).toBe(CSRF);
    expect(post[0].headers.get('Content-Type')).toMatch(/^multipart\/form-data; boundary=/);
    await waitFor(() => expect(screen.getByText('qr.png was added.')).toBeTruthy());
  });

  it("shows the server's problem when a file is refused, and asks for a file before sending none", async () => {
    const user = userEvent.setup();
    server.use(
      http.get(FILES, () => json([])),
      http.post(FILES, () =>
        problem(415, ProblemTypes.unsupportedMediaType, 'Unsupported Media Type', {
          detail: 'The file report.pdf is not a type the toolkit accepts (PDF, PNG, JPEG, GIF, WebP, Word, Excel or PowerPoint), judged by its content, not its name.',
        }),
      ),
    );
    const sent = recordRequests();
    await useNodeFormData();
    renderFiles(true);
    await screen.findByText('No files yet.');

    await user.click(screen.getByRole('button', { name: 'Upload' }));
    expect(screen.getByText('Choose a file first.')).toBeTruthy();
    expect(screen.getByLabelText('File').getAttribute('aria-invalid')).toBe('true');
    expect(requestsTo(sent, 'POST', FILES)).toHaveLength(0);

    await user.upload(screen.getByLabelText('File'), await nodeFile('<html><script>alert(1)</script></html>', 'report.pdf'));
    await user.click(screen.getByRole('button', { name: 'Upload' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The file was not added.');
    expect(alert.textContent).toContain('The file report.pdf is not a type the toolkit accepts');
  });

  it('shows a too large file refused with the limit the server names', async () => {
    const user = userEvent.setup();
    server.use(
      http.get(FILES, () => json([])),
      http.post(FILES, () =>
        problem(413, ProblemTypes.payloadTooLarge, 'Payload Too Large', { detail: 'The file is larger than the 20971520 bytes a toolkit file may be.' }),
      ),
    );
    await useNodeFormData();
    renderFiles(true);
    await screen.findByText('No files yet.');

    await user.upload(screen.getByLabelText('File'), await nodeFile('%PDF-1.4', 'huge.pdf'));
    await user.click(screen.getByRole('button', { name: 'Upload' }));

    expect((await screen.findByRole('alert')).textContent).toContain('20971520 bytes');
  });

  it('removes a file only after confirming, and keeps it when cancelled', async () => {
    const user = userEvent.setup();
    let stored: ToolkitFileResponse[] = [GUIDE, POSTER];
    server.use(
      http.get(FILES, () => json(stored)),
      http.delete(`${FILES}/:fileId`, ({ params }) => {
        stored = stored.filter((f) => f.id !== params.fileId);
        return new HttpResponse(null, { status: 204 });
      }),
    );
    const sent = recordRequests();
    renderFiles(true);
    await screen.findByRole('link', { name: POSTER.fileName });

    await user.click(screen.getByRole('button', { name: 'Remove affisch.png' }));
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Remove affisch.png?' }));
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(requestsTo(sent, 'DELETE', `${FILES}/${POSTER.id}`)).toHaveLength(0);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Remove affisch.png' }));

    await user.click(screen.getByRole('button', { name: 'Remove affisch.png' }));
    await user.click(screen.getByRole('button', { name: 'Remove the file' }));

    await waitFor(() => expect(screen.queryByRole('link', { name: POSTER.fileName })).toBeNull());
    expect(screen.getByRole('link', { name: GUIDE.fileName })).toBeTruthy();
    const removal = requestsTo(sent, 'DELETE', `${FILES}/${POSTER.id}`);
    expect(removal).toHaveLength(1);
    expect(removal[0].headers.get(CSRF_HEADER)).toBe(CSRF);
    expect(screen.getByText('affisch.png was removed.')).toBeTruthy();
  });

  it('shows the problem when the list cannot be read', async () => {
    server.use(http.get(FILES, () => problem(404, ProblemTypes.notFound, 'Not Found', { detail: 'There is no toolkit item with that id.' })));

    renderFiles(false);

    expect((await screen.findByRole('alert')).textContent).toContain('The files could not be loaded.');
  });
});
