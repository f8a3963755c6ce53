import { fireEvent, screen, within } from '@testing-library/react';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import type { CoverageResponse, DepartmentCoverage } from '../../../api/generated';
import { json, me, server } from '../../../test/http';
import { renderApp } from '../../../test/render-app';

const LOADED = { timeout: 5000 };

function department(code: string, faculty: string, members: number, share: number | undefined, reasons: DepartmentCoverage['reasons'], names: string[] = []): DepartmentCoverage {
  return {
    figures: {
      departmentId: `id-${code}`,
      departmentCode: code,
      nameSv: `Institutionen ${code}`,
      nameEn: `Department ${code}`,
      facultyCode: faculty,
      members,
      newMembersThisYear: 1,
      reachable: Math.round(members * (share ?? 0)),
      reachableShare: share,
    },
    coordinators: names.length,
    coordinatorNames: names,
    lastEventAt: code === 'DSV' ? '2026-10-01T16:00:00Z' : undefined,
    eventInLast12Months: code === 'DSV',
    mailingInLast12Months: false,
    reasons,
  };
}

function coverage(): CoverageResponse {
  const dsv = department('DSV', 'SOC', 6, 0.667, [], ['Ada Lindqvist', 'Bo Ek']);
  const econ = department('ECON', 'SOC', 5, 0.2, ['noActivity', 'lowReach'], ['Ada Lindqvist']);
  const hist = department('HIST', 'HUM', 0, undefined, ['noCoordinator', 'noActivity', 'lowReach']);
  return {
    asOf: '2026-12-01T12:00:00Z',
    year: 2026,
    lowReachShare: 0.3,
    departments: [hist, dsv, econ],
    needsSupport: [hist, econ],
    totals: {
      departments: 3,
      withCoordinator: 2,
      activeInLast12Months: 1,
      needingSupport: 2,
      coordinators: 2,
      members: { members: 11, newMembersThisYear: 3, reachable: 5, reachableShare: 0.455 },
    },
  };
}

const codes = () =>
  within(screen.getByRole('table'))
    .getAllByRole('rowheader')
    .map((cell) => /\((\w+)\)/.exec(cell.textContent ?? '')?.[1]);

describe('the network coverage', () => {
  it('lists the departments needing support first with their reasons, then the totals and the table', async () => {
    server.use(http.get('/api/network/coverage', () => json(coverage())));
    renderApp({ me: me('admin'), path: '/staff/network/coverage' });

    const needs = await screen.findByRole('region', { name: 'Behöver stöd: 2 institutioner' }, LOADED);
    const items = within(needs).getAllByRole('listitem').filter((item) => item.classList.contains('network-home__item'));
    expect(items.map((item) => item.querySelector('.network-home__item-title')?.textContent)).toEqual(['Institutionen HIST (HIST)', 'Institutionen ECON (ECON)']);
    expect(within(items[1]).getByText('Inget evenemang eller utskick på 12 månader')).toBeTruthy();
    expect(within(needs).getByText(/mindre än 30\s%/)).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'Hela universitetet' })).getByText(/5 \(46\s%\)/)).toBeTruthy();

    // By faculty, then code, at first.
    expect(codes()).toEqual(['HIST', 'DSV', 'ECON']);
    expect(screen.getByRole('row', { name: /DSV/ }).textContent).toContain('Ada Lindqvist, Bo Ek');
  });

  it('sorts by a column, the figures largest first, again the other way', async () => {
    server.use(http.get('/api/network/coverage', () => json(coverage())));
    renderApp({ me: me('admin'), path: '/staff/network/coverage' });
    await screen.findByRole('table', {}, LOADED);

    const members = () => screen.getByRole('columnheader', { name: /^Medlemmar/ });
    fireEvent.click(within(members()).getByRole('button'));
    expect(members().getAttribute('aria-sort')).toBe('descending');
    expect(codes()).toEqual(['DSV', 'ECON', 'HIST']);
    fireEvent.click(within(members()).getByRole('button'));
    expect(members().getAttribute('aria-sort')).toBe('ascending');
    expect(codes()).toEqual(['HIST', 'ECON', 'DSV']);
    expect(screen.getByRole('columnheader', { name: /^Fakultet/ }).getAttribute('aria-sort')).toBeNull();
  });

  it('is the office’s: a coordinator is told it is not for them', async () => {
    renderApp({ me: me('coordinator'), path: '/staff/network/coverage' });
    await screen.findByRole('heading', { level: 1 }, LOADED);
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.queryByRole('heading', { level: 1, name: 'Nätverkets täckning' })).toBeNull();
  });
});
