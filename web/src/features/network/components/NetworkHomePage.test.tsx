import { screen, within } from '@testing-library/react';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import type { NetworkHomeResponse } from '../../../api/generated';
import { json, me, notFound, server } from '../../../test/http';
import { renderApp } from '../../../test/render-app';

const LOADED = { timeout: 5000 };

function home(overrides: Partial<NetworkHomeResponse> = {}): NetworkHomeResponse {
  return {
    office: false,
    departments: [
      {
        departmentId: 'd-1',
        departmentCode: 'DSV',
        nameSv: 'Institutionen för data- och systemvetenskap',
        nameEn: 'Department of Computer and Systems Sciences',
        facultyCode: 'SOC',
        members: 120,
        newMembersThisYear: 14,
        reachable: 80,
        reachableShare: 0.667,
      },
    ],
    toolkit: [
      { itemId: 't-1', kind: 'message', titleSv: 'LinkedIn-inlägg', titleEn: 'LinkedIn post', versionNumber: 2, changeNote: 'Ny bild för 2027', changedAt: '2026-11-28T10:00:00Z', isNew: false },
      { itemId: 't-2', kind: 'guide', titleEn: 'Last lecture', versionNumber: 1, changedAt: '2026-11-20T10:00:00Z', isNew: true },
    ],
    initiatives: [{ id: 'i-1', kind: 'initiative', titleSv: 'Alumnidagen', titleEn: 'Alumni day', startsOn: '2027-03-14', endsOn: '2027-03-14', status: 'open', isNew: true }],
    supportRequests: [{ id: 's-1', departmentCode: 'DSV', title: 'Gemensam kväll', startsOn: '2027-02-01', endsOn: '2027-02-02', status: 'submitted', createdAt: '2026-11-30T09:00:00Z' }],
    meetings: [{ eventId: 'e-1', titleSv: 'Nätverksmöte', titleEn: 'Network meeting', startsAt: '2026-12-10T13:00:00Z', endsAt: '2026-12-10T15:00:00Z', timeZone: 'Europe/Stockholm', venue: 'Aula Magna', city: 'Stockholm', online: true }],
    news: [{ id: 'n-1', titleSv: 'Nytt samarbete', titleEn: 'A new partnership', bodySv: 'Vi samarbetar med Karriärcentrum.', bodyEn: 'We work with the career centre.', publishedAt: '2026-11-29T08:00:00Z' }],
    ...overrides,
  };
}

function section(name: string) {
  return screen.getByRole('region', { name });
}

describe('the network start page', () => {
  it('shows a coordinator their departments with figures and each section with links onward', async () => {
    server.use(http.get('/api/network/home', () => json(home())));
    renderApp({ me: me('coordinator'), path: '/staff/network' });

    await screen.findByRole('heading', { level: 1, name: 'Koordinatorsnätverket' }, LOADED);
    expect(screen.getByRole('navigation', { name: 'Koordinatorsnätverket' })).toBeTruthy();

    const departments = await screen.findByRole('region', { name: 'Mina institutioner' }, LOADED);
    expect(within(departments).getByRole('heading', { level: 3 }).textContent).toBe('Institutionen för data- och systemvetenskap (DSV)');
    expect(within(departments).getByText('120')).toBeTruthy();
    expect(within(departments).getByText('14')).toBeTruthy();
    expect(within(departments).getByText(/67\s%/)).toBeTruthy();

    const toolkit = section('Nytt i verktygslådan');
    expect(within(toolkit).getByRole('link', { name: 'LinkedIn-inlägg' }).getAttribute('href')).toBe('/staff/network/toolkit/t-1');
    expect(within(toolkit).getByText('Version 2')).toBeTruthy();
    expect(within(toolkit).getByText('Ny bild för 2027')).toBeTruthy();
    // No Swedish title: the English one, marked as English.
    const english = within(toolkit).getByRole('link', { name: 'Last lecture' });
    expect(english.querySelector('[lang="en"]')).not.toBeNull();
    expect(within(toolkit).getByText('Ny')).toBeTruthy();

    expect(within(section('Initiativ')).getByRole('link', { name: 'Alumnidagen' }).getAttribute('href')).toBe('/staff/network/initiatives/i-1');
    const support = section('Öppna stödförfrågningar');
    expect(within(support).getByRole('link', { name: 'Gemensam kväll' }).getAttribute('href')).toBe('/staff/network/support/s-1');
    expect(within(support).getByRole('link', { name: 'Be om stöd' }).getAttribute('href')).toBe('/staff/network/support/new');
    const meetings = section('Kommande nätverksmöten');
    expect(within(meetings).getByRole('link', { name: 'Nätverksmöte' }).getAttribute('href')).toBe('/staff/network/meetings/e-1');
    expect(within(meetings).getByText(/Aula Magna, Stockholm · Digitalt/)).toBeTruthy();
    const news = section('Nyheter');
    expect(within(news).getByText('Vi samarbetar med Karriärcentrum.')).toBeTruthy();
    expect(within(news).getByRole('link', { name: 'Alla nyheter' }).getAttribute('href')).toBe('/staff/network/news');
    expect(screen.queryByRole('region', { name: 'Universitetets medlemmar' })).toBeNull();
  });

  it('shows the office the university’s totals, the way to the coverage and what awaits a decision', async () => {
    server.use(
      http.get('/api/network/home', () =>
        json(
          home({
            office: true,
            departments: [],
            university: { members: 5400, newMembersThisYear: 310, reachable: 2100, reachableShare: 0.389 },
            supportRequests: [],
            toolkit: [],
            initiatives: [],
            meetings: [],
            news: [],
          }),
        ),
      ),
    );
    renderApp({ me: me('admin'), path: '/staff/network' });

    const university = await screen.findByRole('region', { name: 'Universitetets medlemmar' }, LOADED);
    expect(within(university).getByText('5400')).toBeTruthy();
    expect(within(university).getByRole('link', { name: 'Täckningen för alla institutioner' }).getAttribute('href')).toBe('/staff/network/coverage');
    expect(screen.queryByRole('region', { name: 'Mina institutioner' })).toBeNull();
    expect(within(section('Förfrågningar som väntar på beslut')).getByText('Ingen förfrågan väntar på beslut.')).toBeTruthy();
    expect(within(section('Nytt i verktygslådan')).getByText('Inget nytt i verktygslådan de senaste 30 dagarna.')).toBeTruthy();
    expect(within(section('Kommande nätverksmöten')).getByText('Inget nätverksmöte är planerat ännu.')).toBeTruthy();
  });

  it('is reached from the staff start page and from the staff menu', async () => {
    server.use(http.get('/api/me/pending-sign-up', () => notFound()));
    renderApp({ me: me('coordinator'), path: '/staff' });
    const panel = await screen.findByRole('region', { name: 'Koordinatorsnätverket' }, LOADED);
    expect(within(panel).getByRole('link', { name: 'Öppna nätverket' }).getAttribute('href')).toBe('/staff/network');
    const menu = await screen.findByRole('navigation', { name: 'Personalens verktyg' });
    expect(within(menu).getByRole('link', { name: 'Nätverket' }).getAttribute('href')).toBe('/staff/network');
  });
});
