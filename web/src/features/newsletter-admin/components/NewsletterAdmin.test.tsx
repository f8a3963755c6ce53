import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { demoFaculties, json, me, member, recordRequests, requestsTo, server, staffMember, validationProblem } from '../../../test/http';
import { bounce, bouncePage, delivery, WELCOME_STEP_ID, welcomeStep, welcomeSteps } from '../../../test/newsletter-admin';
import { renderApp } from '../../../test/render-app';

const ADMIN = me('admin');

describe('WelcomeStepsPage', () => {
  it('lists the steps with their delay, state and figures', async () => {
    server.use(http.get('/api/newsletters/welcome/steps', () => json(welcomeSteps())));
    renderApp({ me: ADMIN, path: '/admin/welcome-series' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Välkomstserien' })).toBeTruthy();
    const steps = await screen.findAllByRole('region');
    expect(steps.map((s) => within(s).getByRole('heading', { level: 2 }).textContent)).toEqual([
      'Steg 1: Välkommen På',
      'Steg 2: Fyll i din profil På',
      'Steg 3: Erbjud dig att hjälpa studenter Av',
    ]);
    expect(steps[1].textContent).toContain('7 dagar efter verifieringen');
    expect(steps[1].textContent).toContain('Profilen är ifylld');
    expect(steps[0].textContent).toContain('12 skickade, 3 överhoppade, 4 väntar, 0 misslyckade');
  });

  it('saves a step with If-Match and shows the server’s field errors', async () => {
    const sent = recordRequests();
    server.use(
      http.get('/api/newsletters/welcome/steps', () => json(welcomeSteps())),
      http.put(`/api/newsletters/welcome/steps/${WELCOME_STEP_ID}`, () =>
        validationProblem({ bodyEn: ['{{ member.nickname }} is not a field a mail can use.'] }),
      ),
    );
    const user = userEvent.setup();
    renderApp({ me: ADMIN, path: '/admin/welcome-series' });
    await user.click(await screen.findByRole('button', { name: 'Ändra: Välkommen' }));
    const delay = screen.getByRole('textbox', { name: 'Dagar efter verifieringen' });
    await user.clear(delay);
    await user.type(delay, '1');
    await user.click(screen.getByRole('button', { name: 'Spara steget' }));

    const summary = await screen.findByRole('alert');
    expect(summary.textContent).toContain('Steget kunde inte sparas');
    expect(screen.getByRole('textbox', { name: 'Text (engelska)' }).getAttribute('aria-invalid')).toBe('true');
    const [put] = requestsTo(sent, 'PUT', `/api/newsletters/welcome/steps/${WELCOME_STEP_ID}`);
    expect(put.headers.get('If-Match')).toBe('"1"');
    expect(await put.json()).toEqual({
      subjectSv: 'Välkommen, {{ member.first_name }}!',
      subjectEn: 'Welcome, {{ member.first_name }}!',
      bodySv: 'Hej {{ member.first_name }}!',
      bodyEn: 'Hi {{ member.first_name }}!',
      delayDays: 1,
      active: true,
    });
  });

  it('after a save, shows the step as saved and says so', async () => {
    server.use(
      http.get('/api/newsletters/welcome/steps', () => json(welcomeSteps())),
      http.put(`/api/newsletters/welcome/steps/${WELCOME_STEP_ID}`, () =>
        json(welcomeStep({ id: WELCOME_STEP_ID, stepKey: 'welcome', position: 1, active: false, version: 2 })),
      ),
    );
    const user = userEvent.setup();
    renderApp({ me: ADMIN, path: '/admin/welcome-series' });
    await user.click(await screen.findByRole('button', { name: 'Ändra: Välkommen' }));
    await user.click(screen.getByRole('switch', { name: 'Skicka det här steget' }));
    await user.click(screen.getByRole('button', { name: 'Spara steget' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Sparat: Välkommen.'));
    expect(screen.getAllByRole('region')[0].querySelector('h2')!.textContent).toBe('Steg 1: Välkommen Av');
  });

  it('refuses a subject without its body before asking the server', async () => {
    const sent = recordRequests();
    server.use(http.get('/api/newsletters/welcome/steps', () => json(welcomeSteps())));
    const user = userEvent.setup();
    renderApp({ me: ADMIN, path: '/admin/welcome-series' });
    await user.click(await screen.findByRole('button', { name: 'Ändra: Välkommen' }));
    await user.clear(screen.getByRole('textbox', { name: 'Text (svenska)' }));
    await user.click(screen.getByRole('button', { name: 'Spara steget' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Skriv texten också, eller lämna ämnesraden tom.');
    expect(requestsTo(sent, 'PUT', `/api/newsletters/welcome/steps/${WELCOME_STEP_ID}`)).toHaveLength(0);
  });
});

describe('BouncesPage', () => {
  it('lists bounces, records one by hand and lifts a stop after confirming', async () => {
    const sent = recordRequests();
    const stopped = bounce({ id: '0193d000-0000-7000-8000-000000000001', email: 'gone@example.org', reason: '550 5.1.1 user unknown' });
    server.use(
      http.get('/api/newsletters/bounces', () => json(bouncePage([stopped]))),
      http.post('/api/newsletters/bounces', () => json(bounce({ id: '0193d000-0000-7000-8000-000000000002', email: 'full@example.org', kind: 'soft', suppressed: false }), 201)),
      http.delete('/api/newsletters/suppressions/:email', () => new HttpResponse(null, { status: 204 })),
    );
    const user = userEvent.setup();
    renderApp({ me: ADMIN, path: '/admin/bounces' });
    const table = await screen.findByRole('table', { name: 'Registrerade studsar, nyaste först' });
    expect(within(table).getAllByRole('row')[1].textContent).toContain('550 5.1.1 user unknown');

    await user.type(screen.getByRole('textbox', { name: 'E-postadress' }), 'full@example.org');
    await user.click(screen.getByRole('radio', { name: 'Mjuk studs' }));
    await user.click(screen.getByRole('button', { name: 'Registrera studs' }));
    await waitFor(() => expect(requestsTo(sent, 'POST', '/api/newsletters/bounces')).toHaveLength(1));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Studsen för full@example.org är registrerad.'));
    expect(await requestsTo(sent, 'POST', '/api/newsletters/bounces')[0].json()).toEqual({ email: 'full@example.org', kind: 'soft' });

    await user.click(within(table).getByRole('button', { name: 'Häv stoppet: gone@example.org' }));
    await user.click(within(table).getByRole('button', { name: 'Ja, skicka till gone@example.org igen' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('E-post till gone@example.org skickas igen.'));
    expect(requestsTo(sent, 'DELETE', '/api/newsletters/suppressions/gone%40example.org')).toHaveLength(1);
  });
});

describe('the Mail delivery box on the staff member page', () => {
  it('says when mail to the member is stopped, why and since when', async () => {
    const ada = member({ email: 'ada@example.org', firstName: 'Ada', lastName: 'Lovelace' });
    server.use(
      http.get('/api/faculties', () => json(demoFaculties())),
      http.get(`/api/members/${ada.id}`, () => json(staffMember(ada))),
    );
    renderApp({
      me: ADMIN,
      path: `/staff/members/${ada.id}`,
      memberDelivery: delivery({
        stopped: true,
        reason: 'hardBounce',
        since: '2025-05-02T08:00:00Z',
        bounces: [bounce({ id: '0193d000-0000-7000-8000-000000000009', email: 'ada@example.org' })],
      }),
    });
    const box = await screen.findByRole('region', { name: 'E-postleverans' });
    await waitFor(() => expect(box.textContent).toContain('Nyhetsbrev till den här medlemmen är stoppade: adressen studsade hårt.'));
    expect(box.textContent).toContain('Sedan');
    expect(within(box).getByRole('link', { name: 'Se studsarna, eller häv stoppet' }).getAttribute('href')).toBe('/admin/bounces?email=ada%40example.org');
  });

  it('says mail is delivered when nothing stopped it', async () => {
    const bo = member({ email: 'bo@example.org', firstName: 'Bo', lastName: 'Berg' });
    server.use(
      http.get('/api/faculties', () => json(demoFaculties())),
      http.get(`/api/members/${bo.id}`, () => json(staffMember(bo))),
    );
    renderApp({ me: me('coordinator'), path: `/staff/members/${bo.id}` });
    const box = await screen.findByRole('region', { name: 'E-postleverans' });
    await waitFor(() => expect(box.textContent).toContain('Nyhetsbrev till den här medlemmen levereras.'));
  });
});
