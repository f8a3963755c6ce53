import { screen } from '@testing-library/react';
import { http } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { demoFaculties, json, me, memberPage, memberSummary, server } from '../../../test/http';
import { renderApp } from '../../../test/render-app';
import { EMPTY_MEMBER_FILTERS, memberSearchQuery } from '../member-search';
import { memberExportUrl } from './MemberExport';

beforeEach(() => {
  server.use(
    http.get('/api/faculties', () => json(demoFaculties())),
    http.get('/api/members', () => json(memberPage([memberSummary({ firstName: 'Bo', lastName: 'Ek' })]))),
  );
});

describe('MemberExport', () => {
  it('downloads exactly the filters applied, in the chosen order, without the page', async () => {
    renderApp({ me: me('admin'), path: '/staff/members?q=anna&department=DSV&graduatedFrom=2010&status=active&sort=created&page=3' });

    const link = await screen.findByRole('link', { name: 'Exportera de hittade medlemmarna (CSV)' }, { timeout: 10_000 });
    const url = new URL(link.getAttribute('href')!, 'http://localhost');
    expect(url.pathname).toBe('/api/members/export');
    expect(Object.fromEntries(url.searchParams)).toEqual({ q: 'anna', department: 'DSV', graduatedFrom: '2010', status: 'active', sort: 'created' });
    expect(link.hasAttribute('download')).toBe(true);
    const note = document.getElementById(link.getAttribute('aria-describedby')!)!;
    expect(note.textContent).toContain('first_name, last_name, email');
    expect(note.textContent).toContain('personuppgifter');
    expect(note.textContent).toContain('GDPR');
  });

  it('exports everyone the caller may see when nothing is filtered', async () => {
    renderApp({ me: me('coordinator'), path: '/staff/members' });
    const link = await screen.findByRole('link', { name: 'Exportera alla medlemmar (CSV)' }, { timeout: 10_000 });
    expect(link.getAttribute('href')).toBe('/api/members/export?sort=name');
    expect(memberExportUrl(memberSearchQuery(EMPTY_MEMBER_FILTERS))).toBe('/api/members/export?sort=name');
  });
});
