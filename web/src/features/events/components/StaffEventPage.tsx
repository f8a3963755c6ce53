import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import type { EventResponse } from '../../../api/generated';
import { ConfirmPanel } from '../../../components/ConfirmPanel';
import { ProblemMessage } from '../../../components/ProblemMessage';
import { useCountryName } from '../../../lib/countries';
import { useFaculties } from '../../../lib/departments/faculties';
import { focusSoon } from '../../../lib/focus';
import { currentLanguage } from '../../../lib/i18n';
import { toProblem, type Problem } from '../../../lib/problem-details';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useEventAction, usePublishedEvent, useStaffEvent, type EventAction } from '../api/staff-events';
import { useOccasion } from '../api/staff-occasions';
import { statusBadgeClass } from '../staff-options';
import { attendeesPath, checkInPath, editEventPath, GUID, occasionPath, STAFF_EVENTS_PATH } from '../staff-paths';
import { departmentName, textIn } from '../../../lib/bilingual';
import { formatInZone, sameClock, viewerTimeZone } from '../../../lib/zoned-time';
import type { EventSavedState } from './event-saved';
import { EventFigures } from './EventFigures';
import { FeedbackSummary } from './FeedbackSummary';
import './staff-events.css';

/** Staff: one event (`/staff/events/:id`) with everything it holds, its figures and its status actions. */
export function StaffEventPage() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const { id = '' } = useParams();
  const wellFormed = GUID.test(id);
  const event = useStaffEvent(id, wellFormed);
  const problem = event.error ? toProblem(event.error) : null;
  const title = event.data ? textIn(event.data.titleSv, event.data.titleEn, language) : '';
  useDocumentTitle(title || t('events.staff.detail.title'));
  const notFound = !wellFormed || (problem?.kind === 'not-found' && !event.data);
  return (
    <div className="page page--medium staff-events">
      <p className="back-link">
        <Link to={STAFF_EVENTS_PATH}>{t('events.staff.back')}</Link>
      </p>
      {notFound ? (
        <>
          <h1>{t('events.staff.detail.title')}</h1>
          <div className="notice notice--error" role="alert">
            <span className="problem__message">{t('events.staff.detail.notFound')}</span>
          </div>
        </>
      ) : event.isPending ? (
        <p className="loading">{t('common.loading')}</p>
      ) : problem && !event.data ? (
        <>
          <h1>{t('events.staff.detail.title')}</h1>
          <div className="notice notice--error" role="alert">
            <ProblemMessage problem={problem} lead={t('events.staff.detail.loadError')} />
            <button type="button" className="button button--small" onClick={() => void event.refetch()}>
              {t('common.retry')}
            </button>
          </div>
        </>
      ) : event.data ? (
        <EventRecord event={event.data} />
      ) : null}
    </div>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

const CANCEL_HEADING = 'event-cancel-heading';
const CANCEL_BUTTON = 'event-cancel-button';

function EventRecord({ event }: { event: EventResponse }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const location = useLocation();
  const faculties = useFaculties(false);
  const countryName = useCountryName();
  const action = useEventAction();
  const published = usePublishedEvent(event);
  const occasion = useOccasion(event.occasionId ?? '', !!event.occasionId);
  const [confirmCancel, setConfirmCancel] = useState(false);
  const [done, setDone] = useState<{ message: string } | null>(() => {
    const saved = (location.state as EventSavedState | null)?.eventSaved;
    return saved ? { message: t(saved === 'created' ? 'events.staff.form.created' : 'events.staff.form.saved') } : null;
  });
  const [failed, setFailed] = useState<Problem | null>(null);
  const cancelHeading = useRef<HTMLHeadingElement>(null);
  const title = textIn(event.titleSv, event.titleEn, language) || t('events.staff.list.untitled');
  const department = (code: string) => `${departmentName(code, faculties.data, language)} (${code})`;
  const viewer = viewerTimeZone();
  const when = (iso: string) => formatInZone(iso, event.timeZone, language, { zoneName: true });
  const yours = (iso: string) => (sameClock(iso, event.timeZone, viewer) ? null : formatInZone(iso, viewer, language, { zoneName: true }));
  const site = [event.venue, event.address, event.city, event.country ? countryName(event.country) : ''].filter(Boolean).join(', ');
  // When the page opened: an event that has started by then may be marked completed.
  const [openedAt] = useState(Date.now);
  const started = new Date(event.startsAt).getTime() <= openedAt;

  const run = (kind: EventAction) => {
    if (action.isPending) return;
    setDone(null);
    setFailed(null);
    action.mutate(
      { id: event.id, version: event.version, action: kind },
      {
        onSuccess: () => {
          setConfirmCancel(false);
          setDone({ message: t(`events.staff.detail.${kind === 'publish' ? 'published' : kind === 'cancel' ? 'cancelled' : 'completed'}`) });
        },
        onError: (error) => setFailed(toProblem(error)),
      },
    );
  };

  return (
    <>
      <div className="page__header">
        <h1>
          {title} <span className={statusBadgeClass(event.status)}>{t(`events.staff.statuses.${event.status}`)}</span>
        </h1>
      </div>

      <div className="status-region" role="status" aria-live="polite" aria-atomic="true">
        {done ? <p className="notice notice--success">{done.message}</p> : null}
      </div>
      {failed ? (
        <div className="notice notice--error" role="alert">
          <ProblemMessage problem={failed} lead={t('events.staff.detail.actionFailed')} />
        </div>
      ) : null}

      {event.canEdit && (event.status === 'draft' || event.status === 'published') ? (
        <section className="panel" aria-labelledby="event-actions-heading">
          <h2 id="event-actions-heading" className="panel__title">
            {t('events.staff.detail.actions')}
          </h2>
          <div className="event-actions">
            <Link className="button" to={editEventPath(event.id)}>
              {t('events.staff.detail.edit')}
            </Link>
            {event.status === 'draft' ? (
              <button type="button" className="button button--primary" aria-disabled={action.isPending || undefined} onClick={() => run('publish')}>
                {t('events.staff.detail.publish')}
              </button>
            ) : null}
            {event.status === 'published' && started ? (
              <button type="button" className="button" aria-disabled={action.isPending || undefined} onClick={() => run('complete')}>
                {t('events.staff.detail.complete')}
              </button>
            ) : null}
            <button
              type="button"
              id={CANCEL_BUTTON}
              className="button button--danger"
              aria-expanded={confirmCancel}
              onClick={() => {
                setConfirmCancel(true);
                focusSoon(CANCEL_HEADING);
              }}
            >
              {t('events.staff.detail.cancel')}
            </button>
          </div>
          {event.status === 'draft' ? <p className="field__hint">{t('events.staff.detail.publishHint')}</p> : null}
        </section>
      ) : null}

      {confirmCancel ? (
        <ConfirmPanel
          headingId={CANCEL_HEADING}
          headingRef={cancelHeading}
          title={t('events.staff.detail.cancelTitle', { title })}
          body={t('events.staff.detail.cancelBody')}
          confirmLabel={t('events.staff.detail.cancelConfirm')}
          pending={action.isPending}
          onConfirm={() => run('cancel')}
          onCancel={() => {
            setConfirmCancel(false);
            focusSoon(CANCEL_BUTTON);
          }}
        />
      ) : null}

      {event.status !== 'draft' ? (
        <>
          <section className="panel" aria-labelledby="event-attendance-heading">
            <h2 id="event-attendance-heading" className="panel__title">
              {t('events.staff.detail.attendance')}
            </h2>
            <div className="event-actions">
              <Link className="button" to={attendeesPath(event.id)}>
                {t('events.staff.detail.attendees')}
              </Link>
              {event.status === 'published' ? (
                <Link className="button" to={checkInPath(event.id)}>
                  {t('events.staff.detail.checkIn')}
                </Link>
              ) : null}
            </div>
          </section>
          <EventFigures eventId={event.id} />
          {started ? <FeedbackSummary eventId={event.id} /> : null}
        </>
      ) : null}

      <section className="panel" aria-labelledby="event-facts-heading">
        <h2 id="event-facts-heading" className="panel__title">
          {t('events.staff.detail.facts')}
        </h2>
        <dl className="event-facts">
          <Fact label={t('events.staff.form.kind')}>{t(`events.staff.kinds.${event.kind}`)}</Fact>
          {event.occasionId ? (
            <Fact label={t('events.staff.form.occasion')}>
              <Link to={occasionPath(event.occasionId)}>{occasion.data?.title ?? t('events.staff.detail.theOccasion')}</Link>
            </Fact>
          ) : null}
          <Fact label={t('events.staff.detail.when')}>
            <time dateTime={event.startsAt}>{when(event.startsAt)}</time> – <time dateTime={event.endsAt}>{when(event.endsAt)}</time>
            <span className="muted block">{event.timeZone}</span>
          </Fact>
          {yours(event.startsAt) ? (
            <Fact label={t('events.staff.detail.yourTime')}>
              {yours(event.startsAt)} – {yours(event.endsAt)}
            </Fact>
          ) : null}
          <Fact label={t('events.staff.detail.place')}>
            {[site, event.onlineUrl ? t('events.staff.online') : ''].filter(Boolean).join(' · ') || t('events.staff.detail.none')}
            {event.onlineUrl ? <span className="muted block break-all">{event.onlineUrl}</span> : null}
          </Fact>
          <Fact label={t('events.staff.detail.organiser')}>
            {event.organiserDepartmentCode ? department(event.organiserDepartmentCode) : t('events.staff.centralOffice')}
          </Fact>
          <Fact label={t('events.staff.detail.cohosts')}>
            {event.cohostDepartmentCodes.length > 0 ? event.cohostDepartmentCodes.map(department).join(', ') : t('events.staff.detail.none')}
          </Fact>
          <Fact label={t('events.staff.detail.audience')}>
            {t(`events.staff.audiences.${event.audience}`)}
            {event.audience === 'departments' ? <span className="block">{event.audienceDepartmentCodes.map(department).join(', ')}</span> : null}
          </Fact>
          <Fact label={t('events.staff.detail.capacity')}>{event.capacity ?? t('events.staff.detail.unlimited')}</Fact>
          <Fact label={t('events.staff.detail.guests')}>{event.guestsAllowed}</Fact>
          <Fact label={t('events.staff.detail.registration')}>
            {t('events.staff.detail.registrationWindow', {
              from: event.registrationOpensAt ? when(event.registrationOpensAt) : t('events.staff.detail.fromPublishing'),
              to: event.registrationClosesAt ? when(event.registrationClosesAt) : t('events.staff.detail.untilStart'),
            })}
          </Fact>
          <Fact label={t('events.staff.detail.personalData')}>
            {t('events.staff.detail.personalDataOn', { date: when(event.personalDataDeletedOn) })}
          </Fact>
          <Fact label={t('events.staff.detail.questions')}>
            {event.questions.length === 0 ? (
              t('events.staff.detail.noQuestions')
            ) : (
              <ol className="event-question-list">
                {[...event.questions]
                  .sort((a, b) => a.position - b.position)
                  .map((question) => (
                    <li key={question.id}>
                      {textIn(question.labelSv, question.labelEn, language)}{' '}
                      <span className="muted">
                        ({t(`events.staff.form.questionKinds.${question.kind}`)}
                        {question.kind === 'choice'
                          ? `: ${question.choices.map((choice) => textIn(choice.sv, choice.en, language)).join(', ')}`
                          : ''}
                        ){question.required ? ` ${t('events.staff.detail.requiredMark')}` : ''}
                      </span>
                    </li>
                  ))}
              </ol>
            )}
          </Fact>
        </dl>
      </section>

      <section className="panel" aria-labelledby="event-texts-heading">
        <h2 id="event-texts-heading" className="panel__title">
          {t('events.staff.form.sections.texts')}
        </h2>
        <div className="event-form__languages">
          {(['sv', 'en'] as const).map((lng) => {
            const suffix = lng === 'sv' ? 'Sv' : 'En';
            const texts = { title: event[`title${suffix}`], summary: event[`summary${suffix}`], description: event[`description${suffix}`] };
            const html = published.data?.[`description${suffix}Html`];
            return (
              <div key={lng} className="event-form__language">
                <h3 className="question__title">{t(lng === 'sv' ? 'events.staff.form.swedish' : 'events.staff.form.english')}</h3>
                <dl className="event-facts event-facts--stacked">
                  <Fact label={t('events.staff.form.titleField')}>{texts.title ? <span lang={lng}>{texts.title}</span> : t('events.staff.detail.none')}</Fact>
                  <Fact label={t('events.staff.detail.summary')}>
                    {texts.summary ? <span lang={lng}>{texts.summary}</span> : t('events.staff.detail.none')}
                  </Fact>
                  <Fact label={t('events.staff.detail.description')}>
                    {texts.description && html ? (
                      // The API's HTML of the saved Markdown (Markdig, then HtmlSanitizer), as members see it.
                      <div className="event-html" lang={lng} dangerouslySetInnerHTML={{ __html: html }} />
                    ) : texts.description ? (
                      <span className="event-text" lang={lng}>
                        {texts.description}
                      </span>
                    ) : (
                      t('events.staff.detail.none')
                    )}
                  </Fact>
                </dl>
              </div>
            );
          })}
        </div>
        {event.followUpSv || event.followUpEn ? (
          <>
            <h3 className="question__title">{t('events.staff.detail.followUp')}</h3>
            <div className="event-form__languages">
              {(['sv', 'en'] as const).map((lng) => {
                const followUp = lng === 'sv' ? event.followUpSv : event.followUpEn;
                return (
                  <p key={lng} className="event-text" lang={followUp ? lng : undefined}>
                    {followUp || t('events.staff.detail.none')}
                  </p>
                );
              })}
            </div>
          </>
        ) : null}
      </section>
    </>
  );
}
