import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { AttendeeResponse, CheckInResponse, EventResponse } from '../../../api/generated';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { TextInputField } from '../../../components/FormField';
import { ProblemMessage } from '../../../components/ProblemMessage';
import { focusSoon } from '../../../lib/focus';
import { formatDateTime } from '../../../lib/format';
import { currentLanguage } from '../../../lib/i18n';
import { toProblem, type Problem } from '../../../lib/problem-details';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useAttendees, useCheckIn, useUndoCheckIn } from '../api/staff-attendance';
import { useStaffEvent } from '../api/staff-events';
import { canScan, isCheckInCode, normaliseCode } from '../check-in-code';
import { attendeeBadgeClass } from '../staff-options';
import { GUID, STAFF_EVENTS_PATH, staffEventPath } from '../staff-paths';
import { textIn } from '../../../lib/bilingual';
import { formatInZone } from '../../../lib/zoned-time';
import { EventFigures } from './EventFigures';
import { QrScanner } from './QrScanner';
import './staff-events.css';

const CODE_ID = 'check-in-code';
const SEARCH_ID = 'check-in-search';

/** Staff: check people in at an event (`/staff/events/:id/check-in`), made for a phone at the door. */
export function CheckInPage() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const { id = '' } = useParams();
  const wellFormed = GUID.test(id);
  const event = useStaffEvent(id, wellFormed);
  const problem = event.error && !event.data ? toProblem(event.error) : null;
  const title = event.data ? textIn(event.data.titleSv, event.data.titleEn, language) : '';
  useDocumentTitle(title ? `${t('events.staff.checkIn.title')}: ${title}` : t('events.staff.checkIn.title'));
  return (
    <div className="page page--narrow staff-events check-in">
      <p className="back-link">
        <Link to={event.data ? staffEventPath(id) : STAFF_EVENTS_PATH}>{event.data ? t('events.staff.form.backToEvent') : t('events.staff.back')}</Link>
      </p>
      <h1>{t('events.staff.checkIn.title')}</h1>
      <p className="page__intro">{t('events.staff.checkIn.intro')}</p>
      {!wellFormed || problem?.kind === 'not-found' ? (
        <div className="notice notice--error" role="alert">
          <span className="problem__message">{t('events.staff.detail.notFound')}</span>
        </div>
      ) : event.isPending ? (
        <p className="loading">{t('common.loading')}</p>
      ) : problem ? (
        <div className="notice notice--error" role="alert">
          <ProblemMessage problem={problem} lead={t('events.staff.detail.loadError')} />
          <button type="button" className="button button--small" onClick={() => void event.refetch()}>
            {t('common.retry')}
          </button>
        </div>
      ) : event.data ? (
        <CheckInDesk event={event.data} />
      ) : null}
    </div>
  );
}

/** A person's name as the list shows it; "the member" once erased. */
function personName(person: { firstName?: string | null; lastName?: string | null }, fallback: string): string {
  return [person.firstName, person.lastName].filter(Boolean).join(' ') || fallback;
}

type Outcome =
  | { kind: 'checkedIn'; who: CheckInResponse }
  | { kind: 'undone'; name: string }
  | { kind: 'failed'; problem: Problem; undo: boolean };

function CheckInDesk({ event }: { event: EventResponse }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const checkIn = useCheckIn();
  const undo = useUndoCheckIn();
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [scanning, setScanning] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  const query = useMemo(() => ({ q: q || undefined, page: 1, pageSize: 50 }), [q]);
  const attendees = useAttendees(event.id, query);
  const listProblem = attendees.error && !attendees.data ? toProblem(attendees.error) : null;
  const scanner = canScan();
  const someone = t('events.staff.checkIn.someone');
  const open = event.status === 'published';
  const busy = checkIn.isPending || undo.isPending;

  const done = (who: CheckInResponse) => setOutcome({ kind: 'checkedIn', who });
  const byCode = (typed: string) => {
    if (busy) return;
    setOutcome(null);
    if (!isCheckInCode(typed)) {
      setCodeError(t('events.staff.checkIn.codeInvalid'));
      setAttempt((n) => n + 1);
      return;
    }
    setCodeError(null);
    checkIn.mutate(
      { eventId: event.id, code: normaliseCode(typed) },
      {
        onSuccess: (who) => {
          setCode('');
          done(who);
        },
        onError: (error) => setOutcome({ kind: 'failed', problem: toProblem(error), undo: false }),
      },
    );
  };
  const submitCode = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    byCode(code);
  };
  const byId = (attendee: AttendeeResponse) => {
    if (busy) return;
    setOutcome(null);
    checkIn.mutate(
      { eventId: event.id, registrationId: attendee.id },
      { onSuccess: done, onError: (error) => setOutcome({ kind: 'failed', problem: toProblem(error), undo: false }) },
    );
  };
  const undoFor = (registrationId: string, name: string) => {
    if (busy) return;
    setOutcome(null);
    undo.mutate(
      { eventId: event.id, registrationId },
      {
        onSuccess: () => setOutcome({ kind: 'undone', name }),
        onError: (error) => setOutcome({ kind: 'failed', problem: toProblem(error), undo: true }),
      },
    );
  };
  const submitSearch = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setQ(search.trim());
  };

  const checkedName = outcome?.kind === 'checkedIn' ? personName(outcome.who, someone) : '';
  const guests = (names: readonly (string | null | undefined)[]) =>
    names.map((name) => name || t('events.staff.attendees.unnamedGuest')).join(', ');

  return (
    <>
      <p className="check-in__event">
        <strong>{textIn(event.titleSv, event.titleEn, language)}</strong>
        <span className="block muted">{formatInZone(event.startsAt, event.timeZone, language)}</span>
      </p>
      {!open ? <p className="notice notice--warning">{t('events.staff.checkIn.notOpen')}</p> : null}

      <div className="status-region" role="status" aria-live="polite" aria-atomic="true">
        {outcome?.kind === 'checkedIn' ? (
          <div className="notice notice--success check-in__outcome">
            <p>
              {outcome.who.seats > 1
                ? t('events.staff.checkIn.checkedInSeats', { name: checkedName, count: outcome.who.seats })
                : t('events.staff.checkIn.checkedIn', { name: checkedName })}
            </p>
            {outcome.who.guests.length > 0 ? <p>{t('events.staff.checkIn.guestsList', { names: guests(outcome.who.guests) })}</p> : null}
          </div>
        ) : outcome?.kind === 'undone' ? (
          <p className="notice notice--success">{t('events.staff.checkIn.undone', { name: outcome.name })}</p>
        ) : null}
      </div>
      {outcome?.kind === 'checkedIn' ? (
        <div className="form-actions check-in__undo">
          <button
            type="button"
            className="button check-in__button"
            aria-disabled={busy || undefined}
            onClick={() => undoFor(outcome.who.registrationId, checkedName)}
          >
            {t('events.staff.checkIn.undoNamed', { name: checkedName })}
          </button>
        </div>
      ) : null}
      {outcome?.kind === 'failed' ? (
        <div className="notice notice--error" role="alert">
          <ProblemMessage problem={outcome.problem} lead={t(outcome.undo ? 'events.staff.checkIn.undoFailed' : 'events.staff.checkIn.failed')} />
        </div>
      ) : null}

      <section className="panel" aria-labelledby="check-in-code-heading">
        <h2 id="check-in-code-heading" className="panel__title">
          {t('events.staff.checkIn.byCode')}
        </h2>
        <form className="check-in__form" noValidate onSubmit={submitCode} aria-busy={checkIn.isPending || undefined}>
          {codeError ? (
            <ErrorSummary
              title={t('events.staff.checkIn.failed')}
              problem={null}
              attempt={attempt}
              fields={[{ id: CODE_ID, label: t('events.staff.checkIn.code'), messages: [codeError] }]}
            />
          ) : null}
          <TextInputField
            id={CODE_ID}
            name="code"
            label={t('events.staff.checkIn.code')}
            hint={t('events.staff.checkIn.codeHint')}
            errors={codeError ? [codeError] : undefined}
            value={code}
            onValueChange={(value) => {
              setCode(value);
              if (codeError) setCodeError(null);
            }}
            inputClassName="input input--code check-in__code"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={24}
          />
          <div className="check-in__actions">
            <button type="submit" className="button button--primary check-in__button" aria-disabled={busy || undefined}>
              {checkIn.isPending ? t('events.staff.checkIn.checkingIn') : t('events.staff.checkIn.submit')}
            </button>
            {scanner ? (
              <button
                type="button"
                className="button check-in__button"
                aria-expanded={scanning}
                onClick={() => {
                  setScanning((open) => !open);
                  focusSoon('qr-scanner-heading');
                }}
              >
                {t('events.staff.checkIn.scan')}
              </button>
            ) : null}
          </div>
        </form>
      </section>

      {scanning ? (
        <QrScanner
          onCode={(scanned) => {
            setScanning(false);
            setCode(scanned);
            byCode(scanned);
          }}
          onClose={() => setScanning(false)}
        />
      ) : null}

      <section className="panel" aria-labelledby="check-in-list-heading">
        <h2 id="check-in-list-heading" className="panel__title">
          {t('events.staff.checkIn.search')}
        </h2>
        <form className="check-in__search" role="search" aria-labelledby="check-in-list-heading" noValidate onSubmit={submitSearch}>
          <TextInputField
            id={SEARCH_ID}
            name="q"
            type="search"
            label={t('events.staff.checkIn.searchLabel')}
            value={search}
            onValueChange={setSearch}
            autoComplete="off"
            maxLength={200}
          />
          <button type="submit" className="button check-in__button">
            {t('events.staff.checkIn.searchButton')}
          </button>
        </form>
        <div aria-busy={attendees.isFetching || undefined}>
          {listProblem ? (
            <div className="notice notice--error" role="alert">
              <ProblemMessage problem={listProblem} lead={t('events.staff.attendees.loadError')} />
            </div>
          ) : !attendees.data ? (
            <p className="loading">{t('common.loading')}</p>
          ) : attendees.data.items.length === 0 ? (
            <p role="status">{q ? t('events.staff.checkIn.noMatch') : t('events.staff.attendees.noneYet')}</p>
          ) : (
            <ul className="check-in__list" aria-label={t('events.staff.checkIn.listTitle')}>
              {attendees.data.items.map((attendee) => {
                const name = personName(attendee, t('events.staff.attendees.erased'));
                const checked = attendee.status === 'checkedIn';
                const may = attendee.status === 'confirmed' || attendee.status === 'noShow';
                return (
                  <li key={attendee.id} className={checked ? 'check-in__person is-checked' : 'check-in__person'}>
                    <div className="check-in__who">
                      <span className="check-in__name">{name}</span>
                      <span className="muted break-all">{attendee.email ?? ''}</span>
                      <span>
                        <span className={attendeeBadgeClass(attendee.status)}>{t(`events.staff.attendeeStatuses.${attendee.status}`)}</span>
                        {attendee.seats > 1 ? <span className="muted"> · {t('events.staff.figures.seats', { count: attendee.seats })}</span> : null}
                      </span>
                      {attendee.guests.length > 0 ? <span className="muted">{t('events.staff.checkIn.guestsList', { names: guests(attendee.guests) })}</span> : null}
                      {checked && attendee.checkedInAt ? (
                        <span className="muted">{t('events.staff.checkIn.checkedInAt', { time: formatDateTime(attendee.checkedInAt, language) })}</span>
                      ) : null}
                    </div>
                    {checked ? (
                      <button
                        type="button"
                        className="button check-in__button"
                        aria-disabled={busy || undefined}
                        aria-label={t('events.staff.checkIn.undoNamed', { name })}
                        onClick={() => undoFor(attendee.id, name)}
                      >
                        {t('events.staff.checkIn.undo')}
                      </button>
                    ) : may && open ? (
                      <button
                        type="button"
                        className="button button--primary check-in__button"
                        aria-disabled={busy || undefined}
                        aria-label={t('events.staff.checkIn.checkInNamed', { name })}
                        onClick={() => byId(attendee)}
                      >
                        {t('events.staff.checkIn.submit')}
                      </button>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      </section>

      <EventFigures eventId={event.id} />
    </>
  );
}
