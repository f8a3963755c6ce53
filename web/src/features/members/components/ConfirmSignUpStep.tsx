import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsentChannel, MemberResponse, PendingSignUpResponse } from '../../../api/generated';
import { ProblemMessage } from '../../../components/ProblemMessage';
import { currentLanguage } from '../../../lib/i18n';
import { toProblem } from '../../../lib/problem-details';
import { useFaculties } from '../../../lib/departments/faculties';
import { useConfirmMyPendingSignUp, useRejectMyPendingSignUp } from '../api/pending-sign-up';
import { CONSENT_CHANNELS } from '../options';
import { ChoiceGroup } from './ChoiceGroup';
import { departmentName, formatCredits, studyYears } from './study-format';
import './profile.css';
import './sign-up.css';

const HEADING_ID = 'join-confirm-heading';
const CONSENTS_ID = 'join-confirm-consents';

export interface ConfirmSignUpStepProps {
  pending: PendingSignUpResponse;
  onConfirmed: (member: MemberResponse) => void;
  onRejected: () => void;
}

/**
 * The sign-up's last step, once the code has proved the address: what was signed up for it (names,
 * studies, the consents asked for), confirmed by its owner – with each consent they tick, none ticked
 * beforehand – or rejected. Anyone can sign up with any address, so nothing of it counts before.
 */
export function ConfirmSignUpStep({ pending, onConfirmed, onRejected }: ConfirmSignUpStepProps) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const faculties = useFaculties(false);
  const confirm = useConfirmMyPendingSignUp();
  const reject = useRejectMyPendingSignUp();
  // What is ticked belongs to the version shown: a newer sign-up replacing it starts unticked.
  const [ticked, setTicked] = useState<{ version: number; consents: ConsentChannel[] }>({ version: pending.version, consents: [] });
  const consents = ticked.version === pending.version ? ticked.consents : [];
  const headingRef = useRef<HTMLHeadingElement>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  const failure = confirm.error ?? reject.error;
  const problem = useMemo(() => (failure ? toProblem(failure) : null), [failure]);
  const busy = confirm.isPending || reject.isPending;
  const requested = CONSENT_CHANNELS.filter((channel) => pending.requestedConsents.includes(channel));

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  useEffect(() => {
    if (problem) errorRef.current?.focus();
  }, [problem]);

  const toggle = (channel: ConsentChannel, on: boolean) =>
    setTicked({ version: pending.version, consents: on ? [...consents, channel] : consents.filter((c) => c !== channel) });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    reject.reset();
    confirm.mutate(
      { version: pending.version, consents: requested.filter((c) => consents.includes(c)) },
      { onSuccess: onConfirmed },
    );
  };

  const remove = () => {
    if (busy) return;
    confirm.reset();
    reject.mutate({ version: pending.version }, { onSuccess: onRejected });
  };

  return (
    <section className="panel" aria-labelledby={HEADING_ID}>
      <h2 id={HEADING_ID} className="panel__title" tabIndex={-1} ref={headingRef}>
        {t('join.confirmStep')}
      </h2>
      <form className="stack-form" noValidate onSubmit={submit} aria-busy={busy || undefined}>
        {problem ? (
          <div className="notice notice--error" role="alert" tabIndex={-1} ref={errorRef}>
            {problem.kind === 'precondition-failed' ? (
              t('join.confirmChanged')
            ) : (
              <ProblemMessage problem={problem} lead={t('join.confirmFailed')} />
            )}
          </div>
        ) : null}
        <p>{t('join.confirmIntro', { email: pending.email })}</p>
        <dl className="facts facts--grid confirm-sign-up__facts">
          <div>
            <dt>{t('join.confirmName')}</dt>
            <dd>
              {pending.firstName} {pending.lastName}
            </dd>
          </div>
          <div>
            <dt>{t('join.email')}</dt>
            <dd>{pending.email}</dd>
          </div>
          <div>
            <dt>{t('join.language')}</dt>
            <dd>{t(`language.${pending.preferredLanguage === 'en' ? 'en' : 'sv'}`)}</dd>
          </div>
          <div className="confirm-sign-up__wide">
            <dt>{t('join.studiesTitle')}</dt>
            <dd>
              <ul className="confirm-sign-up__studies">
                {pending.affiliations.map((study) => (
                  <li key={study.id}>
                    {[
                      t(`members.degree.${study.degreeType}`),
                      departmentName(study.departmentCode, faculties.data, language),
                      study.programme,
                      studyYears(study),
                      t('studies.creditsValue', { credits: formatCredits(study.credits, language) }),
                    ]
                      .filter(Boolean)
                      .join(', ')}
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        </dl>
        {requested.length > 0 ? (
          <ChoiceGroup
            id={CONSENTS_ID}
            name="consents"
            legend={t('join.confirmConsentsLegend')}
            hint={t('join.confirmConsentsHint')}
            choices={requested.map((channel) => ({
              value: channel,
              label: t(`members.consent.${channel}.label`),
              hint: t(`members.consent.${channel}.hint`),
            }))}
            chosen={consents}
            onToggle={toggle}
          />
        ) : (
          <p>{t('join.confirmNoConsents')}</p>
        )}
        <div className="form-actions">
          <button type="submit" className="button button--primary" aria-disabled={busy || undefined}>
            {confirm.isPending ? t('join.confirming') : t('join.confirm')}
          </button>
          <button type="button" className="button" onClick={remove} aria-disabled={busy || undefined}>
            {reject.isPending ? t('join.rejecting') : t('join.reject')}
          </button>
        </div>
      </form>
    </section>
  );
}
