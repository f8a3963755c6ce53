import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo, useState, type FormEvent } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { BounceResponse } from '../../../api/generated';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { FormField } from '../../../components/FormField';
import { Pager } from '../../../components/Pager';
import { ProblemMessage } from '../../../components/ProblemMessage';
import { TableScroll } from '../../../components/TableScroll';
import { formatDateTime } from '../../../lib/format';
import { messagesAt, showsSummary, useFormFailure } from '../../../lib/form-errors';
import { currentLanguage } from '../../../lib/i18n';
import { toProblem, type Problem } from '../../../lib/problem-details';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useUrlFilters } from '../../../lib/use-url-filters';
import { useBounces, useLiftSuppression, useRecordBounce } from '../api/bounces';
import {
  BOUNCE_FIELDS,
  BOUNCE_KINDS,
  bounceQueryOf,
  bounceQueryParams,
  EMPTY_BOUNCE,
  REASON_MAX,
  recordBounceSchema,
  toRecordBounceRequest,
  type BounceQuery,
  type RecordBounceValues,
} from '../bounce-form';
import './newsletter-admin.css';

const CODEC = { fromParams: bounceQueryOf, toParams: bounceQueryParams };

/**
 * Admins: the bounces recorded (by a mail provider's feed, the bounce mailbox or by hand), newest first, filtered by
 * address and kind; "Record a bounce" by hand; and for an address whose mail is stopped, lifting the stop.
 */
export function BouncesPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('newsletterAdmin.bounces.title'));
  const { applied, draft, setDraft, apply, linkTo } = useUrlFilters<BounceQuery>(CODEC);
  const bounces = useBounces(applied);
  const [status, setStatus] = useState('');

  const search = (event: FormEvent) => {
    event.preventDefault();
    apply({ ...draft, email: draft.email.trim(), page: 1 });
  };

  return (
    <div className="page">
      <div className="page__header">
        <h1>{t('newsletterAdmin.bounces.title')}</h1>
        <p className="page__intro">{t('newsletterAdmin.bounces.intro')}</p>
      </div>
      <div className="status-region" role="status" aria-live="polite" aria-atomic="true">
        {status ? <p className="notice notice--success">{status}</p> : null}
      </div>

      <RecordBounceForm onRecorded={setStatus} />

      <section className="panel" aria-labelledby="bounce-list-heading">
        <h2 id="bounce-list-heading" className="panel__title">
          {t('newsletterAdmin.bounces.listTitle')}
        </h2>
        <form className="filters" role="search" aria-label={t('newsletterAdmin.bounces.filters')} onSubmit={search}>
          <div className="field">
            <label className="field__label" htmlFor="bounce-filter-email">
              {t('newsletterAdmin.bounces.email')}
            </label>
            <input
              id="bounce-filter-email"
              className="input"
              type="search"
              value={draft.email}
              onChange={(event) => setDraft({ ...draft, email: event.target.value })}
            />
          </div>
          <div className="field">
            <label className="field__label" htmlFor="bounce-filter-kind">
              {t('newsletterAdmin.bounces.kind')}
            </label>
            <select
              id="bounce-filter-kind"
              className="input"
              value={draft.kind}
              onChange={(event) => setDraft({ ...draft, kind: event.target.value as BounceQuery['kind'] })}
            >
              <option value="">{t('newsletterAdmin.bounces.allKinds')}</option>
              {BOUNCE_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`newsletterAdmin.bounces.kinds.${kind}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="filters__actions">
            <button type="submit" className="button">
              {t('newsletterAdmin.bounces.search')}
            </button>
          </div>
        </form>
        <div aria-busy={bounces.isFetching || undefined}>
          {bounces.isPending ? (
            <p className="loading">{t('common.loading')}</p>
          ) : bounces.isError ? (
            <div className="notice notice--error" role="alert">
              <ProblemMessage problem={toProblem(bounces.error)} lead={t('newsletterAdmin.bounces.loadError')} />
            </div>
          ) : bounces.data.items.length === 0 ? (
            <p>{t('newsletterAdmin.bounces.none')}</p>
          ) : (
            <>
              <p className="toolbar__summary">{t('newsletterAdmin.bounces.summary', { count: bounces.data.total })}</p>
              <BounceTable items={bounces.data.items} onLifted={setStatus} />
              <Pager
                label={t('newsletterAdmin.bounces.pagerLabel')}
                page={bounces.data.page}
                pages={Math.max(1, Math.ceil(bounces.data.total / bounces.data.pageSize))}
                linkTo={(page) => linkTo({ ...applied, page })}
              />
            </>
          )}
        </div>
      </section>
    </div>
  );
}

function BounceTable({ items, onLifted }: { items: BounceResponse[]; onLifted: (message: string) => void }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const lift = useLiftSuppression();
  const [confirming, setConfirming] = useState<string | null>(null);
  const [failure, setFailure] = useState<Problem | null>(null);
  // An address is offered once, on its newest bounce, even when it bounced several times.
  const offered = new Set<string>();

  return (
    <>
      {failure ? (
        <div className="notice notice--error" role="alert">
          <ProblemMessage problem={failure} lead={t('newsletterAdmin.bounces.liftFailed')} />
        </div>
      ) : null}
      <TableScroll label={t('newsletterAdmin.bounces.caption')}>
        <table className="data-table data-table--dense">
          <caption className="visually-hidden">{t('newsletterAdmin.bounces.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('newsletterAdmin.bounces.email')}</th>
              <th scope="col">{t('newsletterAdmin.bounces.kind')}</th>
              <th scope="col">{t('newsletterAdmin.bounces.reason')}</th>
              <th scope="col">{t('newsletterAdmin.bounces.source')}</th>
              <th scope="col">{t('newsletterAdmin.bounces.at')}</th>
              <th scope="col">{t('newsletterAdmin.bounces.mail')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((bounce) => {
              const first = !offered.has(bounce.email);
              offered.add(bounce.email);
              return (
                <tr key={bounce.id}>
                  <th scope="row" className="bounce__email">
                    {bounce.email}
                  </th>
                  <td>{t(`newsletterAdmin.bounces.kinds.${bounce.kind}`)}</td>
                  <td className="bounce__reason">{bounce.reason ?? ''}</td>
                  <td>{t(`newsletterAdmin.bounces.sources.${bounce.source}`)}</td>
                  <td className="nowrap">{formatDateTime(bounce.createdAt, language)}</td>
                  <td>
                    {bounce.suppressed ? (
                      <span className="badge badge--inactive">{t('newsletterAdmin.bounces.stopped')}</span>
                    ) : (
                      <span className="badge badge--active">{t('newsletterAdmin.bounces.delivered')}</span>
                    )}
                    {bounce.suppressed && first ? (
                      confirming === bounce.email ? (
                        <span className="bounce__confirm">
                          <button
                            type="button"
                            className="button button--small button--primary"
                            aria-disabled={lift.isPending || undefined}
                            onClick={() => {
                              if (lift.isPending) return;
                              setFailure(null);
                              lift.mutate(bounce.email, {
                                onSuccess: () => {
                                  setConfirming(null);
                                  onLifted(t('newsletterAdmin.bounces.lifted', { email: bounce.email }));
                                },
                                onError: (error) => {
                                  setConfirming(null);
                                  setFailure(toProblem(error));
                                },
                              });
                            }}
                          >
                            {t('newsletterAdmin.bounces.liftConfirm', { email: bounce.email })}
                          </button>{' '}
                          <button type="button" className="button button--small" onClick={() => setConfirming(null)}>
                            {t('common.cancel')}
                          </button>
                        </span>
                      ) : (
                        <button
                          type="button"
                          className="button button--small bounce__lift"
                          onClick={() => {
                            onLifted('');
                            setConfirming(bounce.email);
                          }}
                        >
                          {t('newsletterAdmin.bounces.lift')}
                          <span className="visually-hidden">: {bounce.email}</span>
                        </button>
                      )
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}

function RecordBounceForm({ onRecorded }: { onRecorded: (message: string) => void }) {
  const { t } = useTranslation();
  const record = useRecordBounce();
  const schema = useMemo(() => recordBounceSchema(t), [t]);
  const { control, handleSubmit, setError, formState, reset } = useForm<RecordBounceValues>({
    resolver: zodResolver(schema),
    defaultValues: EMPTY_BOUNCE,
    shouldFocusError: false,
  });
  const { failure, refuse, clear } = useFormFailure(record.error, setError, BOUNCE_FIELDS);
  const labels = {
    email: t('newsletterAdmin.bounces.email'),
    kind: t('newsletterAdmin.bounces.kind'),
    reason: t('newsletterAdmin.bounces.reason'),
  };
  const summary = BOUNCE_FIELDS.map((field) => ({ id: `record-bounce-${field}`, label: labels[field], messages: messagesAt(formState.errors, field) }));
  const showSummary = showsSummary(failure, summary.flatMap((field) => field.messages));

  const send = (values: RecordBounceValues) => {
    if (record.isPending) return;
    clear();
    onRecorded('');
    record.mutate(toRecordBounceRequest(values), {
      onSuccess: (bounce) => {
        reset(EMPTY_BOUNCE);
        onRecorded(
          t(bounce.suppressed ? 'newsletterAdmin.bounces.recordedStopped' : 'newsletterAdmin.bounces.recorded', { email: bounce.email }),
        );
      },
    });
  };

  return (
    <section className="panel" aria-labelledby="record-bounce-heading">
      <h2 id="record-bounce-heading" className="panel__title">
        {t('newsletterAdmin.bounces.recordTitle')}
      </h2>
      <p className="field__hint">{t('newsletterAdmin.bounces.recordIntro')}</p>
      <form className="stack-form" noValidate onSubmit={handleSubmit(send, refuse)} aria-busy={record.isPending || undefined}>
        {showSummary ? (
          <ErrorSummary
            title={t('newsletterAdmin.bounces.recordFailed')}
            problem={failure.problem}
            attempt={failure.attempt}
            fields={summary}
            formMessages={failure.formMessages}
          />
        ) : null}
        <Controller
          control={control}
          name="email"
          render={({ field }) => (
            <FormField id="record-bounce-email" name="email" label={labels.email} errors={messagesAt(formState.errors, 'email')}>
              {(props) => <input {...props} className="input" type="email" autoComplete="off" value={field.value} onChange={field.onChange} onBlur={field.onBlur} />}
            </FormField>
          )}
        />
        <Controller
          control={control}
          name="kind"
          render={({ field }) => (
            <fieldset className="fieldset">
              <legend className="field__label">{labels.kind}</legend>
              <ul className="checkbox-list">
                {BOUNCE_KINDS.map((kind, i) => (
                  <li key={kind} className="checkbox-list__item">
                    <input
                      id={i === 0 ? 'record-bounce-kind' : `record-bounce-kind-${kind}`}
                      type="radio"
                      name="record-bounce-kind"
                      value={kind}
                      checked={field.value === kind}
                      onChange={() => field.onChange(kind)}
                      aria-describedby={`record-bounce-kind-${kind}-hint`}
                    />
                    <label htmlFor={i === 0 ? 'record-bounce-kind' : `record-bounce-kind-${kind}`}>{t(`newsletterAdmin.bounces.kinds.${kind}`)}</label>
                    <p className="field__hint checkbox-list__hint" id={`record-bounce-kind-${kind}-hint`}>
                      {t(`newsletterAdmin.bounces.kindHints.${kind}`)}
                    </p>
                  </li>
                ))}
              </ul>
            </fieldset>
          )}
        />
        <Controller
          control={control}
          name="reason"
          render={({ field }) => (
            <FormField
              id="record-bounce-reason"
              name="reason"
              label={labels.reason}
              hint={t('newsletterAdmin.bounces.reasonHint')}
              errors={messagesAt(formState.errors, 'reason')}
            >
              {(props) => <input {...props} className="input" maxLength={REASON_MAX} value={field.value} onChange={field.onChange} onBlur={field.onBlur} />}
            </FormField>
          )}
        />
        <div className="form-actions">
          <button type="submit" className="button button--primary" aria-disabled={record.isPending || undefined}>
            {record.isPending ? t('common.saving') : t('newsletterAdmin.bounces.record')}
          </button>
        </div>
      </form>
    </section>
  );
}
