import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CreateEventRequest, EventResponse } from '../../../api/generated';
import {
  demoFaculties,
  json,
  jsonWithETag,
  me,
  preconditionFailed,
  recordRequests,
  requestsTo,
  server,
  testId,
  validationProblem,
  type SentRequest,
} from '../../../test/http';
import { occasion, occasionPage, publicEvent, staffEvent } from '../../../test/events-staff';
import { renderApp } from '../../../test/render-app';

let sent: SentRequest[];
/** A page loaded on demand (the router's lazy routes) may take a while on a busy machine. */
const LOADED = { timeout: 10_000 };

const BOGOTA = occasion({ id: testId(700) });

beforeEach(() => {
  sent = recordRequests();
  server.use(
    http.get('/api/faculties', () => json(demoFaculties())),
    http.get('/api/occasions', () => json(occasionPage([BOGOTA]))),
  );
});

type User = ReturnType<typeof userEvent.setup>;

/** The form's part about one thing (its panel, named by its heading). */
const part = (name: string) => screen.getByRole('region', { name });

async function fillRequired(user: User) {
  await user.type(screen.getByRole('textbox', { name: 'Titel (svenska)' }), 'Vårträff');
  await user.selectOptions(screen.getByRole('combobox', { name: 'Typ' }), 'networking');
  await user.type(screen.getByLabelText('Börjar'), '2030-03-10T18:00');
  await user.type(screen.getByLabelText('Slutar'), '2030-03-10T21:00');
  await user.type(screen.getByRole('textbox', { name: 'Ort' }), 'Stockholm');
  await user.selectOptions(screen.getByRole('combobox', { name: 'Land' }), 'SE');
}

describe('NewEventPage', () => {
  it('creates a coordinator’s event of their department, times read in the event’s zone, and opens it', async () => {
    let created: EventResponse | undefined;
    server.use(
      http.post('/api/events', async ({ request }) => {
        const body = (await request.json()) as CreateEventRequest;
        created = staffEvent({ ...body, id: testId(900), titleSv: body.titleSv, cohostDepartmentCodes: body.cohostDepartmentCodes ?? [] } as Partial<EventResponse>);
        return jsonWithETag(created, 201);
      }),
      http.get('/api/events/:id', () => (created ? jsonWithETag(created) : json({}, 404))),
    );
    const user = userEvent.setup();
    const { router } = renderApp({ me: me('coordinator'), path: '/staff/events/new' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Nytt evenemang' }, LOADED)).toBeTruthy();
    // Both languages, side by side: a Swedish and an English group of fields.
    const texts = part('Titel och beskrivning');
    expect(within(texts).getAllByRole('group').map((group) => group.querySelector('legend')?.textContent)).toEqual(['Svenska', 'Engelska']);
    await fillRequired(user);
    await user.type(screen.getByRole('textbox', { name: 'Titel (engelska)' }), 'Spring meet-up');
    await user.type(screen.getByRole('textbox', { name: 'Beskrivning (engelska)' }), 'Meet **old friends**.');
    // The preview shows the Markdown as written until the server has made it HTML.
    const preview = screen.getByRole('region', { name: 'Förhandsvisning av beskrivningen (engelska)' });
    expect(within(preview).getByText('Meet **old friends**.')).toBeTruthy();
    expect(preview.querySelector('strong')).toBeNull();
    await user.clear(screen.getByRole('textbox', { name: 'Gäster per anmälan' }));
    await user.type(screen.getByRole('textbox', { name: 'Gäster per anmälan' }), '2');
    await user.type(screen.getByRole('textbox', { name: 'Antal platser' }), '60');
    // The organiser is the coordinator's own department; co-hosts are offered without it.
    const organiser = screen.getByRole('combobox', { name: 'Arrangör' }) as HTMLSelectElement;
    await waitFor(() => expect(organiser.value).toBe('DSV'));
    expect(within(organiser).queryByRole('option', { name: 'Centrala alumnkontoret' })).toBeNull();
    const cohosts = screen.getByRole('group', { name: 'Medarrangerande institutioner' });
    expect(within(cohosts).queryByRole('checkbox', { name: /\(DSV\)$/ })).toBeNull();
    await user.click(within(cohosts).getByRole('checkbox', { name: 'Engelska institutionen (ENG)' }));
    await user.click(screen.getByRole('button', { name: 'Skapa evenemanget' }));

    await waitFor(() => expect(router.state.location.pathname).toBe(`/staff/events/${testId(900)}`));
    expect(await screen.findByText('Evenemanget har skapats som utkast.', {}, LOADED)).toBeTruthy();
    expect(await requestsTo(sent, 'POST', '/api/events')[0].json()).toEqual({
      kind: 'networking',
      organiserDepartmentCode: 'DSV',
      cohostDepartmentCodes: ['ENG'],
      titleSv: 'Vårträff',
      titleEn: 'Spring meet-up',
      descriptionEn: 'Meet **old friends**.',
      // 18:00 in Stockholm in March is 17:00 UTC.
      startsAt: '2030-03-10T17:00:00.000Z',
      endsAt: '2030-03-10T20:00:00.000Z',
      timeZone: 'Europe/Stockholm',
      city: 'Stockholm',
      country: 'SE',
      audience: 'all',
      audienceDepartmentCodes: [],
      capacity: 60,
      guestsAllowed: 2,
      questions: [],
    });
  });

  it('checks the API’s rules before sending and links each message to its field', async () => {
    const user = userEvent.setup();
    renderApp({ me: me('coordinator'), path: '/staff/events/new' });
    await screen.findByRole('heading', { level: 1, name: 'Nytt evenemang' }, LOADED);
    await user.type(screen.getByLabelText('Börjar'), '2030-03-10T18:00');
    await user.type(screen.getByLabelText('Slutar'), '2030-03-10T17:00');
    await user.click(within(part('Plats')).getByRole('checkbox', { name: 'Digitalt' }));
    await user.type(screen.getByRole('textbox', { name: 'Länk till det digitala evenemanget' }), 'http://example.org/live');
    await user.type(screen.getByRole('textbox', { name: 'Antal platser' }), '0');
    await user.click(screen.getByRole('button', { name: 'Skapa evenemanget' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getAllByRole('link').map((link) => link.textContent)).toEqual([
      'Titel (svenska): Ange en titel på svenska eller engelska.',
      'Typ: Välj en typ.',
      'Slutar: Slutet måste vara efter starten.',
      'Ort: Ange orten.',
      'Land: Välj landet.',
      'Länk till det digitala evenemanget: Ange en adress som börjar med https://.',
      'Antal platser: Ange ett helt antal platser från 1, eller lämna tomt.',
    ]);
    await waitFor(() => expect(document.activeElement).toBe(summary));
    await user.click(within(summary).getByRole('link', { name: /^Ort:/ }));
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Ort' }));
    expect(requestsTo(sent, 'POST', '/api/events')).toHaveLength(0);
  });

  it('asks questions: adds, words, reorders and removes them; a choice needs two choices', async () => {
    server.use(http.post('/api/events', () => validationProblem({ 'questions[0].labelEn': ['Use at most 300 characters.'] })));
    const user = userEvent.setup();
    renderApp({ me: me('admin'), path: '/staff/events/new' });
    await screen.findByRole('heading', { level: 1, name: 'Nytt evenemang' }, LOADED);
    await fillRequired(user);
    const questions = part('Frågor till de anmälda');
    expect(within(questions).getByText('Inga frågor.')).toBeTruthy();
    await user.click(within(questions).getByRole('button', { name: 'Lägg till fråga' }));
    await waitFor(() => expect(document.activeElement).toBe(within(questions).getByRole('textbox', { name: 'Fråga (svenska)' })));
    await user.type(document.activeElement!, 'Kost');
    await user.click(within(questions).getByRole('checkbox', { name: 'Svar krävs' }));
    await user.click(within(questions).getByRole('button', { name: 'Lägg till fråga' }));
    const second = within(questions).getByRole('group', { name: 'Fråga 2' });
    await user.selectOptions(within(second).getByRole('combobox', { name: 'Svar' }), 'choice');
    await user.type(within(second).getByRole('textbox', { name: 'Fråga (engelska)' }), 'Which session?');
    await user.click(within(second).getByRole('button', { name: 'Lägg till alternativ' }));
    await user.type(within(second).getByRole('textbox', { name: 'Alternativ 1 (engelska)' }), 'Morning');
    await user.click(screen.getByRole('button', { name: 'Skapa evenemanget' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getAllByRole('link').map((link) => link.textContent)).toEqual(['Fråga 2: Alternativ: Ange minst två alternativ.']);
    expect(requestsTo(sent, 'POST', '/api/events')).toHaveLength(0);

    await user.click(within(second).getByRole('button', { name: 'Lägg till alternativ' }));
    await user.type(within(second).getByRole('textbox', { name: 'Alternativ 2 (svenska)' }), 'Kväll');
    // The choice question first: its "move up" button moves it, and says so.
    await user.click(within(second).getByRole('button', { name: 'Flytta upp fråga 2' }));
    expect(await screen.findByText('Frågan flyttades till plats 1.')).toBeTruthy();
    expect(within(questions).getByRole('group', { name: 'Fråga 1' }).querySelector('select')?.value).toBe('choice');
    await user.click(screen.getByRole('button', { name: 'Skapa evenemanget' }));

    // The server's message about the first question's English wording lands on that field.
    const wording = await within(questions).findByRole('textbox', { name: 'Fråga (engelska)', description: 'Use at most 300 characters.' });
    expect(wording.getAttribute('aria-invalid')).toBe('true');
    const body = (await requestsTo(sent, 'POST', '/api/events')[0].json()) as CreateEventRequest;
    expect(body.organiserDepartmentCode).toBeUndefined();
    expect(body.questions).toEqual([
      { kind: 'choice', labelEn: 'Which session?', choices: [{ en: 'Morning' }, { sv: 'Kväll' }], required: false },
      { kind: 'text', labelSv: 'Kost', choices: [], required: true },
    ]);

    await user.click(within(questions).getByRole('button', { name: 'Ta bort fråga 1' }));
    expect(within(questions).queryByRole('group', { name: 'Fråga 2' })).toBeNull();
    expect(within(questions).getByRole('textbox', { name: 'Fråga (svenska)' })).toHaveProperty('value', 'Kost');
  });
});

describe('EditEventPage', () => {
  it('saves a change with If-Match and opens the event', async () => {
    const event = staffEvent({ id: testId(910), version: 3, descriptionSv: 'Välkommen!', questions: [] });
    server.use(
      http.get(`/api/events/${event.id}`, () => jsonWithETag(event)),
      http.put(`/api/events/${event.id}`, async ({ request }) => jsonWithETag({ ...event, ...((await request.json()) as object), version: 4 })),
    );
    const user = userEvent.setup();
    const { router } = renderApp({ me: me('coordinator'), path: `/staff/events/${event.id}/edit` });
    const title = await screen.findByRole('textbox', { name: 'Titel (svenska)' }, LOADED);
    expect(title).toHaveProperty('value', 'Återträff för DSV');
    // The saved time, in the event's zone.
    expect(screen.getByLabelText('Börjar')).toHaveProperty('value', '2030-05-14T18:00');
    await user.clear(title);
    await user.type(title, 'Återträff 2030');
    await user.click(screen.getByRole('button', { name: 'Spara ändringarna' }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/staff/events/${event.id}`));
    expect(await screen.findByText('Ändringarna har sparats.', {}, LOADED)).toBeTruthy();
    const put = requestsTo(sent, 'PUT', `/api/events/${event.id}`)[0];
    expect(put.headers.get('If-Match')).toBe('"3"');
    expect(await put.json()).toMatchObject({ titleSv: 'Återträff 2030', startsAt: '2030-05-14T16:00:00.000Z', descriptionSv: 'Välkommen!' });
  });

  it('previews a published description with the server’s HTML until it is changed, then as written', async () => {
    const event = staffEvent({ id: testId(940), status: 'published', descriptionEn: 'Meet **old friends**.' });
    server.use(
      http.get(`/api/events/${event.id}`, () => jsonWithETag(event)),
      http.get(`/api/public/events/${event.id}`, () => json(publicEvent(event, { descriptionEnHtml: '<p>Meet <strong>old friends</strong>.</p>' }))),
    );
    const user = userEvent.setup();
    renderApp({ me: me('coordinator'), path: `/staff/events/${event.id}/edit` });
    const preview = await screen.findByRole('region', { name: 'Förhandsvisning av beskrivningen (engelska)' }, LOADED);
    expect(await within(preview).findByText('old friends', { selector: 'strong' })).toBeTruthy();
    expect(within(preview).getByText('Så som den sparade beskrivningen visas för medlemmarna.')).toBeTruthy();
    await user.type(screen.getByRole('textbox', { name: 'Beskrivning (engelska)' }), ' <img src=x onerror=alert(1)>');
    // Changed: the text as typed, never made into HTML in the browser.
    expect(within(preview).getByText('Meet **old friends**. <img src=x onerror=alert(1)>')).toBeTruthy();
    expect(preview.querySelector('img, strong')).toBeNull();
  });

  it('tells that someone else changed the event (412) and shows their version to change again', async () => {
    let current = staffEvent({ id: testId(920), version: 3 });
    server.use(
      http.get(`/api/events/${current.id}`, () => jsonWithETag(current)),
      http.put(`/api/events/${current.id}`, () => {
        current = { ...current, titleSv: 'Ändrad av någon annan', version: 4 };
        return preconditionFailed();
      }),
    );
    const user = userEvent.setup();
    renderApp({ me: me('coordinator'), path: `/staff/events/${current.id}/edit` });
    const title = await screen.findByRole('textbox', { name: 'Titel (svenska)' }, LOADED);
    await user.clear(title);
    await user.type(title, 'Min ändring');
    await user.click(screen.getByRole('button', { name: 'Spara ändringarna' }));
    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain('Ändringarna kunde inte sparas');
    expect(summary.textContent).toContain('Uppgifterna har ändrats av någon annan under tiden.');
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Titel (svenska)' })).toHaveProperty('value', 'Ändrad av någon annan'));
  });

  it('puts the server’s refusal of fewer seats than are taken (409) on the seats', async () => {
    const event = staffEvent({ id: testId(950), status: 'published', seatsTaken: 12 });
    server.use(
      http.get(`/api/events/${event.id}`, () => jsonWithETag(event)),
      http.get(`/api/public/events/${event.id}`, () => json(publicEvent(event))),
      http.put(`/api/events/${event.id}`, () =>
        json(
          {
            type: 'urn:alumni:problem:conflict',
            title: 'Conflict',
            status: 409,
            detail: '12 seats are taken: the event cannot have fewer.',
            errors: { capacity: ['12 seats are taken: the event cannot have fewer.'] },
          },
          409,
        ),
      ),
    );
    const user = userEvent.setup();
    renderApp({ me: me('coordinator'), path: `/staff/events/${event.id}/edit` });
    const seats = await screen.findByRole('textbox', { name: 'Antal platser' }, LOADED);
    await user.clear(seats);
    await user.type(seats, '10');
    await user.click(screen.getByRole('button', { name: 'Spara ändringarna' }));
    await waitFor(() => expect(seats.getAttribute('aria-invalid')).toBe('true'));
    expect(within(await screen.findByRole('alert')).getByRole('link').textContent).toBe(
      'Antal platser: 12 seats are taken: the event cannot have fewer.',
    );
  });

  it('does not offer the form to a co-host’s coordinator', async () => {
    const event = staffEvent({ id: testId(930), organiserDepartmentCode: 'ENG', cohostDepartmentCodes: ['DSV'], canEdit: false });
    server.use(http.get(`/api/events/${event.id}`, () => jsonWithETag(event)));
    renderApp({ me: me('coordinator'), path: `/staff/events/${event.id}/edit` });
    expect(await screen.findByText('Bara arrangörens personal och administratörer ändrar evenemanget; din institution är medarrangör.', {}, LOADED)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Spara ändringarna' })).toBeNull();
  });
});
