import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { ConsentChannel, MemberOffer, MemberStatus } from '../../../api/generated';
import { CountrySelect } from '../../../components/CountrySelect';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { FormField, TextInputField } from '../../../components/FormField';
import { Pager } from '../../../components/Pager';
import { useCountryName } from '../../../lib/countries';
import { formatDateTime } from '../../../lib/format';
import { currentLanguage, localName } from '../../../lib/i18n';
import { placeServerErrors } from '../../../lib/form-errors';
import { toProblem } from '../../../lib/problem-details';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useUrlFilters } from '../../../lib/use-url-filters';
import { hasRole, useAuth } from '../../../lib/auth/me';
import { useFaculties } from '../../../lib/departments/faculties';
import { useMemberSearch } from '../api/staff-members';
import {
  activeFilterCount,
  COMMON_FILTERS,
  EMPTY_MEMBER_FILTERS,
  memberFilterProblems,
  memberFiltersFromParams,
  memberFiltersToParams,
  memberSearchQuery,
  pageCount,
  type MemberFilters,
} from '../member-search';
import { CONSENT_CHANNELS, MEMBER_OFFERS, MEMBER_SORTS, MEMBER_STATUSES, type MemberSort } from '../options';
import { DepartmentSelect } from './DepartmentSelect';
import { MemberExport } from './MemberExport';
import './network.css';
import './staff.css';

const ID = 'member-filter';
const FILTER_FIELDS = [
  'q',
  'department',
  'faculty',
  'graduatedFrom',
  'graduatedTo',
  'country',
  'city',
  'language',
  'status',
  'consent',
  'offers',
  'industry',
  'tag',
  'sort',
] as const;
type FilterField = (typeof FILTER_FIELDS)[number];
const MEMBER_FILTERS = { fromParams: memberFiltersFromParams, toParams: memberFiltersToParams };

/** Wide enough to show the filters open from the start; on a phone they start folded. */
const WIDE = '(min-width: 48em)';

function startsOpen(): boolean {
  return typeof window === 'undefined' || typeof window.matchMedia !== 'function' || window.matchMedia(WIDE).matches;
}

/** A filter under "more filters" that is set: the fold then starts open, so that nothing set is hidden. */
function hasMoreFilters(filters: MemberFilters): boolean {
  return FILTER_FIELDS.some(
    (field) => !(COMMON_FILTERS as readonly string[]).includes(field) && field !== 'sort' && String(filters[field]).trim() !== '',
  );
}

export function memberPath(id: string): string {
  return `/staff/members/${encodeURIComponent(id)}`;
}

function statusClass(status: MemberStatus): string {
  if (status === 'active') return 'badge badge--active';
  if (status === 'erased') return 'badge badge--danger';
  return 'badge badge--inactive';
}

/**
 * Staff: search members with every filter the API has, sort, and page through the results; a row
 * leads to the member's record. A coordinator's results hold only members of their departments.
 */
export function StaffMembersPage() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  useDocumentTitle(t('staffMembers.title'));
  const auth = useAuth();
  const navigate = useNavigate();
  const { applied, draft, setDraft, apply, linkTo } = useUrlFilters(MEMBER_FILTERS);
  const query = useMemo(() => memberSearchQuery(applied), [applied]);
  // A mistake in the years (typed, or in the address) is explained on its field, and nothing is searched until fixed.
  const mistakes = useMemo(() => memberFilterProblems(applied, t), [applied, t]);
  const mistaken = Object.keys(mistakes).length > 0;
  const search = useMemberSearch(query, !mistaken);
  const faculties = useFaculties(false);
  const countryName = useCountryName();
  const [open, setOpen] = useState(startsOpen);
  const [moreOpen, setMoreOpen] = useState(() => hasMoreFilters(applied));
  const problem = useMemo(() => (search.error ? toProblem(search.error) : null), [search.error]);
  const serverErrors = problem ? placeServerErrors(problem, FILTER_FIELDS) : null;
  const errors = mistaken ? { fields: mistakes as Partial<Record<FilterField, string[]>>, form: [] as string[] } : serverErrors;
  // A message on a field under "more filters" opens that fold, so that the summary's link reaches the field.
  const moreMistaken = FILTER_FIELDS.some(
    (field) => !(COMMON_FILTERS as readonly string[]).includes(field) && (errors?.fields[field]?.length ?? 0) > 0,
  );
  const coordinatorOnly = !hasRole(auth.me, 'admin');
  const ownDepartments = coordinatorOnly ? (auth.me?.departments ?? []).map((d) => d.code) : undefined;

  const labels: Record<FilterField, string> = {
    q: t('staffMembers.filters.q'),
    department: t('staffMembers.filters.department'),
    faculty: t('staffMembers.filters.faculty'),
    graduatedFrom: t('staffMembers.filters.graduatedFrom'),
    graduatedTo: t('staffMembers.filters.graduatedTo'),
    country: t('staffMembers.filters.country'),
    city: t('staffMembers.filters.city'),
    language: t('staffMembers.filters.language'),
    status: t('staffMembers.filters.status'),
    consent: t('staffMembers.filters.consent'),
    offers: t('staffMembers.filters.offers'),
    industry: t('staffMembers.filters.industry'),
    tag: t('staffMembers.filters.tag'),
    sort: t('staffMembers.sort.label'),
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    apply({ ...draft, page: 1 });
  };
  const sortBy = (sort: MemberSort) => apply({ ...applied, sort, page: 1 });
  const set = <K extends keyof MemberFilters>(field: K, value: MemberFilters[K]) => setDraft((d) => ({ ...d, [field]: value }));

  const data = search.data;
  // Past 1,000 matches the total is a lower bound: the pager reaches one page beyond a full page.
  const pages = data
    ? Math.max(pageCount(data.total, data.pageSize), data.totalExact ? 1 : data.page + (data.items.length === data.pageSize ? 1 : 0))
    : 1;
  const first = data && data.items.length > 0 ? (data.page - 1) * data.pageSize + 1 : 0;
  const last = data ? first + data.items.length - (data.items.length > 0 ? 1 : 0) : 0;
  const pageLink = (page: number) => linkTo({ ...applied, page });
  const active = activeFilterCount(applied);

  const textFilter = (field: 'q' | 'city' | 'industry' | 'tag', options: { hint?: string; type?: string } = {}) => (
    <TextInputField
      id={`${ID}-${field}`}
      name={field}
      label={labels[field]}
      hint={options.hint}
      errors={errors?.fields[field]}
      type={options.type ?? 'text'}
      value={draft[field]}
      onValueChange={(value) => set(field, value)}
      autoComplete="off"
      maxLength={200}
    />
  );
  const yearFilter = (field: 'graduatedFrom' | 'graduatedTo') => (
    <TextInputField
      id={`${ID}-${field}`}
      name={field}
      label={labels[field]}
      errors={errors?.fields[field]}
      inputMode="numeric"
      inputClassName="input input--year"
      value={draft[field]}
      onValueChange={(value) => set(field, value)}
      autoComplete="off"
      maxLength={12}
    />
  );
  const selectFilter = <K extends 'language' | 'status' | 'consent' | 'offers'>(
    field: K,
    emptyLabel: string,
    options: ReadonlyArray<{ value: MemberFilters[K]; label: string }>,
  ) => (
    <FormField id={`${ID}-${field}`} name={field} label={labels[field]} errors={errors?.fields[field]}>
      {(control) => (
        <select
          {...control}
          className="input"
          value={draft[field]}
          onChange={(event) => set(field, event.target.value as MemberFilters[K])}
        >
          <option value="">{emptyLabel}</option>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );

  const sortHeader = (sort: MemberSort, label: string, className?: string): ReactNode => {
    const current = applied.sort === sort;
    return (
      <th scope="col" className={className} aria-sort={current ? (sort === 'name' ? 'ascending' : 'descending') : undefined}>
        <button type="button" className="sort-button" onClick={() => sortBy(sort)}>
          {label}
          <span aria-hidden="true" className="sort-button__mark">
            {current ? (sort === 'name' ? ' ▲' : ' ▼') : ''}
          </span>
        </button>
      </th>
    );
  };

  return (
    <div className="page page--wide">
      <div className="page__header">
        <h1>{t('staffMembers.title')}</h1>
        <p className="page__intro">{coordinatorOnly ? t('staffMembers.introCoordinator') : t('staffMembers.intro')}</p>
      </div>

      <section className="panel filter-panel" aria-labelledby={`${ID}-heading`}>
        <details className="filter-panel__fold" open={open || !!errors} onToggle={(event) => setOpen(event.currentTarget.open)}>
          <summary className="filter-panel__summary">
            <h2 id={`${ID}-heading`} className="panel__title">
              {t('staffMembers.filters.title')}
              {active > 0 ? <span className="badge badge--inline badge--inactive">{t('staffMembers.filters.active', { count: active })}</span> : null}
            </h2>
          </summary>
          <form className="filter-form" role="search" aria-labelledby={`${ID}-heading`} noValidate onSubmit={submit}>
            <div className="filter-form__fields filter-form__fields--dense">
              {textFilter('q', { hint: t('staffMembers.filters.qHint'), type: 'search' })}
              <FormField id={`${ID}-department`} name="department" label={labels.department} errors={errors?.fields.department}>
                {(control) => (
                  <DepartmentSelect
                    control={control}
                    value={draft.department}
                    onChange={(department) => set('department', department)}
                    faculties={faculties.data}
                    only={ownDepartments}
                    emptyLabel={t('staffMembers.filters.anyDepartment')}
                  />
                )}
              </FormField>
              {yearFilter('graduatedFrom')}
              {yearFilter('graduatedTo')}
              <FormField id={`${ID}-country`} name="country" label={labels.country} errors={errors?.fields.country}>
                {(control) => (
                  <CountrySelect
                    control={control}
                    value={draft.country}
                    onChange={(country) => set('country', country)}
                    emptyLabel={t('staffMembers.filters.anyCountry')}
                  />
                )}
              </FormField>
            </div>
            <details className="filter-form__more" open={moreOpen || moreMistaken} onToggle={(event) => setMoreOpen(event.currentTarget.open)}>
              <summary>{t('staffMembers.filters.more')}</summary>
              <div className="filter-form__fields filter-form__fields--dense">
                <FormField id={`${ID}-faculty`} name="faculty" label={labels.faculty} errors={errors?.fields.faculty}>
                  {(control) => (
                    <select {...control} className="input" value={draft.faculty} onChange={(event) => set('faculty', event.target.value)}>
                      <option value="">{t('staffMembers.filters.anyFaculty')}</option>
                      {(faculties.data ?? []).map((faculty) => (
                        <option key={faculty.code} value={faculty.code}>
                          {localName(faculty, language)}
                        </option>
                      ))}
                    </select>
                  )}
                </FormField>
                {textFilter('city')}
                {selectFilter(
                  'language',
                  t('staffMembers.filters.anyLanguage'),
                  (['sv', 'en'] as const).map((lng) => ({ value: lng, label: t(`language.${lng}`) })),
                )}
                {selectFilter(
                  'status',
                  t('staffMembers.filters.anyStatus'),
                  MEMBER_STATUSES.map((status: MemberStatus) => ({ value: status, label: t(`members.status.${status}`) })),
                )}
                {selectFilter(
                  'consent',
                  t('staffMembers.filters.anyConsent'),
                  CONSENT_CHANNELS.map((channel: ConsentChannel) => ({ value: channel, label: t(`members.consentShort.${channel}`) })),
                )}
                {selectFilter(
                  'offers',
                  t('staffMembers.filters.anyOffer'),
                  MEMBER_OFFERS.map((offer: MemberOffer) => ({ value: offer, label: t(`members.offer.${offer}`) })),
                )}
                {textFilter('industry')}
                {textFilter('tag')}
                <FormField id={`${ID}-sort`} name="sort" label={labels.sort} errors={errors?.fields.sort}>
                  {(control) => (
                    <select {...control} className="input" value={draft.sort} onChange={(event) => set('sort', event.target.value as MemberSort)}>
                      {MEMBER_SORTS.map((sort) => (
                        <option key={sort} value={sort}>
                          {t(`staffMembers.sort.${sort}`)}
                        </option>
                      ))}
                    </select>
                  )}
                </FormField>
              </div>
            </details>
            <div className="form-actions">
              <button type="submit" className="button button--primary">
                {t('staffMembers.filters.apply')}
              </button>
              <button type="button" className="button" onClick={() => apply(EMPTY_MEMBER_FILTERS)}>
                {t('staffMembers.filters.clear')}
              </button>
            </div>
          </form>
        </details>
      </section>

      {mistaken ? null : <MemberExport query={query} filtered={active > 0} />}

      {(problem || mistaken) && errors ? (
        <ErrorSummary
          title={t(mistaken ? 'staffMembers.filters.mistake' : 'staffMembers.loadError')}
          problem={problem}
          fields={FILTER_FIELDS.map((field) => ({ id: `${ID}-${field}`, label: labels[field], messages: errors.fields[field] ?? [] }))}
          formMessages={errors.form}
        />
      ) : null}

      <div aria-busy={search.isFetching || undefined}>
        {mistaken ? null : search.isPending ? (
          <p className="loading">{t('common.loading')}</p>
        ) : !data ? null : data.items.length === 0 ? (
          <p role="status">{t('staffMembers.none')}</p>
        ) : (
          <>
            <div className="table-wrap">
              <table className="data-table data-table--dense">
                <caption className="data-table__caption" aria-live="polite">
                  {t(data.totalExact ? 'staffMembers.tableCaption' : 'staffMembers.tableCaptionAtLeast', { first, last, total: data.total })}
                </caption>
                <thead>
                  <tr>
                    {sortHeader('name', t('staffMembers.columns.name'))}
                    <th scope="col">{t('staffMembers.columns.email')}</th>
                    <th scope="col">{t('staffMembers.columns.departments')}</th>
                    <th scope="col">{t('staffMembers.columns.graduated')}</th>
                    <th scope="col">{t('staffMembers.columns.location')}</th>
                    <th scope="col">{t('staffMembers.columns.employer')}</th>
                    <th scope="col">{t('staffMembers.columns.status')}</th>
                    {sortHeader('created', t('staffMembers.columns.created'), 'nowrap')}
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((member) => {
                    const name = `${member.lastName}, ${member.firstName}`;
                    return (
                      <tr
                        key={member.id}
                        className="is-clickable"
                        onClick={(event) => {
                          // The name is the link; a click elsewhere on the row does the same (mouse convenience).
                          if ((event.target as HTMLElement).closest('a, button')) return;
                          void navigate(memberPath(member.id));
                        }}
                      >
                        <th scope="row">
                          <Link to={memberPath(member.id)}>{name}</Link>
                        </th>
                        <td className="break-all">{member.email}</td>
                        <td>
                          <span className="code-list">
                            {member.departments.map((code) => (
                              <code key={code}>{code}</code>
                            ))}
                          </span>
                        </td>
                        <td>{member.graduationYear ?? ''}</td>
                        <td>{[member.city, countryName(member.country)].filter(Boolean).join(', ')}</td>
                        <td>{member.employer ?? ''}</td>
                        <td>
                          <span className={statusClass(member.status)}>{t(`members.status.${member.status}`)}</span>
                        </td>
                        <td className="nowrap">
                          <time dateTime={member.createdAt}>{formatDateTime(member.createdAt, language)}</time>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
            <Pager label={t('staffMembers.pagerLabel')} page={data.page} pages={pages} linkTo={pageLink} />
          </>
        )}
      </div>
    </div>
  );
}
