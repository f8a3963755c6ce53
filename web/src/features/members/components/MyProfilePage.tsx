import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberResponse } from '../../../api/generated';
import { ProblemMessage } from '../../../components/ProblemMessage';
import { formatDateTime } from '../../../lib/format';
import { currentLanguage } from '../../../lib/i18n';
import { toProblem } from '../../../lib/problem-details';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useAuth } from '../../../lib/auth/me';
import { useFaculties } from '../../../lib/departments/faculties';
import { memberKeys } from '../api/keys';
import { useMyProfile, useUpdateMyProfile } from '../api/my-profile';
import { useMyPendingSignUp } from '../api/pending-sign-up';
import { toProfileInput } from '../profile-form';
import { ConsentsSection } from './ConsentsSection';
import { MyDataSection } from './MyDataSection';
import { NotMemberInvite } from './NotMemberInvite';
import { PendingSignUpInvite } from './PendingSignUpInvite';
import { MyStudiesSection } from './MyStudiesSection';
import { ProfileForm } from './ProfileForm';
import { useProfileDraft } from './useProfileDraft';
import './network.css';
import './profile.css';

/** What the profile hands a section another feature adds (the newsletter topics, after the consents). */
export interface ProfileSlotProps {
  /** My record's version: it changes when a consent is switched here. */
  memberVersion: number;
  /** The section changed my consents (a topic turned on gives its consent): my record is read again. */
  onConsentsChanged: () => void;
}

/**
 * "My profile": a member's own record – the profile (If-Match), studies, consents, and their data
 * (export, erasure). Someone signed in without a member record is sent to confirm the sign-up made
 * for their address when there is one, else invited to join.
 */
export function MyProfilePage({ newsletter }: { newsletter?: (props: ProfileSlotProps) => ReactNode } = {}) {
  const { t } = useTranslation();
  useDocumentTitle(t('profile.title'));
  const auth = useAuth();
  const profile = useMyProfile();
  // Signed in without a member record: a sign-up made for the address may wait for confirmation.
  const pendingSignUp = useMyPendingSignUp({ enabled: profile.data === null });

  return (
    <div className="page page--medium">
      <div className="page__header">
        <h1>{t('profile.title')}</h1>
        {profile.data ? <p className="page__intro">{t('profile.intro')}</p> : null}
      </div>
      <div aria-busy={profile.isPending || undefined}>
        {profile.isPending ? (
          <p className="loading">{t('common.loading')}</p>
        ) : profile.isError && profile.data === undefined ? (
          <div className="notice notice--error" role="alert">
            <ProblemMessage problem={toProblem(profile.error)} lead={t('profile.loadError')} />
            <button type="button" className="button button--small" onClick={() => void profile.refetch()}>
              {t('common.retry')}
            </button>
          </div>
        ) : profile.data === null && pendingSignUp.data ? (
          <PendingSignUpInvite email={pendingSignUp.data.email} />
        ) : profile.data === null && pendingSignUp.isPending ? (
          <p className="loading">{t('common.loading')}</p>
        ) : profile.data === null ? (
          <NotMemberInvite email={auth.me?.email ?? ''} />
        ) : profile.data ? (
          <MemberProfile member={profile.data} email={auth.me?.email ?? profile.data.email} newsletter={newsletter} />
        ) : null}
      </div>
    </div>
  );
}

function MemberProfile({
  member,
  email,
  newsletter,
}: {
  member: MemberResponse;
  email: string;
  newsletter?: (props: ProfileSlotProps) => ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const queryClient = useQueryClient();
  const faculties = useFaculties(false);
  const save = useUpdateMyProfile();
  const { draft, update, reset, markOwn } = useProfileDraft(member);
  const [status, setStatus] = useState('');
  const [changedElsewhere, setChangedElsewhere] = useState(false);
  const noticeRef = useRef<HTMLDivElement>(null);
  const stale = save.error ? toProblem(save.error).kind === 'precondition-failed' : false;

  useEffect(() => {
    if (changedElsewhere) noticeRef.current?.focus();
  }, [changedElsewhere]);

  const submit = () => {
    setStatus('');
    setChangedElsewhere(false);
    save.mutate(
      { version: draft.base, profile: toProfileInput(draft.values) },
      {
        onSuccess: (saved) => {
          reset(saved);
          setStatus(t('profileForm.saved'));
        },
        onError: (error) => {
          if (toProblem(error).kind !== 'precondition-failed') return;
          // The record was reloaded (useUpdateMyProfile): start again from it, and say why.
          reset(queryClient.getQueryData<MemberResponse | null>(memberKeys.me()) ?? member);
          setChangedElsewhere(true);
        },
      },
    );
  };

  return (
    <>
      <div className="status-region" role="status" aria-live="polite" aria-atomic="true">
        {status ? <p className="notice notice--success">{status}</p> : null}
      </div>

      <dl className="facts">
        <div>
          <dt>{t('profile.email')}</dt>
          <dd>{member.email}</dd>
        </div>
        <div>
          <dt>{t('profile.membership')}</dt>
          <dd>
            <span className={member.status === 'active' ? 'badge badge--active' : 'badge badge--inactive'}>
              {t(`members.status.${member.status}`)}
            </span>
          </dd>
        </div>
        <div>
          <dt>{t('profile.memberSince')}</dt>
          <dd>
            <time dateTime={member.createdAt}>{formatDateTime(member.createdAt, language)}</time>
          </dd>
        </div>
      </dl>
      {member.status === 'unsubscribed' ? <p className="notice notice--warning">{t('profile.unsubscribedNote')}</p> : null}
      {member.status === 'pending' ? <p className="notice notice--warning">{t('profile.pendingNote')}</p> : null}

      <section className="panel" aria-labelledby="my-profile-heading">
        <h2 id="my-profile-heading" className="panel__title">
          {t('profile.formTitle')}
        </h2>
        {changedElsewhere ? (
          <div className="notice notice--warning" role="alert" tabIndex={-1} ref={noticeRef}>
            {t('profileForm.changedElsewhere')}
          </div>
        ) : null}
        <ProfileForm
          idPrefix="my-profile"
          values={draft.values}
          onChange={update}
          error={stale ? null : save.error}
          pending={save.isPending}
          onSubmit={submit}
          submitLabel={t('profileForm.save')}
          audience="member"
        />
      </section>

      <MyStudiesSection member={member} faculties={faculties.data} announce={setStatus} />
      <ConsentsSection member={member} announce={setStatus} onRecord={(next) => markOwn(next.version)} />
      {newsletter?.({
        memberVersion: member.version,
        onConsentsChanged: () => void queryClient.invalidateQueries({ queryKey: memberKeys.me() }),
      })}
      <MyDataSection email={email} announce={setStatus} />
    </>
  );
}
