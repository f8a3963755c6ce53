import { useMemo, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { FormField } from '../../../components/FormField';
import { Pager } from '../../../components/Pager';
import { TableScroll } from '../../../components/TableScroll';
import { formatDateTime } from '../../../lib/format';
import { currentLanguage } from '../../../lib/i18n';
import { placeServerErrors } from '../../../lib/form-errors';
import { toProblem } from '../../../lib/problem-details';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useUrlFilters } from '../../../lib/use-url-filters';
import { useAuditPage } from '../api/audit';
import {
  auditQuery,
  EMPTY_AUDIT_FILTERS,
  filtersFromParams,
  filtersToParams,
  KNOWN_AUDIT_ACTIONS,
  KNOWN_AUDIT_ENTITY_TYPES,
  pageCount,
} from '../audit-filters';

const FIELDS = ['action', 'entityType', 'from', 'to'] as const;
type FilterField = (typeof FIELDS)[number];
const ID_PREFIX = 'audit-filter';
const AUDIT_FILTERS = { fromParams: filtersFromParams, toParams: filtersToParams };

function outcomeClass(outcome: string): string {
  if (outcome === 'success') return 'badge badge--active';
  if (outcome === 'denied' || outcome === 'failure') return 'badge badge--danger';
  return 'badge badge--inactive';
}

/** Admin page: the audit log, newest first, filtered by action, entity type and days, a page at a time. */
export function AuditPage() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  useDocumentTitle(t('audit.title'));
  const { applied, draft, setDraft, apply, linkTo } = useUrlFilters(AUDIT_FILTERS);
  const query = useMemo(() => auditQuery(applied), [applied]);
  const audit = useAuditPage(query);

  const problem = useMemo(() => (audit.error ? toProblem(audit.error) : null), [audit.error]);
  const errors = problem ? placeServerErrors(problem, FIELDS) : null;
  const labels: Record<FilterField, string> = {
    action: t('audit.filters.action'),
    entityType: t('audit.filters.entityType'),
    from: t('audit.filters.from'),
    to: t('audit.filters.to'),
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    apply({ ...draft, page: 1 });
  };

  const data = audit.data;
  const pages = data ? pageCount(data.total, data.pageSize) : 1;
  const first = data && data.items.length > 0 ? (data.page - 1) * data.pageSize + 1 : 0;
  const last = data ? first + data.items.length - (data.items.length > 0 ? 1 : 0) : 0;
  const pageLink = (page: number) => linkTo({ ...applied, page });

  return (
    <div className="page">
      <div className="page__header">
        <h1>{t('audit.title')}</h1>
        <p className="page__intro">{t('audit.intro')}</p>
      </div>

      <section className="panel" aria-labelledby="audit-filters-heading">
        <h2 id="audit-filters-heading" className="panel__title">
          {t('audit.filters.title')}
        </h2>
        <form className="filter-form" noValidate onSubmit={submit}>
          <div className="filter-form__fields">
            <FormField id={`${ID_PREFIX}-action`} name="action" label={labels.action} errors={errors?.fields.action}>
              {(control) => (
                <input
                  {...control}
                  type="text"
                  className="input"
                  list={`${ID_PREFIX}-actions`}
                  value={draft.action}
                  onChange={(event) => setDraft((d) => ({ ...d, action: event.target.value }))}
                  autoComplete="off"
                  spellCheck={false}
                  maxLength={100}
                />
              )}
            </FormField>
            <datalist id={`${ID_PREFIX}-actions`}>
              {KNOWN_AUDIT_ACTIONS.map((action) => (
                <option key={action} value={action} />
              ))}
            </datalist>
            <FormField id={`${ID_PREFIX}-entityType`} name="entityType" label={labels.entityType} errors={errors?.fields.entityType}>
              {(control) => (
                <input
                  {...control}
                  type="text"
                  className="input"
                  list={`${ID_PREFIX}-entity-types`}
                  value={draft.entityType}
                  onChange={(event) => setDraft((d) => ({ ...d, entityType: event.target.value }))}
                  autoComplete="off"
                  spellCheck={false}
                  maxLength={100}
                />
              )}
            </FormField>
            <datalist id={`${ID_PREFIX}-entity-types`}>
              {KNOWN_AUDIT_ENTITY_TYPES.map((type) => (
                <option key={type} value={type} />
              ))}
            </datalist>
            <FormField id={`${ID_PREFIX}-from`} name="from" label={labels.from} errors={errors?.fields.from}>
              {(control) => (
                <input
                  {...control}
                  type="date"
                  className="input input--date"
                  value={draft.from}
                  onChange={(event) => setDraft((d) => ({ ...d, from: event.target.value }))}
                />
              )}
            </FormField>
            <FormField
              id={`${ID_PREFIX}-to`}
              name="to"
              label={labels.to}
              hint={t('audit.filters.toHint')}
              errors={errors?.fields.to}
            >
              {(control) => (
                <input
                  {...control}
                  type="date"
                  className="input input--date"
                  value={draft.to}
                  onChange={(event) => setDraft((d) => ({ ...d, to: event.target.value }))}
                />
              )}
            </FormField>
          </div>
          <div className="form-actions">
            <button type="submit" className="button button--primary">
              {t('audit.filters.apply')}
            </button>
            <button type="button" className="button" onClick={() => apply(EMPTY_AUDIT_FILTERS)}>
              {t('audit.filters.clear')}
            </button>
          </div>
        </form>
      </section>

      {problem && errors ? (
        <ErrorSummary
          title={t('audit.loadError')}
          problem={problem}
          fields={FIELDS.map((field) => ({
            id: `${ID_PREFIX}-${field}`,
            label: labels[field],
            messages: errors.fields[field] ?? [],
          }))}
          formMessages={errors.form}
        />
      ) : null}

      <div aria-busy={audit.isFetching || undefined}>
        {audit.isPending ? (
          <p className="loading">{t('common.loading')}</p>
        ) : !data ? null : data.items.length === 0 ? (
          <p>{t('audit.none')}</p>
        ) : (
          <>
            <TableScroll label={t('audit.title')}>
              <table className="data-table">
                <caption className="data-table__caption">
                  {t('audit.tableCaption', { first, last, total: data.total })}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('audit.columns.at')}</th>
                    <th scope="col">{t('audit.columns.actor')}</th>
                    <th scope="col">{t('audit.columns.action')}</th>
                    <th scope="col">{t('audit.columns.entity')}</th>
                    <th scope="col">{t('audit.columns.outcome')}</th>
                    <th scope="col">{t('audit.columns.clientIp')}</th>
                    <th scope="col">{t('audit.columns.detail')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((entry) => (
                    <tr key={entry.id}>
                      <th scope="row" className="nowrap">
                        <time dateTime={entry.at}>{formatDateTime(entry.at, language)}</time>
                      </th>
                      <td>
                        {entry.actorName ?? entry.actorId ?? ''}
                        <span className="muted"> ({entry.actorType})</span>
                      </td>
                      <td>
                        <code>{entry.action}</code>
                      </td>
                      <td>
                        {entry.entityType ? <code>{entry.entityType}</code> : null}
                        {entry.entityId ? <span className="break-all"> {entry.entityId}</span> : null}
                      </td>
                      <td>
                        <span className={outcomeClass(entry.outcome)}>
                          {t(`audit.outcome.${entry.outcome === 'success' || entry.outcome === 'failure' || entry.outcome === 'denied' ? entry.outcome : 'other'}`)}
                        </span>
                      </td>
                      <td>{entry.clientIp ?? ''}</td>
                      <td className="break-all">{entry.detail ?? ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
            <Pager label={t('audit.pager.label')} page={data.page} pages={pages} linkTo={pageLink} showSinglePage />
          </>
        )}
      </div>
    </div>
  );
}
