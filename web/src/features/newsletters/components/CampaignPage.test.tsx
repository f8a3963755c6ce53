import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import type { NewsletterCampaignResponse } from '../../../api/generated';
import { demoFaculties, json, jsonWithETag, me, recordRequests, requestsTo, server, testId, type SentRequest } from '../../../test/http';
import { campaignFigures, newsletterCampaign, recipient, recipientPage, topic } from '../../../test/newsletters-staff';
import { renderApp } from '../../../test/render-app';

let sent: SentRequest[];
const LOADED = { timeout: 10_000 };

beforeEach(() => {
  sent = recordRequests();
  server.use(
    http.get('/api/newsletters/topics', () => json([topic({ id: testId(9001) })])),
    http.get('/api/faculties', () => json(demoFaculties())),
  );
});

/** The campaign on the server and its figures as they stand (a test moves them on by changing `store.figures`). */
function serve(initial: NewsletterCampaignResponse, figures: ReturnType<typeof campaignFigures>) {
  const store = { campaign: initial, figures };
  server.use(
    http.get(`/api/newsletters/campaigns/${initial.id}`, () => jsonWithETag(store.campaign)),
    http.get(`/api/newsletters/campaigns/${initial.id}/figures`, () => json({ ...store.figures, status: store.campaign.status })),
    http.get(`/api/newsletters/campaigns/${initial.id}/recipients`, () => json(recipientPage([recipient({ name: 'Astrid Ekström' })]))),
  );
  return store;
}

describe('CampaignPage', () => {
  it('shows a sending campaign’s progress as a bar and in words, read again while it sends, and says that nothing is tracked', async () => {
    const id = testId(700);
    const store = serve(
      newsletterCampaign({ id, status: 'sending', recipientCount: 100, startedAt: '2026-05-02T08:00:00Z' }),
      campaignFigures(id, { sent: 10, queued: 90 }),
    );
    renderApp({ me: me('admin'), path: `/staff/newsletters/campaigns/${id}` });
    await screen.findByRole('heading', { level: 1, name: /Vårbrevet 2026/ }, LOADED);
    expect(screen.getByText('Ingen spårning av öppningar eller klick: vi följer inte vad medlemmarna gör med våra utskick.')).toBeTruthy();

    await screen.findByText(/^10 av 100 hanterade/);
    expect((screen.getByRole('progressbar', { name: 'Förlopp' }) as HTMLProgressElement).value).toBe(10);
    // The sending goes on: the figures are read again while the campaign sends, and the page follows without any action.
    const before = requestsTo(sent, 'GET', `/api/newsletters/campaigns/${id}/figures`).length;
    store.figures = campaignFigures(id, { sent: 60, failed: 2, skipped: 3, queued: 35, bounces: 1, unsubscribes: 1 });
    await screen.findByText(/^65 av 100 hanterade/);
    expect(requestsTo(sent, 'GET', `/api/newsletters/campaigns/${id}/figures`).length).toBeGreaterThan(before);
    expect((screen.getByRole('progressbar', { name: 'Förlopp' }) as HTMLProgressElement).value).toBe(65);
    const figures = screen.getByRole('region', { name: 'Siffror' });
    const value = (label: string) => within(figures).getByText(label).previousElementSibling?.textContent;
    expect(value('Skickade')).toBe('60');
    expect(value('Misslyckade')).toBe('2');
    expect(value('Överhoppade')).toBe('3');
    expect(value('Studsar')).toBe('1');
    expect(value('Avregistreringar')).toBe('1');
    // The recipients, with their state.
    const recipients = await screen.findByRole('region', { name: 'Mottagare' });
    expect(within(recipients).getByRole('rowheader', { name: /Astrid Ekström/ })).toBeTruthy();
  });

  it('pauses a sending campaign, then offers to resume it', async () => {
    const id = testId(710);
    const store = serve(newsletterCampaign({ id, status: 'sending', recipientCount: 100 }), campaignFigures(id, { sent: 10, queued: 90 }));
    server.use(
      http.post(`/api/newsletters/campaigns/${id}/pause`, () => {
        store.campaign = { ...store.campaign, status: 'paused', version: store.campaign.version + 1 };
        return json(store.campaign);
      }),
    );
    renderApp({ me: me('admin'), path: `/staff/newsletters/campaigns/${id}` });
    await userEvent.click(await screen.findByRole('button', { name: 'Pausa' }, LOADED));
    await screen.findByText('Utskicket är pausat.');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Vårbrevet 2026 Pausad');
    expect(screen.getByRole('button', { name: 'Återuppta' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Pausa' })).toBeNull();
    expect(requestsTo(sent, 'POST', `/api/newsletters/campaigns/${id}/pause`)).toHaveLength(1);
  });

  it('cancels only after the confirmation, and a draft is sent only after confirming with the recipient count', async () => {
    const id = testId(720);
    const store = serve(newsletterCampaign({ id, status: 'draft' }), campaignFigures(id));
    server.use(
      http.get('/api/newsletters/audience', () => json({ count: 42 })),
      http.post(`/api/newsletters/campaigns/${id}/cancel`, () => {
        store.campaign = { ...store.campaign, status: 'cancelled', version: store.campaign.version + 1 };
        return json(store.campaign);
      }),
    );
    renderApp({ me: me('admin'), path: `/staff/newsletters/campaigns/${id}` });
    await screen.findByText('Skickad nu skulle den gå till 42 medlemmar.', undefined, LOADED);

    await userEvent.click(screen.getByRole('button', { name: 'Skicka nu' }));
    const confirmSend = await screen.findByRole('region', { name: 'Skicka ”Vårbrevet 2026” nu?' });
    expect(within(confirmSend).getByText('Den går till 42 medlemmar nu: mottagarna bestäms när utskicket börjar.')).toBeTruthy();
    await userEvent.click(within(confirmSend).getByRole('button', { name: 'Avbryt' }));
    expect(requestsTo(sent, 'POST', `/api/newsletters/campaigns/${id}/send`)).toHaveLength(0);

    await userEvent.click(screen.getByRole('button', { name: 'Avbryt kampanjen' }));
    const confirmCancel = await screen.findByRole('region', { name: 'Avbryta ”Vårbrevet 2026”?' });
    expect(requestsTo(sent, 'POST', `/api/newsletters/campaigns/${id}/cancel`)).toHaveLength(0);
    await userEvent.click(within(confirmCancel).getByRole('button', { name: 'Ja, avbryt den' }));
    await screen.findByText('Kampanjen är avbruten.');
    expect(requestsTo(sent, 'POST', `/api/newsletters/campaigns/${id}/cancel`)).toHaveLength(1);
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Vårbrevet 2026 Avbruten'));
  });

  it('explains the choice on uncertain recipients and resends them when asked', async () => {
    const id = testId(730);
    serve(newsletterCampaign({ id, status: 'paused', recipientCount: 100 }), campaignFigures(id, { status: 'paused', sent: 97, uncertain: 3 }));
    server.use(http.post(`/api/newsletters/campaigns/${id}/uncertain/resend`, () => json({ recipients: 3, status: 'paused' })));
    renderApp({ me: me('admin'), path: `/staff/newsletters/campaigns/${id}` });
    const region = await screen.findByRole('region', { name: '3 mottagare är osäkra' }, LOADED);
    expect(within(region).getByText('Skicka igen: alla får den, och några kan få den två gånger.')).toBeTruthy();
    expect(within(region).getByText('Skicka inte igen: ingen får den två gånger, och några kan missa den.')).toBeTruthy();
    await userEvent.click(within(region).getByRole('button', { name: 'Skicka igen' }));
    await screen.findByText('3 mottagare står i kö igen.');
    expect(requestsTo(sent, 'POST', `/api/newsletters/campaigns/${id}/uncertain/resend`)).toHaveLength(1);
    expect(requestsTo(sent, 'POST', `/api/newsletters/campaigns/${id}/uncertain/settle`)).toHaveLength(0);
  });
});
