import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import type { FilledToolkitItemResponse, ToolkitItemResponse, ToolkitItemSummary, ToolkitItemVersionSummary } from '../../../api/generated';
import { demoFaculties, DSV, json, jsonWithETag, me, recordRequests, requestsTo, server, testId, validationProblem, type SentRequest } from '../../../test/http';
import { newsletterCampaign, topic } from '../../../test/newsletters-staff';
import { renderApp } from '../../../test/render-app';

let sent: SentRequest[];
const LOADED = { timeout: 10_000 };
const DSV_ID = testId(4000);
const ITEM_ID = testId(4001);

function item(fields: Partial<ToolkitItemResponse> = {}): ToolkitItemResponse {
  return {
    id: ITEM_ID,
    kind: 'message',
    titleSv: 'Inlägg på LinkedIn',
    titleEn: 'LinkedIn post',
    summarySv: 'Ett färdigt inlägg.',
    bodySv: 'Har du studerat vid {{department.name}}? Gå med: {{department.recruitment_link}}',
    bodyEn: 'Did you study at {{department.name}}? Join: {{department.recruitment_link}}',
    tags: ['LinkedIn', 'Rekrytering'],
    currentVersion: 2,
    changeNote: 'Kortare text',
    createdAt: '2026-11-01T09:00:00Z',
    changedAt: '2026-11-20T10:00:00Z',
    changedBy: 'Demo Admin',
    version: 2,
    ...fields,
  };
}

function filled(fields: Partial<FilledToolkitItemResponse> = {}): FilledToolkitItemResponse {
  return {
    itemId: ITEM_ID,
    kind: 'message',
    number: 2,
    department: { id: DSV_ID, code: DSV.code, nameSv: DSV.nameSv, nameEn: DSV.nameEn },
    titleSv: 'Inlägg på LinkedIn',
    titleEn: 'LinkedIn post',
    bodySv: `Har du studerat vid ${DSV.nameSv}? Gå med: [saknas: department.recruitment_link]`,
    bodyEn: `Did you study at ${DSV.nameEn}? Join: [missing: department.recruitment_link]`,
    missing: ['department.recruitment_link'],
    ...fields,
  };
}

const VERSIONS: ToolkitItemVersionSummary[] = [
  { number: 2, createdAt: '2026-11-20T10:00:00Z', createdBy: 'Demo Admin', changeNote: 'Kortare text' },
  { number: 1, createdAt: '2026-11-01T09:00:00Z', createdBy: 'Demo Admin' },
];

function summary(fields: Partial<ToolkitItemSummary> = {}): ToolkitItemSummary {
  return { id: ITEM_ID, kind: 'message', titleSv: 'Inlägg på LinkedIn', titleEn: 'LinkedIn post', tags: ['LinkedIn'], currentVersion: 2, createdAt: '2026-11-01T09:00:00Z', changedAt: '2026-11-20T10:00:00Z', ...fields };
}

beforeEach(() => {
  sent = recordRequests();
  server.use(
    http.get('/api/faculties', () => json(demoFaculties())),
    http.get(`/api/network/toolkit/items/${ITEM_ID}`, () => jsonWithETag(item())),
    http.get(`/api/network/toolkit/items/${ITEM_ID}/versions`, () => json(VERSIONS)),
    http.get(`/api/network/toolkit/items/${ITEM_ID}/versions/1`, () =>
      json({ itemId: ITEM_ID, number: 1, titleSv: 'Inlägg på LinkedIn', bodySv: 'Den första texten.', createdAt: '2026-11-01T09:00:00Z' }),
    ),
    http.get(`/api/network/toolkit/items/${ITEM_ID}/filled`, () => json(filled())),
    http.get(`/api/network/toolkit/items/${ITEM_ID}/files`, () => json([])),
    http.get('/api/network/toolkit/items', () => json({ items: [summary(), summary({ id: testId(4002), kind: 'guide', titleSv: 'Guide för examen', titleEn: 'Graduation guide', currentVersion: 1 })], page: 1, pageSize: 20, total: 2, totalExact: true })),
  );
});

describe('ToolkitPage', () => {
  it('lists the items with their kind and when they changed, and filters by kind in the address', async () => {
    const user = userEvent.setup();
    const { router } = renderApp({ me: me('coordinator'), path: '/staff/network/toolkit' });
    await screen.findByRole('heading', { level: 1, name: 'Verktygslåda' }, LOADED);
    const list = await screen.findByRole('list', { name: '2 material' });
    const cards = within(list).getAllByRole('listitem');
    expect(within(cards[0]).getByRole('link', { name: 'Inlägg på LinkedIn' }).getAttribute('href')).toBe(`/staff/network/toolkit/${ITEM_ID}`);
    expect(cards[0].textContent).toContain('Version 2, ändrad');
    expect(cards[1].textContent).toContain('Guide');
    expect(screen.queryByRole('link', { name: 'Nytt material' })).toBeNull();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Typ' }), 'guide');
    await user.click(screen.getByRole('button', { name: 'Visa' }));
    await waitFor(() => expect(router.state.location.search).toBe('?kind=guide'));
    await waitFor(() => expect(requestsTo(sent, 'GET', '/api/network/toolkit/items').at(-1)!.query).toMatchObject({ kind: 'guide', page: '1' }));
  });
});

describe('ToolkitItemPage', () => {
  it('shows the texts filled for my department, what is missing, and the history with what changed', async () => {
    const user = userEvent.setup();
    renderApp({ me: me('coordinator'), path: `/staff/network/toolkit/${ITEM_ID}` });
    await screen.findByRole('heading', { level: 1, name: 'Inlägg på LinkedIn' }, LOADED);
    await screen.findByRole('heading', { name: `Ifyllt för ${DSV.nameSv}` });
    expect(screen.getByText(/Gå med: \[saknas: department.recruitment_link\]/)).toBeTruthy();
    expect(screen.getByText('{{department.recruitment_link}}').closest('li')!.textContent).toContain('rekryteringslänk');
    // One department: no picker.
    expect(screen.queryByRole('combobox', { name: 'Institution' })).toBeNull();

    const history = screen.getByRole('list', { name: '2 versioner' });
    const entries = within(history).getAllByRole('listitem');
    expect(entries[0].textContent).toContain('Version 2 (aktuell)');
    expect(entries[0].textContent).toContain('Kortare text');
    expect(entries[1].textContent).toContain('Den första versionen.');
    await user.click(within(entries[1]).getByRole('button', { name: 'Visa version 1' }));
    expect(await within(entries[1]).findByText('Den första texten.')).toBeTruthy();
  });

  it('turns the filled texts into a draft mailing of my department and opens its editor', async () => {
    const user = userEvent.setup();
    const campaignId = testId(4100);
    const departmentTopic = topic({ id: testId(4200), key: 'dept-dsv', kind: 'department', departmentId: DSV_ID, nameSv: 'DSV:s nyhetsbrev' });
    server.use(
      http.get('/api/newsletters/topics', () => json([topic({ id: testId(4201) }), departmentTopic])),
      http.post('/api/newsletters/campaigns', () => jsonWithETag(newsletterCampaign({ id: campaignId, departmentId: DSV_ID, topicId: departmentTopic.id }), 201)),
      http.get(`/api/newsletters/campaigns/${campaignId}`, () => jsonWithETag(newsletterCampaign({ id: campaignId, departmentId: DSV_ID, topicId: departmentTopic.id }))),
    );
    const { router } = renderApp({ me: me('coordinator'), path: `/staff/network/toolkit/${ITEM_ID}` });
    await user.click(await screen.findByRole('button', { name: 'Använd som utkast till utskick' }, LOADED));

    await waitFor(() => expect(router.state.location.pathname).toBe(`/staff/newsletters/campaigns/${campaignId}/edit`));
    const [created] = requestsTo(sent, 'POST', '/api/newsletters/campaigns');
    expect(await created.json()).toEqual({
      name: 'Inlägg på LinkedIn',
      departmentId: DSV_ID,
      topicId: departmentTopic.id,
      subjectSv: 'Inlägg på LinkedIn',
      subjectEn: 'LinkedIn post',
      bodySv: filled().bodySv,
      bodyEn: filled().bodyEn,
    });
  });

  it('says so when the department has no topic of its own, and sends nothing', async () => {
    const user = userEvent.setup();
    server.use(http.get('/api/newsletters/topics', () => json([topic()])));
    renderApp({ me: me('coordinator'), path: `/staff/network/toolkit/${ITEM_ID}` });
    await user.click(await screen.findByRole('button', { name: 'Använd som utkast till utskick' }, LOADED));
    expect((await screen.findByText(/DSV har inget eget aktivt nyhetsbrevsämne/)).closest('[role="alert"]')).toBeTruthy();
    expect(requestsTo(sent, 'POST', '/api/newsletters/campaigns')).toEqual([]);
  });
});

describe('ToolkitEditorPage', () => {
  it('saves a change as a new version with its note, showing the server’s field errors', async () => {
    const user = userEvent.setup();
    let attempts = 0;
    server.use(
      http.put(`/api/network/toolkit/items/${ITEM_ID}`, () =>
        ++attempts === 1 ? validationProblem({ bodySv: ['Okänd platshållare {{member.name}}.'] }) : jsonWithETag(item({ currentVersion: 3, version: 3 })),
      ),
    );
    const { router } = renderApp({ me: me('admin'), path: `/staff/network/toolkit/${ITEM_ID}/edit` });
    await screen.findByRole('heading', { level: 1, name: 'Ändra material i verktygslådan' }, LOADED);
    await user.click(await screen.findByRole('button', { name: 'Spara som ny version' }));
    // A change needs its note (checked here before anything is sent).
    expect((await screen.findAllByText('Skriv vad som ändrats.')).length).toBeGreaterThan(0);
    expect(requestsTo(sent, 'PUT', `/api/network/toolkit/items/${ITEM_ID}`)).toEqual([]);

    await user.type(screen.getByRole('textbox', { name: /Vad som ändrats/ }), 'Ny länk');
    await user.click(screen.getByRole('button', { name: 'Spara som ny version' }));
    expect((await screen.findAllByText('Okänd platshållare {{member.name}}.')).length).toBeGreaterThan(0);

    await user.click(screen.getByRole('button', { name: 'Spara som ny version' }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/staff/network/toolkit/${ITEM_ID}`));
    const puts = requestsTo(sent, 'PUT', `/api/network/toolkit/items/${ITEM_ID}`);
    expect(puts.at(-1)!.headers.get('If-Match')).toBe('"2"');
    expect(await puts.at(-1)!.json()).toMatchObject({ changeNote: 'Ny länk', kind: 'message', tags: ['LinkedIn', 'Rekrytering'] });
  });
});
