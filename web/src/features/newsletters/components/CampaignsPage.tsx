import { useMemo, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CampaignStatus } from '../../../api/generated';
import { FormField } from '../../../components/FormField';
import { Pager } from '../../../components/Pager';
import { ProblemMessage } from '../../../components/ProblemMessage';
import { TableScroll } from '../../../components/TableScroll';
import { hasRole, useAuth } from '../../../lib/auth/me';
import { formatDateTime } from '../../../lib/format';
import { currentLanguage } from '../../../lib/i18n';
import { toProblem } from '../../../lib/problem-details';
import { textIn } from '../../../lib/bilingual';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useUrlFilters } from '../../../lib/use-url-filters';
import { useCampaigns } from '../api/campaigns';
import { useTopics } from '../api/library';
import { campaignFiltersFromParams, campaignFiltersToParams, campaignListQuery, EMPTY_CAMPAIGN_FILTERS, type CampaignFilters } from '../campaign-filters';
import { CAMPAIGN_STATUSES, campaignStatusBadge } from '../newsletter-options';
import { topicName } from '../newsletter-text';
import { campaignPath, FIGURES_PATH, LAYOUTS_PATH, MESSAGES_PATH, NEW_CAMPAIGN_PATH, SEGMENTS_PATH, TOPICS_PATH } from '../paths';
import { SenderSelect } from './SenderSelect';
import './newsletters.css';

const ID = 'campaign-filter';
const FILTERS = { fromParams: campaignFiltersFromParams, toParams: campaignFiltersToParams };

/**
 * Staff: the newsletter campaigns (a coordinator's: their departments'), newest first, by status and (admins) sender;
 * a new campaign, blank or from a ready-made message; the way to segments, the library, figures, topics and layouts.
 */
export function CampaignsPage() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  useDocumentTitle(t('newsletters.list.title'));
  const auth = useAuth();
  const isAdmin = hasRole(auth.me, 'admin');
  const topics = useTopics();
  const { applied, draft, setDraft, apply, linkTo } = useUrlFilters(FILTERS);
  const query = useMemo(() => campaignListQuery(applied), [applied]);
  const list = useCampaigns(query);
  const problem = list.error ? toProblem(list.error) : null;
  const data = list.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    apply({ ...draft, page: 1 });
  };
  const set = <K extends keyof CampaignFilters>(field: K, value: CampaignFilters[K]) => setDraft((d) => ({ ...d, [field]: value }));
  const topicOf = (id: string) => {
    const topic = topics.data?.find((item) => item.id === id);
    return topic ? topicName(topic, language) : '';
  };

  return (
    <div className="page page--wide newsletters">
      <div className="page__header newsletters__header">
        <div>
          <h1>{t('newsletters.list.title')}</h1>
          <p className="page__intro">{isAdmin ? t('newsletters.list.intro') : t('newsletters.list.introCoordinator')}</p>
        </div>
        <div className="event-actions">
          <Link to={NEW_CAMPAIGN_PATH} className="button button--primary">
            {t('newsletters.list.newBlank')}
          </Link>
          <Link to={MESSAGES_PATH} className="button">
            {t('newsletters.list.newFromMessage')}
          </Link>
        </div>
      </div>

      <nav className="panel newsletter-tools" aria-label={t('newsletters.list.tools')}>
        <ul>
          <li>
            <Link to={SEGMENTS_PATH}>{t('newsletters.segments.title')}</Link>
          </li>
          <li>
            <Link to={MESSAGES_PATH}>{t('newsletters.messages.title')}</Link>
          </li>
          <li>
            <Link to={FIGURES_PATH}>{t('newsletters.topicFigures.title')}</Link>
          </li>
          {isAdmin ? (
            <>
              <li>
                <Link to={TOPICS_PATH}>{t('newsletters.topics.title')}</Link>
              </li>
              <li>
                <Link to={LAYOUTS_PATH}>{t('newsletters.layouts.title')}</Link>
              </li>
            </>
          ) : null}
        </ul>
      </nav>

      <section className="panel" aria-labelledby={`${ID}-heading`}>
        <h2 id={`${ID}-heading`} className="panel__title">
          {t('newsletters.list.filtersTitle')}
        </h2>
        <form className="newsletter-filters" role="search" aria-labelledby={`${ID}-heading`} noValidate onSubmit={submit}>
          <FormField id={`${ID}-status`} name="status" label={t('newsletters.list.status')}>
            {(control) => (
              <select {...control} className="input" value={draft.status} onChange={(e) => set('status', e.target.value as CampaignStatus | '')}>
                <option value="">{t('newsletters.list.anyStatus')}</option>
                {CAMPAIGN_STATUSES.map((status) => (
                  <option key={status} value={status}>
                    {t(`newsletters.statuses.${status}`)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          {isAdmin ? (
            <FormField id={`${ID}-department`} name="department" label={t('newsletters.list.department')}>
              {(control) => (
                <SenderSelect
                  control={control}
                  value={draft.department}
                  onChange={(value) => set('department', value)}
                  centralAllowed
                  anyLabel={t('newsletters.list.anyDepartment')}
                />
              )}
            </FormField>
          ) : null}
          <div className="form-actions">
            <button type="submit" className="button button--primary">
              {t('newsletters.list.apply')}
            </button>
            <button type="button" className="button" onClick={() => apply(EMPTY_CAMPAIGN_FILTERS)}>
              {t('newsletters.list.clear')}
            </button>
          </div>
        </form>
      </section>

      <div aria-busy={list.isFetching || undefined}>
        {list.isPending ? (
          <p className="loading">{t('common.loading')}</p>
        ) : problem && !data ? (
          <div className="notice notice--error" role="alert">
            <ProblemMessage problem={problem} lead={t('newsletters.list.loadError')} />
            <button type="button" className="button button--small" onClick={() => void list.refetch()}>
              {t('common.retry')}
            </button>
          </div>
        ) : !data ? null : data.items.length === 0 ? (
          <p role="status">{applied.status || applied.department ? t('newsletters.list.none') : t('newsletters.list.noneYet')}</p>
        ) : (
          <>
            <TableScroll label={t('newsletters.list.tableLabel')}>
              <table className="data-table">
                <caption className="data-table__caption">{t('newsletters.list.caption', { count: data.total })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('newsletters.list.columns.name')}</th>
                    <th scope="col">{t('newsletters.list.columns.topic')}</th>
                    <th scope="col">{t('newsletters.list.columns.sender')}</th>
                    <th scope="col">{t('newsletters.list.columns.status')}</th>
                    <th scope="col">{t('newsletters.list.columns.when')}</th>
                    <th scope="col">{t('newsletters.list.columns.recipients')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((campaign) => {
                    const when = campaign.finishedAt ?? campaign.startedAt ?? campaign.scheduledAt ?? campaign.updatedAt;
                    return (
                      <tr key={campaign.id}>
                        <th scope="row">
                          <Link to={campaignPath(campaign.id)}>{campaign.name}</Link>
                          {textIn(campaign.subjectSv, campaign.subjectEn, language) ? (
                            <span className="muted block">{textIn(campaign.subjectSv, campaign.subjectEn, language)}</span>
                          ) : null}
                        </th>
                        <td>
                          {topicOf(campaign.topicId) || campaign.topicKey}
                          {campaign.kind === 'invitation' ? <span className="muted block">{t('newsletters.kinds.invitation')}</span> : null}
                        </td>
                        <td>{campaign.departmentCode ?? t('newsletters.centralOffice')}</td>
                        <td>
                          <span className={campaignStatusBadge(campaign.status)}>{t(`newsletters.statuses.${campaign.status}`)}</span>
                        </td>
                        <td>
                          <time dateTime={when}>{formatDateTime(when, language)}</time>
                        </td>
                        <td>{campaign.recipientCount}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </TableScroll>
            <Pager label={t('newsletters.list.pagerLabel')} page={data.page} pages={pages} linkTo={(page) => linkTo({ ...applied, page })} />
          </>
        )}
      </div>
    </div>
  );
}
