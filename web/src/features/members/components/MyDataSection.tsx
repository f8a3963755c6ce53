import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { FormField } from '../../../components/FormField';
import { ProblemMessage } from '../../../components/ProblemMessage';
import { toFormErrors, toProblem } from '../../../lib/problem-details';
import { markSignedOut, useRequestCode } from '../../../lib/auth/sign-in';
import { normaliseCode } from '../../../lib/auth/sign-in-state';
import { useDevMailboxAvailable } from '../../../lib/dev-mailbox';
import { useEraseMe, useExportMyData } from '../api/my-profile';
import { EXPORT_FILE_NAME, saveJsonFile } from '../download';
import { focusSoon } from '../../../lib/focus';
import './network.css';

export const ERASED_PATH = '/erased';

/** Navigation state of the "erased" page (it says nothing to a visitor who just typed its address). */
export interface ErasedState {
  erased?: boolean;
}

const ERASE_BUTTON_ID = 'erase-me-button';
const CODE_ID = 'erase-code';
const CODE_FIELDS = ['code'] as const;

export interface MyDataSectionProps {
  /** The address the erasure code goes to: the one I sign in with. */
  email: string;
  announce: (message: string) => void;
  /** Saves the export as a file; the browser's download by default (tests pass their own). */
  save?: (data: unknown, fileName: string) => boolean;
}

/**
 * My data: download everything held about me (a JSON file), or erase it. Erasing is confirmed, then a
 * fresh code is e-mailed and entered; afterwards the session is gone and the person lands on a page
 * that says their data has been erased.
 */
export function MyDataSection({ email, announce, save = saveJsonFile }: MyDataSectionProps) {
  const { t } = useTranslation();
  const exportData = useExportMyData();
  const [step, setStep] = useState<'idle' | 'confirm' | 'code'>('idle');
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (step === 'confirm') headingRef.current?.focus();
  }, [step]);

  const download = () => {
    if (exportData.isPending) return;
    announce('');
    exportData.mutate(undefined, {
      onSuccess: (data) => {
        announce(save(data, EXPORT_FILE_NAME) ? t('myData.downloaded', { file: EXPORT_FILE_NAME }) : t('myData.downloadUnsupported'));
      },
    });
  };

  const cancel = () => {
    setStep('idle');
    focusSoon(ERASE_BUTTON_ID);
  };

  return (
    <section className="panel" aria-labelledby="my-data-heading">
      <h2 id="my-data-heading" className="panel__title">
        {t('myData.title')}
      </h2>
      <p>{t('myData.intro')}</p>
      {exportData.error ? (
        <div className="notice notice--error" role="alert">
          <ProblemMessage problem={toProblem(exportData.error)} lead={t('myData.downloadFailed')} />
        </div>
      ) : null}
      <div className="form-actions">
        <button type="button" className="button" onClick={download} aria-disabled={exportData.isPending || undefined}>
          {exportData.isPending ? t('myData.downloading') : t('myData.download')}
        </button>
        {step === 'idle' ? (
          <button
            type="button"
            id={ERASE_BUTTON_ID}
            className="button button--danger"
            onClick={() => {
              announce('');
              setStep('confirm');
            }}
          >
            {t('myData.erase')}
          </button>
        ) : null}
      </div>

      {step !== 'idle' ? (
        <section className="panel panel--danger panel--nested" aria-labelledby="erase-me-heading">
          <h3 id="erase-me-heading" className="panel__title" tabIndex={-1} ref={headingRef}>
            {t('myData.eraseTitle')}
          </h3>
          <p>{t('myData.eraseBody')}</p>
          <EraseSteps email={email} step={step} onCodeStep={() => setStep('code')} onCancel={cancel} />
        </section>
      ) : null}
    </section>
  );
}

function EraseSteps({
  email,
  step,
  onCodeStep,
  onCancel,
}: {
  email: string;
  step: 'confirm' | 'code';
  onCodeStep: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const devMailbox = useDevMailboxAvailable();
  const requestCode = useRequestCode();
  const erase = useEraseMe();
  const [code, setCode] = useState('');
  const [sentNote, setSentNote] = useState('');
  const requestProblem = useMemo(() => (requestCode.error ? toProblem(requestCode.error) : null), [requestCode.error]);
  const eraseProblem = useMemo(() => (erase.error ? toProblem(erase.error) : null), [erase.error]);
  const codeErrors = eraseProblem ? toFormErrors(eraseProblem, CODE_FIELDS) : null;

  useEffect(() => {
    if (step === 'code') document.getElementById(CODE_ID)?.focus();
  }, [step]);

  const sendCode = () => {
    if (requestCode.isPending) return;
    erase.reset();
    requestCode.mutate(
      { email },
      {
        onSuccess: (answer) => {
          setCode('');
          setSentNote(t('myData.codeSent', { email, minutes: answer?.expiresInMinutes ?? 10 }));
          onCodeStep();
        },
      },
    );
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (erase.isPending) return;
    erase.mutate(
      { code: normaliseCode(code) },
      {
        onSuccess: async () => {
          const state: ErasedState = { erased: true };
          // Leave the page first, then forget the person (this page needs a sign-in).
          await navigate(ERASED_PATH, { state, replace: true, flushSync: true });
          markSignedOut(queryClient);
        },
      },
    );
  };

  if (step === 'confirm') {
    return (
      <>
        {requestProblem ? <ErrorSummary title={t('myData.codeFailed')} problem={requestProblem} /> : null}
        <p>{t('myData.eraseCodeStep', { email })}</p>
        <div className="form-actions">
          <button type="button" className="button button--danger" onClick={sendCode} aria-disabled={requestCode.isPending || undefined}>
            {requestCode.isPending ? t('myData.sendingCode') : t('myData.sendCode')}
          </button>
          <button type="button" className="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </>
    );
  }

  return (
    <form className="stack-form" noValidate onSubmit={submit} aria-busy={erase.isPending || undefined}>
      {eraseProblem && codeErrors ? (
        <ErrorSummary
          title={t('myData.eraseFailed')}
          problem={eraseProblem}
          fields={[{ id: CODE_ID, label: t('myData.code'), messages: codeErrors.fields.code ?? [] }]}
          formMessages={codeErrors.form}
        />
      ) : null}
      {requestProblem ? <ErrorSummary title={t('myData.codeFailed')} problem={requestProblem} /> : null}
      <p role="status">{sentNote}</p>
      {devMailbox ? (
        <p className="sign-in__dev-hint">
          {t('signIn.devMailboxHint')}{' '}
          <Link to="/dev/mailbox" target="_blank" rel="noopener">
            {t('nav.devMailbox')}
            <span className="visually-hidden"> {t('common.newTab')}</span>
          </Link>
        </p>
      ) : null}
      <FormField id={CODE_ID} name="code" label={t('myData.code')} hint={t('myData.codeHint')} errors={codeErrors?.fields.code}>
        {(control) => (
          <input
            {...control}
            type="text"
            className="input input--code input--short"
            value={code}
            onChange={(event) => setCode(event.target.value.toUpperCase())}
            autoComplete="one-time-code"
            autoCapitalize="characters"
            spellCheck={false}
            required
            maxLength={32}
          />
        )}
      </FormField>
      <div className="form-actions">
        <button type="submit" className="button button--danger" aria-disabled={erase.isPending || undefined}>
          {erase.isPending ? t('myData.erasing') : t('myData.confirmErase')}
        </button>
        <button type="button" className="button" onClick={sendCode} aria-disabled={requestCode.isPending || undefined}>
          {t('myData.sendNewCode')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
