import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { WelcomeStepResponse } from '../../../api/generated';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { FormField } from '../../../components/FormField';
import { ProblemMessage } from '../../../components/ProblemMessage';
import { focusSoon } from '../../../lib/focus';
import { formatDateTime } from '../../../lib/format';
import { messagesAt, showsSummary, useFormFailure } from '../../../lib/form-errors';
import { currentLanguage } from '../../../lib/i18n';
import { toProblem } from '../../../lib/problem-details';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useUpdateWelcomeStep, useWelcomeSteps } from '../api/welcome';
import {
  BODY_MAX,
  DELAY_MAX,
  SUBJECT_MAX,
  toUpdateWelcomeStepRequest,
  WELCOME_FIELDS,
  welcomeStepSchema,
  welcomeStepValues,
  type WelcomeStepValues,
} from '../welcome-form';
import './newsletter-admin.css';

/**
 * Admins: the welcome series a newly verified member gets — each step's subject and body in Swedish and English
 * (Markdown with Liquid fields), its delay after verification, on or off, and what it has done (sent, skipped,
 * waiting, failed). A step is changed from the version shown (If-Match).
 */
export function WelcomeStepsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('newsletterAdmin.welcome.title'));
  const steps = useWelcomeSteps();
  const stepName = useStepName();
  const [editing, setEditing] = useState<string | null>(null);
  // The step someone else changed while it was edited here: its form starts again from their version, and says why.
  const [changedElsewhere, setChangedElsewhere] = useState<string | null>(null);
  const [status, setStatus] = useState('');

  return (
    <div className="page">
      <div className="page__header">
        <h1>{t('newsletterAdmin.welcome.title')}</h1>
        <p className="page__intro">{t('newsletterAdmin.welcome.intro')}</p>
      </div>
      <div className="status-region" role="status" aria-live="polite" aria-atomic="true">
        {status ? <p className="notice notice--success">{status}</p> : null}
      </div>
      <div aria-busy={steps.isPending || undefined}>
        {steps.isPending ? (
          <p className="loading">{t('common.loading')}</p>
        ) : steps.isError ? (
          <div className="notice notice--error" role="alert">
            <ProblemMessage problem={toProblem(steps.error)} lead={t('newsletterAdmin.welcome.loadError')} />
            <button type="button" className="button button--small" onClick={() => void steps.refetch()}>
              {t('common.retry')}
            </button>
          </div>
        ) : (
          <ol className="welcome-steps">
            {steps.data.map((step) => (
              <li key={step.id}>
                {editing === step.id ? (
                  <WelcomeStepForm
                    key={step.version}
                    step={step}
                    changedElsewhere={changedElsewhere === step.id}
                    onStale={() => setChangedElsewhere(step.id)}
                    onSaved={() => {
                      setChangedElsewhere(null);
                      setEditing(null);
                      setStatus(t('newsletterAdmin.welcome.saved', { step: stepName(step) }));
                      focusSoon(`edit-step-${step.id}`);
                    }}
                    onCancel={() => {
                      setChangedElsewhere(null);
                      setEditing(null);
                      focusSoon(`edit-step-${step.id}`);
                    }}
                  />
                ) : (
                  <WelcomeStepCard
                    step={step}
                    onEdit={() => {
                      setStatus('');
                      setEditing(step.id);
                    }}
                  />
                )}
              </li>
            ))}
          </ol>
        )}
      </div>
    </div>
  );
}

const KNOWN_STEPS = ['welcome', 'complete-profile', 'offer-help'] as const;

/** The known steps have names of their own; one the office added later is shown by its key. */
function useStepName(): (step: WelcomeStepResponse) => string {
  const { t } = useTranslation();
  return (step) => {
    const known = KNOWN_STEPS.find((key) => key === step.stepKey);
    return known ? t(`newsletterAdmin.welcome.steps.${known}`) : step.stepKey;
  };
}

function WelcomeStepCard({ step, onEdit }: { step: WelcomeStepResponse; onEdit: () => void }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const stepName = useStepName();
  const headingId = `step-${step.id}-heading`;
  return (
    <section className="panel welcome-step" aria-labelledby={headingId}>
      <h2 id={headingId} className="panel__title">
        {t('newsletterAdmin.welcome.position', { position: step.position })} {stepName(step)}{' '}
        <span className={step.active ? 'badge badge--active' : 'badge badge--inactive'}>
          {step.active ? t('newsletterAdmin.welcome.on') : t('newsletterAdmin.welcome.off')}
        </span>
      </h2>
      <dl className="facts facts--grid">
        <div>
          <dt>{t('newsletterAdmin.welcome.when')}</dt>
          <dd>{step.delayDays === 0 ? t('newsletterAdmin.welcome.atOnce') : t('newsletterAdmin.welcome.afterDays', { count: step.delayDays })}</dd>
        </div>
        <div>
          <dt>{t('newsletterAdmin.welcome.skipped')}</dt>
          <dd>{t(`newsletterAdmin.welcome.skipRules.${step.skipRule}`)}</dd>
        </div>
        <div>
          <dt lang="sv">{t('newsletterAdmin.welcome.subjectSv')}</dt>
          <dd lang="sv">{step.subjectSv || <span className="muted">{t('newsletterAdmin.welcome.notWritten')}</span>}</dd>
        </div>
        <div>
          <dt>{t('newsletterAdmin.welcome.subjectEn')}</dt>
          <dd lang="en">{step.subjectEn || <span className="muted">{t('newsletterAdmin.welcome.notWritten')}</span>}</dd>
        </div>
        <div>
          <dt>{t('newsletterAdmin.welcome.figures')}</dt>
          <dd>
            {t('newsletterAdmin.welcome.figuresValue', { sent: step.sent, skipped: step.skipped, waiting: step.waiting, failed: step.failed })}
          </dd>
        </div>
        <div>
          <dt>{t('newsletterAdmin.welcome.updated')}</dt>
          <dd>{formatDateTime(step.updatedAt, language)}</dd>
        </div>
      </dl>
      <div className="form-actions">
        <button type="button" id={`edit-step-${step.id}`} className="button" onClick={onEdit}>
          {t('newsletterAdmin.welcome.edit')}
          <span className="visually-hidden">: {stepName(step)}</span>
        </button>
      </div>
    </section>
  );
}

interface WelcomeStepFormProps {
  step: WelcomeStepResponse;
  /** Someone else changed the step meanwhile: this form shows their version (it is keyed by the version). */
  changedElsewhere: boolean;
  /** The save was refused as stale (412): the steps are read again. */
  onStale: () => void;
  onSaved: () => void;
  onCancel: () => void;
}

function WelcomeStepForm({ step, changedElsewhere, onStale, onSaved, onCancel }: WelcomeStepFormProps) {
  const { t } = useTranslation();
  const update = useUpdateWelcomeStep();
  const stepName = useStepName();
  const schema = useMemo(() => welcomeStepSchema(t), [t]);
  const { control, handleSubmit, setError, formState } = useForm<WelcomeStepValues>({
    resolver: zodResolver(schema),
    defaultValues: welcomeStepValues(step),
    shouldFocusError: false,
  });
  const { failure, refuse, clear } = useFormFailure(update.error, setError, WELCOME_FIELDS);
  const stale = update.error ? toProblem(update.error).kind === 'precondition-failed' : false;
  const showStale = changedElsewhere && !update.error;
  const headingRef = useRef<HTMLHeadingElement>(null);
  const id = `step-${step.id}`;
  const labels: Record<(typeof WELCOME_FIELDS)[number], string> = {
    subjectSv: t('newsletterAdmin.welcome.subjectSv'),
    subjectEn: t('newsletterAdmin.welcome.subjectEn'),
    bodySv: t('newsletterAdmin.welcome.bodySv'),
    bodyEn: t('newsletterAdmin.welcome.bodyEn'),
    delayDays: t('newsletterAdmin.welcome.delayDays'),
    active: t('newsletterAdmin.welcome.active'),
  };
  const summary = WELCOME_FIELDS.map((field) => ({ id: `${id}-${field}`, label: labels[field], messages: messagesAt(formState.errors, field) }));
  const showSummary = showsSummary(failure, summary.flatMap((field) => field.messages));

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const send = (values: WelcomeStepValues) => {
    if (update.isPending) return;
    clear();
    update.mutate(
      { id: step.id, version: step.version, body: toUpdateWelcomeStepRequest(values) },
      {
        onSuccess: onSaved,
        onError: (error) => {
          if (toProblem(error).kind === 'precondition-failed') onStale();
        },
      },
    );
  };

  const text = (field: 'subjectSv' | 'subjectEn', lang: 'sv' | 'en') => (
    <Controller
      control={control}
      name={field}
      render={({ field: f }) => (
        <FormField id={`${id}-${field}`} name={field} label={labels[field]} errors={messagesAt(formState.errors, field)}>
          {(props) => <input {...props} className="input" lang={lang} maxLength={SUBJECT_MAX} value={f.value} onChange={f.onChange} onBlur={f.onBlur} />}
        </FormField>
      )}
    />
  );
  const body = (field: 'bodySv' | 'bodyEn', lang: 'sv' | 'en') => (
    <Controller
      control={control}
      name={field}
      render={({ field: f }) => (
        <FormField
          id={`${id}-${field}`}
          name={field}
          label={labels[field]}
          hint={t('newsletterAdmin.welcome.bodyHint')}
          errors={messagesAt(formState.errors, field)}
        >
          {(props) => (
            <textarea {...props} className="input welcome-step__body" lang={lang} rows={10} maxLength={BODY_MAX} value={f.value} onChange={f.onChange} onBlur={f.onBlur} />
          )}
        </FormField>
      )}
    />
  );

  return (
    <section className="panel welcome-step" aria-labelledby={`${id}-form-heading`}>
      <h2 id={`${id}-form-heading`} className="panel__title" tabIndex={-1} ref={headingRef}>
        {t('newsletterAdmin.welcome.editTitle', { step: stepName(step) })}
      </h2>
      <form className="stack-form" noValidate onSubmit={handleSubmit(send, refuse)} aria-busy={update.isPending || undefined}>
        {showStale || stale ? (
          <div className="notice notice--warning" role="alert">
            {t('newsletterAdmin.welcome.changedElsewhere')}
          </div>
        ) : showSummary ? (
          <ErrorSummary
            title={t('newsletterAdmin.welcome.saveFailed')}
            problem={failure.problem}
            attempt={failure.attempt}
            fields={summary}
            formMessages={failure.formMessages}
          />
        ) : null}
        <div className="two-languages">
          <div>
            {text('subjectSv', 'sv')}
            {body('bodySv', 'sv')}
          </div>
          <div>
            {text('subjectEn', 'en')}
            {body('bodyEn', 'en')}
          </div>
        </div>
        <Controller
          control={control}
          name="delayDays"
          render={({ field: f }) => (
            <FormField
              id={`${id}-delayDays`}
              name="delayDays"
              label={labels.delayDays}
              hint={t('newsletterAdmin.welcome.delayHint', { max: DELAY_MAX })}
              errors={messagesAt(formState.errors, 'delayDays')}
            >
              {(props) => (
                <input {...props} className="input input--short" inputMode="numeric" value={f.value} onChange={f.onChange} onBlur={f.onBlur} />
              )}
            </FormField>
          )}
        />
        <Controller
          control={control}
          name="active"
          render={({ field: f }) => (
            <div className="checkbox-list__item">
              <input
                id={`${id}-active`}
                type="checkbox"
                role="switch"
                className="checkbox"
                checked={f.value}
                onChange={(event) => f.onChange(event.target.checked)}
                aria-describedby={`${id}-active-hint`}
              />
              <label htmlFor={`${id}-active`}>{labels.active}</label>
              <p className="field__hint checkbox-list__hint" id={`${id}-active-hint`}>
                {t('newsletterAdmin.welcome.activeHint')}
              </p>
            </div>
          )}
        />
        <div className="form-actions">
          <button type="submit" className="button button--primary" aria-disabled={update.isPending || undefined}>
            {update.isPending ? t('common.saving') : t('newsletterAdmin.welcome.save')}
          </button>
          <button type="button" className="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
