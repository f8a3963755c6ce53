import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { SignUpRequest } from '../../../api/generated';
import { ProblemMessage } from '../../../components/ProblemMessage';
import { currentLanguage } from '../../../lib/i18n';
import { toProblem } from '../../../lib/problem-details';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useAuth } from '../../../lib/auth/me';
import { useRequestCode } from '../../../lib/auth/sign-in';
import type { FlashState } from '../../../lib/flash';
import { readPendingSignIn, storePendingSignIn, type PendingSignIn } from '../../../lib/auth/sign-in-state';
import { useFaculties } from '../../../lib/departments/faculties';
import { useCampaignLanding, useSignUp } from '../api/join';
import { useFetchMyPendingSignUp, useMyPendingSignUp } from '../api/pending-sign-up';
import { MY_START_PATH } from '../../../lib/start-page';
import { JOIN_VERIFICATION_KEY, type SignUpValues } from '../sign-up-form';
import { emptyStudy } from '../study-form';
import { ConfirmSignUpStep } from './ConfirmSignUpStep';
import { SignUpForm } from './SignUpForm';
import { VerifyEmailStep } from './VerifyEmailStep';
import './sign-up.css';

export const PROFILE_PATH = '/me/profile';

function readVerification(): PendingSignIn | null {
  return readPendingSignIn(undefined, Date.now(), JOIN_VERIFICATION_KEY);
}

function storeVerification(pending: PendingSignIn | null): void {
  storePendingSignIn(pending, undefined, JOIN_VERIFICATION_KEY);
}

/**
 * The public sign-up (`/join`) and invitation links (`/join/<token>`): the link is opened once (the
 * API counts the visit and names the inviting department), then the form; on 202 a code is e-mailed
 * and the person verifies the address by entering it, which signs them in. Anyone can sign up with
 * any address, so signing in activates nothing: the person then sees what was signed up for the
 * address and confirms it, ticking each consent they give (or rejects it), and lands on their
 * start page with a welcome. Someone signed in with a sign-up waiting comes straight to that step.
 */
export function JoinPage() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  useDocumentTitle(t('join.title'));
  const { token } = useParams();
  const navigate = useNavigate();
  const auth = useAuth();
  const faculties = useFaculties(false);
  const signUp = useSignUp();
  const requestCode = useRequestCode();
  const [verification, setVerification] = useState<PendingSignIn | null>(readVerification);
  const [status, setStatus] = useState('');
  // Verified on this page: the link's visit was counted before the code step (or in an earlier load).
  const [verifiedHere, setVerifiedHere] = useState(false);
  const pendingSignUp = useMyPendingSignUp({ enabled: !!auth.me && !verification });
  const fetchPendingSignUp = useFetchMyPendingSignUp();
  const confirming = !verification && !!auth.me && !!pendingSignUp.data;
  // A verification step restored from this tab's storage: the visit was counted when the link was opened.
  const landing = useCampaignLanding(token, { enabled: !verification && !verifiedHere && !confirming });
  const landingProblem = landing.error ? toProblem(landing.error) : null;
  // A closed campaign's link says so; the visitor joins all the same, through no campaign.
  const closedInvitation = landing.data?.closed === true;
  const validToken = landing.data && !closedInvitation ? token : undefined;

  const sendCode = (email: string, again: boolean) => {
    if (requestCode.isPending) return;
    setStatus('');
    requestCode.mutate(
      { email },
      {
        onSuccess: (answer) => {
          const minutes = answer?.expiresInMinutes ?? 10;
          const next = { email, expiresAt: Date.now() + minutes * 60_000 };
          storeVerification(next);
          setVerification(next);
          setStatus(again ? t('join.codeResent', { minutes }) : t('join.codeSent', { email, minutes }));
        },
        onError: () => {
          // Still on to the code step: it says what went wrong and offers a new code.
          const next = { email, expiresAt: Date.now() + 10 * 60_000 };
          storeVerification(next);
          setVerification(next);
        },
      },
    );
  };

  const submit = (request: SignUpRequest) => {
    if (signUp.isPending) return;
    signUp.mutate(request, { onSuccess: () => sendCode(request.email, false) });
  };

  const startOver = () => {
    storeVerification(null);
    setVerification(null);
    setStatus('');
    signUp.reset();
    requestCode.reset();
  };

  const welcome = async () => {
    const state: FlashState = { flash: 'welcome' };
    await navigate(MY_START_PATH, { state, replace: true });
  };

  // Signed in: on to what was signed up for the address; without one (the address was already a
  // member's), straight to the start page.
  const verified = async () => {
    storeVerification(null);
    setStatus('');
    setVerifiedHere(true);
    const found = await fetchPendingSignUp().catch(() => undefined);
    setVerification(null);
    if (found === null) await welcome();
  };

  const rejected = () => {
    setStatus(t('join.rejected'));
    signUp.reset();
    requestCode.reset();
  };

  const invitedBy = landing.data
    ? language === 'en'
      ? landing.data.departmentNameEn || landing.data.departmentNameSv
      : landing.data.departmentNameSv || landing.data.departmentNameEn
    : null;

  const initialValues: SignUpValues = {
    firstName: '',
    lastName: '',
    email: auth.me?.email ?? '',
    preferredLanguage: language,
    affiliations: [emptyStudy(landing.data?.departmentCode ?? '')],
    consents: [],
    confirmsCredits: false,
  };

  return (
    <div className="page page--medium join">
      <div className="page__header">
        {invitedBy && !closedInvitation ? (
          <p className="invited-by">
            <span className="badge badge--active">{t('join.invitation')}</span> {t('join.invitedBy', { department: invitedBy })}
          </p>
        ) : null}
        <h1>{verification ? t('join.verifyTitle') : confirming ? t('join.confirmTitle') : t('join.title')}</h1>
        {verification || confirming ? null : <p className="page__intro">{t('join.intro')}</p>}
      </div>

      <div className="status-region" role="status" aria-live="polite" aria-atomic="true">
        {status ? <p className="notice notice--success">{status}</p> : null}
      </div>

      {verification ? (
        <VerifyEmailStep
          email={verification.email}
          requestProblem={requestCode.error ? toProblem(requestCode.error) : null}
          sendingCode={requestCode.isPending}
          onSendNewCode={() => sendCode(verification.email, true)}
          onStartOver={startOver}
          onVerified={() => void verified()}
        />
      ) : confirming && pendingSignUp.data ? (
        <ConfirmSignUpStep pending={pendingSignUp.data} onConfirmed={() => void welcome()} onRejected={rejected} />
      ) : auth.me && pendingSignUp.isPending ? (
        <p className="loading">{t('common.loading')}</p>
      ) : (
        <>
          {token && landing.isPending ? <p className="loading">{t('common.loading')}</p> : null}
          {closedInvitation ? (
            <p className="notice notice--warning">{t('join.invitationClosed', { department: invitedBy })}</p>
          ) : null}
          {landingProblem ? (
            <div className="notice notice--warning" role="alert">
              {landingProblem.kind === 'not-found' ? (
                t('join.invitationInvalid')
              ) : (
                <ProblemMessage problem={landingProblem} lead={t('join.invitationLoadError')} />
              )}
            </div>
          ) : null}
          {auth.me ? (
            <p className="notice">
              {t('join.signedInNote', { email: auth.me.email })} <Link to={PROFILE_PATH}>{t('nav.profile')}</Link>
            </p>
          ) : null}
          {token && landing.isPending ? null : (
            <SignUpForm
              // Starts afresh once the invitation is known (its department fills in the first study).
              key={landing.data?.departmentCode ?? 'none'}
              initialValues={initialValues}
              faculties={faculties.data}
              facultiesError={faculties.isError && !faculties.data ? faculties.error : null}
              onRetryFaculties={() => void faculties.refetch()}
              campaignToken={validToken}
              error={signUp.error}
              pending={signUp.isPending || requestCode.isPending}
              onSubmit={submit}
            />
          )}
          <p className="join__sign-in">
            {t('join.alreadyMember')} <Link to="/sign-in">{t('auth.signIn')}</Link>
          </p>
        </>
      )}
    </div>
  );
}
