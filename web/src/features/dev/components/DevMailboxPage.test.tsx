import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { json, me, recordRequests, requestsTo, server, signInMail } from '../../../test/http';
import { renderApp } from '../../../test/render-app';

const ADMIN = me('admin');

describe('DevMailboxPage', () => {
  it('shows the newest mails first, with the sign-in code picked out', async () => {
    const sent = recordRequests();
    const first = signInMail('first@example.org', 'QRS789', { sentAt: '2025-05-01T08:00:00Z' });
    const user = userEvent.setup();
    renderApp({ me: null, devMailbox: [first], path: '/dev/mailbox' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Utvecklarpost' })).toBeTruthy();
    expect(await screen.findAllByRole('article')).toHaveLength(1);

    // Someone asks for a code; the mailbox now lists it first, as the API does.
    server.use(
      http.get('/api/dev/mailbox', () => json([signInMail(ADMIN.email, 'ABC234', { sentAt: '2025-05-01T08:05:00Z' }), first])),
    );
    await user.click(screen.getByRole('button', { name: 'Uppdatera' }));
    await screen.findByText(ADMIN.email);
    const [newest] = screen.getAllByRole('article');
    expect(within(newest).getByRole('heading', { level: 2 }).textContent).toBe('Your sign-in code: ABC234');
    expect(within(newest).getByText(ADMIN.email)).toBeTruthy();
    expect(within(newest).getByText('ABC234', { selector: 'code' })).toBeTruthy();
    expect(newest.querySelector('pre')!.textContent).toContain('Your code for signing in to Alumni is ABC234.');
    expect(requestsTo(sent, 'GET', '/api/dev/mailbox').at(-1)!.query).toEqual({ limit: '20' });
  });

  it('lists the files of a message, each a download link', async () => {
    const mail = signInMail('ada@example.org', 'ABC234', {
      id: '20250501T0800000000000-abc',
      subject: 'Din anmälan: Alumnidagen',
      attachments: [
        { index: 0, fileName: 'qr.png', mediaType: 'image/png', size: 812, contentId: 'qr' },
        { index: 1, fileName: 'alumnidagen.ics', mediaType: 'text/calendar', size: 2048 },
      ],
    });
    renderApp({ me: null, devMailbox: [mail], path: '/dev/mailbox' });
    const article = await screen.findByRole('article');

    expect(within(article).getByRole('heading', { level: 3 }).textContent).toBe('2 filer');
    const links = within(article).getAllByRole('link');
    expect(links.map((link) => [link.textContent, link.getAttribute('href'), link.getAttribute('download')])).toEqual([
      ['qr.png', '/api/dev/mailbox/20250501T0800000000000-abc/attachments/0', 'qr.png'],
      ['alumnidagen.ics', '/api/dev/mailbox/20250501T0800000000000-abc/attachments/1', 'alumnidagen.ics'],
    ]);
    expect(article.textContent).toContain('image/png, 812 B, visas i meddelandet');
    expect(article.textContent).toContain('text/calendar, 2 kB');
  });

  it('shows no file list for a message without files', async () => {
    renderApp({ me: null, devMailbox: [signInMail('ada@example.org', 'ABC234')], path: '/dev/mailbox' });
    const article = await screen.findByRole('article');
    expect(within(article).queryByRole('heading', { level: 3 })).toBeNull();
    expect(within(article).queryByRole('link')).toBeNull();
  });

  it('shows a newsletter mail’s list headers, opens its unsubscribe link as the preference page and tries the one-click POST', async () => {
    const token = 'AbC-123_xyz';
    const oneClick = `http://localhost:5000/api/newsletters/unsubscribe/${token}`;
    const mail = signInMail('ada@example.org', 'ABC234', {
      subject: 'Nyheter från alumninätverket',
      text: `Hej Ada!\n\nÄndra dina utskick: http://localhost:5000/preferences/${token}.\n`,
      headers: [
        { name: 'From', value: 'Alumni <alumni@localhost>' },
        { name: 'List-Id', value: 'Centrala nyhetsbrevet <central.localhost>' },
        { name: 'List-Unsubscribe', value: `<${oneClick}>, <mailto:unsubscribe@localhost?subject=unsubscribe-${token}>` },
        { name: 'List-Unsubscribe-Post', value: 'List-Unsubscribe=One-Click' },
      ],
    });
    const posts: Array<{ path: string; body: string; contentType: string | null; cookie: string | null }> = [];
    server.use(
      http.post('/api/newsletters/unsubscribe/:token', async ({ request }) => {
        posts.push({
          path: new URL(request.url).pathname,
          body: await request.text(),
          contentType: request.headers.get('content-type'),
          cookie: request.headers.get('cookie'),
        });
        return new HttpResponse(null, { status: 200 });
      }),
    );
    const user = userEvent.setup();
    renderApp({ me: null, devMailbox: [mail], path: '/dev/mailbox' });
    const article = await screen.findByRole('article');

    const headers = within(article).getByRole('region', { name: 'Nyhetsbrevets huvudfält' });
    const names = within(headers).getAllByRole('term').map((term) => term.textContent);
    expect(names).toEqual(['List-Unsubscribe', 'List-Unsubscribe-Post', 'List-Id']);
    expect(within(headers).getAllByRole('definition').map((d) => d.textContent)).toEqual([
      `<${oneClick}>, <mailto:unsubscribe@localhost?subject=unsubscribe-${token}>`,
      'List-Unsubscribe=One-Click',
      'Centrala nyhetsbrevet <central.localhost>',
    ]);
    // The web link opens the app's preference page for the token (whatever host the mail named); so does the text's.
    expect(within(headers).getByRole('link', { name: 'Öppna avregistreringslänken (inställningssidan)' }).getAttribute('href')).toBe(
      `/preferences/${token}`,
    );
    const textLink = within(article.querySelector('pre')!).getByRole('link');
    expect([textLink.textContent, textLink.getAttribute('href')]).toEqual([`http://localhost:5000/preferences/${token}`, `/preferences/${token}`]);

    await user.click(within(headers).getByRole('button', { name: 'Prova ett klick (POST)' }));
    expect((await within(headers).findByText(/API:t svarade 200/)).textContent).toBe(
      'API:t svarade 200: avregistreringen gäller. Öppna inställningssidan för att se den.',
    );
    expect(posts).toEqual([
      { path: `/api/newsletters/unsubscribe/${token}`, body: 'List-Unsubscribe=One-Click', contentType: 'application/x-www-form-urlencoded', cookie: null },
    ]);
  });

  it('says so when the one-click POST is refused', async () => {
    const mail = signInMail('ada@example.org', 'ABC234', {
      subject: 'Nyheter',
      headers: [
        { name: 'List-Unsubscribe', value: '<http://localhost:5000/api/newsletters/unsubscribe/old>' },
        { name: 'List-Unsubscribe-Post', value: 'List-Unsubscribe=One-Click' },
      ],
    });
    server.use(
      http.post('/api/newsletters/unsubscribe/:token', () =>
        json({ type: 'urn:alumni:problem:not-found', title: 'Not Found', status: 404, detail: 'Länken har gått ut.' }, 404),
      ),
    );
    const user = userEvent.setup();
    renderApp({ me: null, devMailbox: [mail], path: '/dev/mailbox' });
    const article = await screen.findByRole('article');
    await user.click(within(article).getByRole('button', { name: 'Prova ett klick (POST)' }));
    const alert = await within(article).findByRole('alert');
    expect(alert.textContent).toContain('POST-anropet för ett klick avvisades.');
    expect(alert.textContent).toContain('Länken har gått ut.');
  });

  it('shows no newsletter headers for other mail, and every header field folded away', async () => {
    renderApp({ me: null, devMailbox: [signInMail('ada@example.org', 'ABC234')], path: '/dev/mailbox' });
    const article = await screen.findByRole('article');
    expect(within(article).queryByRole('region')).toBeNull();
    expect(within(article).queryByRole('button', { name: 'Prova ett klick (POST)' })).toBeNull();
    expect(article.querySelector('details summary')!.textContent).toBe('Alla huvudfält (2)');
  });

  it('explains that the mailbox exists only in Development', async () => {
    renderApp({ me: null, path: '/dev/mailbox' });
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Utvecklarposten finns bara när API:t körs i utvecklingsmiljön.',
    );
  });
});
