import { screen, within } from '@testing-library/react';
import { http } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { demoFaculties, json, me, notFound, server } from '../../../test/http';
import { EVENT_ID, memberEvent, registration } from '../../../test/member-events';
import { renderApp } from '../../../test/render-app';

const ALUMNA = me('alumnus');
const PATH = `/events/${EVENT_ID}`;

function serve(event = memberEvent()) {
  server.use(http.get(`/api/me/events/${EVENT_ID}`, () => json(event)));
}

beforeEach(() => {
  server.use(http.get('/api/faculties', () => json(demoFaculties())));
});

async function facts() {
  return screen.findByRole('region', { name: 'När och var' }, { timeout: 10_000 });
}

describe('EventPage', () => {
  it('shows the event in my language: kind, title, summary, time, place with address, organiser, seats and guests', async () => {
    serve();
    renderApp({ me: ALUMNA, path: PATH });
    expect(await screen.findByRole('heading', { level: 1, name: 'Återträff för DSV-alumner' }, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getByText('Träffa gamla studiekamrater.')).toBeTruthy();
    const region = await facts();
    expect(region.textContent).toContain('tors 3 dec. 2026 18:00–20:30');
    expect(region.textContent).toContain('Aula Magna, Frescativägen 6, Stockholm, Sverige');
    expect(await within(region).findByText('Institutionen för data- och systemvetenskap')).toBeTruthy();
    expect(region.textContent).toContain('12 platser kvar');
    expect(region.textContent).toContain('Du får ta med 1 gäst.');
    expect(region.textContent).toContain('Anmälningarnas personuppgifter (svar, gästers namn, kommentarer) raderas fre 3 dec. 2027; antalen sparas.');
    expect(screen.getByRole('link', { name: 'Alla evenemang' }).getAttribute('href')).toBe('/events');
    expect(within(region).getByRole('link', { name: 'Lägg till i min kalender (.ics)' }).getAttribute('href')).toBe(
      `/api/me/events/${EVENT_ID}/calendar.ics?language=sv`,
    );
  });

  it('renders the description the API made into sanitised HTML, falling back to the other language', async () => {
    serve(memberEvent({ descriptionSvHtml: undefined }));
    renderApp({ me: ALUMNA, path: PATH });
    const about = await screen.findByRole('region', { name: 'Om evenemanget' }, { timeout: 10_000 });
    expect(within(about).getByText('everyone').tagName).toBe('STRONG');
    expect(about.querySelector('.event-description')?.getAttribute('lang')).toBe('en');
  });

  it('names the central office as organiser, and the co-hosts', async () => {
    serve(memberEvent({ organiserDepartmentCode: undefined, cohostDepartmentCodes: ['DSV', 'LAW'] }));
    renderApp({ me: ALUMNA, path: PATH });
    const region = await facts();
    expect(region.textContent).toContain('Centrala alumnverksamheten');
    expect(await within(region).findByText('Tillsammans med Institutionen för data- och systemvetenskap, Juridiska institutionen')).toBeTruthy();
  });

  it('keeps an online link hidden until I have a seat, and gives it then', async () => {
    serve(memberEvent({ online: true, venue: undefined, address: undefined, city: undefined, country: undefined }));
    const first = renderApp({ me: ALUMNA, path: PATH });
    let region = await facts();
    expect(region.textContent).toContain('Online Länken visas här när du har en plats.');
    expect(within(region).queryByRole('link', { name: /Delta online/ })).toBeNull();
    first.unmount();

    serve(memberEvent({ online: true, onlineUrl: 'https://meet.example.org/dsv', myRegistrationStatus: 'confirmed' }));
    server.use(http.get(`/api/me/events/${EVENT_ID}/registration`, () => json(registration())));
    renderApp({ me: ALUMNA, path: PATH });
    region = await facts();
    expect(within(region).getByRole('link', { name: /Delta online/ }).getAttribute('href')).toBe('https://meet.example.org/dsv');
    expect(screen.getByText(/Du är anmäld och har din plats\./)).toBeTruthy();
  });

  it('shows the registration window in the event’s zone', async () => {
    serve(memberEvent({ registrationOpensAt: '2026-11-01T08:00:00Z', registrationClosesAt: '2026-12-01T22:59:00Z' }));
    renderApp({ me: ALUMNA, path: PATH });
    const region = await facts();
    expect(region.textContent).toContain('Öppnar sön 1 nov. 2026 09:00');
    expect(region.textContent).toContain('Stänger tis 1 dec. 2026 23:59');
  });

  it('says so when the event is cancelled', async () => {
    serve(memberEvent({ status: 'cancelled' }));
    renderApp({ me: ALUMNA, path: PATH });
    expect(await screen.findByText('Evenemanget är inställt.', {}, { timeout: 10_000 })).toBeTruthy();
    expect((await facts()).textContent).not.toContain('platser kvar');
  });

  it('says "not found" for a draft or an event outside my audience', async () => {
    server.use(http.get(`/api/me/events/${EVENT_ID}`, () => notFound('No event has that id.')));
    renderApp({ me: ALUMNA, path: PATH });
    expect(await screen.findByRole('heading', { level: 1, name: 'Evenemanget finns inte' }, { timeout: 10_000 })).toBeTruthy();
  });
});
