import { useMemo, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { EventKind } from '../../../api/generated';
import { FormField } from '../../../components/FormField';
import { Pager } from '../../../components/Pager';
import { ProblemMessage } from '../../../components/ProblemMessage';
import { toProblem } from '../../../lib/problem-details';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useUrlFilters } from '../../../lib/use-url-filters';
import { useMemberEvents } from '../api/member-events';
import {
  EMPTY_MEMBER_EVENT_FILTERS,
  MEMBER_EVENT_KINDS,
  memberEventFiltersFromParams,
  memberEventFiltersToParams,
  memberEventQuery,
  pageCount,
} from '../member-event-filters';
import { MY_EVENTS_PATH } from '../member-paths';
import { EventCard } from './EventCard';
import { MembersOnly } from './MembersOnly';
import './member-events.css';

const ID = 'member-events';
const FILTERS = { fromParams: memberEventFiltersFromParams, toParams: memberEventFiltersToParams };

/**
 * The alumni's events (`/events`): the published, upcoming events of my audience, soonest first, filtered by kind
 * (held in the address), a card each, paged; with a way to my own registrations.
 */
export function EventsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('events.member.list.title'));
  const { applied, draft, setDraft, apply, linkTo } = useUrlFilters(FILTERS);
  const query = useMemo(() => memberEventQuery(applied), [applied]);
  const list = useMemberEvents(query);
  const problem = list.error ? toProblem(list.error) : null;
  const data = list.data;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    apply({ ...draft, page: 1 });
  };

  return (
    <div className="page">
      <div className="page__header">
        <h1>{t('events.member.list.title')}</h1>
        <p className="page__intro">{t('events.member.list.intro')}</p>
        <p>
          <Link to={MY_EVENTS_PATH}>{t('events.member.list.myEvents')}</Link>
        </p>
      </div>

      <form className="member-events__filter" role="search" aria-label={t('events.member.list.filterLabel')} noValidate onSubmit={submit}>
        <FormField id={`${ID}-kind`} name="kind" label={t('events.member.list.kind')}>
          {(control) => (
            <select
              {...control}
              className="input"
              value={draft.kind}
              onChange={(event) => setDraft((d) => ({ ...d, kind: event.target.value as EventKind | '' }))}
            >
              <option value="">{t('events.member.list.anyKind')}</option>
              {MEMBER_EVENT_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`events.common.kinds.${kind}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <div className="form-actions">
          <button type="submit" className="button button--primary">
            {t('events.member.list.show')}
          </button>
          {applied.kind ? (
            <button type="button" className="button" onClick={() => apply(EMPTY_MEMBER_EVENT_FILTERS)}>
              {t('events.member.list.allKinds')}
            </button>
          ) : null}
        </div>
      </form>

      {problem?.kind === 'forbidden' ? (
        <MembersOnly />
      ) : problem ? (
        <div className="notice notice--error" role="alert">
          <ProblemMessage problem={problem} lead={t('events.member.list.loadError')} />
          <button type="button" className="button button--small" onClick={() => void list.refetch()}>
            {t('common.retry')}
          </button>
        </div>
      ) : null}

      <div aria-busy={list.isFetching || undefined}>
        {list.isPending ? (
          <p className="loading">{t('common.loading')}</p>
        ) : !data ? null : (
          <>
            <p className="toolbar__summary" role="status">
              {t('events.member.list.summary', { count: data.total })}
            </p>
            {data.items.length === 0 ? (
              <p>{applied.kind ? t('events.member.list.noneOfKind') : t('events.member.list.none')}</p>
            ) : (
              <ul className="event-list" aria-label={t('events.member.list.listLabel')}>
                {data.items.map((event) => (
                  <li key={event.id}>
                    <EventCard event={event} />
                  </li>
                ))}
              </ul>
            )}
            <Pager
              label={t('events.member.list.pagerLabel')}
              page={data.page}
              pages={pageCount(data.total, data.pageSize)}
              linkTo={(page) => linkTo({ ...applied, page })}
            />
          </>
        )}
      </div>
    </div>
  );
}
