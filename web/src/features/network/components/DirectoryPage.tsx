import { useId, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { DirectoryCoordinator, DirectoryDepartment } from '../../../api/generated';
import { ProblemMessage } from '../../../components/ProblemMessage';
import { hasRole, useAuth } from '../../../lib/auth/me';
import { useFaculties } from '../../../lib/departments/faculties';
import { currentLanguage, localName, type Language } from '../../../lib/i18n';
import { toProblem } from '../../../lib/problem-details';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useDirectory } from '../api/assignments';
import { assignmentPath, departmentAssignmentsPath, NEW_ASSIGNMENT_PATH } from '../paths';
import { formatDay } from './assignment-format';
import { NetworkNav } from './NetworkNav';
import './directory.css';

interface DepartmentEntry {
  department: DirectoryDepartment;
  coordinators: DirectoryCoordinator[];
}

interface FacultyGroup {
  code: string;
  departments: DepartmentEntry[];
}

/** The directory's departments by faculty, then code: each with its coordinators, or none (a gap). */
function group(coordinators: readonly DirectoryCoordinator[], uncovered: readonly DirectoryDepartment[]): FacultyGroup[] {
  const departments = new Map<string, DepartmentEntry>();
  for (const c of coordinators) {
    const entry = departments.get(c.departmentCode) ?? {
      department: { id: c.departmentId, code: c.departmentCode, nameSv: c.departmentNameSv, nameEn: c.departmentNameEn, facultyCode: c.facultyCode },
      coordinators: [],
    };
    entry.coordinators.push(c);
    departments.set(c.departmentCode, entry);
  }
  for (const d of uncovered) if (!departments.has(d.code)) departments.set(d.code, { department: d, coordinators: [] });
  const faculties = new Map<string, DepartmentEntry[]>();
  const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  for (const entry of [...departments.values()].sort((a, b) => byCode(a.department.code, b.department.code))) {
    const list = faculties.get(entry.department.facultyCode) ?? [];
    list.push(entry);
    faculties.set(entry.department.facultyCode, list);
  }
  return [...faculties.entries()].sort(([a], [b]) => byCode(a, b)).map(([code, list]) => ({ code, departments: list }));
}

/** True when the search text is part of the department's code or names or a coordinator's name (any case). */
function matches(entry: DepartmentEntry, search: string): boolean {
  const text = search.trim().toLocaleLowerCase();
  if (!text) return true;
  const { department } = entry;
  return [department.code, department.nameSv, department.nameEn, ...entry.coordinators.map((c) => c.name ?? '')].some((value) =>
    value.toLocaleLowerCase().includes(text),
  );
}

/**
 * The network directory: who covers which department, by faculty, with the contacts they gave the network; the
 * departments without a coordinator are marked. Admins reach the assignment forms and each department's history.
 */
export function DirectoryPage() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  useDocumentTitle(t('network.directory.title'));
  const { me } = useAuth();
  const admin = hasRole(me, 'admin');
  const directory = useDirectory();
  const faculties = useFaculties(true);
  const [search, setSearch] = useState('');
  const searchId = useId();
  const problem = directory.error && !directory.data ? toProblem(directory.error) : null;

  const groups = useMemo(
    () => (directory.data ? group(directory.data.coordinators, directory.data.uncovered) : []),
    [directory.data],
  );
  const facultyName = (code: string) => {
    const faculty = faculties.data?.find((f) => f.code === code);
    return faculty ? localName(faculty, language) : code;
  };
  const shown = groups
    .map((g) => ({ ...g, departments: g.departments.filter((entry) => matches(entry, search)) }))
    .filter((g) => g.departments.length > 0);
  const departmentCount = shown.reduce((sum, g) => sum + g.departments.length, 0);
  const gapCount = shown.reduce((sum, g) => sum + g.departments.filter((d) => d.coordinators.length === 0).length, 0);

  return (
    <div className="page page--wide">
      <NetworkNav />
      <div className="page__header">
        <div>
          <h1>{t('network.directory.title')}</h1>
          <p className="page__intro">{t('network.directory.intro')}</p>
        </div>
        {admin ? (
          <Link to={NEW_ASSIGNMENT_PATH} className="button button--primary">
            {t('network.directory.assign')}
          </Link>
        ) : null}
      </div>

      <form className="directory__search" role="search" aria-label={t('network.directory.searchLabel')} onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label className="field__label" htmlFor={searchId}>
            {t('network.directory.search')}
          </label>
          <input
            id={searchId}
            type="search"
            className="input input--search"
            value={search}
            maxLength={200}
            onChange={(event) => setSearch(event.target.value)}
          />
        </div>
      </form>

      <div aria-busy={directory.isFetching || undefined}>
        {directory.isPending ? (
          <p className="loading">{t('common.loading')}</p>
        ) : problem ? (
          <div className="notice notice--error" role="alert">
            <ProblemMessage problem={problem} lead={t('network.directory.loadError')} />
            <button type="button" className="button button--small" onClick={() => void directory.refetch()}>
              {t('common.retry')}
            </button>
          </div>
        ) : (
          <>
            <p role="status">
              {departmentCount === 0
                ? t('network.directory.none')
                : t('network.directory.summary', { count: departmentCount, gaps: gapCount })}
            </p>
            {shown.map((faculty) => (
              <section key={faculty.code} className="directory__faculty" aria-labelledby={`faculty-${faculty.code}`}>
                <h2 id={`faculty-${faculty.code}`}>{facultyName(faculty.code)}</h2>
                <ul className="directory__departments">
                  {faculty.departments.map((entry) => (
                    <DepartmentCard key={entry.department.code} entry={entry} admin={admin} language={language} />
                  ))}
                </ul>
              </section>
            ))}
          </>
        )}
      </div>
    </div>
  );
}

function DepartmentCard({ entry, admin, language }: { entry: DepartmentEntry; admin: boolean; language: Language }) {
  const { t } = useTranslation();
  const { department, coordinators } = entry;
  const name = localName(department, language);
  const uncovered = coordinators.length === 0;
  return (
    <li className={`directory__department${uncovered ? ' directory__department--uncovered' : ''}`}>
      <div className="directory__department-header">
        <h3>
          {name} <span className="muted">({department.code})</span>
        </h3>
        {admin ? (
          <div className="directory__links">
            <Link to={`${NEW_ASSIGNMENT_PATH}?department=${encodeURIComponent(department.code)}`}>
              <span aria-hidden="true">{t('network.directory.assignHere')}</span>
              <span className="visually-hidden">{`${t('network.directory.assignHere')} ${t('network.directory.toDepartment', { department: name })}`}</span>
            </Link>
            <Link to={departmentAssignmentsPath(department.code)}>
              <span aria-hidden="true">{t('network.directory.history')}</span>
              <span className="visually-hidden">{`${t('network.directory.history')} ${t('network.directory.ofDepartment', { department: name })}`}</span>
            </Link>
          </div>
        ) : null}
      </div>
      {uncovered ? (
        <p className="directory__facts">
          <span className="badge badge--inactive">{t('network.directory.noCoordinator')}</span>
        </p>
      ) : (
        <ul className="directory__coordinators" aria-label={t('network.directory.coordinatorsOf', { department: name })}>
          {coordinators.map((c) => (
            <li key={c.assignmentId} className="directory__coordinator">
              <span className="directory__coordinator-name">{c.name ?? t('network.directory.erased')}</span>
              {c.roleTitle ? <span>, {c.roleTitle}</span> : null}
              <p className="directory__facts">
                {[
                  t(`network.assignments.kinds.${c.kind}`),
                  c.timeShare != null ? t('network.directory.share', { share: c.timeShare }) : null,
                  t('network.directory.since', { date: formatDay(c.since, language) }),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
              {c.contactEmail || c.contactPhone ? (
                <ul className="directory__contacts" aria-label={t('network.directory.contactsOf', { name: c.name ?? '' })}>
                  {c.contactEmail ? (
                    <li>
                      <a href={`mailto:${c.contactEmail}`}>{c.contactEmail}</a>
                    </li>
                  ) : null}
                  {c.contactPhone ? (
                    <li>
                      <a href={`tel:${c.contactPhone.replace(/[^+\d]/g, '')}`}>{c.contactPhone}</a>
                    </li>
                  ) : null}
                </ul>
              ) : null}
              {admin ? (
                <Link to={assignmentPath(c.assignmentId)}>
                  <span aria-hidden="true">{t('network.directory.change')}</span>
                  <span className="visually-hidden">
                    {`${t('network.directory.change')} ${t('network.directory.assignmentOf', { name: c.name ?? '', department: name })}`}
                  </span>
                </Link>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
