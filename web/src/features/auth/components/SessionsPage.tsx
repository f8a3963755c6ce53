import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { SessionResponse } from '../../../api/generated';
import { ConfirmPanel } from '../../../components/ConfirmPanel';
import { ProblemMessage } from '../../../components/ProblemMessage';
import { formatDateTime } from '../../../lib/format';
import { currentLanguage } from '../../../lib/i18n';
import { toProblem, type Problem } from '../../../lib/problem-details';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useRevokeAllSessions, useRevokeSession, useSessions } from '../api/sessions';
import { markSignedOut } from '../../../lib/auth/sign-in';
import { describeUserAgent } from '../user-agent';
import type { FlashState } from '../../../lib/flash';
import { SIGNED_OUT_PATH } from '../../../lib/paths';
import { TableScroll } from '../../../components/TableScroll';

/** "My sessions": the browsers I am signed in on; sign one out, or sign out everywhere. */
export function SessionsPage() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  useDocumentTitle(t('sessions.title'));
  const sessions = useSessions();
  const revoke = useRevokeSession();
  const revokeAll = useRevokeAllSessions();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState('');
  const [failure, setFailure] = useState<Problem | null>(null);
  const [confirmAll, setConfirmAll] = useState(false);
  const errorRef = useRef<HTMLDivElement>(null);
  const confirmRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (failure) errorRef.current?.focus();
  }, [failure]);

  useEffect(() => {
    if (confirmAll) confirmRef.current?.focus();
  }, [confirmAll]);

  const browserName = (session: SessionResponse) => {
    const { browser, version, os } = describeUserAgent(session.userAgent);
    if (!browser && !os) return t('sessions.unknownBrowser');
    const name = browser ? (version ? `${browser} ${version}` : browser) : t('sessions.unknownBrowser');
    return os ? t('sessions.browserOn', { browser: name, os }) : name;
  };

  const signOutSession = (session: SessionResponse) => {
    if (revoke.isPending) return;
    setStatus('');
    setFailure(null);
    revoke.mutate(session, {
      onSuccess: () => setStatus(t('sessions.messages.revoked', { browser: browserName(session) })),
      onError: (error) => setFailure(toProblem(error)),
    });
  };

  const signOutEverywhere = () => {
    if (revokeAll.isPending) return;
    setFailure(null);
    revokeAll.mutate(undefined, {
      onSuccess: async () => {
        const state: FlashState = { flash: 'signedOutEverywhere' };
        await navigate(SIGNED_OUT_PATH, { state, flushSync: true });
        markSignedOut(queryClient);
      },
      onError: (error) => {
        setConfirmAll(false);
        setFailure(toProblem(error));
      },
    });
  };

  return (
    <div className="page">
      <div className="page__header">
        <h1>{t('sessions.title')}</h1>
        <p className="page__intro">{t('sessions.intro')}</p>
      </div>

      <div className="toolbar">
        <p className="toolbar__summary">
          {sessions.data ? t('sessions.summary', { count: sessions.data.length }) : null}
        </p>
        <button
          type="button"
          className="button button--danger"
          aria-expanded={confirmAll}
          aria-controls={confirmAll ? 'sign-out-everywhere' : undefined}
          onClick={() => {
            setStatus('');
            setConfirmAll(!confirmAll);
          }}
        >
          {t('sessions.signOutEverywhere')}
        </button>
      </div>

      <div className="status-region" role="status" aria-live="polite" aria-atomic="true">
        {status ? <p className="notice notice--success">{status}</p> : null}
      </div>

      {failure ? (
        <div className="notice notice--error" role="alert" tabIndex={-1} ref={errorRef}>
          <ProblemMessage problem={failure} lead={t('sessions.messages.failed')} />
        </div>
      ) : null}

      {confirmAll ? (
        <ConfirmPanel
          id="sign-out-everywhere"
          headingId="sign-out-everywhere-heading"
          headingRef={confirmRef}
          title={t('sessions.confirmAll.title')}
          body={t('sessions.confirmAll.body')}
          confirmLabel={t('sessions.confirmAll.confirm')}
          pending={revokeAll.isPending}
          onConfirm={signOutEverywhere}
          onCancel={() => setConfirmAll(false)}
        />
      ) : null}

      <div aria-busy={sessions.isPending || undefined}>
        {sessions.isPending ? (
          <p className="loading">{t('common.loading')}</p>
        ) : sessions.isError && !sessions.data ? (
          <div className="notice notice--error" role="alert">
            <ProblemMessage problem={toProblem(sessions.error)} lead={t('sessions.loadError')} />
            <button type="button" className="button button--small" onClick={() => void sessions.refetch()}>
              {t('common.retry')}
            </button>
          </div>
        ) : (
          <TableScroll label={t('sessions.tableCaption')}>
            <table className="data-table">
              <caption className="visually-hidden">{t('sessions.tableCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('sessions.columns.browser')}</th>
                  <th scope="col">{t('sessions.columns.ip')}</th>
                  <th scope="col">{t('sessions.columns.signedIn')}</th>
                  <th scope="col">{t('sessions.columns.lastSeen')}</th>
                  <th scope="col">{t('sessions.columns.expires')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('sessions.columns.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {sessions.data.map((session) => {
                  const name = browserName(session);
                  return (
                    <tr key={session.id} className={session.isCurrent ? 'is-current' : undefined}>
                      <th scope="row">
                        <span title={session.userAgent ?? undefined}>{name}</span>
                        {session.isCurrent ? (
                          <span className="badge badge--active badge--inline">{t('sessions.current')}</span>
                        ) : null}
                      </th>
                      <td>{session.clientIp ?? t('sessions.unknownIp')}</td>
                      <td>{formatDateTime(session.createdAt, language)}</td>
                      <td>{formatDateTime(session.lastSeenAt, language)}</td>
                      <td>{formatDateTime(session.expiresAt, language)}</td>
                      <td className="data-table__actions">
                        {session.isCurrent ? null : (
                          <button
                            type="button"
                            className="button button--small button--danger"
                            onClick={() => signOutSession(session)}
                            aria-disabled={(revoke.isPending && revoke.variables?.id === session.id) || undefined}
                          >
                            <span aria-hidden="true">{t('sessions.revoke')}</span>
                            <span className="visually-hidden">
                              {t('sessions.revokeNamed', {
                                browser: name,
                                lastSeen: formatDateTime(session.lastSeenAt, language),
                              })}
                            </span>
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
