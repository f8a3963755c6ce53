import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import type { MemberResponse } from '../../../api/generated';
import { ProblemMessage } from '../../../components/ProblemMessage';
import { useAuth } from '../../../lib/auth/me';
import { useFaculties } from '../../../lib/departments/faculties';
import { currentLanguage } from '../../../lib/i18n';
import { JOIN_PATH } from '../../../lib/paths';
import { toProblem } from '../../../lib/problem-details';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useMyProfile } from '../api/my-profile';
import { useMyPendingSignUp } from '../api/pending-sign-up';
import { grantedChannels } from '../consents';
import { DIRECTORY_FIELDS } from '../options';
import { toComplete } from '../start-checklist';
import { departmentName, studyYears } from './study-format';
import { NotMemberInvite } from './NotMemberInvite';
import { PROFILE_PATH } from './JoinPage';
import './network.css';
import './profile.css';

/**
 * An alumnus's start page (`/me`): their profile in brief (name, studies, what the directory shows,
 * what they hear from us) and what is left to complete, each linking to the profile. Someone signed in
 * with a sign-up waiting for confirmation is taken to confirm it (the join page); someone with neither
 * is invited to join. `events`, from the route, is shown to members after what is left to complete (the upcoming
 * events).
 */
export function MyStartPage({ events }: { events?: ReactNode }) {
  const { t } = useTranslation();
  useDocumentTitle(t('start.me.title'));
  const auth = useAuth();
  const profile = useMyProfile();
  const pendingSignUp = useMyPendingSignUp({ enabled: profile.data === null });

  if (profile.data === null && pendingSignUp.data) return <Navigate to={JOIN_PATH} replace />;

  const loading = profile.isPending || (profile.data === null && pendingSignUp.isPending);
  return (
    <div className="page page--medium start">
      <div className="page__header">
        <h1>{profile.data ? t('start.me.welcome', { name: profile.data.firstName }) : t('start.me.title')}</h1>
      </div>
      <div aria-busy={loading || undefined}>
        {loading ? (
          <p className="loading">{t('common.loading')}</p>
        ) : profile.isError && profile.data === undefined ? (
          <div className="notice notice--error" role="alert">
            <ProblemMessage problem={toProblem(profile.error)} lead={t('profile.loadError')} />
            <button type="button" className="button button--small" onClick={() => void profile.refetch()}>
              {t('common.retry')}
            </button>
          </div>
        ) : profile.data ? (
          <MemberStart member={profile.data} events={events} />
        ) : (
          <NotMemberInvite email={auth.me?.email ?? ''} />
        )}
      </div>
    </div>
  );
}

function MemberStart({ member, events }: { member: MemberResponse; events?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const faculties = useFaculties(false);
  const missing = toComplete(member);
  const consents = grantedChannels(member);
  const shown = DIRECTORY_FIELDS.filter((field) => member.directoryFields.includes(field));
  const place = [member.city, member.country].filter(Boolean).join(', ');
  const work = [member.jobTitle, member.employer].filter(Boolean).join(', ');

  return (
    <>
      {member.status === 'unsubscribed' ? <p className="notice notice--warning">{t('profile.unsubscribedNote')}</p> : null}

      <section className="panel start__todo" aria-labelledby="start-todo-heading">
        <h2 id="start-todo-heading" className="panel__title">
          {t('start.me.todoTitle')}
        </h2>
        {missing.length === 0 ? (
          <p>{t('start.me.todoDone')}</p>
        ) : (
          <>
            <p>{t('start.me.todoIntro')}</p>
            <ul className="start__checklist">
              {missing.map((item) => (
                <li key={item}>
                  <Link to={PROFILE_PATH}>{t(`start.me.todo.${item}`)}</Link>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      {events}

      <section className="panel" aria-labelledby="start-summary-heading">
        <h2 id="start-summary-heading" className="panel__title">
          {t('start.me.summaryTitle')}
        </h2>
        <dl className="facts facts--grid start__facts">
          <div>
            <dt>{t('start.me.name')}</dt>
            <dd>
              {member.firstName} {member.lastName}
            </dd>
          </div>
          <div>
            <dt>{t('profile.email')}</dt>
            <dd className="break-all">{member.email}</dd>
          </div>
          <div>
            <dt>{t('start.me.studies')}</dt>
            <dd>
              {member.affiliations.length === 0 ? (
                <span className="muted">{t('start.me.none')}</span>
              ) : (
                <ul className="start__plain-list">
                  {member.affiliations.map((study) => (
                    <li key={study.id}>
                      {t(`members.degree.${study.degreeType}`)}, {departmentName(study.departmentCode, faculties.data, language)}
                      {study.programme ? ` – ${study.programme}` : ''}
                      {studyYears(study) ? ` (${studyYears(study)})` : ''}
                    </li>
                  ))}
                </ul>
              )}
            </dd>
          </div>
          {place ? (
            <div>
              <dt>{t('start.me.place')}</dt>
              <dd>{place}</dd>
            </div>
          ) : null}
          {work ? (
            <div>
              <dt>{t('start.me.work')}</dt>
              <dd>{work}</dd>
            </div>
          ) : null}
          <div>
            <dt>{t('start.me.directory')}</dt>
            <dd>
              {member.directoryListed
                ? shown.length > 0
                  ? t('start.me.directoryListed', { fields: shown.map((f) => t(`members.directoryField.${f}`)).join(', ') })
                  : t('start.me.directoryListedNameOnly')
                : t('start.me.directoryNotListed')}
            </dd>
          </div>
          <div>
            <dt>{t('start.me.consents')}</dt>
            <dd>
              {consents.length > 0
                ? consents.map((c) => t(`members.consentShort.${c}`)).join(', ')
                : t('start.me.consentsNone')}
            </dd>
          </div>
        </dl>
        <p>
          <Link className="button" to={PROFILE_PATH}>
            {t('start.me.editProfile')}
          </Link>
        </p>
      </section>
    </>
  );
}
