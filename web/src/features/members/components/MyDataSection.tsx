import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { ProblemMessage } from '../../../components/ProblemMessage';
import { messagesAt, showsSummary, useFormFailure } from '../../../lib/form-errors';
import { toProblem } from '../../../lib/problem-details';
import { markSignedOut } from '../../../lib/auth/sign-in';
import { CODE_FIELDS, codeSchema, type CodeValues } from '../../../lib/auth/code-form';
import { CodeField } from '../../../components/CodeField';
import { normaliseCode } from '../../../lib/auth/sign-in-state';
import { useDevMailboxAvailable } from '../../../lib/dev-mailbox';
import { useEraseMe, useExportMyData, useRequestErasureCode } from '../api/my-profile';
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
const SUMMARY_HEADING_ID = 'my-data-summary-heading';

export interface MyDataSectionProps {
  /** The address the erasure code goes to: the one I sign in with. */
  email: string;
  announce: (message: string) => void;
  /** Saves the export as a file; the browser's download by default (tests pass their own). */
  save?: (data: unknown, fileName: string) => boolean;
}

/**
 * My data: see a short summary of everything held about me (in my language, from the export), download it all
 * (a JSON file), or erase it. Erasing is confirmed, then a
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

  /** Reads the export; saves it as a file too, or only shows its summary. */
  const read = (saveFile: boolean) => {
    if (exportData.isPending) return;
    announce('');
    exportData.mutate(undefined, {
      onSuccess: (data) => {
        if (!saveFile) {
          focusSoon(SUMMARY_HEADING_ID);
          return;
        }
        announce(save(data, EXPORT_FILE_NAME) ? t('myData.downloaded', { file: EXPORT_FILE_NAME }) : t('myData.downloadUnsupported'));
      },
    });
  };
  const summary = exportData.data;

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
        <button type="button" className="button" onClick={() => read(false)} aria-disabled={exportData.isPending || undefined}>
          {t('myData.showSummary')}
        </button>
        <button type="button" className="button" onClick={() => read(true)} aria-disabled={exportData.isPending || undefined}>
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

      {summary ? (
        <section className="panel panel--nested export-summary" aria-labelledby={SUMMARY_HEADING_ID}>
          <h3 id={SUMMARY_HEADING_ID} className="panel__title" tabIndex={-1}>
            {t('myData.summaryTitle')}
          </h3>
          <ul className="export-summary__lines" lang={summary.profile.preferredLanguage}>
            {summary.summary
              .split('\n')
              .filter((line) => line.trim() !== '')
              .map((line, i) => (
                <li key={i}>{line}</li>
              ))}
          </ul>
          <p className="field__hint">{t('myData.summaryFile', { file: EXPORT_FILE_NAME })}</p>
        </section>
      ) : null}

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

/** Erasure: a confirmation, then a fresh e-mailed code (codeSchema, as EraseMe has it) that erases. */
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
  const requestCode = useRequestErasureCode();
  const erase = useEraseMe();
  const [sentNote, setSentNote] = useState('');
  const requestProblem = useMemo(() => (requestCode.error ? toProblem(requestCode.error) : null), [requestCode.error]);
  // The messages are in the UI language: the rules are made again when it changes.
  const schema = useMemo(() => codeSchema(t), [t]);
  const { control, handleSubmit, setError, formState, reset } = useForm<CodeValues>({
    resolver: zodResolver(schema),
    defaultValues: { code: '' },
    shouldFocusError: false,
  });
  const error = erase.error;

  const { failure, refuse, clear } = useFormFailure(error, setError, CODE_FIELDS);

  useEffect(() => {
    if (step === 'code') document.getElementById(CODE_ID)?.focus();
  }, [step]);

  const sendCode = () => {
    if (requestCode.isPending) return;
    erase.reset();
    requestCode.mutate(undefined, {
        onSuccess: (answer) => {
          // A new code: the old one and its messages are done with.
          reset({ code: '' });
          clear();
          setSentNote(t('myData.codeSent', { email, minutes: answer?.expiresInMinutes || 10 }));
          onCodeStep();
        },
    });
  };

  const send = (values: CodeValues) => {
    if (erase.isPending) return;
    clear();
    erase.mutate(
      { code: normaliseCode(values.code) },
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

  const messages = messagesAt(formState.errors, 'code');
  const showSummary = showsSummary(failure, messages);

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
    <form className="stack-form" noValidate onSubmit={handleSubmit(send, refuse)} aria-busy={erase.isPending || undefined}>
      {showSummary ? (
        <ErrorSummary
          title={t('myData.eraseFailed')}
          problem={failure.problem}
          attempt={failure.attempt}
          fields={[{ id: CODE_ID, label: t('myData.code'), messages }]}
          formMessages={failure.formMessages}
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
      <CodeField
        id={CODE_ID}
        label={t('myData.code')}
        hint={t('myData.codeHint')}
        errors={messages}
        control={control}
      />
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
