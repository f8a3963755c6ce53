import { useMemo, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
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
import { auditQuery, EMPTY_AUDIT_FILTERS, filtersFromParams, filtersToParams, pageCount } from '../audit-filters';
import {
  actionLabel,
  actorLabel,
  AUDIT_KINDS,
  detailItems,
  entityLink,
  entityText,
  entityTypeLabel,
  isAuditKind,
  KNOWN_AUDIT_ACTIONS,
  KNOWN_AUDIT_ENTITY_TYPES,
} from '../audit-text';
import './AuditPage.css';

const FIELDS = ['kind', 'action', 'entityType', 'from', 'to'] as const;
type FilterField = (typeof FIELDS)[number];
const ID_PREFIX = 'audit-filter';
const AUDIT_FILTERS = { fromParams: filtersFromParams, toParams: filtersToParams };

function outcomeClass(outcome: string): string {
  if (outcome === 'success') return 'badge badge--active';
  if (outcome === 'denied' || outcome === 'failure') return 'badge badge--danger';
  return 'badge badge--inactive';
}

/**
 * Admin page: the audit log, newest first, a page at a time: who did what to which object, by name and in words,
 * filtered by kind of event and days (and, as an advanced option, by exact action and object type).
 */
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
    kind: t('audit.filters.kind'),
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
            <FormField id={`${ID_PREFIX}-kind`} name="kind" label={labels.kind} errors={errors?.fields.kind}>
              {(control) => (
                <select
                  {...control}
                  className="input"
                  value={draft.kind}
                  onChange={(event) => {
                    const kind = event.target.value;
                    setDraft((d) => ({ ...d, kind: isAuditKind(kind) ? kind : '' }));
                  }}
                >
                  <option value="">{t('audit.kinds.all')}</option>
                  {AUDIT_KINDS.map((kind) => (
                    <option key={kind} value={kind}>
                      {t(`audit.kinds.${kind}`)}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
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
          <details className="audit-advanced" open={!!(applied.action || applied.entityType) || undefined}>
            <summary>{t('audit.filters.advanced')}</summary>
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
            </div>
          </details>
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
            <TableScroll label={t('audit.title')} className="audit-table">
              <table className="data-table">
                <caption className="data-table__caption" id="audit-caption">
                  {t('audit.tableCaption', { first, last, total: data.total })}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('audit.columns.at')}</th>
                    <th scope="col">{t('audit.columns.actor')}</th>
                    <th scope="col">{t('audit.columns.action')}</th>
                    <th scope="col">{t('audit.columns.entity')}</th>
                    <th scope="col">{t('audit.columns.outcome')}</th>
                    <th scope="col">{t('audit.columns.detail')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((entry) => {
                    const link = entityLink(entry);
                    const details = detailItems(t, entry);
                    const object = entityText(t, entry);
                    return (
                      <tr key={entry.id}>
                        <th scope="row" className="nowrap" data-label={t('audit.columns.at')}>
                          <time dateTime={entry.at}>{formatDateTime(entry.at, language)}</time>
                        </th>
                        <td className={entry.actorErased ? 'muted' : undefined} data-label={t('audit.columns.actor')}>
                          {actorLabel(t, entry)}
                        </td>
                        <td data-label={t('audit.columns.action')}>
                          <span>
                            {actionLabel(t, entry.action)}
                            {entry.kind ? <span className="audit-kind muted">{t(`audit.kinds.${entry.kind}`)}</span> : null}
                          </span>
                        </td>
                        <td className="audit-object" data-label={t('audit.columns.entity')}>
                          <span>
                            {entry.entityType ? (
                              <span className="audit-object__type muted">{entityTypeLabel(t, entry.entityType)}</span>
                            ) : null}
                            {object ? (
                              link ? (
                                <Link to={link}>{object}</Link>
                              ) : (
                                <span className={entry.entityErased ? 'muted' : undefined}>{object}</span>
                              )
                            ) : null}
                          </span>
                        </td>
                        <td data-label={t('audit.columns.outcome')}>
                          <span className={outcomeClass(entry.outcome)}>
                            {t(`audit.outcome.${entry.outcome === 'success' || entry.outcome === 'failure' || entry.outcome === 'denied' ? entry.outcome : 'other'}`)}
                          </span>
                        </td>
                        <td data-label={t('audit.columns.detail')}>
                          {details.length > 0 ? (
                            <dl className="audit-details">
                              {details.map((item, i) => (
                                <div key={i} className="audit-details__item">
                                  <dt>{item.label}</dt>
                                  <dd>{item.value}</dd>
                                </div>
                              ))}
                            </dl>
                          ) : null}
                        </td>
                      </tr>
                    );
                  })}
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
