import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CreateNewsRequest, NewsResponse } from '../../../api/generated';
import { demoFaculties, json, jsonWithETag, me, recordRequests, requestsTo, server, testId, type SentRequest } from '../../../test/http';
import { networkNews, newsPage } from '../../../test/network-news';
import { newsletterCampaign, topic } from '../../../test/newsletters-staff';
import { renderApp } from '../../../test/render-app';

let sent: SentRequest[];
const LOADED = { timeout: 10_000 };
const NEWS = testId(9600);

beforeEach(() => {
  sent = recordRequests();
  server.use(http.get('/api/faculties', () => json(demoFaculties())));
});

describe('network news', () => {
  it('lets a coordinator pass an item on to their members as a draft campaign of their department, then opens its editor', async () => {
    const faculties = demoFaculties();
    const dsv = faculties.flatMap((f) => f.departments).find((d) => d.code === 'DSV')!;
    const TOPIC = testId(9610);
    const CAMPAIGN = testId(9611);
    server.use(
      http.get('/api/faculties', () => json(faculties)),
      http.get('/api/network/news', () => json(newsPage([networkNews({ id: NEWS })]))),
      http.get('/api/newsletters/topics', () =>
        json([
          topic({ id: testId(9612), key: 'central' }),
          topic({ id: testId(9613), kind: 'department', key: 'dept-eng', departmentId: testId(1) }),
          topic({ id: TOPIC, kind: 'department', key: 'dept-dsv', departmentId: dsv.id }),
        ]),
      ),
      http.post('/api/newsletters/campaigns', async ({ request }) => {
        const body = (await request.json()) as object;
        return jsonWithETag(newsletterCampaign({ ...body, id: CAMPAIGN, departmentId: dsv.id, topicId: TOPIC }), 201);
      }),
      // The campaign editor it opens.
      http.get(`/api/newsletters/campaigns/${CAMPAIGN}`, () => jsonWithETag(newsletterCampaign({ id: CAMPAIGN, departmentId: dsv.id, topicId: TOPIC }))),
      http.get('/api/newsletters/segments', () => json({ items: [], page: 1, pageSize: 200, total: 0, totalExact: true })),
      http.get('/api/events', () => json({ items: [], page: 1, pageSize: 100, total: 0, totalExact: true })),
      http.get('/api/newsletters/audience', () => json({ count: 12 })),
      http.post(`/api/newsletters/campaigns/${CAMPAIGN}/preview`, () => json({ subject: 'Alumnidagen 2030', html: '<p>Hej</p>', text: 'Hej' })),
    );
    const user = userEvent.setup();
    const { router } = renderApp({ me: me('coordinator'), path: '/staff/network/news' });
    const item = await screen.findByRole('article', { name: 'Alumnidagen 2030' }, LOADED);
    expect(within(item).getByText('session').tagName).toBe('STRONG');
    expect(within(item).queryByRole('link', { name: 'Ändra' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Skriv en nyhet' })).toBeNull();
    await user.click(within(item).getByRole('button', { name: 'Skicka vidare till mina medlemmar' }));

    await waitFor(() => expect(router.state.location.pathname).toBe(`/staff/newsletters/campaigns/${CAMPAIGN}/edit`));
    expect(await requestsTo(sent, 'POST', '/api/newsletters/campaigns')[0].json()).toEqual({
      name: 'Alumnidagen 2030',
      departmentId: dsv.id,
      topicId: TOPIC,
      subjectSv: 'Alumnidagen 2030',
      subjectEn: 'The alumni day 2030',
      bodySv: 'Anmäl er **session**.',
      bodyEn: 'Sign up your **session**.',
    });
    await screen.findByRole('heading', { level: 1 }, LOADED);
  });

  it('tells a coordinator when their department has no topic of its own, and sends nothing', async () => {
    server.use(
      http.get('/api/network/news', () => json(newsPage([networkNews({ id: NEWS })]))),
      http.get('/api/newsletters/topics', () => json([topic({ id: testId(9620) })])),
    );
    const user = userEvent.setup();
    renderApp({ me: me('coordinator'), path: '/staff/network/news' });
    const item = await screen.findByRole('article', { name: 'Alumnidagen 2030' }, LOADED);
    await user.click(within(item).getByRole('button', { name: 'Skicka vidare till mina medlemmar' }));
    expect(await within(item).findByText(/Din institution har inget eget ämne för utskick än/)).toBeTruthy();
    expect(requestsTo(sent, 'POST', '/api/newsletters/campaigns')).toHaveLength(0);
  });

  it('lets the office post an item, checked in the browser first, and shows it scheduled', async () => {
    let created: NewsResponse | undefined;
    server.use(
      http.get('/api/network/news', () => json(newsPage(created ? [created] : []))),
      http.post('/api/network/news', async ({ request }) => {
        const body = (await request.json()) as CreateNewsRequest;
        created = networkNews({ ...body, id: NEWS, scheduled: true, publishedAt: body.publishedAt ?? '2030-01-01T00:00:00Z', bodyEnHtml: undefined, bodySvHtml: '<p>Text</p>' });
        return jsonWithETag(created, 201);
      }),
    );
    const user = userEvent.setup();
    const { router } = renderApp({ me: me('admin'), path: '/staff/network/news' });
    expect(await screen.findByText('Det finns inga nyheter än.', {}, LOADED)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Skicka vidare till mina medlemmar' })).toBeNull();
    await user.click(screen.getByRole('link', { name: 'Skriv en nyhet' }));
    await user.click(await screen.findByRole('button', { name: 'Publicera' }, LOADED));
    expect((await screen.findAllByText('Skriv en rubrik och en text på minst ett språk.')).length).toBeGreaterThan(0);
    await user.type(screen.getByRole('textbox', { name: 'Rubrik (svenska)' }), 'Ny rektor');
    await user.click(screen.getByRole('button', { name: 'Publicera' }));
    expect((await screen.findAllByText('Skriv en text till rubriken.')).length).toBeGreaterThan(0);
    expect(requestsTo(sent, 'POST', '/api/network/news')).toHaveLength(0);

    await user.type(screen.getByRole('textbox', { name: 'Text (svenska)' }), 'Välkommen!\n\n- punkt');
    await user.click(screen.getByRole('button', { name: 'Publicera' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/staff/network/news'));
    expect(await screen.findByText('Nyheten publicerades.')).toBeTruthy();
    expect(await requestsTo(sent, 'POST', '/api/network/news')[0].json()).toEqual({ titleSv: 'Ny rektor', bodySv: 'Välkommen!\n\n- punkt' });
    const item = await screen.findByRole('article', { name: 'Ny rektor' });
    expect(within(item).getByText('Schemalagd')).toBeTruthy();
  });

  it('lets the office change an item from the version shown and archive it', async () => {
    let current = networkNews({ id: NEWS, version: 3 });
    server.use(
      http.get('/api/network/news', () => json(newsPage(current.archivedAt ? [] : [current]))),
      http.get(`/api/network/news/${NEWS}`, () => jsonWithETag(current)),
      http.put(`/api/network/news/${NEWS}`, async ({ request }) => {
        current = { ...current, ...((await request.json()) as object), version: 4 };
        return jsonWithETag(current);
      }),
      http.post(`/api/network/news/${NEWS}/archive`, () => {
        current = { ...current, archivedAt: '2030-01-02T00:00:00Z', version: 5 };
        return jsonWithETag(current);
      }),
    );
    const user = userEvent.setup();
    const { router } = renderApp({ me: me('admin'), path: '/staff/network/news' });
    const item = await screen.findByRole('article', { name: 'Alumnidagen 2030' }, LOADED);
    await user.click(within(item).getByRole('link', { name: 'Ändra' }));
    const title = await screen.findByRole('textbox', { name: 'Rubrik (svenska)' }, LOADED);
    await waitFor(() => expect((title as HTMLInputElement).value).toBe('Alumnidagen 2030'));
    await user.clear(title);
    await user.type(title, 'Alumnidagen flyttas');
    await user.click(screen.getByRole('button', { name: 'Spara' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/staff/network/news'));
    const put = requestsTo(sent, 'PUT', `/api/network/news/${NEWS}`)[0];
    expect(put.headers.get('If-Match')).toBe('"3"');
    expect(await put.json()).toMatchObject({ titleSv: 'Alumnidagen flyttas', titleEn: 'The alumni day 2030' });
    // The time shown unchanged keeps the stored one.
    expect(((await put.json()) as CreateNewsRequest).publishedAt).toBeUndefined();

    const changed = await screen.findByRole('article', { name: 'Alumnidagen flyttas' });
    await user.click(within(changed).getByRole('button', { name: 'Arkivera' }));
    expect(await screen.findByText('”Alumnidagen flyttas” arkiverades.')).toBeTruthy();
    expect(await screen.findByText('Det finns inga nyheter än.')).toBeTruthy();
  });
});
