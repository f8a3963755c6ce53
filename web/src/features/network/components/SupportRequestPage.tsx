import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import type { SupportMove, SupportRequestResponse } from '../../../api/generated';
import { ProblemMessage } from '../../../components/ProblemMessage';
import { textIn } from '../../../lib/bilingual';
import { formatDateTime } from '../../../lib/format';
import { currentLanguage, localName } from '../../../lib/i18n';
import { toProblem } from '../../../lib/problem-details';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { formatDay } from '../../../lib/zoned-time';
import { useSupportMove, useSupportRequest, useTakingPartEvents } from '../api/support';
import { staffEventPath, SUPPORT_PATH } from '../paths';
import { NetworkNav } from './NetworkNav';
import { supportBadgeClass } from './SupportStatus';
import './support.css';

/** The moves this page makes (and says so after). */
type MadeMove = Exclude<SupportMove, 'submit' | 'edit'>;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One support request (`/staff/network/support/:requestId`) with its history and the moves the caller may make now. */
export function SupportRequestPage() {
  const { t } = useTranslation();
  const { requestId = '' } = useParams();
  const wellFormed = GUID.test(requestId);
  const request = useSupportRequest(requestId, wellFormed);
  const problem = request.error && !request.data ? toProblem(request.error) : null;
  useDocumentTitle(request.data?.title ?? t('network.support.detail.title'));
  return (
    <div className="page page--medium">
      <NetworkNav />
      <p className="back-link">
        <Link to={SUPPORT_PATH}>{t('network.support.back')}</Link>
      </p>
      {!wellFormed || problem?.kind === 'not-found' ? (
        <>
          <h1>{t('network.support.detail.title')}</h1>
          <div className="notice notice--error" role="alert">
            <span className="problem__message">{t('network.support.detail.notFound')}</span>
          </div>
        </>
      ) : request.isPending ? (
        <p className="loading">{t('common.loading')}</p>
      ) : problem ? (
        <>
          <h1>{t('network.support.detail.title')}</h1>
          <div className="notice notice--error" role="alert">
            <ProblemMessage problem={problem} lead={t('network.support.detail.loadError')} />
          </div>
        </>
      ) : request.data ? (
        <SupportRecord request={request.data} />
      ) : null}
    </div>
  );
}

function SupportRecord({ request }: { request: SupportRequestResponse }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const location = useLocation();
  const [created] = useState(() => !!(location.state as { supportSaved?: boolean } | null)?.supportSaved);
  const move = useSupportMove();
  const [done, setDone] = useState<MadeMove | null>(null);
  const allowed = new Set(request.allowedMoves);
  const after = (which: MadeMove) => ({ onSuccess: () => setDone(which) });
  const moveProblem = move.error ? toProblem(move.error) : null;
  return (
    <>
      <h1>{request.title}</h1>
      <div className="status-region" role="status" aria-live="polite" aria-atomic="true">
        {done ? (
          <p className="notice notice--success">{t(`network.support.detail.moved.${done}`)}</p>
        ) : created ? (
          <p className="notice notice--success">{t('network.support.detail.created')}</p>
        ) : null}
      </div>
      {moveProblem ? (
        <div className="notice notice--error" role="alert">
          <ProblemMessage problem={moveProblem} lead={t('network.support.detail.moveFailed')} />
        </div>
      ) : null}
      <section className="panel" aria-labelledby="support-facts-heading">
        <h2 id="support-facts-heading" className="panel__title">
          {t('network.support.detail.facts')}
        </h2>
        <dl className="event-facts">
          <dt>{t('network.support.detail.status')}</dt>
          <dd>
            <span className={supportBadgeClass(request.status)}>{t(`network.support.statuses.${request.status}`)}</span>
          </dd>
          <dt>{t('network.support.detail.asking')}</dt>
          <dd>
            {localName(request.department, language)} ({request.department.code})
          </dd>
          <dt>{t('network.support.detail.dates')}</dt>
          <dd>
            {request.startsOn === request.endsOn
              ? formatDay(request.startsOn, language)
              : t('network.support.dates', { from: formatDay(request.startsOn, language), to: formatDay(request.endsOn, language) })}
          </dd>
          <dt>{t('network.support.detail.departments')}</dt>
          <dd>{request.departments.map((d) => `${localName(d, language)} (${d.code})`).join(', ')}</dd>
          <dt>{t('network.support.detail.help')}</dt>
          <dd>
            <ul className="support-help-list">
              {request.help.map((help) => (
                <li key={help}>{t(`network.support.help.${help}`)}</li>
              ))}
            </ul>
          </dd>
          {request.helpNote ? (
            <>
              <dt>{t('network.support.detail.helpNote')}</dt>
              <dd className="event-text">{request.helpNote}</dd>
            </>
          ) : null}
          {request.description ? (
            <>
              <dt>{t('network.support.detail.description')}</dt>
              <dd className="event-text">{request.description}</dd>
            </>
          ) : null}
          {request.decisionReason ? (
            <>
              <dt>{t(request.status === 'declined' ? 'network.support.detail.reason' : 'network.support.detail.note')}</dt>
              <dd className="event-text">{request.decisionReason}</dd>
            </>
          ) : null}
          {request.eventId ? (
            <>
              <dt>{t('network.support.detail.event')}</dt>
              <dd>
                <Link to={staffEventPath(request.eventId)}>{t('network.support.detail.openEvent')}</Link>
              </dd>
            </>
          ) : null}
        </dl>
      </section>

      {allowed.size > 0 && !(allowed.size === 1 && allowed.has('edit')) ? (
        <section className="panel" aria-labelledby="support-actions-heading">
          <h2 id="support-actions-heading" className="panel__title">
            {t('network.support.detail.actions')}
          </h2>
          <div className="support-actions">
            {allowed.has('approve') ? (
              <NoteForm
                id="support-approve"
                label={t('network.support.detail.approveNote')}
                button={t('network.support.detail.approve')}
                required={false}
                pending={move.isPending}
                onSend={(note) => move.mutate({ move: 'approve', id: request.id, version: request.version, note: note || undefined }, after('approve'))}
              />
            ) : null}
            {allowed.has('decline') ? (
              <NoteForm
                id="support-decline"
                label={t('network.support.detail.declineReason')}
                button={t('network.support.detail.decline')}
                required
                pending={move.isPending}
                onSend={(reason) => move.mutate({ move: 'decline', id: request.id, version: request.version, reason }, after('decline'))}
              />
            ) : null}
            {allowed.has('done') ? (
              <div>
                <button type="button" className="button" disabled={move.isPending}
                  onClick={() => move.mutate({ move: 'done', id: request.id, version: request.version }, after('done'))}>
                  {t('network.support.detail.markDone')}
                </button>
              </div>
            ) : null}
            {allowed.has('withdraw') ? (
              <div>
                <button type="button" className="button button--danger" disabled={move.isPending}
                  onClick={() => move.mutate({ move: 'withdraw', id: request.id, version: request.version }, after('withdraw'))}>
                  {t('network.support.detail.withdraw')}
                </button>
              </div>
            ) : null}
            {allowed.has('linkEvent') ? (
              <LinkEventForm
                request={request}
                pending={move.isPending}
                onSend={(eventId) => move.mutate({ move: 'linkEvent', id: request.id, version: request.version, eventId }, after('linkEvent'))}
              />
            ) : null}
          </div>
        </section>
      ) : null}

      <section className="panel" aria-labelledby="support-history-heading">
        <h2 id="support-history-heading" className="panel__title">
          {t('network.support.detail.history')}
        </h2>
        <ol className="support-history">
          {request.history.map((entry, i) => (
            <li key={i}>
              <strong>{t(`network.support.moves.${entry.move}`)}</strong>{' '}
              <time dateTime={entry.at}>{formatDateTime(entry.at, language)}</time>
              {entry.byName ? <span className="muted"> · {entry.byName}</span> : null}
              {entry.note ? <span className="block event-text">{entry.note}</span> : null}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}

function NoteForm({ id, label, button, required, pending, onSend }: {
  id: string; label: string; button: string; required: boolean; pending: boolean; onSend: (text: string) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (required && text.trim() === '') {
      setError(t('validation.declineReason'));
      return;
    }
    setError(null);
    onSend(text.trim());
  };
  return (
    <form noValidate onSubmit={submit} className={error ? 'field field--invalid' : 'field'}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      <textarea id={id} className="input" rows={2} value={text} onChange={(e) => setText(e.target.value)}
        aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} />
      <div>
        <button type="submit" className="button" disabled={pending}>
          {button}
        </button>
      </div>
    </form>
  );
}

function LinkEventForm({ request, pending, onSend }: { request: SupportRequestResponse; pending: boolean; onSend: (eventId: string) => void }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const { events, isPending } = useTakingPartEvents(request.departments.map((d) => d.code), true);
  const [chosen, setChosen] = useState(request.eventId ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (chosen) onSend(chosen);
  };
  return (
    <form noValidate onSubmit={submit} className="field">
      <label className="field__label" htmlFor="support-link-event">
        {t('network.support.detail.linkEvent')}
      </label>
      <p className="field__hint">{t('network.support.detail.linkEventHint')}</p>
      {isPending ? (
        <p className="loading">{t('common.loading')}</p>
      ) : events.length === 0 ? (
        <p>{t('network.support.detail.noEvents')}</p>
      ) : (
        <>
          <select id="support-link-event" className="input" value={chosen} onChange={(e) => setChosen(e.target.value)}>
            <option value="">{t('network.support.detail.chooseEvent')}</option>
            {events.map((event) => (
              <option key={event.id} value={event.id}>
                {(textIn(event.titleSv, event.titleEn, language) || t('network.support.detail.untitledEvent')) + ' · ' + formatDateTime(event.startsAt, language)}
              </option>
            ))}
          </select>
          <div>
            <button type="submit" className="button" disabled={pending || !chosen}>
              {t('network.support.detail.link')}
            </button>
          </div>
        </>
      )}
    </form>
  );
}
