import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import type { PreferencesResponse } from '../../../api/generated';
import { json, me, problem, recordRequests, requestsTo, server, validationProblem } from '../../../test/http';
import {
  CENTRAL_TOPIC_ID,
  DSV_TOPIC_ID,
  EVENTS_TOPIC_ID,
  PREFERENCE_TOKEN,
  preferences,
  unsubscribedFromAll,
} from '../../../test/newsletter-preferences';
import { renderApp } from '../../../test/render-app';

const PATH = `/preferences/${PREFERENCE_TOKEN}`;
const API = `/api/newsletters/preferences/${PREFERENCE_TOKEN}`;

function answer(body: PreferencesResponse) {
  server.use(http.get(API, () => json(body)));
}

describe('PreferencesPage', () => {
  it('shows the topics with their descriptions and the language, and changes nothing until Save', async () => {
    const sent = recordRequests();
    answer(preferences());
    renderApp({ me: null, path: PATH });

    expect(await screen.findByRole('heading', { level: 1, name: 'Din e-post från alumninätverket' })).toBeTruthy();
    expect(screen.getByText(/Hej Ada!/)).toBeTruthy();
    const topics = screen.getByRole('group', { name: 'Det här skickar vi till dig' });
    const switches = within(topics).getAllByRole('switch');
    expect(switches.map((s) => [s.getAttribute('id'), (s as HTMLInputElement).checked])).toEqual([
      [`preferences-topics-${CENTRAL_TOPIC_ID}`, true],
      [`preferences-topics-${EVENTS_TOPIC_ID}`, false],
      [`preferences-topics-${DSV_TOPIC_ID}`, true],
    ]);
    const central = within(topics).getByRole('switch', { name: 'Alumninyhetsbrevet' });
    expect(central.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.getElementById(central.getAttribute('aria-describedby')!)!.textContent).toBe('Nyheter från universitetet, fyra gånger om året.');
    expect((screen.getByRole('radio', { name: 'Svenska' }) as HTMLInputElement).checked).toBe(true);

    // Opening the page only read it.
    expect(sent.filter((r) => r.path.startsWith('/api/newsletters')).map((r) => r.method)).toEqual(['GET']);
  });

  it('saves the changed topics and the language only when Save is pressed, and shows what was saved', async () => {
    const sent = recordRequests();
    answer(preferences());
    const saved = preferences({
      language: 'en',
      topics: preferences().topics.map((topic) => (topic.id === CENTRAL_TOPIC_ID ? { ...topic, subscribed: false } : topic)),
    });
    server.use(http.put(API, () => json(saved)));
    const user = userEvent.setup();
    renderApp({ me: null, path: PATH });

    await user.click(await screen.findByRole('switch', { name: 'Alumninyhetsbrevet' }));
    await user.click(screen.getByRole('radio', { name: 'English' }));
    expect(requestsTo(sent, 'PUT', API)).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Spara mina val' }));
    expect((await screen.findByRole('status')).textContent).toBe('Dina val är sparade.');
    const [put] = requestsTo(sent, 'PUT', API);
    expect(await put.json()).toEqual({ topics: [{ id: CENTRAL_TOPIC_ID, subscribed: false }], language: 'en' });
    expect((screen.getByRole('switch', { name: 'Alumninyhetsbrevet' }) as HTMLInputElement).checked).toBe(false);
    expect((screen.getByRole('radio', { name: 'English' }) as HTMLInputElement).checked).toBe(true);
  });

  it('says there is nothing to save when nothing changed, and sends nothing', async () => {
    const sent = recordRequests();
    answer(preferences());
    const user = userEvent.setup();
    renderApp({ me: null, path: PATH });
    await user.click(await screen.findByRole('button', { name: 'Spara mina val' }));
    expect((await screen.findByRole('status')).textContent).toBe('Inget att spara: du har inte ändrat något.');
    expect(requestsTo(sent, 'PUT', API)).toHaveLength(0);
  });

  it('unsubscribes from everything after a clear confirmation, and says so', async () => {
    const sent = recordRequests();
    answer(preferences());
    server.use(http.put(API, () => json(unsubscribedFromAll())));
    const user = userEvent.setup();
    renderApp({ me: null, path: PATH });

    await user.click(await screen.findByRole('button', { name: 'Avregistrera mig från allt' }));
    const confirm = screen.getByRole('region', { name: 'Avregistrera dig från allt?' });
    expect(confirm.textContent).toContain('Ditt medlemskap finns kvar');
    expect(document.activeElement).toBe(within(confirm).getByRole('heading', { level: 3 }));
    expect(requestsTo(sent, 'PUT', API)).toHaveLength(0);

    await user.click(within(confirm).getByRole('button', { name: 'Ja, avregistrera mig från allt' }));
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe(
        'Du är avregistrerad från allt: vi skickar inga fler nyhetsbrev, institutionsutskick eller inbjudningar till evenemang.',
      ),
    );
    expect(await requestsTo(sent, 'PUT', API)[0].json()).toEqual({ topics: [], unsubscribeAll: true });
    expect(screen.getAllByRole('switch').map((s) => (s as HTMLInputElement).checked)).toEqual([false, false, false]);
    expect((screen.getByRole('button', { name: 'Avregistrera mig från allt' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('puts the server’s field errors on the form', async () => {
    answer(preferences());
    server.use(http.put(API, () => validationProblem({ 'topics[0].id': ['Det ämnet finns inte för dig.'] })));
    const user = userEvent.setup();
    renderApp({ me: null, path: PATH });
    await user.click(await screen.findByRole('switch', { name: 'Utskick från DSV' }));
    await user.click(screen.getByRole('button', { name: 'Spara mina val' }));
    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain('Dina val kunde inte sparas');
    expect(within(summary).getByRole('link').textContent).toContain('Det här skickar vi till dig');
    expect(screen.getByRole('group', { name: 'Det här skickar vi till dig' }).textContent).toContain('Det ämnet finns inte för dig.');
  });

  it('says kindly that an expired link no longer works, and offers signing in to the profile', async () => {
    server.use(http.get(API, () => problem(410, 'urn:alumni:problem:http', 'Gone', { detail: 'Länken har gått ut.' })));
    renderApp({ me: null, path: PATH });
    expect(await screen.findByRole('heading', { level: 1, name: 'Den här länken fungerar inte' })).toBeTruthy();
    expect(screen.getByText(/Länken har gått ut: länkar i vår e-post/)).toBeTruthy();
    expect(screen.getByText(/Ingenting har ändrats/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Logga in för att ändra dina val' }).getAttribute('href')).toBe('/sign-in?returnTo=%2Fme%2Fprofile');
    expect(screen.queryByRole('switch')).toBeNull();
  });

  it('says a forged link is not one of ours, and sends a signed-in member straight to the profile', async () => {
    server.use(http.get(API, () => problem(404, 'urn:alumni:problem:not-found', 'Not Found', { detail: 'Länken gäller inte.' })));
    renderApp({ me: me('alumnus'), path: PATH });
    expect(await screen.findByRole('heading', { level: 1, name: 'Den här länken fungerar inte' })).toBeTruthy();
    expect(screen.getByText(/inte hel eller inte vår/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Ändra dina val i din profil' }).getAttribute('href')).toBe('/me/profile');
  });

  it('shows topics and texts in English, falling back to Swedish where a topic has no English description', async () => {
    window.localStorage.setItem('alumni.language', 'en');
    answer(preferences());
    renderApp({ me: null, path: PATH });
    const dsv = await screen.findByRole('switch', { name: 'Mailings from DSV' });
    expect(document.getElementById(dsv.getAttribute('aria-describedby')!)!.textContent).toBe('Institutionens egna utskick.');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Your mail from the alumni network');
  });
});
