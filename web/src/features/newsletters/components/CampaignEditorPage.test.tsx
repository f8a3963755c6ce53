import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import type { NewsletterCampaignResponse } from '../../../api/generated';
import { staffEventPage, staffEventSummary } from '../../../test/events-staff';
import { demoFaculties, json, jsonWithETag, me, recordRequests, requestsTo, server, testId, validationProblem, type SentRequest } from '../../../test/http';
import { newsletterCampaign, topic } from '../../../test/newsletters-staff';
import { renderApp } from '../../../test/render-app';

let sent: SentRequest[];
const LOADED = { timeout: 10_000 };
const TOPIC = testId(9001);

beforeEach(() => {
  sent = recordRequests();
  server.use(
    http.get('/api/faculties', () => json(demoFaculties())),
    http.get('/api/newsletters/topics', () => json([topic({ id: TOPIC })])),
    http.get('/api/newsletters/segments', () => json({ items: [], page: 1, pageSize: 200, total: 0, totalExact: true })),
    http.get('/api/events', () => json(staffEventPage([staffEventSummary({ id: testId(9100), titleSv: 'Återträff för DSV', status: 'published' })]))),
    http.get('/api/newsletters/audience', () => json({ count: 120 })),
  );
});

const body = (name: string) => screen.getByRole('textbox', { name }) as HTMLTextAreaElement;

describe('CampaignEditorPage', () => {
  it('shows the server’s refusal of an unknown personal field on the body that holds it', async () => {
    server.use(
      http.post('/api/newsletters/campaigns', () =>
        validationProblem({ bodySv: ['Det personliga fältet member.nickname finns inte. Tillåtna: member.first_name, member.last_name.'] }),
      ),
    );
    renderApp({ me: me('admin'), path: '/staff/newsletters/campaigns/new' });
    await screen.findByRole('heading', { level: 1, name: 'Ny kampanj' }, LOADED);
    await userEvent.type(screen.getByRole('textbox', { name: 'Namn (syns bara för personalen)' }), 'Vårbrevet');
    const topicSelect = screen.getByRole('combobox', { name: /^Ämne/ });
    await screen.findByRole('option', { name: 'Alumninyhetsbrevet' });
    await userEvent.selectOptions(topicSelect, TOPIC);
    // The live audience of the topic.
    await screen.findByText('Den når 120 medlemmar just nu.');
    await userEvent.type(screen.getByRole('textbox', { name: 'Ämnesrad (svenska)' }), 'Hej');
    await userEvent.type(body('Brödtext (svenska)'), 'Hej {{{{ member.nickname }}');
    await userEvent.click(screen.getByRole('button', { name: 'Spara utkast' }));

    const textarea = body('Brödtext (svenska)');
    await waitFor(() => expect(textarea.getAttribute('aria-invalid')).toBe('true'));
    const describedBy = textarea.getAttribute('aria-describedby')!.split(' ');
    const error = describedBy.map((id) => document.getElementById(id)!).find((node) => node.classList.contains('field__error'));
    expect(error?.textContent).toBe('Det personliga fältet member.nickname finns inte. Tillåtna: member.first_name, member.last_name.');
    const summary = screen.getByRole('alert');
    expect(within(summary).getByRole('link', { name: /Brödtext \(svenska\)/ })).toBeTruthy();

    const [request] = requestsTo(sent, 'POST', '/api/newsletters/campaigns');
    expect(await request.json()).toMatchObject({ name: 'Vårbrevet', topicId: TOPIC, subjectSv: 'Hej', bodySv: 'Hej {{ member.nickname }}' });
  });

  it('formats the body with the toolbar and inserts a personal field where the cursor is', async () => {
    renderApp({ me: me('admin'), path: '/staff/newsletters/campaigns/new' });
    await screen.findByRole('heading', { level: 1, name: 'Ny kampanj' }, LOADED);
    const textarea = body('Brödtext (engelska)');
    await userEvent.type(textarea, 'Hello ');
    const toolbar = screen.getByRole('toolbar', { name: 'Formatering av Brödtext (engelska)' });
    await userEvent.click(within(toolbar).getByRole('button', { name: 'Fetstil' }));
    await waitFor(() => expect(textarea.value).toBe('Hello ****'));

    textarea.setSelectionRange(6, 6);
    const fields = screen.getByRole('group', { name: 'Personliga fält för Brödtext (engelska)' });
    await userEvent.click(within(fields).getByRole('button', { name: 'Infoga member.first_name' }));
    await waitFor(() => expect(textarea.value).toBe('Hello {{ member.first_name }}****'));
    // An invitation offers the event's fields too.
    expect(within(fields).queryByRole('button', { name: 'Infoga event.title' })).toBeNull();
    await screen.findByRole('option', { name: 'Återträff för DSV' });
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Evenemang (för en inbjudan)' }), testId(9100));
    expect(within(fields).getByRole('button', { name: 'Infoga event.title' })).toBeTruthy();
  });

  it('changes a draft from its version (If-Match), previews it as the server renders it and sends a test', async () => {
    const id = testId(600);
    const store = { campaign: newsletterCampaign({ id, topicId: TOPIC, version: 3 }) as NewsletterCampaignResponse };
    server.use(
      http.get(`/api/newsletters/campaigns/${id}`, () => jsonWithETag(store.campaign)),
      http.put(`/api/newsletters/campaigns/${id}`, async ({ request }) => {
        store.campaign = { ...store.campaign, ...((await request.json()) as object), version: 4 };
        return jsonWithETag(store.campaign);
      }),
      http.post(`/api/newsletters/campaigns/${id}/preview`, () =>
        json({ subject: 'Nytt från alumninätverket', html: '<p>Hej <strong>Astrid</strong>!</p>', text: 'Hej Astrid!' }),
      ),
      http.post(`/api/newsletters/campaigns/${id}/test`, () => json({ sent: 2 })),
    );
    renderApp({ me: me('admin'), path: `/staff/newsletters/campaigns/${id}/edit` });
    await screen.findByRole('heading', { level: 1, name: 'Ändra kampanj' }, LOADED);
    const subject = await screen.findByRole('textbox', { name: 'Ämnesrad (svenska)' });
    await waitFor(() => expect((subject as HTMLInputElement).value).toBe('Nytt från alumninätverket'));
    await userEvent.type(subject, '!');
    await userEvent.click(screen.getByRole('button', { name: 'Spara ändringar' }));
    await screen.findByText('Ändringarna är sparade.');
    const [put] = requestsTo(sent, 'PUT', `/api/newsletters/campaigns/${id}`);
    expect(put.headers.get('If-Match')).toBe('"3"');
    expect(await put.json()).toMatchObject({ subjectSv: 'Nytt från alumninätverket!', topicId: TOPIC });

    const preview = screen.getByRole('region', { name: 'Förhandsgranskning' });
    await userEvent.click(within(preview).getByRole('button', { name: 'Visa förhandsgranskning' }));
    const frame = (await within(preview).findByTitle('Utskicket som medlemmarna ser det')) as HTMLIFrameElement;
    // The server's HTML in a sandboxed frame (no scripts, not of this origin), and the plain text beside it.
    expect(frame.getAttribute('sandbox')).toBe('');
    expect(frame.getAttribute('srcdoc')).toBe('<p>Hej <strong>Astrid</strong>!</p>');
    expect(within(preview).getByText('Hej Astrid!')).toBeTruthy();
    expect(await requestsTo(sent, 'POST', `/api/newsletters/campaigns/${id}/preview`)[0].json()).toEqual({ language: 'sv' });

    const test = screen.getByRole('region', { name: 'Skicka ett test' });
    await userEvent.type(within(test).getByRole('textbox', { name: 'Adresser' }), 'a@example.org, b@example.org');
    await userEvent.click(within(test).getByRole('button', { name: 'Skicka test' }));
    await screen.findByText('Testet skickades till a@example.org, b@example.org.');
    expect(await requestsTo(sent, 'POST', `/api/newsletters/campaigns/${id}/test`)[0].json()).toEqual({ addresses: ['a@example.org', 'b@example.org'] });
  });
});
