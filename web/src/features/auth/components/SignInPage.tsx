import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useSearchParams } from 'react-router';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { FormField } from '../../../components/FormField';
import { toFormErrors, toProblem, type FormErrors } from '../../../lib/problem-details';
import { RETURN_TO_PARAM, sanitizeReturnTo } from '../../../lib/return-to';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useDevMailboxAvailable } from '../../../lib/dev-mailbox';
import { useAuth } from '../../../lib/auth/me';
import { useRequestCode, useSignIn } from '../../../lib/auth/sign-in';
import { normaliseCode, readPendingSignIn, storePendingSignIn, type PendingSignIn } from '../../../lib/auth/sign-in-state';
import { CodeField } from '../../../components/CodeField';

const EMAIL_ID = 'sign-in-email';
const CODE_ID = 'sign-in-code';
const EMAIL_FIELDS = ['email'] as const;
const CODE_FIELDS = ['code'] as const;

/** Why the user was sent here, from the navigation state (see UnauthorizedRedirect). */
export interface SignInLocationState {
  reason?: 'expired';
}

/**
 * Passwordless sign-in in two steps: the address gets a one-time code by e-mail, then the code signs
 * in. Afterwards the user goes back to `?returnTo=` (a path of this app only).
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
  const [email, setEmail] = useState(() => pending?.email ?? '');
  const [code, setCode] = useState('');
  const [status, setStatus] = useState('');
  const [signedIn, setSignedIn] = useState(false);
  const step = pending ? 'code' : 'email';

  // Each step starts at its field.
  useEffect(() => {
    document.getElementById(step === 'code' ? CODE_ID : EMAIL_ID)?.focus();
  }, [step]);

  const requestProblem = useMemo(() => (requestCode.error ? toProblem(requestCode.error) : null), [requestCode.error]);
  const signInProblem = useMemo(() => (signIn.error ? toProblem(signIn.error) : null), [signIn.error]);

  // Signed in (just now, or already when the page was opened) – on to where the user was going. After a
  // 401 the old `me` may linger for a moment; the page then waits for the sign-out to land.
  if (signedIn || (auth.me && !expired)) return <Navigate to={returnTo} replace />;

  const sendCode = (address: string, again: boolean) => {
    if (requestCode.isPending) return;
    setStatus('');
    signIn.reset();
    requestCode.mutate(
      { email: address },
      {
        onSuccess: (answer) => {
          const minutes = answer?.expiresInMinutes ?? 10;
          const next = { email: address, expiresAt: Date.now() + minutes * 60_000 };
          storePendingSignIn(next);
          setPending(next);
          setCode('');
          setStatus(again ? t('signIn.codeResent', { minutes }) : t('signIn.codeSent', { minutes }));
        },
      },
    );
  };

  const submitEmail = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    sendCode(email.trim(), false);
  };

  const submitCode = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
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

  const emailErrors: FormErrors<'email'> | null = requestProblem ? toFormErrors(requestProblem, EMAIL_FIELDS) : null;
  const codeErrors: FormErrors<'code'> | null = signInProblem ? toFormErrors(signInProblem, CODE_FIELDS) : null;

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
          <form className="stack-form" noValidate onSubmit={submitEmail} aria-busy={requestCode.isPending || undefined}>
            {requestProblem && emailErrors ? (
              <ErrorSummary
                title={t('signIn.sendFailed')}
                problem={requestProblem}
                fields={[{ id: EMAIL_ID, label: t('signIn.email'), messages: emailErrors.fields.email ?? [] }]}
                formMessages={emailErrors.form}
              />
            ) : null}
            <FormField
              id={EMAIL_ID}
              name="email"
              label={t('signIn.email')}
              hint={t('signIn.emailHint')}
              errors={emailErrors?.fields.email}
            >
              {(control) => (
                <input
                  {...control}
                  type="email"
                  className="input"
                  value={email}
                  onChange={(event) => setEmail(event.target.value)}
                  autoComplete="email"
                  spellCheck={false}
                  required
                  maxLength={320}
                />
              )}
            </FormField>
            <div className="form-actions">
              <button type="submit" className="button button--primary" aria-disabled={requestCode.isPending || undefined}>
                {requestCode.isPending ? t('signIn.sending') : t('signIn.sendCode')}
              </button>
            </div>
          </form>
        ) : (
          <form className="stack-form" noValidate onSubmit={submitCode} aria-busy={signIn.isPending || undefined}>
            {signInProblem && codeErrors ? (
              <ErrorSummary
                title={t('signIn.signInFailed')}
                problem={signInProblem}
                fields={[{ id: CODE_ID, label: t('signIn.code'), messages: codeErrors.fields.code ?? [] }]}
                formMessages={codeErrors.form}
              />
            ) : null}
            {requestProblem ? (
              <ErrorSummary
                title={t('signIn.sendFailed')}
                problem={requestProblem}
                formMessages={[...(emailErrors?.fields.email ?? []), ...(emailErrors?.form ?? [])]}
              />
            ) : null}
            <p className="sign-in__sent-to">{t('signIn.codeSentTo', { email: pending?.email ?? '' })}</p>
            {devMailbox ? (
              <p className="sign-in__dev-hint">
                {t('signIn.devMailboxHint')} <Link to="/dev/mailbox">{t('nav.devMailbox')}</Link>
              </p>
            ) : null}
            <CodeField
              id={CODE_ID}
              label={t('signIn.code')}
              hint={t('signIn.codeHint')}
              errors={codeErrors?.fields.code}
              value={code}
              onChange={setCode}
            />
            <div className="form-actions">
              <button type="submit" className="button button--primary" aria-disabled={signIn.isPending || undefined}>
                {signIn.isPending ? t('signIn.signingIn') : t('signIn.signIn')}
              </button>
              <button
                type="button"
                className="button"
                onClick={() => pending && sendCode(pending.email, true)}
                aria-disabled={requestCode.isPending || undefined}
              >
                {t('signIn.sendNewCode')}
              </button>
              <button type="button" className="button button--link" onClick={chooseAnotherAddress}>
                {t('signIn.chooseAnotherAddress')}
              </button>
            </div>
          </form>
        )}
      </section>
    </div>
  );
}
