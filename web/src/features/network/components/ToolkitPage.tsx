import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FormField } from '../../../components/FormField';
import { Pager } from '../../../components/Pager';
import { ProblemMessage } from '../../../components/ProblemMessage';
import { hasRole, useAuth } from '../../../lib/auth/me';
import { textIn } from '../../../lib/bilingual';
import { formatDateTime } from '../../../lib/format';
import { currentLanguage } from '../../../lib/i18n';
import { toProblem } from '../../../lib/problem-details';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useUrlFilters } from '../../../lib/use-url-filters';
import { useToolkitItems } from '../api/toolkit';
import { NEW_TOOLKIT_ITEM_PATH, toolkitItemPath } from '../paths';
import { NetworkNav } from './NetworkNav';
import { EMPTY_TOOLKIT_FILTERS, TOOLKIT_KINDS, toolkitFiltersFromParams, toolkitFiltersToParams } from './ToolkitForm';
import './toolkit.css';

const FILTERS = { fromParams: toolkitFiltersFromParams, toParams: toolkitFiltersToParams };
const PAGE_SIZE = 20;
/** An item changed within this many days is marked as new or changed. */
const RECENT_DAYS = 30;

/**
 * The network's toolkit: the office's ready messages, templates, guides and checklists, by words, kind and tag, latest
 * change first, each with when it last changed. Admins add items and see the archived ones.
 */
export function ToolkitPage() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  useDocumentTitle(t('network.toolkit.title'));
  const { me } = useAuth();
  const isAdmin = hasRole(me, 'admin');
  const { applied, draft, setDraft, apply, linkTo } = useUrlFilters(FILTERS);
  const query = useMemo(
    () => ({
      q: applied.q || undefined,
      kind: applied.kind || undefined,
      tag: applied.tag || undefined,
      archived: isAdmin && applied.archived ? true : undefined,
      page: applied.page,
      pageSize: PAGE_SIZE,
    }),
    [applied, isAdmin],
  );
  const list = useToolkitItems(query);
  // What counts as recent is fixed when the page opens (rendering stays pure).
  const [recentSince] = useState(() => Date.now() - RECENT_DAYS * 24 * 3600 * 1000);
  const problem = list.error ? toProblem(list.error) : null;
  const data = list.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    apply({ ...draft, page: 1 });
  };
  return (
    <div className="page page--wide toolkit">
      <NetworkNav />
      <div className="page__header toolkit__header">
        <div>
          <h1>{applied.archived && isAdmin ? t('network.toolkit.archivedTitle') : t('network.toolkit.title')}</h1>
          <p className="page__intro">{t('network.toolkit.intro')}</p>
        </div>
        {isAdmin ? (
          <div className="toolkit__header-actions">
            <Link to={NEW_TOOLKIT_ITEM_PATH} className="button button--primary">
              {t('network.toolkit.new')}
            </Link>
            <Link to={linkTo({ ...EMPTY_TOOLKIT_FILTERS, archived: !applied.archived })} className="button">
              {applied.archived ? t('network.toolkit.showInUse') : t('network.toolkit.showArchived')}
            </Link>
          </div>
        ) : null}
      </div>
      <section className="panel" aria-labelledby="toolkit-filter-heading">
        <h2 id="toolkit-filter-heading" className="panel__title">
          {t('network.toolkit.filtersTitle')}
        </h2>
        <form className="toolkit-filters" role="search" aria-labelledby="toolkit-filter-heading" noValidate onSubmit={submit}>
          <FormField id="toolkit-filter-q" name="q" label={t('network.toolkit.q')}>
            {(control) => <input {...control} type="search" className="input" value={draft.q} onChange={(e) => setDraft((d) => ({ ...d, q: e.target.value }))} />}
          </FormField>
          <FormField id="toolkit-filter-kind" name="kind" label={t('network.toolkit.kind')}>
            {(control) => (
              <select {...control} className="input" value={draft.kind} onChange={(e) => setDraft((d) => ({ ...d, kind: e.target.value as typeof d.kind }))}>
                <option value="">{t('network.toolkit.allKinds')}</option>
                {TOOLKIT_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`network.toolkit.kinds.${kind}`)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField id="toolkit-filter-tag" name="tag" label={t('network.toolkit.tag')}>
            {(control) => <input {...control} type="text" className="input" value={draft.tag} onChange={(e) => setDraft((d) => ({ ...d, tag: e.target.value }))} />}
          </FormField>
          <div className="form-actions">
            <button type="submit" className="button button--primary">
              {t('network.toolkit.apply')}
            </button>
            <button type="button" className="button" onClick={() => apply({ ...EMPTY_TOOLKIT_FILTERS, archived: applied.archived })}>
              {t('network.toolkit.clear')}
            </button>
          </div>
        </form>
      </section>
      <div aria-busy={list.isFetching || undefined}>
        {list.isPending ? (
          <p className="loading">{t('common.loading')}</p>
        ) : problem && !data ? (
          <div className="notice notice--error" role="alert">
            <ProblemMessage problem={problem} lead={t('network.toolkit.loadError')} />
          </div>
        ) : !data ? null : data.items.length === 0 ? (
          <p role="status">{applied.q || applied.tag || applied.kind ? t('network.toolkit.none') : t('network.toolkit.noneYet')}</p>
        ) : (
          <>
            <ul className="toolkit-list" aria-label={t('network.toolkit.listLabel', { count: data.total })}>
              {data.items.map((item) => {
                const title = textIn(item.titleSv, item.titleEn, language);
                const recent = Date.parse(item.changedAt) >= recentSince;
                return (
                  <li key={item.id} className="panel toolkit-card">
                    <p className="toolkit-card__kind">
                      <span className="badge">{t(`network.toolkit.kinds.${item.kind}`)}</span>
                      {recent ? <span className="badge badge--active">{item.currentVersion > 1 ? t('network.toolkit.recentlyChanged') : t('network.toolkit.recentlyAdded')}</span> : null}
                    </p>
                    <h2 className="toolkit-card__title">
                      <Link to={toolkitItemPath(item.id)}>{title}</Link>
                    </h2>
                    {textIn(item.summarySv, item.summaryEn, language) ? <p className="toolkit-card__summary">{textIn(item.summarySv, item.summaryEn, language)}</p> : null}
                    {item.tags.length > 0 ? (
                      <p className="toolkit-card__tags">
                        <span className="visually-hidden">{t('network.toolkit.tags')}: </span>
                        {item.tags.map((tag) => (
                          <Link key={tag} className="badge badge--inactive" to={linkTo({ ...EMPTY_TOOLKIT_FILTERS, archived: applied.archived, tag })}>
                            {tag}
                          </Link>
                        ))}
                      </p>
                    ) : null}
                    <p className="muted">{t('network.toolkit.changed', { version: item.currentVersion, when: formatDateTime(item.changedAt, language) })}</p>
                  </li>
                );
              })}
            </ul>
            <Pager label={t('network.toolkit.pagerLabel')} page={data.page} pages={pages} linkTo={(page) => linkTo({ ...applied, page })} />
          </>
        )}
      </div>
    </div>
  );
}
