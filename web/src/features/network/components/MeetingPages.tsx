import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { z } from 'zod';
import type { MeetingNoteKind, MeetingNoteResponse, MeetingPeriod, MeetingSummary } from '../../../api/generated';
import { ConfirmPanel } from '../../../components/ConfirmPanel';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { FormField } from '../../../components/FormField';
import { Pager } from '../../../components/Pager';
import { ProblemMessage } from '../../../components/ProblemMessage';
import { hasRole, useAuth } from '../../../lib/auth/me';
import { pickText, langAttribute } from '../../../lib/bilingual';
import { useCountryName } from '../../../lib/countries';
import { messagesAt, showsSummary, useFormFailure } from '../../../lib/form-errors';
import { formatDateTime } from '../../../lib/format';
import { currentLanguage } from '../../../lib/i18n';
import { toProblem } from '../../../lib/problem-details';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { formatInZone } from '../../../lib/zoned-time';
import { useCreateMeetingNote, useDeleteMeetingNote, useMeeting, useMeetings, useUpdateMeetingNote } from '../api/meetings';
import { MEETINGS_PATH, meetingPath, NEW_STAFF_EVENT_PATH } from '../paths';
import { NetworkNav } from './NetworkNav';
import './network-meetings-news.css';

const PAGE_SIZE = 10;
const BODY_MAX = 10_000;
/** Events' page for a new event: the office plans a network meeting there (audience: coordinators). */
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function pageParam(params: URLSearchParams, name: string): number {
  const value = Number(params.get(name));
  return Number.isInteger(value) && value >= 1 ? value : 1;
}

const pages = (total: number, pageSize: number) => Math.max(1, Math.ceil(total / pageSize));

/** The network's meetings (`/staff/network/meetings`): the upcoming ones first, then the past ones with their notes. */
export function MeetingsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('network.meetings.title'));
  const auth = useAuth();
  return (
    <div className="page page--wide network-page">
      <NetworkNav />
      <div className="page__header network-page__header">
        <div>
          <h1>{t('network.meetings.title')}</h1>
          <p className="page__intro">{t('network.meetings.intro')}</p>
        </div>
        {hasRole(auth.me, 'admin') ? (
          <Link to={NEW_STAFF_EVENT_PATH} className="button button--primary">
            {t('network.meetings.plan')}
          </Link>
        ) : null}
      </div>
      <MeetingList when="upcoming" param="upcoming" />
      <MeetingList when="past" param="past" />
    </div>
  );
}

function MeetingList({ when, param }: { when: MeetingPeriod; param: string }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const page = pageParam(params, param);
  const list = useMeetings(when, page, PAGE_SIZE);
  const problem = list.error && !list.data ? toProblem(list.error) : null;
  const headingId = `network-meetings-${when}`;
  const linkTo = (to: number) => {
    const next = new URLSearchParams(params);
    if (to > 1) next.set(param, String(to));
    else next.delete(param);
    const query = next.toString();
    return query ? `?${query}` : '?';
  };
  return (
    <section className="panel" aria-labelledby={headingId} aria-busy={list.isFetching || undefined}>
      <h2 id={headingId} className="panel__title">
        {t(`network.meetings.${when}`)}
      </h2>
      {list.isPending ? (
        <p className="loading">{t('common.loading')}</p>
      ) : problem ? (
        <div className="notice notice--error" role="alert">
          <ProblemMessage problem={problem} lead={t('network.meetings.loadError')} />
          <button type="button" className="button button--small" onClick={() => void list.refetch()}>
            {t('common.retry')}
          </button>
        </div>
      ) : !list.data ? null : list.data.items.length === 0 ? (
        <p>{t(`network.meetings.none.${when}`)}</p>
      ) : (
        <>
          <ul className="network-cards">
            {list.data.items.map((meeting) => (
              <MeetingCard key={meeting.eventId} meeting={meeting} past={when === 'past'} />
            ))}
          </ul>
          <Pager label={t(`network.meetings.pager.${when}`)} page={list.data.page} pages={pages(list.data.total, list.data.pageSize)} linkTo={linkTo} />
        </>
      )}
    </section>
  );
}

function useMeetingTitle() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  return (meeting: Pick<MeetingSummary, 'titleSv' | 'titleEn'>) => {
    const text = pickText(meeting.titleSv, meeting.titleEn, language);
    return { text: text?.text ?? t('network.meetings.untitled'), lang: langAttribute(text, language) };
  };
}

function usePlace() {
  const { t } = useTranslation();
  const countryName = useCountryName();
  return (meeting: MeetingSummary) => {
    const place = [meeting.venue, meeting.city, meeting.country ? countryName(meeting.country) : null].filter(Boolean).join(', ');
    if (meeting.online) return place ? t('network.meetings.placeAndOnline', { place }) : t('network.meetings.online');
    return place;
  };
}

function MeetingCard({ meeting, past }: { meeting: MeetingSummary; past: boolean }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const title = useMeetingTitle()(meeting);
  const place = usePlace()(meeting);
  return (
    <li className="network-card">
      <h3 className="network-card__title">
        <Link to={meetingPath(meeting.eventId)} lang={title.lang}>
          {title.text}
        </Link>{' '}
        {meeting.status === 'cancelled' ? <span className="badge badge--inactive">{t('network.meetings.cancelled')}</span> : null}
      </h3>
      <p className="network-card__meta">
        <time dateTime={meeting.startsAt}>{formatInZone(meeting.startsAt, meeting.timeZone, language)}</time>
        {place ? <span> · {place}</span> : null}
      </p>
      {past || meeting.noteCount + meeting.decisionCount > 0 ? (
        <p className="network-card__meta">
          {t('network.meetings.counts', {
            notes: t('network.meetings.noteCount', { count: meeting.noteCount }),
            decisions: t('network.meetings.decisionCount', { count: meeting.decisionCount }),
          })}
        </p>
      ) : null}
    </li>
  );
}

/** One network meeting (`/staff/network/meetings/:eventId`) with its notes and decisions; the office writes them. */
export function MeetingPage() {
  const { t } = useTranslation();
  const { eventId = '' } = useParams();
  const wellFormed = GUID.test(eventId);
  const meeting = useMeeting(eventId, wellFormed);
  const problem = meeting.error && !meeting.data ? toProblem(meeting.error) : null;
  const title = useMeetingTitle();
  useDocumentTitle(meeting.data ? title(meeting.data.meeting).text : t('network.meetings.meeting'));
  return (
    <div className="page page--medium network-page">
      <NetworkNav />
      <p className="back-link">
        <Link to={MEETINGS_PATH}>{t('network.meetings.back')}</Link>
      </p>
      {!wellFormed || problem?.kind === 'not-found' ? (
        <>
          <h1>{t('network.meetings.meeting')}</h1>
          <div className="notice notice--error" role="alert">
            <span className="problem__message">{t('network.meetings.notFound')}</span>
          </div>
        </>
      ) : meeting.isPending ? (
        <p className="loading">{t('common.loading')}</p>
      ) : problem ? (
        <>
          <h1>{t('network.meetings.meeting')}</h1>
          <div className="notice notice--error" role="alert">
            <ProblemMessage problem={problem} lead={t('network.meetings.loadMeetingError')} />
          </div>
        </>
      ) : meeting.data ? (
        <MeetingRecord meeting={meeting.data.meeting} notes={meeting.data.notes} />
      ) : null}
    </div>
  );
}

function MeetingRecord({ meeting, notes }: { meeting: MeetingSummary; notes: MeetingNoteResponse[] }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const auth = useAuth();
  const office = hasRole(auth.me, 'admin');
  const title = useMeetingTitle()(meeting);
  const place = usePlace()(meeting);
  const [status, setStatus] = useState<string | null>(null);
  return (
    <>
      <h1 lang={title.lang}>{title.text}</h1>
      <dl className="network-facts">
        <dt>{t('network.meetings.when')}</dt>
        <dd>
          <time dateTime={meeting.startsAt}>{formatInZone(meeting.startsAt, meeting.timeZone, language, { zoneName: true })}</time>
        </dd>
        {place ? (
          <>
            <dt>{t('network.meetings.where')}</dt>
            <dd>{place}</dd>
          </>
        ) : null}
        {meeting.status === 'cancelled' ? (
          <>
            <dt>{t('network.meetings.status')}</dt>
            <dd>
              <span className="badge badge--inactive">{t('network.meetings.cancelled')}</span>
            </dd>
          </>
        ) : null}
      </dl>
      <div className="status-region" role="status" aria-live="polite" aria-atomic="true">
        {status ? <p className="notice notice--success">{status}</p> : null}
      </div>
      <section className="panel" aria-labelledby="meeting-notes-heading">
        <h2 id="meeting-notes-heading" className="panel__title">
          {t('network.meetings.notesTitle')}
        </h2>
        {notes.length === 0 ? (
          <p>{t('network.meetings.noNotes')}</p>
        ) : (
          <ul className="network-notes">
            {notes.map((note) => (
              <NoteItem key={note.id} note={note} office={office} onDone={setStatus} />
            ))}
          </ul>
        )}
      </section>
      {office ? (
        <section className="panel" aria-labelledby="meeting-new-note-heading">
          <h2 id="meeting-new-note-heading" className="panel__title">
            {t('network.meetings.addTitle')}
          </h2>
          <NoteForm eventId={meeting.eventId} onDone={setStatus} />
        </section>
      ) : null}
    </>
  );
}

function NoteItem({ note, office, onDone }: { note: MeetingNoteResponse; office: boolean; onDone: (message: string) => void }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const [mode, setMode] = useState<'show' | 'edit' | 'delete'>('show');
  const remove = useDeleteMeetingNote();
  const removeProblem = remove.error ? toProblem(remove.error) : null;
  const decision = note.kind === 'decision';
  const headingId = `note-${note.id}`;
  return (
    <li className={decision ? 'network-note network-note--decision' : 'network-note'}>
      <article aria-labelledby={headingId}>
        <h3 id={headingId} className="network-note__kind">
          {t(`network.meetings.kinds.${note.kind}`)}
        </h3>
        {mode === 'edit' ? (
          <NoteForm
            eventId={note.eventId}
            note={note}
            onDone={(message) => {
              setMode('show');
              onDone(message);
            }}
            onCancel={() => setMode('show')}
          />
        ) : (
          <>
            {/* The API's HTML of the Markdown (Markdig, then HtmlSanitizer): only formatting, lists, quotes and links. */}
            <div className="network-html" dangerouslySetInnerHTML={{ __html: note.bodyHtml ?? '' }} />
            <p className="network-note__meta">
              {note.authorName ? t('network.meetings.byAt', { name: note.authorName, at: formatDateTime(note.createdAt, language) }) : null}
              {!note.authorName ? <time dateTime={note.createdAt}>{formatDateTime(note.createdAt, language)}</time> : null}
            </p>
            {office && mode === 'show' ? (
              <div className="form-actions">
                <button type="button" className="button button--small" onClick={() => setMode('edit')}>
                  {t('network.meetings.edit')}
                </button>
                <button type="button" className="button button--small button--danger" onClick={() => setMode('delete')}>
                  {t('network.meetings.delete')}
                </button>
              </div>
            ) : null}
            {mode === 'delete' ? (
              <>
                {removeProblem ? (
                  <div className="notice notice--error" role="alert">
                    <ProblemMessage problem={removeProblem} lead={t('network.meetings.deleteFailed')} />
                  </div>
                ) : null}
                <ConfirmPanel
                  headingId={`${headingId}-delete`}
                  headingLevel={3}
                  title={t(`network.meetings.deleteTitle.${note.kind}`)}
                  body={t('network.meetings.deleteBody')}
                  confirmLabel={t('network.meetings.delete')}
                  pending={remove.isPending}
                  onConfirm={() =>
                    remove.mutate({ eventId: note.eventId, id: note.id }, { onSuccess: () => onDone(t(`network.meetings.deleted.${note.kind}`)) })
                  }
                  onCancel={() => setMode('show')}
                />
              </>
            ) : null}
          </>
        )}
      </article>
    </li>
  );
}

interface NoteValues {
  kind: MeetingNoteKind;
  body: string;
}

const NOTE_FIELDS = ['kind', 'body'] as const;

function NoteForm({ eventId, note, onDone, onCancel }: { eventId: string; note?: MeetingNoteResponse; onDone: (message: string) => void; onCancel?: () => void }) {
  const { t } = useTranslation();
  const create = useCreateMeetingNote();
  const update = useUpdateMeetingNote();
  const mutation = note ? update : create;
  const formId = note ? `note-form-${note.id}` : 'note-form-new';
  const schema = useMemo(
    () =>
      z.object({
        kind: z.enum(['note', 'decision']),
        body: z
          .string()
          .refine((value) => value.trim() !== '', t('validation.noteBody'))
          .refine((value) => value.trim().length <= BODY_MAX, t('validation.tooLong', { max: BODY_MAX })),
      }),
    [t],
  );
  const { register, handleSubmit, setError, formState, reset } = useForm<NoteValues>({
    resolver: zodResolver(schema),
    defaultValues: note ? { kind: note.kind, body: note.body } : { kind: 'note', body: '' },
    shouldFocusError: false,
  });
  const { failure, refuse, clear } = useFormFailure(mutation.error, setError, NOTE_FIELDS);
  const bodyRef = useRef<HTMLTextAreaElement | null>(null);
  const labels = { kind: t('network.meetings.kind'), body: t('network.meetings.body') };
  const summary = NOTE_FIELDS.map((field) => ({ id: `${formId}-${field}`, label: labels[field], messages: messagesAt(formState.errors, field) }));
  const showSummary = showsSummary(failure, summary.flatMap((field) => field.messages));
  const send = (values: NoteValues) => {
    if (mutation.isPending) return;
    clear();
    const body = { kind: values.kind, body: values.body.replace(/^\s*\n/, '').trimEnd() };
    if (note) {
      update.mutate({ eventId, id: note.id, version: note.version, body }, { onSuccess: (saved) => onDone(t(`network.meetings.saved.${saved.kind}`)) });
    } else {
      create.mutate(
        { eventId, body },
        {
          onSuccess: (saved) => {
            reset({ kind: 'note', body: '' });
            onDone(t(`network.meetings.added.${saved.kind}`));
          },
        },
      );
    }
  };
  const { ref: bodyRegisterRef, ...bodyRegister } = register('body');
  return (
    <form className="stack-form" noValidate onSubmit={handleSubmit(send, refuse)} aria-busy={mutation.isPending || undefined}>
      {showSummary ? (
        <ErrorSummary
          title={t(note ? 'network.meetings.saveFailed' : 'network.meetings.addFailed')}
          problem={failure.problem}
          attempt={failure.attempt}
          fields={summary}
          formMessages={failure.formMessages}
        />
      ) : null}
      <fieldset className="network-kind" id={`${formId}-kind`}>
        <legend>{labels.kind}</legend>
        {(['note', 'decision'] as const).map((kind) => (
          <label key={kind} className="network-kind__option">
            <input type="radio" value={kind} {...register('kind')} /> {t(`network.meetings.kinds.${kind}`)}
          </label>
        ))}
      </fieldset>
      <FormField id={`${formId}-body`} name="body" label={labels.body} hint={t('network.meetings.bodyHint')} errors={messagesAt(formState.errors, 'body')}>
        {(controlProps) => (
          <textarea
            {...controlProps}
            className="input network-textarea"
            rows={note ? 6 : 5}
            {...bodyRegister}
            ref={(node) => {
              bodyRegisterRef(node);
              bodyRef.current = node;
            }}
          />
        )}
      </FormField>
      <div className="form-actions">
        <button type="submit" className="button button--primary" aria-disabled={mutation.isPending || undefined}>
          {mutation.isPending ? t('common.saving') : t(note ? 'network.meetings.save' : 'network.meetings.add')}
        </button>
        {onCancel ? (
          <button type="button" className="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
