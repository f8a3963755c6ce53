import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { messagesAt, showsSummary, useFormFailure } from '../../../lib/form-errors';
import { type Problem } from '../../../lib/problem-details';
import { useSignIn } from '../../../lib/auth/sign-in';
import { CODE_FIELDS, codeSchema, type CodeValues } from '../../../lib/auth/code-form';
import { CodeField } from '../../../components/CodeField';
import { normaliseCode } from '../../../lib/auth/sign-in-state';
import { useDevMailboxAvailable } from '../../../lib/dev-mailbox';

const CODE_ID = 'join-code';

export interface VerifyEmailStepProps {
  email: string;
  /** Why the last code could not be sent, if it could not. */
  requestProblem: Problem | null;
  sendingCode: boolean;
  onSendNewCode: () => void;
  onStartOver: () => void;
  onVerified: () => void;
}

/**
 * The sign-up's second step: the e-mailed code verifies the address (and signs the person in). The
 * code's rule is checked here first (codeSchema); a wrong or expired code comes back on the field.
 */
export function VerifyEmailStep({ email, requestProblem, sendingCode, onSendNewCode, onStartOver, onVerified }: VerifyEmailStepProps) {
  const { t } = useTranslation();
  const devMailbox = useDevMailboxAvailable();
  const signIn = useSignIn();
  // The messages are in the UI language: the rules are made again when it changes.
  const schema = useMemo(() => codeSchema(t), [t]);
  const { control, handleSubmit, setError, formState } = useForm<CodeValues>({
    resolver: zodResolver(schema),
    defaultValues: { code: '' },
    shouldFocusError: false,
  });
  const error = signIn.error;

  useEffect(() => {
    document.getElementById(CODE_ID)?.focus();
  }, []);

  const { failure, refuse, clear } = useFormFailure(error, setError, CODE_FIELDS);

  const send = (values: CodeValues) => {
    if (signIn.isPending) return;
    clear();
    signIn.mutate({ email, code: normaliseCode(values.code) }, { onSuccess: onVerified });
  };
  const messages = messagesAt(formState.errors, 'code');
  const showSummary = showsSummary(failure, messages);

  return (
    <section className="panel" aria-labelledby="join-verify-heading">
      <h2 id="join-verify-heading" className="panel__title">
        {t('join.verifyStep')}
      </h2>
      <form className="stack-form" noValidate onSubmit={handleSubmit(send, refuse)} aria-busy={signIn.isPending || undefined}>
        {showSummary ? (
          <ErrorSummary
            title={t('join.verifyFailed')}
            problem={failure.problem}
            attempt={failure.attempt}
            fields={[{ id: CODE_ID, label: t('join.code'), messages }]}
            formMessages={failure.formMessages}
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
          errors={messages}
          control={control}
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
