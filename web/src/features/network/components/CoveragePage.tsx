import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CoverageReason, DepartmentCoverage } from '../../../api/generated';
import { ProblemMessage } from '../../../components/ProblemMessage';
import { formatDateTime } from '../../../lib/format';
import { currentLanguage, localName, type Language } from '../../../lib/i18n';
import { toProblem } from '../../../lib/problem-details';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useCoverage } from '../api/home';
import { NetworkNav } from './NetworkNav';
import { formatShare } from './network-text';
import './network-home.css';

type SortKey = 'department' | 'faculty' | 'coordinators' | 'lastEvent' | 'lastMailing' | 'members' | 'newMembers' | 'reachable';

/** The columns a reader sorts by, and the direction each starts in (names ascending, figures and dates descending). */
const START_ASCENDING: Record<SortKey, boolean> = {
  department: true,
  faculty: true,
  coordinators: false,
  lastEvent: false,
  lastMailing: false,
  members: false,
  newMembers: false,
  reachable: false,
};

function compare(a: DepartmentCoverage, b: DepartmentCoverage, key: SortKey): number {
  const text = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  const number = (x: number | null | undefined, y: number | null | undefined) => (x ?? -1) - (y ?? -1);
  const date = (x: string | undefined, y: string | undefined) => number(x ? Date.parse(x) : null, y ? Date.parse(y) : null);
  switch (key) {
    case 'department':
      return text(a.figures.departmentCode, b.figures.departmentCode);
    case 'faculty':
      return text(a.figures.facultyCode, b.figures.facultyCode) || text(a.figures.departmentCode, b.figures.departmentCode);
    case 'coordinators':
      return number(a.coordinators, b.coordinators);
    case 'lastEvent':
      return date(a.lastEventAt, b.lastEventAt);
    case 'lastMailing':
      return date(a.lastMailingAt, b.lastMailingAt);
    case 'members':
      return number(a.figures.members, b.figures.members);
    case 'newMembers':
      return number(a.figures.newMembersThisYear, b.figures.newMembersThisYear);
    case 'reachable':
      return number(a.figures.reachableShare, b.figures.reachableShare);
  }
}

/**
 * The office's coverage (`/staff/network/coverage`): the departments needing support first, with their reasons; the
 * university's totals; then every active department in a table sorted by any column (on a narrow screen each
 * department is a block of its own, so nothing scrolls sideways).
 */
export function CoveragePage() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  useDocumentTitle(t('network.coverage.title'));
  const coverage = useCoverage();
  const problem = coverage.error && !coverage.data ? toProblem(coverage.error) : null;
  const [sort, setSort] = useState<{ key: SortKey; ascending: boolean }>({ key: 'faculty', ascending: true });
  const data = coverage.data;
  const rows = useMemo(() => {
    const list = [...(data?.departments ?? [])];
    list.sort((a, b) => {
      const order = compare(a, b, sort.key);
      return (sort.ascending ? order : -order) || (a.figures.departmentCode < b.figures.departmentCode ? -1 : 1);
    });
    return list;
  }, [data, sort]);

  const sortBy = (key: SortKey) =>
    setSort((current) => (current.key === key ? { key, ascending: !current.ascending } : { key, ascending: START_ASCENDING[key] }));

  const header = (key: SortKey, label: string, numeric = false): ReactNode => {
    const current = sort.key === key;
    return (
      <th scope="col" className={numeric ? 'numeric' : undefined} aria-sort={current ? (sort.ascending ? 'ascending' : 'descending') : undefined}>
        <button type="button" className="coverage-sort" onClick={() => sortBy(key)}>
          {label}
          <span aria-hidden="true" className="coverage-sort__mark">
            {current ? (sort.ascending ? ' ▲' : ' ▼') : ''}
          </span>
        </button>
      </th>
    );
  };

  return (
    <div className="page page--wide network-coverage">
      <NetworkNav />
      <div className="page__header">
        <h1>{t('network.coverage.title')}</h1>
        <p className="page__intro">{t('network.coverage.intro')}</p>
      </div>
      {coverage.isPending ? (
        <p className="loading">{t('common.loading')}</p>
      ) : problem ? (
        <div className="notice notice--error" role="alert">
          <ProblemMessage problem={problem} lead={t('network.coverage.loadError')} />
        </div>
      ) : data ? (
        <>
          <section className="panel network-home__section" aria-labelledby="coverage-needs">
            <h2 id="coverage-needs" className="panel__title">
              {t('network.coverage.needs.title', { count: data.needsSupport.length })}
            </h2>
            <p className="field__hint">{t('network.coverage.needs.hint', { share: formatShare(data.lowReachShare, language) })}</p>
            {data.needsSupport.length === 0 ? (
              <p>{t('network.coverage.needs.none')}</p>
            ) : (
              <ul className="network-home__list">
                {data.needsSupport.map((department) => (
                  <li key={department.figures.departmentId} className="network-home__item">
                    <p className="network-home__item-title">
                      {localName(department.figures, language)} <span className="muted">({department.figures.departmentCode})</span>
                    </p>
                    <Reasons reasons={department.reasons} />
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section className="panel network-home__section" aria-labelledby="coverage-totals">
            <h2 id="coverage-totals" className="panel__title">
              {t('network.coverage.totals.title')}
            </h2>
            <dl className="network-figures">
              <Figure label={t('network.coverage.totals.departments')} value={data.totals.departments} />
              <Figure label={t('network.coverage.totals.withCoordinator')} value={data.totals.withCoordinator} />
              <Figure label={t('network.coverage.totals.coordinators')} value={data.totals.coordinators} />
              <Figure label={t('network.coverage.totals.active')} value={data.totals.activeInLast12Months} />
              <Figure label={t('network.figures.members')} value={data.totals.members.members} />
              <Figure label={t('network.figures.newThisYear')} value={data.totals.members.newMembersThisYear} />
              <Figure
                label={t('network.figures.reachable')}
                value={`${data.totals.members.reachable} (${formatShare(data.totals.members.reachableShare, language)})`}
              />
            </dl>
            <p className="field__hint">{t('network.figures.universityHint')}</p>
          </section>

          <section className="network-home__section" aria-labelledby="coverage-table">
            <h2 id="coverage-table">{t('network.coverage.table.title')}</h2>
            <table className="data-table coverage-table">
              <caption className="visually-hidden">{t('network.coverage.table.caption')}</caption>
              <thead>
                <tr>
                  {header('department', t('network.coverage.table.department'))}
                  {header('faculty', t('network.coverage.table.faculty'))}
                  {header('coordinators', t('network.coverage.table.coordinators'), true)}
                  {header('lastEvent', t('network.coverage.table.lastEvent'))}
                  {header('lastMailing', t('network.coverage.table.lastMailing'))}
                  {header('members', t('network.figures.members'), true)}
                  {header('newMembers', t('network.figures.newThisYear'), true)}
                  {header('reachable', t('network.figures.reachable'), true)}
                  <th scope="col">{t('network.coverage.table.reasons')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((department) => (
                  <CoverageRow key={department.figures.departmentId} department={department} language={language} />
                ))}
              </tbody>
            </table>
          </section>
          <p className="muted">{t('network.coverage.asOf', { at: formatDateTime(data.asOf, language) })}</p>
        </>
      ) : null}
    </div>
  );
}

function Figure({ label, value }: { label: string; value: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

function Reasons({ reasons }: { reasons: CoverageReason[] }) {
  const { t } = useTranslation();
  if (reasons.length === 0) return <span className="muted">{t('network.coverage.reason.none')}</span>;
  return (
    <ul className="coverage-reasons">
      {reasons.map((reason) => (
        <li key={reason} className="badge badge--inactive">
          {t(`network.coverage.reason.${reason}`)}
        </li>
      ))}
    </ul>
  );
}

function CoverageRow({ department, language }: { department: DepartmentCoverage; language: Language }) {
  const { t } = useTranslation();
  const f = department.figures;
  const when = (at: string | undefined, recent: boolean) =>
    at ? (
      <>
        {formatDateTime(at, language)}
        {recent ? null : <span className="muted"> {t('network.coverage.table.longAgo')}</span>}
      </>
    ) : (
      <span className="muted">{t('network.coverage.table.never')}</span>
    );
  return (
    <tr>
      <th scope="row" data-label={t('network.coverage.table.department')}>
        <span>
          {localName(f, language)} <span className="muted">({f.departmentCode})</span>
        </span>
      </th>
      <td data-label={t('network.coverage.table.faculty')}>{f.facultyCode}</td>
      <td className="numeric" data-label={t('network.coverage.table.coordinators')}>
        <span>
          {department.coordinators}
          {department.coordinatorNames.length > 0 ? <span className="coverage-names">{department.coordinatorNames.join(', ')}</span> : null}
        </span>
      </td>
      <td data-label={t('network.coverage.table.lastEvent')}>
        <span>{when(department.lastEventAt, department.eventInLast12Months)}</span>
      </td>
      <td data-label={t('network.coverage.table.lastMailing')}>
        <span>{when(department.lastMailingAt, department.mailingInLast12Months)}</span>
      </td>
      <td className="numeric" data-label={t('network.figures.members')}>
        {f.members}
      </td>
      <td className="numeric" data-label={t('network.figures.newThisYear')}>
        {f.newMembersThisYear}
      </td>
      <td className="numeric" data-label={t('network.figures.reachable')}>
        <span>
          {f.reachable} <span className="muted">({formatShare(f.reachableShare, language)})</span>
        </span>
      </td>
      <td data-label={t('network.coverage.table.reasons')}>
        <Reasons reasons={department.reasons} />
      </td>
    </tr>
  );
}
