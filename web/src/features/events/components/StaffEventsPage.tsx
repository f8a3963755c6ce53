import { useMemo, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { EventKind, EventStatus, EventSummary } from '../../../api/generated';
import { FormField } from '../../../components/FormField';
import { Pager } from '../../../components/Pager';
import { ProblemMessage } from '../../../components/ProblemMessage';
import { hasRole, useAuth } from '../../../lib/auth/me';
import { useCountryName } from '../../../lib/countries';
import { useFaculties } from '../../../lib/departments/faculties';
import { currentLanguage, localName } from '../../../lib/i18n';
import { toProblem } from '../../../lib/problem-details';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useUrlFilters } from '../../../lib/use-url-filters';
import { useStaffEvents } from '../api/staff-events';
import {
  activeFilterCount,
  EMPTY_STAFF_EVENT_FILTERS,
  pageCount,
  rangeReversed,
  staffEventFiltersFromParams,
  staffEventFiltersToParams,
  staffEventQuery,
  type StaffEventFilters,
} from '../staff-event-filters';
import { EVENT_KINDS, EVENT_STATUSES, statusBadgeClass } from '../staff-options';
import { departmentName, textIn } from '../../../lib/bilingual';
import { formatInZone } from '../../../lib/zoned-time';
import { NEW_EVENT_PATH, staffEventPath } from '../staff-paths';
import './staff-events.css';

const ID = 'event-filter';
const FILTERS = { fromParams: staffEventFiltersFromParams, toParams: staffEventFiltersToParams };

/**
 * Staff: the events of the central office and the departments (a coordinator's: those their departments organise or
 * co-host), soonest first, filtered by status, kind and the days they start; a row leads to the event. On a narrow
 * screen each event is a stacked block, so nothing scrolls sideways.
 */
export function StaffEventsPage() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  useDocumentTitle(t('events.staff.list.title'));
  const auth = useAuth();
  const faculties = useFaculties(false);
  const countryName = useCountryName();
  const { applied, draft, setDraft, apply, linkTo } = useUrlFilters(FILTERS);
  const query = useMemo(() => staffEventQuery(applied), [applied]);
  const reversed = rangeReversed(applied);
  const list = useStaffEvents(query, !reversed);
  const problem = list.error ? toProblem(list.error) : null;
  const coordinatorOnly = !hasRole(auth.me, 'admin');
  // A coordinator's list holds only their departments' events: only those departments are offered.
  const own = coordinatorOnly ? new Set((auth.me?.departments ?? []).map((d) => d.code)) : null;
  const departmentGroups = (faculties.data ?? [])
    .map((faculty) => ({ faculty, departments: faculty.departments.filter((d) => d.isActive && (!own || own.has(d.code))) }))
    .filter((group) => group.departments.length > 0);
  const set = <K extends keyof StaffEventFilters>(field: K, value: StaffEventFilters[K]) => setDraft((d) => ({ ...d, [field]: value }));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    apply({ ...draft, page: 1 });
  };
  const active = activeFilterCount(applied);
  const data = list.data;
  const pages = data ? Math.max(pageCount(data.total, data.pageSize), data.totalExact ? 1 : data.page + (data.items.length === data.pageSize ? 1 : 0)) : 1;
  const first = data && data.items.length > 0 ? (data.page - 1) * data.pageSize + 1 : 0;
  const last = data ? first + Math.max(0, data.items.length - 1) : 0;

  const place = (event: EventSummary) => {
    const site = [event.city, event.country ? countryName(event.country) : ''].filter(Boolean).join(', ');
    return [site, event.online ? t('events.staff.online') : ''].filter(Boolean).join(' · ');
  };

  return (
    <div className="page page--wide staff-events">
      <div className="page__header staff-events__header">
        <div>
          <h1>{t('events.staff.list.title')}</h1>
          <p className="page__intro">{coordinatorOnly ? t('events.staff.list.introCoordinator') : t('events.staff.list.intro')}</p>
        </div>
        <Link to={NEW_EVENT_PATH} className="button button--primary">
          {t('events.staff.list.new')}
        </Link>
      </div>

      <section className="panel" aria-labelledby={`${ID}-heading`}>
        <h2 id={`${ID}-heading`} className="panel__title">
          {t('events.staff.list.filtersTitle')}
          {active > 0 ? <span className="badge badge--inline badge--inactive">{active}</span> : null}
        </h2>
        <form className="staff-events__filters" role="search" aria-labelledby={`${ID}-heading`} noValidate onSubmit={submit}>
          <div className="staff-events__filter-fields">
            <FormField id={`${ID}-status`} name="status" label={t('events.staff.list.status')}>
              {(control) => (
                <select {...control} className="input" value={draft.status} onChange={(e) => set('status', e.target.value as EventStatus | '')}>
                  <option value="">{t('events.staff.list.anyStatus')}</option>
                  {EVENT_STATUSES.map((status) => (
                    <option key={status} value={status}>
                      {t(`events.staff.statuses.${status}`)}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
            <FormField id={`${ID}-kind`} name="kind" label={t('events.staff.list.kind')}>
              {(control) => (
                <select {...control} className="input" value={draft.kind} onChange={(e) => set('kind', e.target.value as EventKind | '')}>
                  <option value="">{t('events.staff.list.anyKind')}</option>
                  {EVENT_KINDS.map((kind) => (
                    <option key={kind} value={kind}>
                      {t(`events.staff.kinds.${kind}`)}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
            <FormField id={`${ID}-department`} name="department" label={t('events.staff.list.department')}>
              {(control) => (
                <select {...control} className="input" value={draft.department} onChange={(e) => set('department', e.target.value)}>
                  <option value="">{t('events.staff.list.anyDepartment')}</option>
                  {draft.department && !departmentGroups.some((g) => g.departments.some((d) => d.code === draft.department)) ? (
                    <option value={draft.department}>{draft.department}</option>
                  ) : null}
                  {departmentGroups.map(({ faculty, departments }) => (
                    <optgroup key={faculty.code} label={localName(faculty, language)}>
                      {departments.map((d) => (
                        <option key={d.code} value={d.code}>
                          {localName(d, language)} ({d.code})
                        </option>
                      ))}
                    </optgroup>
                  ))}
                </select>
              )}
            </FormField>
            <FormField id={`${ID}-from`} name="from" label={t('events.staff.list.from')}>
              {(control) => (
                <input {...control} type="date" className="input input--date" value={draft.from} onChange={(e) => set('from', e.target.value)} />
              )}
            </FormField>
            <FormField
              id={`${ID}-to`}
              name="to"
              label={t('events.staff.list.to')}
              errors={reversed ? [t('events.staff.list.reversed')] : undefined}
            >
              {(control) => (
                <input {...control} type="date" className="input input--date" value={draft.to} onChange={(e) => set('to', e.target.value)} />
              )}
            </FormField>
          </div>
          <div className="form-actions">
            <button type="submit" className="button button--primary">
              {t('events.staff.list.apply')}
            </button>
            <button type="button" className="button" onClick={() => apply(EMPTY_STAFF_EVENT_FILTERS)}>
              {t('events.staff.list.clear')}
            </button>
          </div>
        </form>
      </section>

      <div aria-busy={list.isFetching || undefined}>
        {reversed ? null : list.isPending ? (
          <p className="loading">{t('common.loading')}</p>
        ) : problem && !data ? (
          <div className="notice notice--error" role="alert">
            <ProblemMessage problem={problem} lead={t('events.staff.list.loadError')} />
            <button type="button" className="button button--small" onClick={() => void list.refetch()}>
              {t('common.retry')}
            </button>
          </div>
        ) : !data ? null : data.items.length === 0 ? (
          <p role="status">{active > 0 ? t('events.staff.list.none') : t('events.staff.list.noneYet')}</p>
        ) : (
          <>
            <div className="table-wrap staff-events-table-wrap">
              <table className="data-table staff-events-table">
                <caption className="data-table__caption" aria-live="polite">
                  {t(data.totalExact ? 'events.staff.list.caption' : 'events.staff.list.captionAtLeast', { first, last, total: data.total })}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('events.staff.list.columns.title')}</th>
                    <th scope="col">{t('events.staff.list.columns.when')}</th>
                    <th scope="col">{t('events.staff.list.columns.kind')}</th>
                    <th scope="col">{t('events.staff.list.columns.organiser')}</th>
                    <th scope="col">{t('events.staff.list.columns.status')}</th>
                    <th scope="col">{t('events.staff.list.columns.seats')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((event) => {
                    const title = textIn(event.titleSv, event.titleEn, language) || t('events.staff.list.untitled');
                    const where = place(event);
                    return (
                      <tr key={event.id} className={event.status === 'cancelled' || event.status === 'completed' ? 'is-inactive' : undefined}>
                        <th scope="row" className="staff-events-table__title">
                          <Link to={staffEventPath(event.id)}>{title}</Link>
                          {where ? <span className="muted block">{where}</span> : null}
                        </th>
                        <td>
                          <span className="cell-label">{t('events.staff.list.columns.when')}</span>
                          <time dateTime={event.startsAt}>{formatInZone(event.startsAt, event.timeZone, language)}</time>
                        </td>
                        <td>
                          <span className="cell-label">{t('events.staff.list.columns.kind')}</span>
                          {t(`events.staff.kinds.${event.kind}`)}
                        </td>
                        <td>
                          <span className="cell-label">{t('events.staff.list.columns.organiser')}</span>
                          {event.organiserDepartmentCode
                            ? departmentName(event.organiserDepartmentCode, faculties.data, language)
                            : t('events.staff.centralOffice')}
                        </td>
                        <td>
                          <span className="cell-label">{t('events.staff.list.columns.status')}</span>
                          <span className={statusBadgeClass(event.status)}>{t(`events.staff.statuses.${event.status}`)}</span>
                        </td>
                        <td className="staff-events-table__seats">
                          <span className="cell-label">{t('events.staff.list.columns.seats')}</span>
                          {event.capacity === undefined || event.capacity === null
                            ? t('events.staff.list.seatsUnlimited', { taken: event.seatsTaken })
                            : t('events.staff.list.seatsOf', { taken: event.seatsTaken, capacity: event.capacity })}
                          {event.seatsWaiting > 0 ? (
                            <span className="muted block">{t('events.staff.list.waiting', { count: event.seatsWaiting })}</span>
                          ) : null}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
            <Pager label={t('events.staff.list.pagerLabel')} page={data.page} pages={pages} linkTo={(page) => linkTo({ ...applied, page })} />
          </>
        )}
      </div>
    </div>
  );
}
