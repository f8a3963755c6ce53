import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { InitiativeKind, InitiativeStatus } from '../../../api/generated';
import { Pager } from '../../../components/Pager';
import { ProblemMessage } from '../../../components/ProblemMessage';
import { hasRole, useAuth } from '../../../lib/auth/me';
import { langAttribute, pickText } from '../../../lib/bilingual';
import { currentLanguage } from '../../../lib/i18n';
import { toProblem } from '../../../lib/problem-details';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useInitiatives } from '../api/initiatives';
import { INITIATIVES_PATH, initiativePath, NEW_INITIATIVE_PATH } from '../paths';
import { INITIATIVE_KINDS, INITIATIVE_STATUSES, InitiativeBadges, InitiativePeriod } from './InitiativeParts';
import { NetworkNav } from './NetworkNav';
import './initiatives.css';

const PAGE_SIZE = 50;

const isKind = (value: string | null): value is InitiativeKind => !!value && (INITIATIVE_KINDS as readonly string[]).includes(value);
const isStatus = (value: string | null): value is InitiativeStatus => !!value && (INITIATIVE_STATUSES as readonly string[]).includes(value);

/** The network's initiatives: open ones first, with their period, kind, how many joined and whether one of mine did. */
export function InitiativesPage() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  useDocumentTitle(t('network.initiatives.title'));
  const { me } = useAuth();
  const [params, setParams] = useSearchParams();
  const kind = isKind(params.get('kind')) ? (params.get('kind') as InitiativeKind) : undefined;
  const status = isStatus(params.get('status')) ? (params.get('status') as InitiativeStatus) : undefined;
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const initiatives = useInitiatives({ page, pageSize: PAGE_SIZE, kind, status });
  const problem = initiatives.error ? toProblem(initiatives.error) : null;
  const setFilter = (name: 'kind' | 'status', value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    next.delete('page');
    setParams(next);
  };
  const pageLink = (n: number) => {
    const next = new URLSearchParams(params);
    if (n > 1) next.set('page', String(n));
    else next.delete('page');
    const query = next.toString();
    return query ? `${INITIATIVES_PATH}?${query}` : INITIATIVES_PATH;
  };
  const data = initiatives.data;
  return (
    <div className="page page--medium initiatives">
      <NetworkNav />
      <div className="page__header initiatives__header">
        <div>
          <h1>{t('network.initiatives.title')}</h1>
          <p className="page__intro">{t('network.initiatives.intro')}</p>
        </div>
        {hasRole(me, 'admin') ? (
          <Link to={NEW_INITIATIVE_PATH} className="button button--primary">
            {t('network.initiatives.new')}
          </Link>
        ) : null}
      </div>
      <div className="initiatives__filters">
        <p className="field">
          <label htmlFor="initiatives-kind" className="field__label">
            {t('network.initiatives.kind')}
          </label>
          <select id="initiatives-kind" className="input" value={kind ?? ''} onChange={(event) => setFilter('kind', event.target.value)}>
            <option value="">{t('network.initiatives.allKinds')}</option>
            {INITIATIVE_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`network.initiatives.kinds.${k}`)}
              </option>
            ))}
          </select>
        </p>
        <p className="field">
          <label htmlFor="initiatives-status" className="field__label">
            {t('network.initiatives.status')}
          </label>
          <select id="initiatives-status" className="input" value={status ?? ''} onChange={(event) => setFilter('status', event.target.value)}>
            <option value="">{t('network.initiatives.allStatuses')}</option>
            {INITIATIVE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`network.initiatives.statuses.${s}`)}
              </option>
            ))}
          </select>
        </p>
      </div>
      {initiatives.isPending ? (
        <p className="loading">{t('common.loading')}</p>
      ) : problem && !data ? (
        <div className="notice notice--error" role="alert">
          <ProblemMessage problem={problem} lead={t('network.initiatives.loadError')} />
        </div>
      ) : !data || data.items.length === 0 ? (
        <p role="status">{t('network.initiatives.none')}</p>
      ) : (
        <>
          <ul className="initiative-list">
            {data.items.map((item) => {
              const title = pickText(item.titleSv, item.titleEn, language);
              return (
                <li key={item.id} className="panel initiative-card">
                  <h2 className="initiative-card__title">
                    <Link to={initiativePath(item.id)} lang={langAttribute(title, language)}>
                      {title?.text ?? t('network.initiatives.untitled')}
                    </Link>
                  </h2>
                  <p className="initiative-card__meta">
                    <InitiativeBadges kind={item.kind} status={item.status} />
                    <span>
                      <InitiativePeriod startsOn={item.startsOn} endsOn={item.endsOn} />
                    </span>
                    <span>{t('network.initiatives.joinedCount', { count: item.joinedCount })}</span>
                    {item.myJoinedDepartmentCodes.length > 0 ? (
                      <span className="badge badge--active">
                        {t('network.initiatives.joinedByMine', { codes: item.myJoinedDepartmentCodes.join(', ') })}
                      </span>
                    ) : null}
                  </p>
                </li>
              );
            })}
          </ul>
          <Pager label={t('network.initiatives.pages')} page={page} pages={Math.max(1, Math.ceil(data.total / PAGE_SIZE))} linkTo={pageLink} />
        </>
      )}
    </div>
  );
}
