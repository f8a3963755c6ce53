import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useMemo, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useSearchParams } from 'react-router';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { TextInputField } from '../../../components/FormField';
import { messagesAt, placeServerErrors, showsSummary, useFormFailure } from '../../../lib/form-errors';
import { toProblem, type Problem } from '../../../lib/problem-details';
import { RETURN_TO_PARAM, sanitizeReturnTo } from '../../../lib/return-to';
import { HOME_PATH, startPathFor } from '../../../lib/start-page';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useDevMailboxAvailable } from '../../../lib/dev-mailbox';
import { useAuth } from '../../../lib/auth/me';
import { useRequestCode, useSignIn } from '../../../lib/auth/sign-in';
import { normaliseCode, readPendingSignIn, storePendingSignIn, type PendingSignIn } from '../../../lib/auth/sign-in-state';
import { CodeField } from '../../../components/CodeField';
import { CODE_FIELDS, codeSchema, EMAIL_FIELDS, emailSchema, type CodeValues, type EmailValues } from '../../../lib/auth/code-form';

const EMAIL_ID = 'sign-in-email';
const CODE_ID = 'sign-in-code';

/** Why the user was sent here, from the navigation state (see UnauthorizedRedirect). */
export interface SignInLocationState {
  reason?: 'expired';
}

/**
 * Passwordless sign-in in two steps: the address gets a one-time code by e-mail, then the code signs
 * in. Afterwards the user goes back to `?returnTo=` (a path of this app only), or without one to their
 * start page (staff to /staff, everyone else to /me, which leads on to a sign-up waiting to be confirmed).
 */
export function SignInPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('signIn.title'));
  const [searchParams] = useSearchParams();
  const returnTo = sanitizeReturnTo(searchParams.get(RETURN_TO_PARAM));
  const location = useLocation();
  const expired = (location.state as SignInLocationState | null)?.reason === 'expired';
  const auth = useAuth();
  const devMailbox = useDevMailboxAvailable();
  const requestCode = useRequestCode();
  const signIn = useSignIn();

  const [pending, setPending] = useState<PendingSignIn | null>(() => readPendingSignIn());
  // The last address a code was asked for: the first step offers it again.
  const [lastEmail, setLastEmail] = useState(() => pending?.email ?? '');
  const [status, setStatus] = useState('');
  const [signedIn, setSignedIn] = useState(false);
  const step = pending ? 'code' : 'email';

  // Each step starts at its field, and so does each new code.
  const codeSentAt = pending?.expiresAt;
  useEffect(() => {
    document.getElementById(step === 'code' ? CODE_ID : EMAIL_ID)?.focus();
  }, [step, codeSentAt]);

  const requestProblem = useMemo(() => (requestCode.error ? toProblem(requestCode.error) : null), [requestCode.error]);

  // Signed in (just now, or already when the page was opened) – on to where the user was going. After a
  // 401 the old `me` may linger for a moment; the page then waits for the sign-out to land.
  if (signedIn || (auth.me && !expired)) {
    return <Navigate to={returnTo === HOME_PATH ? startPathFor(auth.me) : returnTo} replace />;
  }

  const sendCode = (address: string, again: boolean) => {
    if (requestCode.isPending) return;
    setStatus('');
    setLastEmail(address);
    signIn.reset();
    requestCode.mutate(
      { email: address },
      {
        onSuccess: (answer) => {
          const minutes = answer?.expiresInMinutes ?? 10;
          const next = { email: address, expiresAt: Date.now() + minutes * 60_000 };
          storePendingSignIn(next);
          setPending(next);
          setStatus(again ? t('signIn.codeResent', { minutes }) : t('signIn.codeSent', { minutes }));
        },
      },
    );
  };

  const submitCode = (code: string) => {
    if (!pending || signIn.isPending) return;
    setStatus('');
    requestCode.reset();
    signIn.mutate({ email: pending.email, code: normaliseCode(code) }, { onSuccess: () => setSignedIn(true) });
  };

  const chooseAnotherAddress = () => {
    storePendingSignIn(null);
    setPending(null);
    setStatus('');
    requestCode.reset();
    signIn.reset();
  };

  return (
    <div className="page page--narrow">
      <div className="page__header">
        <h1>{t('signIn.title')}</h1>
        <p className="page__intro">{t('signIn.intro')}</p>
      </div>

      {expired ? <div className="notice notice--warning">{t('signIn.expired')}</div> : null}

      <div className="status-region" role="status" aria-live="polite" aria-atomic="true">
        {status ? <p className="notice notice--success">{status}</p> : null}
      </div>

      <section className="panel" aria-labelledby="sign-in-step-heading">
        <h2 id="sign-in-step-heading" className="panel__title">
          {step === 'email' ? t('signIn.stepEmail') : t('signIn.stepCode')}
        </h2>

        {step === 'email' ? (
          <EmailStep
            initialEmail={lastEmail}
            error={requestCode.error}
            pending={requestCode.isPending}
            onSubmit={(email) => sendCode(email, false)}
          />
        ) : (
          <CodeStep
            // A new code starts the step afresh: no typed code, no message about the old one.
            key={codeSentAt}
            email={pending?.email ?? ''}
            error={signIn.error}
            pending={signIn.isPending}
            requestProblem={requestProblem}
            sendingCode={requestCode.isPending}
            devMailbox={devMailbox}
            onSubmit={submitCode}
            onSendNewCode={() => pending && sendCode(pending.email, true)}
            onChooseAnotherAddress={chooseAnotherAddress}
          />
        )}
      </section>
    </div>
  );
}

/** Step 1: the address (emailSchema, as RequestCode has it); the server's messages come back on the field. */
function EmailStep({
  initialEmail,
  error,
  pending,
  onSubmit,
}: {
  initialEmail: string;
  error: unknown;
  pending: boolean;
  onSubmit: (email: string) => void;
}) {
  const { t } = useTranslation();
  // The messages are in the UI language: the rules are made again when it changes.
  const schema = useMemo(() => emailSchema(t), [t]);
  const { control, handleSubmit, setError, formState } = useForm<EmailValues>({
    resolver: zodResolver(schema),
    defaultValues: { email: initialEmail },
    shouldFocusError: false,
  });

  const { failure, refuse, clear } = useFormFailure(error, setError, EMAIL_FIELDS);

  const send = (values: EmailValues) => {
    if (pending) return;
    clear();
    onSubmit(values.email.trim());
  };
  const messages = messagesAt(formState.errors, 'email');

  return (
    <form className="stack-form" noValidate onSubmit={handleSubmit(send, refuse)} aria-busy={pending || undefined}>
      {showsSummary(failure, messages) ? (
        <ErrorSummary
          title={t('signIn.sendFailed')}
          problem={failure.problem}
          attempt={failure.attempt}
          fields={[{ id: EMAIL_ID, label: t('signIn.email'), messages }]}
          formMessages={failure.formMessages}
        />
      ) : null}
      <Controller
        control={control}
        name="email"
        render={({ field }) => (
          <TextInputField
            id={EMAIL_ID}
            name="email"
            label={t('signIn.email')}
            hint={t('signIn.emailHint')}
            errors={messages}
            type="email"
            value={field.value}
            onValueChange={field.onChange}
            onBlur={field.onBlur}
            autoComplete="email"
            spellCheck={false}
            required
            maxLength={320}
          />
        )}
      />
      <div className="form-actions">
        <button type="submit" className="button button--primary" aria-disabled={pending || undefined}>
          {pending ? t('signIn.sending') : t('signIn.sendCode')}
        </button>
      </div>
    </form>
  );
}

/** Step 2: the e-mailed code (codeSchema, as SignIn has it); a wrong or expired code comes back on the field. */
function CodeStep({
  email,
  error,
  pending,
  requestProblem,
  sendingCode,
  devMailbox,
  onSubmit,
  onSendNewCode,
  onChooseAnotherAddress,
}: {
  email: string;
  error: unknown;
  pending: boolean;
  /** Why a new code could not be sent, if it could not. */
  requestProblem: Problem | null;
  sendingCode: boolean;
  devMailbox: boolean;
  onSubmit: (code: string) => void;
  onSendNewCode: () => void;
  onChooseAnotherAddress: () => void;
}) {
  const { t } = useTranslation();
  // The messages are in the UI language: the rules are made again when it changes.
  const schema = useMemo(() => codeSchema(t), [t]);
  const { control, handleSubmit, setError, formState } = useForm<CodeValues>({
    resolver: zodResolver(schema),
    defaultValues: { code: '' },
    shouldFocusError: false,
  });

  const { failure, refuse, clear } = useFormFailure(error, setError, CODE_FIELDS);

  const send = (values: CodeValues) => {
    if (pending) return;
    clear();
    onSubmit(values.code);
  };
  const messages = messagesAt(formState.errors, 'code');
  // The address is not on this step: the server's messages about it are the summary's.
  const requestMessages = requestProblem ? placeServerErrors(requestProblem, []).form : [];

  return (
    <form className="stack-form" noValidate onSubmit={handleSubmit(send, refuse)} aria-busy={pending || undefined}>
      {showsSummary(failure, messages) ? (
        <ErrorSummary
          title={t('signIn.signInFailed')}
          problem={failure.problem}
          attempt={failure.attempt}
          fields={[{ id: CODE_ID, label: t('signIn.code'), messages }]}
          formMessages={failure.formMessages}
        />
      ) : null}
      {requestProblem ? <ErrorSummary title={t('signIn.sendFailed')} problem={requestProblem} formMessages={requestMessages} /> : null}
      <p className="sign-in__sent-to">{t('signIn.codeSentTo', { email })}</p>
      {devMailbox ? (
        <p className="sign-in__dev-hint">
          {t('signIn.devMailboxHint')} <Link to="/dev/mailbox">{t('nav.devMailbox')}</Link>
        </p>
      ) : null}
      <CodeField
        id={CODE_ID}
        label={t('signIn.code')}
        hint={t('signIn.codeHint')}
        errors={messages}
        control={control}
      />
      <div className="form-actions">
        <button type="submit" className="button button--primary" aria-disabled={pending || undefined}>
          {pending ? t('signIn.signingIn') : t('signIn.signIn')}
        </button>
        <button type="button" className="button" onClick={onSendNewCode} aria-disabled={sendingCode || undefined}>
          {t('signIn.sendNewCode')}
        </button>
        <button type="button" className="button button--link" onClick={onChooseAnotherAddress}>
          {t('signIn.chooseAnotherAddress')}
        </button>
      </div>
    </form>
  );
}
