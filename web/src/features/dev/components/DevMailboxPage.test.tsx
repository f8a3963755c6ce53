import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
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

  it('explains that the mailbox exists only in Development', async () => {
    renderApp({ me: null, path: '/dev/mailbox' });
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Utvecklarposten finns bara när API:t körs i utvecklingsmiljön.',
    );
  });
});
