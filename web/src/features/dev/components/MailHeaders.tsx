import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DevMailboxMessage } from '../../../api/generated';
import { ProblemMessage } from '../../../components/ProblemMessage';
import { toProblem } from '../../../lib/problem-details';
import { useOneClick } from '../api/one-click';
import { listHeadersOf, preferenceTokenOf, textParts, unsubscribeAddresses } from '../mail';

/**
 * A newsletter mail's list header fields (List-Unsubscribe, List-Unsubscribe-Post, List-Id, DKIM-Signature), with
 * its unsubscribe address to try: the web link opens the preference page (as a reader's click would: a GET that
 * changes nothing), and "Try one-click" makes the RFC 8058 POST a mail client makes. Nothing for other mail.
 */
export function MailListHeaders({ message }: { message: DevMailboxMessage }) {
  const { t } = useTranslation();
  const headingId = useId();
  const oneClick = useOneClick();
  const headers = listHeadersOf(message);
  if (headers.length === 0) return null;

  const unsubscribe = headers.find((h) => h.name.toLowerCase() === 'list-unsubscribe');
  const { web, mailto } = unsubscribe ? unsubscribeAddresses(unsubscribe.value) : {};
  const token = web ? preferenceTokenOf(web) : undefined;
  const oneClickOffered = headers.some((h) => h.name.toLowerCase() === 'list-unsubscribe-post' && /List-Unsubscribe=One-Click/i.test(h.value));

  return (
    <section className="mail__headers" aria-labelledby={headingId}>
      <h3 id={headingId} className="mail__section-title">
        {t('devMailbox.listHeaders')}
      </h3>
      <dl className="mail__header-list">
        {headers.map((header, index) => (
          <div key={`${header.name}-${index}`}>
            <dt>
              <code>{header.name}</code>
            </dt>
            <dd>
              <code>{header.value}</code>
            </dd>
          </div>
        ))}
      </dl>
      {web ? (
        <div className="mail__unsubscribe">
          <p className="mail__unsubscribe-links">
            {token ? (
              <Link to={`/preferences/${token}`}>{t('devMailbox.openPreferences')}</Link>
            ) : (
              <a href={web}>{t('devMailbox.openUnsubscribe')}</a>
            )}
            {mailto ? <span className="mail__file-meta"> · {t('devMailbox.mailtoToo', { address: mailto })}</span> : null}
          </p>
          {oneClickOffered ? (
            <>
              <button
                type="button"
                className="button button--small"
                onClick={() => {
                  if (!oneClick.isPending) oneClick.mutate(web);
                }}
                aria-disabled={oneClick.isPending || undefined}
              >
                {oneClick.isPending ? t('devMailbox.oneClickPending') : t('devMailbox.tryOneClick')}
              </button>
              <p className="field__hint">{t('devMailbox.oneClickHint')}</p>
            </>
          ) : null}
          <div role="status" aria-live="polite">
            {oneClick.isSuccess ? (
              <p className="notice notice--success">{t('devMailbox.oneClickDone', { status: oneClick.data.status })}</p>
            ) : null}
          </div>
          {oneClick.isError ? (
            <div className="notice notice--error" role="alert">
              <ProblemMessage problem={toProblem(oneClick.error)} lead={t('devMailbox.oneClickFailed')} />
            </div>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

/** Every header field of a message, folded away until asked for. */
export function MailAllHeaders({ message }: { message: DevMailboxMessage }) {
  const { t } = useTranslation();
  if (message.headers.length === 0) return null;
  return (
    <details className="mail__all-headers">
      <summary>{t('devMailbox.allHeaders', { count: message.headers.length })}</summary>
      <dl className="mail__header-list">
        {message.headers.map((header, index) => (
          <div key={`${header.name}-${index}`}>
            <dt>
              <code>{header.name}</code>
            </dt>
            <dd>
              <code>{header.value}</code>
            </dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

/** A mail's plain text with its web addresses as links; a preference page's link opens it in this app. */
export function MailText({ text }: { text: string }) {
  return (
    <pre className="mail__text">
      {textParts(text).map((part, index) =>
        'href' in part ? (
          part.appPath ? (
            <Link key={index} to={part.appPath}>
              {part.text}
            </Link>
          ) : (
            <a key={index} href={part.href} rel="noreferrer">
              {part.text}
            </a>
          )
        ) : (
          part.text
        ),
      )}
    </pre>
  );
}
