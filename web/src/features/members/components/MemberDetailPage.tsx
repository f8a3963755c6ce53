import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { MemberResponse, NoteResponse, StaffMemberResponse } from '../../../api/generated';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { FormField } from '../../../components/FormField';
import { ProblemMessage } from '../../../components/ProblemMessage';
import { useCountryName } from '../../../lib/countries';
import { formatDateTime } from '../../../lib/format';
import { currentLanguage } from '../../../lib/i18n';
import { messagesAt, showsSummary, useFormFailure } from '../../../lib/form-errors';
import { toProblem, type Problem } from '../../../lib/problem-details';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useAuth } from '../../../lib/auth/me';
import type { FlashState } from '../../../lib/flash';
import { useFaculties } from '../../../lib/departments/faculties';
import { memberKeys } from '../api/keys';
import { useAddNote, useEraseMember, useStaffMember, useUpdateMember } from '../api/staff-members';
import { NOTE_FIELDS, noteSchema, type NoteValues } from '../note-form';
import { consentState } from '../consents';
import { CONSENT_CHANNELS } from '../options';
import { toProfileInput } from '../profile-form';
import { ProfileForm } from './ProfileForm';
import { departmentName, formatCredits, studyYears } from './study-format';
import { useProfileDraft } from './useProfileDraft';
import { focusSoon } from '../../../lib/focus';
import './network.css';
import './profile.css';
import './directory.css';
import './staff.css';
import { TableScroll } from '../../../components/TableScroll';

const MEMBERS_PATH = '/staff/members';
const EDIT_BUTTON_ID = 'edit-member-button';
/** A member id: a GUID, as the API writes them. */
const MEMBER_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Staff: one member's record, its edit form (If-Match), the staff notes and, for admins, erasure on request. */
export function MemberDetailPage({ delivery }: { delivery?: (memberId: string) => ReactNode } = {}) {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  // An address whose id is no id at all names no member: say so, rather than show the API's complaint about the id.
  const wellFormed = MEMBER_ID.test(id);
  const record = useStaffMember(id, wellFormed);
  const problem = record.error ? toProblem(record.error) : null;
  const member = record.data?.member;
  useDocumentTitle(member ? `${member.firstName} ${member.lastName}` : t('memberDetail.title'));

  return (
    <div className="page page--medium">
      <p className="back-link">
        <Link to={MEMBERS_PATH}>{t('memberDetail.back')}</Link>
      </p>
      {!wellFormed ? (
        <>
          <h1>{t('memberDetail.title')}</h1>
          <div className="notice notice--error" role="alert">
            <span className="problem__message">{t('memberDetail.notFound')}</span>
          </div>
        </>
      ) : record.isPending ? (
        <p className="loading">{t('common.loading')}</p>
      ) : problem && !record.data ? (
        <>
          <h1>{t('memberDetail.title')}</h1>
          <div className="notice notice--error" role="alert">
            {problem.kind === 'not-found' ? (
              <span className="problem__message">{t('memberDetail.notFound')}</span>
            ) : (
              <>
                <ProblemMessage problem={problem} lead={t('memberDetail.loadError')} />
                <button type="button" className="button button--small" onClick={() => void record.refetch()}>
                  {t('common.retry')}
                </button>
              </>
            )}
          </div>
        </>
      ) : record.data ? (
        <MemberRecord data={record.data} delivery={delivery} />
      ) : null}
    </div>
  );
}

function MemberRecord({ data, delivery }: { data: StaffMemberResponse; delivery?: (memberId: string) => ReactNode }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const auth = useAuth();
  const faculties = useFaculties(false);
  const { member, notes } = data;
  const countryName = useCountryName();
  const [status, setStatus] = useState('');
  const [editing, setEditing] = useState(false);
  const name = `${member.firstName ?? ''} ${member.lastName ?? ''}`.trim() || t('memberDetail.noName');

  return (
    <>
      <div className="page__header">
        <h1>
          {name}{' '}
          <span className={member.status === 'active' ? 'badge badge--active' : 'badge badge--inactive'}>
            {t(`members.status.${member.status}`)}
          </span>
        </h1>
      </div>

      <div className="status-region" role="status" aria-live="polite" aria-atomic="true">
        {status ? <p className="notice notice--success">{status}</p> : null}
      </div>

      <section className="panel" aria-labelledby="member-record-heading">
        <h2 id="member-record-heading" className="panel__title">
          {t('memberDetail.record')}
        </h2>
        <dl className="facts facts--grid">
          <Fact label={t('memberDetail.email')}>{member.email}</Fact>
          <Fact label={t('memberDetail.otherEmails')}>{member.otherEmails.join(', ')}</Fact>
          <Fact label={t('memberDetail.language')}>
            {member.preferredLanguage === 'en' || member.preferredLanguage === 'sv' ? t(`language.${member.preferredLanguage}`) : member.preferredLanguage}
          </Fact>
          <Fact label={t('memberDetail.source')}>{t(`members.source.${member.source}`)}</Fact>
          <Fact label={t('memberDetail.eligible')}>{member.eligible ? t('memberDetail.eligibleYes') : t('memberDetail.eligibleNo')}</Fact>
          <Fact label={t('memberDetail.created')}>{formatDateTime(member.createdAt, language)}</Fact>
          <Fact label={t('memberDetail.verifiedAt')}>
            {member.verifiedAt ? formatDateTime(member.verifiedAt, language) : t('memberDetail.notVerified')}
          </Fact>
          <Fact label={t('memberDetail.updated')}>{formatDateTime(member.updatedAt, language)}</Fact>
          <Fact label={t('profileForm.employer')}>{[member.jobTitle, member.employer].filter(Boolean).join(', ')}</Fact>
          <Fact label={t('profileForm.industry')}>{member.industry ?? ''}</Fact>
          <Fact label={t('directory.card.location')}>{[member.city, countryName(member.country)].filter(Boolean).join(', ')}</Fact>
          <Fact label={t('profileForm.linkedInUrl')}>{member.linkedInUrl ?? ''}</Fact>
          <Fact label={t('profileForm.interests')}>{member.interests.join(', ')}</Fact>
          <Fact label={t('profileForm.offersStaff')}>{member.offers.map((offer) => t(`members.offer.${offer}`)).join(', ')}</Fact>
          <Fact label={t('memberDetail.directory')}>
            {member.directoryListed
              ? t('memberDetail.listedWith', {
                  fields: member.directoryFields.map((field) => t(`members.directoryField.${field}`)).join(', ') || t('memberDetail.nameOnly'),
                })
              : t('memberDetail.notListed')}
          </Fact>
        </dl>
        {member.bio ? <p className="card__bio">{member.bio}</p> : null}
      </section>

      <section className="panel" aria-labelledby="member-studies-heading">
        <h2 id="member-studies-heading" className="panel__title">
          {t('memberDetail.studies')}
        </h2>
        {member.affiliations.length === 0 ? (
          <p>{t('studies.none')}</p>
        ) : (
          <TableScroll label={t('memberDetail.studiesCaption', { name })}>
            <table className="data-table data-table--dense">
              <caption className="visually-hidden">{t('memberDetail.studiesCaption', { name })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('studies.columns.department')}</th>
                  <th scope="col">{t('studies.columns.degree')}</th>
                  <th scope="col">{t('studies.columns.years')}</th>
                  <th scope="col">{t('studies.columns.credits')}</th>
                  <th scope="col">{t('studies.columns.verified')}</th>
                </tr>
              </thead>
              <tbody>
                {member.affiliations.map((study) => (
                  <tr key={study.id}>
                    <th scope="row">
                      {departmentName(study.departmentCode, faculties.data, language)} <code>{study.departmentCode}</code>
                      {study.programme ? <span className="muted block">{study.programme}</span> : null}
                    </th>
                    <td>{t(`members.degree.${study.degreeType}`)}</td>
                    <td className="nowrap">{studyYears(study)}</td>
                    <td className="nowrap">{t('studies.creditsValue', { credits: formatCredits(study.credits, language) })}</td>
                    <td>
                      {study.verified ? (
                        <span className="badge badge--active">{t('studies.verified')}</span>
                      ) : (
                        <span className="badge badge--inactive">{t('studies.selfDeclared')}</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>

      <section className="panel" aria-labelledby="member-consents-heading">
        <h2 id="member-consents-heading" className="panel__title">
          {t('memberDetail.consents')}
        </h2>
        <TableScroll label={t('memberDetail.consentsCaption', { name })}>
          <table className="data-table data-table--dense">
            <caption className="visually-hidden">{t('memberDetail.consentsCaption', { name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('memberDetail.channel')}</th>
                <th scope="col">{t('memberDetail.consentState')}</th>
                <th scope="col">{t('memberDetail.changedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {CONSENT_CHANNELS.map((channel) => {
                const consent = member.consents.find((c) => c.channel === channel);
                const state = consentState(member.consents, channel);
                return (
                  <tr key={channel}>
                    <th scope="row">{t(`members.consentShort.${channel}`)}</th>
                    <td>
                      <span className={state === 'given' ? 'badge badge--active' : 'badge badge--inactive'}>
                        {t(`memberDetail.consentStates.${state}`)}
                      </span>
                    </td>
                    <td>{consent && state !== 'notGiven' ? formatDateTime(consent.changedAt, language) : ''}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      </section>

      {member.status === 'erased' ? null : delivery?.(member.id)}

      {member.status === 'erased' ? null : editing ? (
        <EditMemberPanel
          member={member}
          onSaved={() => {
            setEditing(false);
            setStatus(t('memberDetail.saved'));
            focusSoon(EDIT_BUTTON_ID);
          }}
          onCancel={() => {
            setEditing(false);
            focusSoon(EDIT_BUTTON_ID);
          }}
        />
      ) : (
        <div className="form-actions form-actions--section">
          <button
            type="button"
            id={EDIT_BUTTON_ID}
            className="button button--primary"
            onClick={() => {
              setStatus('');
              setEditing(true);
            }}
          >
            {t('memberDetail.edit')}
          </button>
        </div>
      )}

      <NotesSection memberId={member.id} notes={notes} announce={setStatus} />

      {auth.isAdmin && member.status !== 'erased' ? <EraseMemberSection member={member} name={name} /> : null}
    </>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  const { t } = useTranslation();
  const empty = children === '' || children === null || children === undefined;
  return (
    <div>
      <dt>{label}</dt>
      <dd>{empty ? <span className="muted">{t('memberDetail.none')}</span> : children}</dd>
    </div>
  );
}

function EditMemberPanel({ member, onSaved, onCancel }: { member: MemberResponse; onSaved: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const update = useUpdateMember();
  const { draft, update: change, reset } = useProfileDraft(member);
  const [changedElsewhere, setChangedElsewhere] = useState(false);
  const noticeRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const stale = update.error ? toProblem(update.error).kind === 'precondition-failed' : false;

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  useEffect(() => {
    if (changedElsewhere) noticeRef.current?.focus();
  }, [changedElsewhere]);

  const submit = () => {
    setChangedElsewhere(false);
    update.mutate(
      { id: member.id, version: draft.base, body: toProfileInput(draft.values) },
      {
        onSuccess: onSaved,
        onError: (error) => {
          if (toProblem(error).kind !== 'precondition-failed') return;
          const current = queryClient.getQueryData<StaffMemberResponse>(memberKeys.detail(member.id));
          reset(current?.member ?? member);
          setChangedElsewhere(true);
        },
      },
    );
  };

  return (
    <section className="panel" aria-labelledby="edit-member-heading">
      <h2 id="edit-member-heading" className="panel__title" tabIndex={-1} ref={headingRef}>
        {t('memberDetail.editTitle')}
      </h2>
      {changedElsewhere ? (
        <div className="notice notice--warning" role="alert" tabIndex={-1} ref={noticeRef}>
          {t('memberDetail.changedElsewhere')}
        </div>
      ) : null}
      <ProfileForm
        idPrefix="edit-member"
        values={draft.values}
        onChange={change}
        error={stale ? null : update.error}
        pending={update.isPending}
        onSubmit={submit}
        submitLabel={t('memberDetail.save')}
        audience="staff"
        listed={member.directoryListed}
        extraActions={
          <button type="button" className="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        }
      />
    </section>
  );
}

const NOTE_ID = 'member-note';

/** The member's staff notes, newest first, and a form for a new one (its rule checked here first, noteSchema). */
function NotesSection({ memberId, notes, announce }: { memberId: string; notes: NoteResponse[]; announce: (message: string) => void }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const add = useAddNote();
  // The messages are in the UI language: the rules are made again when it changes.
  const schema = useMemo(() => noteSchema(t), [t]);
  const { control, handleSubmit, setError, formState, reset } = useForm<NoteValues>({
    resolver: zodResolver(schema),
    defaultValues: { text: '' },
    shouldFocusError: false,
  });
  const error = add.error;
  const label = t('memberDetail.notes.text');

  const { failure, refuse, clear } = useFormFailure(error, setError, NOTE_FIELDS);

  const send = (values: NoteValues) => {
    if (add.isPending) return;
    clear();
    announce('');
    add.mutate(
      { id: memberId, text: values.text.trim() },
      {
        onSuccess: () => {
          reset({ text: '' });
          announce(t('memberDetail.notes.added'));
        },
      },
    );
  };

  const summary = [{ id: NOTE_ID, label, messages: messagesAt(formState.errors, 'text') }];
  const showSummary = showsSummary(failure, summary.flatMap((field) => field.messages));

  return (
    <section className="panel" aria-labelledby="member-notes-heading">
      <h2 id="member-notes-heading" className="panel__title">
        {t('memberDetail.notes.title')}
      </h2>
      <form className="stack-form" noValidate onSubmit={handleSubmit(send, refuse)} aria-busy={add.isPending || undefined}>
        {showSummary ? (
          <ErrorSummary
            title={t('memberDetail.notes.failed')}
            problem={failure.problem}
            attempt={failure.attempt}
            fields={summary}
            formMessages={failure.formMessages}
          />
        ) : null}
        <Controller
          control={control}
          name="text"
          render={({ field }) => (
            <FormField id={NOTE_ID} name="text" label={label} hint={t('memberDetail.notes.textHint')} errors={summary[0].messages}>
              {(controlProps) => (
                <textarea
                  {...controlProps}
                  className="input"
                  rows={3}
                  value={field.value}
                  onChange={(event) => field.onChange(event.target.value)}
                  onBlur={field.onBlur}
                  maxLength={4000}
                />
              )}
            </FormField>
          )}
        />
        <div className="form-actions">
          <button type="submit" className="button button--primary" aria-disabled={add.isPending || undefined}>
            {add.isPending ? t('common.saving') : t('memberDetail.notes.add')}
          </button>
        </div>
      </form>
      {notes.length === 0 ? (
        <p className="muted">{t('memberDetail.notes.none')}</p>
      ) : (
        <ol className="note-list" aria-label={t('memberDetail.notes.listLabel')}>
          {notes.map((note) => (
            <li key={note.id} className="note">
              <p className="note__text">{note.text}</p>
              <p className="note__meta">
                {note.authorName ? `${note.authorName}, ` : ''}
                <time dateTime={note.createdAt}>{formatDateTime(note.createdAt, language)}</time>
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function EraseMemberSection({ member, name }: { member: MemberResponse; name: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const erase = useEraseMember();
  const [confirming, setConfirming] = useState(false);
  const [failure, setFailure] = useState<Problem | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (confirming) headingRef.current?.focus();
  }, [confirming]);

  const confirm = () => {
    if (erase.isPending) return;
    setFailure(null);
    erase.mutate(member.id, {
      onSuccess: async () => {
        const state: FlashState = { flash: 'memberErased' };
        await navigate(MEMBERS_PATH, { state });
      },
      onError: (error) => {
        setConfirming(false);
        setFailure(toProblem(error));
      },
    });
  };

  return (
    <section className="panel panel--danger" aria-labelledby="erase-member-heading">
      <h2 id="erase-member-heading" className="panel__title" tabIndex={-1} ref={headingRef}>
        {confirming ? t('memberDetail.erase.title', { name }) : t('memberDetail.erase.section')}
      </h2>
      {failure ? (
        <div className="notice notice--error" role="alert">
          <ProblemMessage problem={failure} lead={t('memberDetail.erase.failed')} />
        </div>
      ) : null}
      <p>{t('memberDetail.erase.body')}</p>
      <div className="form-actions">
        {confirming ? (
          <>
            <button type="button" className="button button--danger" onClick={confirm} aria-disabled={erase.isPending || undefined}>
              {t('memberDetail.erase.confirm')}
            </button>
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </button>
          </>
        ) : (
          <button type="button" className="button button--danger" onClick={() => setConfirming(true)}>
            {t('memberDetail.erase.button')}
          </button>
        )}
      </div>
    </section>
  );
}
