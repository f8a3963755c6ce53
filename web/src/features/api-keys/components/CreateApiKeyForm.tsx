import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useMemo } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { CreatedApiKeyResponse } from '../../../api/generated';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { fieldErrorId, TextInputField } from '../../../components/FormField';
import { ProblemMessage } from '../../../components/ProblemMessage';
import { messagesAt, showsSummary, useFormFailure } from '../../../lib/form-errors';
import { toProblem } from '../../../lib/problem-details';
import { scopesByArea, useCreateApiKey, useScopes } from '../api/api-keys';
import { API_KEY_ROUTES, apiKeySchema, EMPTY_API_KEY, toCreateApiKeyRequest, type ApiKeyValues } from '../api-key-form';

const ID_PREFIX = 'new-api-key';
const SCOPES_ID = `${ID_PREFIX}-scopes`;
type Field = keyof ApiKeyValues;

function scopeCheckboxId(scope: string): string {
  return `${ID_PREFIX}-scope-${scope.replace(/[^a-z0-9-]/gi, '-')}`;
}

export interface CreateApiKeyFormProps {
  onCreated: (created: CreatedApiKeyResponse) => void;
  onCancel: () => void;
}

/**
 * Name, scopes (with the operations each allows) and an optional expiry of a new API key. The API's
 * rules are checked here first (apiKeySchema); what only the server can judge (a scope it no longer
 * has) comes back on the fields.
 */
export function CreateApiKeyForm({ onCreated, onCancel }: CreateApiKeyFormProps) {
  const { t } = useTranslation();
  const scopes = useScopes();
  const create = useCreateApiKey();
  // The messages are in the UI language: the rules are made again when it changes.
  const schema = useMemo(() => apiKeySchema(t), [t]);
  const { control, handleSubmit, setError, formState } = useForm<ApiKeyValues>({
    resolver: zodResolver(schema),
    defaultValues: EMPTY_API_KEY,
    shouldFocusError: false,
  });
  const error = create.error;
  const firstScopeId = scopes.data?.[0] ? scopeCheckboxId(scopes.data[0].name) : SCOPES_ID;
  const labels: Record<Field, string> = {
    name: t('apiKeys.form.name'),
    scopes: t('apiKeys.form.scopes'),
    expiresAt: t('apiKeys.form.expiresAt'),
  };

  useEffect(() => {
    document.getElementById(`${ID_PREFIX}-name`)?.focus();
  }, []);

  const { failure, refuse, clear } = useFormFailure(error, setError, API_KEY_ROUTES);

  const send = (values: ApiKeyValues) => {
    if (create.isPending) return;
    clear();
    create.mutate(toCreateApiKeyRequest(values, (scopes.data ?? []).map((s) => s.name)), { onSuccess: onCreated });
  };

  const errorsOf = (field: Field) => messagesAt(formState.errors, field);
  const scopeErrors = errorsOf('scopes');
  const summary = [
    { id: `${ID_PREFIX}-name`, label: labels.name, messages: errorsOf('name') },
    { id: firstScopeId, label: labels.scopes, messages: scopeErrors },
    { id: `${ID_PREFIX}-expiresAt`, label: labels.expiresAt, messages: errorsOf('expiresAt') },
  ];
  const showSummary = showsSummary(failure, summary.flatMap((field) => field.messages));

  return (
    <section id="create-api-key" className="panel" aria-labelledby="create-api-key-heading">
      <h2 id="create-api-key-heading" className="panel__title">
        {t('apiKeys.form.title')}
      </h2>
      <form className="stack-form" noValidate onSubmit={handleSubmit(send, refuse)} aria-busy={create.isPending || undefined}>
        {showSummary ? (
          <ErrorSummary
            title={t('apiKeys.form.failed')}
            problem={failure.problem}
            attempt={failure.attempt}
            fields={summary}
            formMessages={failure.formMessages}
          />
        ) : null}

        <Controller
          control={control}
          name="name"
          render={({ field }) => (
            <TextInputField
              id={`${ID_PREFIX}-name`}
              name="name"
              label={labels.name}
              hint={t('apiKeys.form.nameHint')}
              errors={errorsOf('name')}
              value={field.value}
              onValueChange={field.onChange}
              onBlur={field.onBlur}
              autoComplete="off"
              required
              maxLength={400}
            />
          )}
        />

        <fieldset
          id={SCOPES_ID}
          className={['fieldset', scopeErrors.length ? 'field--invalid' : ''].filter(Boolean).join(' ')}
          aria-describedby={scopeErrors.length ? fieldErrorId(SCOPES_ID) : undefined}
        >
          <legend className="field__label">{labels.scopes}</legend>
          <p className="field__hint">{t('apiKeys.form.scopesHint')}</p>
          {scopes.isPending ? (
            <p className="loading">{t('common.loading')}</p>
          ) : scopes.isError ? (
            <div className="notice notice--error" role="alert">
              <ProblemMessage problem={toProblem(scopes.error)} lead={t('apiKeys.form.scopesLoadError')} />
              <button type="button" className="button button--small" onClick={() => void scopes.refetch()}>
                {t('common.retry')}
              </button>
            </div>
          ) : (
            <Controller
              control={control}
              name="scopes"
              render={({ field }) => (
                <div className="scope-areas">
                  {scopesByArea(scopes.data).map((area) => (
                    <div key={area.area} role="group" aria-labelledby={`${SCOPES_ID}-area-${area.area}`} className="scope-area">
                      <h3 className="scope-area__title" id={`${SCOPES_ID}-area-${area.area}`}>
                        {area.label}
                      </h3>
                      <ul className="checkbox-list">
                        {area.scopes.map((scope) => {
                          const id = scopeCheckboxId(scope.name);
                          return (
                            <li key={scope.name} className="checkbox-list__item">
                              <input
                                id={id}
                                type="checkbox"
                                className="checkbox"
                                name="scopes"
                                value={scope.name}
                                checked={field.value.includes(scope.name)}
                                onChange={(event) =>
                                  field.onChange(
                                    event.target.checked
                                      ? [...field.value, scope.name]
                                      : field.value.filter((chosen) => chosen !== scope.name),
                                  )
                                }
                                aria-describedby={`${id}-description`}
                                aria-invalid={scopeErrors.length ? true : undefined}
                              />
                              <label htmlFor={id}>{scope.label}</label>
                              <p className="field__hint checkbox-list__hint" id={`${id}-description`}>
                                {scope.description}
                              </p>
                              <details className="scope-operations checkbox-list__hint">
                                <summary>{t('apiKeys.form.operationsSummary', { scope: scope.name })}</summary>
                                {scope.operations.length > 0 ? (
                                  <ul className="scope-operations__list">
                                    {scope.operations.map((operation) => (
                                      <li key={operation}>
                                        <code>{operation}</code>
                                      </li>
                                    ))}
                                  </ul>
                                ) : (
                                  <p>{t('apiKeys.form.noOperations')}</p>
                                )}
                              </details>
                            </li>
                          );
                        })}
                      </ul>
                    </div>
                  ))}
                </div>
              )}
            />
          )}
          {scopeErrors.length ? (
            <p className="field__error" id={fieldErrorId(SCOPES_ID)}>
              {scopeErrors.map((message, i) => (
                <span key={i} className="field__error-line">
                  {message}
                </span>
              ))}
            </p>
          ) : null}
        </fieldset>

        <Controller
          control={control}
          name="expiresAt"
          render={({ field }) => (
            <TextInputField
              id={`${ID_PREFIX}-expiresAt`}
              name="expiresAt"
              label={labels.expiresAt}
              hint={t('apiKeys.form.expiresAtHint')}
              errors={errorsOf('expiresAt')}
              type="datetime-local"
              inputClassName="input input--date"
              value={field.value}
              onValueChange={field.onChange}
              onBlur={field.onBlur}
            />
          )}
        />

        <div className="form-actions">
          <button type="submit" className="button button--primary" aria-disabled={create.isPending || undefined}>
            {create.isPending ? t('common.saving') : t('apiKeys.form.submit')}
          </button>
          <button type="button" className="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
