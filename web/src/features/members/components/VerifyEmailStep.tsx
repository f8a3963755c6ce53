import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { toFormErrors, toProblem, type Problem } from '../../../lib/problem-details';
import { useSignIn } from '../../../lib/auth/sign-in';
import { CodeField } from '../../../components/CodeField';
import { normaliseCode } from '../../../lib/auth/sign-in-state';
import { useDevMailboxAvailable } from '../../../lib/dev-mailbox';

const CODE_ID = 'join-code';
const CODE_FIELDS = ['code'] as const;

export interface VerifyEmailStepProps {
  email: string;
  /** Why the last code could not be sent, if it could not. */
  requestProblem: Problem | null;
  sendingCode: boolean;
  onSendNewCode: () => void;
  onStartOver: () => void;
  onVerified: () => void;
}

/** The sign-up's second step: the e-mailed code verifies the address (and signs the person in). */
export function VerifyEmailStep({ email, requestProblem, sendingCode, onSendNewCode, onStartOver, onVerified }: VerifyEmailStepProps) {
  const { t } = useTranslation();
  const devMailbox = useDevMailboxAvailable();
  const signIn = useSignIn();
  const [code, setCode] = useState('');
  const problem = useMemo(() => (signIn.error ? toProblem(signIn.error) : null), [signIn.error]);
  const errors = problem ? toFormErrors(problem, CODE_FIELDS) : null;

  useEffect(() => {
    document.getElementById(CODE_ID)?.focus();
  }, []);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (signIn.isPending) return;
    signIn.mutate({ email, code: normaliseCode(code) }, { onSuccess: onVerified });
  };

  return (
    <section className="panel" aria-labelledby="join-verify-heading">
      <h2 id="join-verify-heading" className="panel__title">
        {t('join.verifyStep')}
      </h2>
      <form className="stack-form" noValidate onSubmit={submit} aria-busy={signIn.isPending || undefined}>
        {problem && errors ? (
          <ErrorSummary
            title={t('join.verifyFailed')}
            problem={problem}
            fields={[{ id: CODE_ID, label: t('join.code'), messages: errors.fields.code ?? [] }]}
            formMessages={errors.form}
          />
        ) : null}
        {requestProblem ? (
          <ErrorSummary title={t('join.codeRequestFailed')} problem={requestProblem} />
        ) : null}
        <p>{t('join.verifyIntro', { email })}</p>
        {devMailbox ? (
          <p className="sign-in__dev-hint">
            {t('signIn.devMailboxHint')}{' '}
            <Link to="/dev/mailbox" target="_blank" rel="noopener">
              {t('nav.devMailbox')}
              <span className="visually-hidden"> {t('common.newTab')}</span>
            </Link>
          </p>
        ) : null}
        <CodeField
          id={CODE_ID}
          label={t('join.code')}
          hint={t('join.codeHint')}
          errors={errors?.fields.code}
          value={code}
          onChange={setCode}
        />
        <div className="form-actions">
          <button type="submit" className="button button--primary" aria-disabled={signIn.isPending || undefined}>
            {signIn.isPending ? t('join.verifying') : t('join.verify')}
          </button>
          <button type="button" className="button" onClick={onSendNewCode} aria-disabled={sendingCode || undefined}>
            {t('join.sendNewCode')}
          </button>
          <button type="button" className="button button--link" onClick={onStartOver}>
            {t('join.startOver')}
          </button>
        </div>
      </form>
    </section>
  );
}
