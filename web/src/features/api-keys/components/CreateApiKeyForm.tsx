import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreatedApiKeyResponse } from '../../../api/generated';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { fieldErrorId, FormField } from '../../../components/FormField';
import { ProblemMessage } from '../../../components/ProblemMessage';
import { localDateTimeToIso } from '../../../lib/format';
import { toFormErrors, toProblem } from '../../../lib/problem-details';
import { useCreateApiKey, useScopes } from '../api/api-keys';

const FIELDS = ['name', 'scopes', 'expiresAt'] as const;
const ID_PREFIX = 'new-api-key';
const SCOPES_ID = `${ID_PREFIX}-scopes`;

function scopeCheckboxId(scope: string): string {
  return `${ID_PREFIX}-scope-${scope.replace(/[^a-z0-9-]/gi, '-')}`;
}

export interface CreateApiKeyFormProps {
  onCreated: (created: CreatedApiKeyResponse) => void;
  onCancel: () => void;
}

/** Name, scopes (with the operations each allows) and an optional expiry of a new API key. */
export function CreateApiKeyForm({ onCreated, onCancel }: CreateApiKeyFormProps) {
  const { t } = useTranslation();
  const scopes = useScopes();
  const create = useCreateApiKey();
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [expiresAt, setExpiresAt] = useState('');
  const problem = useMemo(() => (create.error ? toProblem(create.error) : null), [create.error]);
  const errors = problem ? toFormErrors(problem, FIELDS) : null;
  const scopeErrors = errors?.fields.scopes;
  const firstScopeId = scopes.data?.[0] ? scopeCheckboxId(scopes.data[0].name) : SCOPES_ID;
  const labels = { name: t('apiKeys.form.name'), scopes: t('apiKeys.form.scopes'), expiresAt: t('apiKeys.form.expiresAt') };

  useEffect(() => {
    document.getElementById(`${ID_PREFIX}-name`)?.focus();
  }, []);

  const toggle = (scope: string, on: boolean) =>
    setChosen((current) => {
      const next = new Set(current);
      if (on) next.add(scope);
      else next.delete(scope);
      return next;
    });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (create.isPending) return;
    create.mutate(
      {
        name: name.trim(),
        scopes: (scopes.data ?? []).map((s) => s.name).filter((s) => chosen.has(s)),
        expiresAt: expiresAt ? localDateTimeToIso(expiresAt) : undefined,
      },
      { onSuccess: onCreated },
    );
  };

  return (
    <section id="create-api-key" className="panel" aria-labelledby="create-api-key-heading">
      <h2 id="create-api-key-heading" className="panel__title">
        {t('apiKeys.form.title')}
      </h2>
      <form className="stack-form" noValidate onSubmit={submit} aria-busy={create.isPending || undefined}>
        {problem && errors ? (
          <ErrorSummary
            title={t('apiKeys.form.failed')}
            problem={problem}
            fields={[
              { id: `${ID_PREFIX}-name`, label: labels.name, messages: errors.fields.name ?? [] },
              { id: firstScopeId, label: labels.scopes, messages: errors.fields.scopes ?? [] },
              { id: `${ID_PREFIX}-expiresAt`, label: labels.expiresAt, messages: errors.fields.expiresAt ?? [] },
            ]}
            formMessages={errors.form}
          />
        ) : null}

        <FormField id={`${ID_PREFIX}-name`} name="name" label={labels.name} hint={t('apiKeys.form.nameHint')} errors={errors?.fields.name}>
          {(control) => (
            <input
              {...control}
              type="text"
              className="input"
              value={name}
              onChange={(event) => setName(event.target.value)}
              autoComplete="off"
              required
              maxLength={400}
            />
          )}
        </FormField>

        <fieldset
          id={SCOPES_ID}
          className={['fieldset', scopeErrors?.length ? 'field--invalid' : ''].filter(Boolean).join(' ')}
          aria-describedby={scopeErrors?.length ? fieldErrorId(SCOPES_ID) : undefined}
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
            <ul className="checkbox-list">
              {scopes.data.map((scope) => {
                const id = scopeCheckboxId(scope.name);
                return (
                  <li key={scope.name} className="checkbox-list__item">
                    <input
                      id={id}
                      type="checkbox"
                      className="checkbox"
                      name="scopes"
                      value={scope.name}
                      checked={chosen.has(scope.name)}
                      onChange={(event) => toggle(scope.name, event.target.checked)}
                      aria-describedby={`${id}-operations`}
                      aria-invalid={scopeErrors?.length ? true : undefined}
                    />
                    <label htmlFor={id}>
                      <code>{scope.name}</code>
                    </label>
                    <p className="field__hint checkbox-list__hint" id={`${id}-operations`}>
                      {scope.operations.length > 0
                        ? t('apiKeys.form.operations', { operations: scope.operations.join(', ') })
                        : t('apiKeys.form.noOperations')}
                    </p>
                  </li>
                );
              })}
            </ul>
          )}
          {scopeErrors?.length ? (
            <p className="field__error" id={fieldErrorId(SCOPES_ID)}>
              {scopeErrors.map((message, i) => (
                <span key={i} className="field__error-line">
                  {message}
                </span>
              ))}
            </p>
          ) : null}
        </fieldset>

        <FormField
          id={`${ID_PREFIX}-expiresAt`}
          name="expiresAt"
          label={labels.expiresAt}
          hint={t('apiKeys.form.expiresAtHint')}
          errors={errors?.fields.expiresAt}
        >
          {(control) => (
            <input
              {...control}
              type="datetime-local"
              className="input input--date"
              value={expiresAt}
              onChange={(event) => setExpiresAt(event.target.value)}
            />
          )}
        </FormField>

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
