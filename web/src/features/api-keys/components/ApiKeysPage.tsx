import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiKeyResponse, CreatedApiKeyResponse } from '../../../api/generated';
import { ConfirmPanel } from '../../../components/ConfirmPanel';
import { ProblemMessage } from '../../../components/ProblemMessage';
import { formatDateTime } from '../../../lib/format';
import { currentLanguage } from '../../../lib/i18n';
import { toProblem, type Problem } from '../../../lib/problem-details';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { apiKeyState, useApiKeys, useRevokeApiKey, useScopes } from '../api/api-keys';
import { CreateApiKeyForm } from './CreateApiKeyForm';
import './api-keys.css';
import { NewApiKeySecret } from './NewApiKeySecret';
import { TableScroll } from '../../../components/TableScroll';

const NEW_BUTTON_ID = 'new-api-key-button';

function revokeButtonId(id: string): string {
  return `revoke-api-key-${id}`;
}

/** Copies text to the clipboard; false when the browser refuses. */
async function copyText(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard?.writeText) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** Admin page: the API keys of integrations; create one (its secret shown once) or revoke one. */
export function ApiKeysPage() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  useDocumentTitle(t('apiKeys.title'));
  const keys = useApiKeys();
  const scopes = useScopes();
  const scopeLabels = new Map((scopes.data ?? []).map((scope) => [scope.name, scope.label]));
  const revoke = useRevokeApiKey();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedApiKeyResponse | null>(null);
  const [confirming, setConfirming] = useState<ApiKeyResponse | null>(null);
  const [status, setStatus] = useState('');
  const [actionError, setActionError] = useState<{ name: string; problem: Problem } | null>(null);
  const [returnFocusTo, setReturnFocusTo] = useState<string | null>(null);
  const confirmRef = useRef<HTMLHeadingElement>(null);
  const errorRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  useEffect(() => {
    if (actionError) errorRef.current?.focus();
  }, [actionError]);

  useEffect(() => {
    if (creating || created || confirming || !returnFocusTo) return;
    (document.getElementById(returnFocusTo) ?? document.getElementById(NEW_BUTTON_ID))?.focus();
    // eslint-disable-next-line react-hooks/set-state-in-effect -- a DOM effect (focus back to the opener once the panel has gone); the reset only marks it done
    setReturnFocusTo(null);
  }, [creating, created, confirming, returnFocusTo]);

  const confirmRevoke = (key: ApiKeyResponse) => {
    if (revoke.isPending) return;
    setActionError(null);
    revoke.mutate(key, {
      onSuccess: (revoked) => {
        setConfirming(null);
        setReturnFocusTo(NEW_BUTTON_ID);
        setStatus(t('apiKeys.messages.revoked', { name: revoked.name }));
      },
      onError: (error) => {
        setConfirming(null);
        setActionError({ name: key.name, problem: toProblem(error) });
      },
    });
  };

  return (
    <div className="page">
      <div className="page__header">
        <h1>{t('apiKeys.title')}</h1>
        <p className="page__intro">{t('apiKeys.intro')}</p>
      </div>

      <div className="toolbar">
        <p className="toolbar__summary">{keys.data ? t('apiKeys.summary', { count: keys.data.length }) : null}</p>
        <button
          type="button"
          id={NEW_BUTTON_ID}
          className="button button--primary"
          aria-expanded={creating}
          aria-controls={creating ? 'create-api-key' : undefined}
          onClick={() => {
            setStatus('');
            setCreated(null);
            if (creating) {
              setCreating(false);
              setReturnFocusTo(NEW_BUTTON_ID);
            } else setCreating(true);
          }}
        >
          {t('apiKeys.newKey')}
        </button>
      </div>

      <div className="status-region" role="status" aria-live="polite" aria-atomic="true">
        {status ? <p className="notice notice--success">{status}</p> : null}
      </div>

      {actionError ? (
        <div className="notice notice--error" role="alert" tabIndex={-1} ref={errorRef}>
          <ProblemMessage problem={actionError.problem} lead={t('apiKeys.messages.revokeFailed', { name: actionError.name })} />
          <button type="button" className="button button--small notice__dismiss" onClick={() => setActionError(null)}>
            {t('common.dismiss')}
          </button>
        </div>
      ) : null}

      {created ? (
        <NewApiKeySecret
          created={created}
          onCopy={(secret) =>
            void copyText(secret).then((copied) =>
              setStatus(copied ? t('apiKeys.secret.copied') : t('apiKeys.secret.copyFailed')),
            )
          }
          onDone={() => {
            setCreated(null);
            setStatus('');
            setReturnFocusTo(NEW_BUTTON_ID);
          }}
        />
      ) : null}

      {creating ? (
        <CreateApiKeyForm
          onCreated={(result) => {
            setCreating(false);
            setCreated(result);
            setStatus(t('apiKeys.messages.created', { name: result.key.name }));
          }}
          onCancel={() => {
            setCreating(false);
            setReturnFocusTo(NEW_BUTTON_ID);
          }}
        />
      ) : null}

      {confirming ? (
        <ConfirmPanel
          headingId="revoke-api-key-heading"
          headingRef={confirmRef}
          title={t('apiKeys.revoke.title', { name: confirming.name })}
          body={t('apiKeys.revoke.body', { prefix: confirming.prefix })}
          confirmLabel={revoke.isPending ? t('apiKeys.revoke.revoking') : t('apiKeys.revoke.confirm')}
          pending={revoke.isPending}
          onConfirm={() => confirmRevoke(confirming)}
          onCancel={() => {
            setReturnFocusTo(revokeButtonId(confirming.id));
            setConfirming(null);
          }}
        />
      ) : null}

      <div aria-busy={keys.isPending || undefined}>
        {keys.isPending ? (
          <p className="loading">{t('common.loading')}</p>
        ) : keys.isError && !keys.data ? (
          <div className="notice notice--error" role="alert">
            <ProblemMessage problem={toProblem(keys.error)} lead={t('apiKeys.loadError')} />
            <button type="button" className="button button--small" onClick={() => void keys.refetch()}>
              {t('common.retry')}
            </button>
          </div>
        ) : keys.data.length === 0 ? (
          <p>{t('apiKeys.none')}</p>
        ) : (
          <TableScroll label={t('apiKeys.tableCaption')}>
            <table className="data-table">
              <caption className="visually-hidden" id="api-keys-caption">
                {t('apiKeys.tableCaption')}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('apiKeys.columns.name')}</th>
                  <th scope="col">{t('apiKeys.columns.prefix')}</th>
                  <th scope="col">{t('apiKeys.columns.scopes')}</th>
                  <th scope="col">{t('apiKeys.columns.created')}</th>
                  <th scope="col">{t('apiKeys.columns.expires')}</th>
                  <th scope="col">{t('apiKeys.columns.lastUsed')}</th>
                  <th scope="col">{t('apiKeys.columns.status')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('apiKeys.columns.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {keys.data.map((key) => {
                  const state = apiKeyState(key);
                  return (
                    <tr key={key.id} className={state === 'active' ? undefined : 'is-inactive'}>
                      <th scope="row">{key.name}</th>
                      <td>
                        <code>{key.prefix}</code>
                      </td>
                      <td>
                        <ul className="scope-labels">
                          {key.scopes.map((scope) => (
                            <li key={scope}>
                              {scopeLabels.get(scope) ?? <code>{scope}</code>}
                            </li>
                          ))}
                        </ul>
                      </td>
                      <td>{formatDateTime(key.createdAt, language)}</td>
                      <td>{key.expiresAt ? formatDateTime(key.expiresAt, language) : t('apiKeys.never')}</td>
                      <td>{key.lastUsedAt ? formatDateTime(key.lastUsedAt, language) : t('apiKeys.neverUsed')}</td>
                      <td>
                        {state === 'revoked' ? (
                          <span className="badge badge--inactive">
                            {t('apiKeys.state.revokedAt', { at: formatDateTime(key.revokedAt, language) })}
                          </span>
                        ) : state === 'expired' ? (
                          <span className="badge badge--inactive">{t('apiKeys.state.expired')}</span>
                        ) : (
                          <span className="badge badge--active">{t('apiKeys.state.active')}</span>
                        )}
                      </td>
                      <td className="data-table__actions">
                        {state === 'revoked' ? null : (
                          <button
                            type="button"
                            id={revokeButtonId(key.id)}
                            className="button button--small button--danger"
                            onClick={() => {
                              setStatus('');
                              setActionError(null);
                              setConfirming(key);
                            }}
                          >
                            <span aria-hidden="true">{t('apiKeys.actions.revoke')}</span>
                            <span className="visually-hidden">{t('apiKeys.actions.revokeNamed', { name: key.name })}</span>
                          </button>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableScroll>
        )}
      </div>
    </div>
  );
}
