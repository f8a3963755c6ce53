import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { demoFaculties, json, me, recordRequests, requestsTo, server, testId, type SentRequest } from '../../../test/http';
import { campaignPage, campaignSummary, topic } from '../../../test/newsletters-staff';
import { renderApp } from '../../../test/render-app';

let sent: SentRequest[];
const LOADED = { timeout: 10_000 };

beforeEach(() => {
  sent = recordRequests();
  server.use(
    http.get('/api/faculties', () => json(demoFaculties())),
    http.get('/api/newsletters/topics', () => json([topic({ id: testId(9001) })])),
    http.get('/api/newsletters/campaigns', ({ request }) =>
      json(
        new URL(request.url).searchParams.get('status') === 'sent'
          ? campaignPage([campaignSummary({ id: testId(801), name: 'Julbrevet', status: 'sent', recipientCount: 340, finishedAt: '2025-12-10T09:00:00Z' })])
          : campaignPage([campaignSummary({ id: testId(800), name: 'Vårbrevet 2026' }), campaignSummary({ id: testId(801), name: 'Julbrevet', status: 'sent', recipientCount: 340 })]),
      ),
    ),
  );
});

describe('CampaignsPage', () => {
  it('lists the campaigns with their topic and status, filters them by status, and leads to new campaigns and the tools', async () => {
    renderApp({ me: me('admin'), path: '/staff/newsletters' });
    await screen.findByRole('heading', { level: 1, name: 'Nyhetsbrev' }, LOADED);
    const table = await screen.findByRole('table', { name: '2 kampanjer' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(within(rows[0]).getByRole('link', { name: 'Vårbrevet 2026' }).getAttribute('href')).toBe(`/staff/newsletters/campaigns/${testId(800)}`);
    expect(rows[0].textContent).toContain('Alumninyhetsbrevet');
    expect(rows[1].textContent).toContain('Skickad');
    expect(screen.getByRole('link', { name: 'Ny kampanj' }).getAttribute('href')).toBe('/staff/newsletters/campaigns/new');
    expect(screen.getByRole('link', { name: 'Från ett färdigt utskick' }).getAttribute('href')).toBe('/staff/newsletters/messages');
    const tools = screen.getByRole('navigation', { name: 'Verktyg för nyhetsbrev' });
    expect(within(tools).getAllByRole('link').map((link) => link.textContent)).toEqual(['Segment', 'Färdiga utskick', 'Siffror per ämne', 'Ämnen', 'Layouter']);

    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'sent');
    await userEvent.click(screen.getByRole('button', { name: 'Visa' }));
    await screen.findByRole('table', { name: '1 kampanj' });
    expect(requestsTo(sent, 'GET', '/api/newsletters/campaigns').at(-1)!.query).toMatchObject({ status: 'sent' });
  });

  it('offers a coordinator neither the sender filter nor the admins’ tools', async () => {
    renderApp({ me: me('coordinator'), path: '/staff/newsletters' });
    await screen.findByRole('table', { name: '2 kampanjer' }, LOADED);
    expect(screen.queryByRole('combobox', { name: 'Avsändare' })).toBeNull();
    const tools = screen.getByRole('navigation', { name: 'Verktyg för nyhetsbrev' });
    expect(within(tools).getAllByRole('link').map((link) => link.textContent)).toEqual(['Segment', 'Färdiga utskick', 'Siffror per ämne']);
  });
});
