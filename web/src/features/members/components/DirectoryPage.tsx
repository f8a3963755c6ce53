import { useId, useMemo, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DirectoryEntry, MemberOffer } from '../../../api/generated';
import { FormField } from '../../../components/FormField';
import { Pager } from '../../../components/Pager';
import { ProblemMessage } from '../../../components/ProblemMessage';
import { toProblem } from '../../../lib/problem-details';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useUrlFilters } from '../../../lib/use-url-filters';
import { useFaculties } from '../../../lib/departments/faculties';
import { useDirectory } from '../api/directory';
import {
  directoryFiltersFromParams,
  directoryFiltersToParams,
  directoryQuery,
  EMPTY_DIRECTORY_FILTERS,
} from '../directory-search';
import { pageCount } from '../member-search';
import { MEMBER_OFFERS } from '../options';
import { DepartmentSelect } from './DepartmentSelect';
import { CountrySelect } from '../../../components/CountrySelect';
import { useCountryName } from '../../../lib/countries';
import './network.css';
import './directory.css';

const ID = 'directory';
const DIRECTORY_FILTERS = { fromParams: directoryFiltersFromParams, toParams: directoryFiltersToParams };

/** The alumni directory: active members find the members who chose to be listed, and see what each chose to show. */
export function DirectoryPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('directory.title'));
  const { applied, draft, setDraft, apply, linkTo } = useUrlFilters(DIRECTORY_FILTERS);
  const query = useMemo(() => directoryQuery(applied), [applied]);
  const directory = useDirectory(query);
  const faculties = useFaculties(false);
  const problem = directory.error ? toProblem(directory.error) : null;
  const data = directory.data;
  const pages = data ? pageCount(data.total, data.pageSize) : 1;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    apply({ ...draft, page: 1 });
  };

  const pageLink = (page: number) => linkTo({ ...applied, page });

  if (problem?.kind === 'forbidden') {
    return (
      <div className="page page--medium">
        <div className="page__header">
          <h1>{t('directory.title')}</h1>
        </div>
        <section className="panel panel--invite" aria-labelledby="directory-closed-heading">
          <h2 id="directory-closed-heading" className="panel__title">
            {t('directory.forbiddenTitle')}
          </h2>
          <p>{t('directory.forbiddenBody')}</p>
          <p>
            <Link to="/me/profile">{t('directory.toProfile')}</Link>
          </p>
        </section>
      </div>
    );
  }

  return (
    <div className="page">
      <div className="page__header">
        <h1>{t('directory.title')}</h1>
        <p className="page__intro">{t('directory.intro')}</p>
      </div>

      <section className="panel" aria-labelledby={`${ID}-search-heading`}>
        <h2 id={`${ID}-search-heading`} className="panel__title">
          {t('directory.search.title')}
        </h2>
        <form className="filter-form" role="search" aria-labelledby={`${ID}-search-heading`} noValidate onSubmit={submit}>
          <div className="filter-form__fields">
            <FormField id={`${ID}-q`} name="q" label={t('directory.search.q')}>
              {(control) => (
                <input
                  {...control}
                  type="search"
                  className="input"
                  value={draft.q}
                  onChange={(event) => setDraft((d) => ({ ...d, q: event.target.value }))}
                  maxLength={200}
                />
              )}
            </FormField>
            <FormField id={`${ID}-department`} name="department" label={t('directory.search.department')}>
              {(control) => (
                <DepartmentSelect
                  control={control}
                  value={draft.department}
                  onChange={(department) => setDraft((d) => ({ ...d, department }))}
                  faculties={faculties.data}
                  emptyLabel={t('directory.search.anyDepartment')}
                />
              )}
            </FormField>
            <FormField id={`${ID}-country`} name="country" label={t('directory.search.country')}>
              {(control) => (
                <CountrySelect
                  control={control}
                  value={draft.country}
                  onChange={(country) => setDraft((d) => ({ ...d, country }))}
                  emptyLabel={t('directory.search.anyCountry')}
                />
              )}
            </FormField>
            <FormField id={`${ID}-offers`} name="offers" label={t('directory.search.offers')}>
              {(control) => (
                <select
                  {...control}
                  className="input"
                  value={draft.offers}
                  onChange={(event) => setDraft((d) => ({ ...d, offers: event.target.value as MemberOffer | '' }))}
                >
                  <option value="">{t('directory.search.anyOffer')}</option>
                  {MEMBER_OFFERS.map((offer) => (
                    <option key={offer} value={offer}>
                      {t(`members.offer.${offer}`)}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
          </div>
          <div className="form-actions">
            <button type="submit" className="button button--primary">
              {t('directory.search.submit')}
            </button>
            <button type="button" className="button" onClick={() => apply(EMPTY_DIRECTORY_FILTERS)}>
              {t('directory.search.clear')}
            </button>
          </div>
        </form>
      </section>

      {problem ? (
        <div className="notice notice--error" role="alert">
          <ProblemMessage problem={problem} lead={t('directory.loadError')} />
          <button type="button" className="button button--small" onClick={() => void directory.refetch()}>
            {t('common.retry')}
          </button>
        </div>
      ) : null}

      <div aria-busy={directory.isFetching || undefined}>
        {directory.isPending ? (
          <p className="loading">{t('common.loading')}</p>
        ) : !data ? null : (
          <>
            <p className="toolbar__summary" role="status">
              {t('directory.summary', { count: data.total })}
            </p>
            {data.items.length === 0 ? (
              <p>{t('directory.none')}</p>
            ) : (
              <ul className="card-list" aria-label={t('directory.listLabel')}>
                {data.items.map((entry) => (
                  <li key={entry.id}>
                    <DirectoryCard entry={entry} />
                  </li>
                ))}
              </ul>
            )}
            <Pager label={t('directory.pagerLabel')} page={data.page} pages={pages} linkTo={pageLink} />
          </>
        )}
      </div>
    </div>
  );
}

/** One member: the name, and only the fields the API returned (those the member chose to show). */
function DirectoryCard({ entry }: { entry: DirectoryEntry }) {
  const { t } = useTranslation();
  const countryName = useCountryName();
  const headingId = useId();
  const name = `${entry.firstName} ${entry.lastName}`.trim();
  const location = [entry.city, countryName(entry.country)].filter(Boolean).join(', ');
  const work = [entry.jobTitle, entry.employer].filter(Boolean).join(', ');
  const rows: Array<{ key: string; label: string; value: ReactNode }> = [];
  if (work) rows.push({ key: 'work', label: t('directory.card.work'), value: work });
  if (entry.industry) rows.push({ key: 'industry', label: t('members.directoryField.industry'), value: entry.industry });
  if (location) rows.push({ key: 'location', label: t('directory.card.location'), value: location });
  if (entry.email)
    rows.push({
      key: 'email',
      label: t('members.directoryField.email'),
      value: <a href={`mailto:${entry.email}`}>{entry.email}</a>,
    });
  if (entry.linkedInUrl)
    rows.push({
      key: 'linkedIn',
      label: t('members.directoryField.linkedInUrl'),
      value: (
        <a href={entry.linkedInUrl} rel="noopener noreferrer" target="_blank">
          {t('directory.card.linkedIn')}
          <span className="visually-hidden"> {t('directory.card.linkedInOf', { name })} {t('common.newTab')}</span>
        </a>
      ),
    });
  if (entry.affiliations?.length)
    rows.push({ key: 'studies', label: t('members.directoryField.affiliations'), value: entry.affiliations.join(', ') });
  if (entry.offers?.length)
    rows.push({
      key: 'offers',
      label: t('members.directoryField.offers'),
      value: entry.offers.map((offer) => t(`members.offer.${offer}`)).join(', '),
    });
  if (entry.interests?.length)
    rows.push({ key: 'interests', label: t('members.directoryField.interests'), value: entry.interests.join(', ') });

  return (
    <article className="card" aria-labelledby={headingId}>
      <h2 id={headingId} className="card__title">
        {name}
      </h2>
      {rows.length > 0 ? (
        <dl className="card__facts">
          {rows.map((row) => (
            <div key={row.key}>
              <dt>{row.label}</dt>
              <dd>{row.value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {entry.bio ? <p className="card__bio">{entry.bio}</p> : null}
    </article>
  );
}
