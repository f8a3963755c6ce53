import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { SupportRequestStatus } from '../../../api/generated';
import { Pager } from '../../../components/Pager';
import { ProblemMessage } from '../../../components/ProblemMessage';
import { TableScroll } from '../../../components/TableScroll';
import { hasRole, useAuth } from '../../../lib/auth/me';
import { currentLanguage } from '../../../lib/i18n';
import { toProblem } from '../../../lib/problem-details';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { formatDay } from '../../../lib/zoned-time';
import { useSupportFigures, useSupportRequests, type SupportRequestQuery } from '../api/support';
import { NEW_SUPPORT_REQUEST_PATH, supportRequestPath } from '../paths';
import { NetworkNav } from './NetworkNav';
import { SUPPORT_STATUSES, supportBadgeClass } from './SupportStatus';
import './support.css';

const PAGE_SIZE = 25;

function readQuery(params: URLSearchParams): SupportRequestQuery {
  const status = params.get('status');
  const year = Number(params.get('year'));
  const page = Number(params.get('page'));
  const department = params.get('department')?.trim().toUpperCase();
  return {
    status: (SUPPORT_STATUSES as readonly string[]).includes(status ?? '') ? (status as SupportRequestStatus) : undefined,
    year: Number.isInteger(year) && year >= 2000 && year <= 2999 ? year : undefined,
    department: department ? department : undefined,
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    pageSize: PAGE_SIZE,
  };
}

/** The network's support requests (`/staff/network/support`): the caller's departments' (all for the office), with filters; figures for the office. */
export function SupportListPage() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  useDocumentTitle(t('network.support.title'));
  const { me } = useAuth();
  const isAdmin = hasRole(me, 'admin');
  const [params, setParams] = useSearchParams();
  const query = readQuery(params);
  const list = useSupportRequests(query);
  const [draft, setDraft] = useState({ status: query.status ?? '', year: query.year ? String(query.year) : '', department: query.department ?? '' });
  const search = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    if (draft.status) next.set('status', draft.status);
    if (draft.year.trim()) next.set('year', draft.year.trim());
    if (draft.department.trim()) next.set('department', draft.department.trim().toUpperCase());
    setParams(next);
  };
  const data = list.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  const linkTo = (to: number) => {
    const next = new URLSearchParams(params);
    if (to > 1) next.set('page', String(to));
    else next.delete('page');
    return `?${next.toString()}`;
  };
  return (
    <div className="page page--wide">
      <NetworkNav />
      <div className="page__header">
        <div>
          <h1>{t('network.support.title')}</h1>
          <p className="page__intro">{t(isAdmin ? 'network.support.introOffice' : 'network.support.intro')}</p>
        </div>
        <Link to={NEW_SUPPORT_REQUEST_PATH} className="button button--primary">
          {t('network.support.new')}
        </Link>
      </div>

      {isAdmin ? <SupportFigures /> : null}

      <section className="panel" aria-labelledby="support-list-heading">
        <h2 id="support-list-heading" className="panel__title">
          {t('network.support.listTitle')}
        </h2>
        <form className="support-filters" role="search" aria-label={t('network.support.filters.label')} onSubmit={search}>
          <div className="field">
            <label className="field__label" htmlFor="support-filter-status">
              {t('network.support.filters.status')}
            </label>
            <select id="support-filter-status" className="input" value={draft.status} onChange={(e) => setDraft({ ...draft, status: e.target.value })}>
              <option value="">{t('network.support.filters.allStatuses')}</option>
              {SUPPORT_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {t(`network.support.statuses.${status}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label className="field__label" htmlFor="support-filter-year">
              {t('network.support.filters.year')}
            </label>
            <input
              id="support-filter-year"
              className="input"
              inputMode="numeric"
              autoComplete="off"
              value={draft.year}
              onChange={(e) => setDraft({ ...draft, year: e.target.value })}
            />
          </div>
          <div className="field">
            <label className="field__label" htmlFor="support-filter-department">
              {t('network.support.filters.department')}
            </label>
            <input
              id="support-filter-department"
              className="input"
              autoComplete="off"
              value={draft.department}
              onChange={(e) => setDraft({ ...draft, department: e.target.value })}
            />
          </div>
          <div className="filters__actions">
            <button type="submit" className="button">
              {t('network.support.filters.search')}
            </button>
          </div>
        </form>
        <div aria-busy={list.isFetching || undefined}>
          {list.isPending ? (
            <p className="loading">{t('common.loading')}</p>
          ) : list.isError && !data ? (
            <div className="notice notice--error" role="alert">
              <ProblemMessage problem={toProblem(list.error)} lead={t('network.support.loadError')} />
              <button type="button" className="button button--small" onClick={() => void list.refetch()}>
                {t('common.retry')}
              </button>
            </div>
          ) : !data ? null : data.items.length === 0 ? (
            <p role="status">{t('network.support.none')}</p>
          ) : (
            <>
              <TableScroll label={t('network.support.caption', { total: data.total })} className="support-table-wrap">
                <table className="data-table support-table">
                  <caption className="data-table__caption">{t('network.support.caption', { total: data.total })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('network.support.columns.title')}</th>
                      <th scope="col">{t('network.support.columns.department')}</th>
                      <th scope="col">{t('network.support.columns.dates')}</th>
                      <th scope="col">{t('network.support.columns.status')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.items.map((request) => (
                      <tr key={request.id}>
                        <th scope="row">
                          <Link to={supportRequestPath(request.id)}>{request.title}</Link>
                        </th>
                        <td>
                          <span className="cell-label">{t('network.support.columns.department')}</span>
                          {request.departmentCode}
                          {request.departmentCount > 1 ? (
                            <span className="muted"> {t('network.support.withOthers', { count: request.departmentCount - 1 })}</span>
                          ) : null}
                        </td>
                        <td>
                          <span className="cell-label">{t('network.support.columns.dates')}</span>
                          {request.startsOn === request.endsOn
                            ? formatDay(request.startsOn, language)
                            : t('network.support.dates', { from: formatDay(request.startsOn, language), to: formatDay(request.endsOn, language) })}
                        </td>
                        <td>
                          <span className="cell-label">{t('network.support.columns.status')}</span>
                          <span className={supportBadgeClass(request.status)}>{t(`network.support.statuses.${request.status}`)}</span>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
              <Pager label={t('network.support.pagerLabel')} page={data.page} pages={pages} linkTo={linkTo} />
            </>
          )}
        </div>
      </section>
    </div>
  );
}

/** The office's figures per year: requests by state and the share approved. */
function SupportFigures() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const figures = useSupportFigures();
  const percent = new Intl.NumberFormat(language === 'sv' ? 'sv-SE' : 'en-GB', { style: 'percent', maximumFractionDigits: 0 });
  return (
    <section className="panel" aria-labelledby="support-figures-heading">
      <h2 id="support-figures-heading" className="panel__title">
        {t('network.support.figures.title')}
      </h2>
      {figures.isPending ? (
        <p className="loading">{t('common.loading')}</p>
      ) : figures.isError ? (
        <div className="notice notice--error" role="alert">
          <ProblemMessage problem={toProblem(figures.error)} lead={t('network.support.figures.loadError')} />
        </div>
      ) : figures.data.years.length === 0 ? (
        <p>{t('network.support.figures.none')}</p>
      ) : (
        <TableScroll label={t('network.support.figures.caption')}>
          <table className="data-table">
            <caption className="data-table__caption">{t('network.support.figures.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('network.support.figures.year')}</th>
                <th scope="col">{t('network.support.figures.requests')}</th>
                <th scope="col">{t('network.support.statuses.approved')}</th>
                <th scope="col">{t('network.support.statuses.declined')}</th>
                <th scope="col">{t('network.support.statuses.done')}</th>
                <th scope="col">{t('network.support.statuses.withdrawn')}</th>
                <th scope="col">{t('network.support.figures.shareApproved')}</th>
              </tr>
            </thead>
            <tbody>
              {figures.data.years.map((year) => (
                <tr key={year.year}>
                  <th scope="row">{year.year}</th>
                  <td>{year.requests}</td>
                  <td>{year.approved}</td>
                  <td>{year.declined}</td>
                  <td>{year.done}</td>
                  <td>{year.withdrawn}</td>
                  <td>{year.shareApproved == null ? '–' : percent.format(year.shareApproved)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
