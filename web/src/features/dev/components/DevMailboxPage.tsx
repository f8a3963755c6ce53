import { useTranslation } from 'react-i18next';
import { ProblemMessage } from '../../../components/ProblemMessage';
import { formatDateTime } from '../../../lib/format';
import { currentLanguage } from '../../../lib/i18n';
import { toProblem } from '../../../lib/problem-details';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { MAILBOX_LIMIT, mailboxAttachmentUrl, useDevMailbox } from '../api/mailbox';
import { signInCodeOf } from '../mail';
import { MailAllHeaders, MailListHeaders, MailText } from './MailHeaders';
import './DevMailboxPage.css';

/**
 * Development only: the newest e-mails the API wrote to its mail folder (no SMTP relay), so a newcomer
 * can read their sign-in code. The API answers 404 in any other environment.
 */
/** A file size as people read it: bytes below a kilobyte, else kB with one decimal. */
function formatFileSize(bytes: number, language: string): string {
  if (bytes < 1024) return `${bytes} B`;
  return `${new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(bytes / 1024)} kB`;
}

export function DevMailboxPage() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  useDocumentTitle(t('devMailbox.title'));
  const mailbox = useDevMailbox(MAILBOX_LIMIT);

  return (
    <div className="page">
      <div className="page__header">
        <h1>{t('devMailbox.title')}</h1>
        <p className="page__intro">{t('devMailbox.intro', { count: MAILBOX_LIMIT })}</p>
      </div>

      <div className="toolbar">
        <p className="toolbar__summary">
          {mailbox.data ? t('devMailbox.summary', { count: mailbox.data.length }) : null}
          {mailbox.isFetching && mailbox.data ? <span> · {t('devMailbox.refreshing')}</span> : null}
        </p>
        <button type="button" className="button" onClick={() => void mailbox.refetch()}>
          {t('devMailbox.refresh')}
        </button>
      </div>

      <div aria-busy={mailbox.isPending || undefined}>
        {mailbox.isPending ? (
          <p className="loading">{t('common.loading')}</p>
        ) : mailbox.isError ? (
          <div className="notice notice--error" role="alert">
            {toProblem(mailbox.error).kind === 'not-found' ? (
              <span className="problem__message">{t('devMailbox.unavailable')}</span>
            ) : (
              <ProblemMessage problem={toProblem(mailbox.error)} lead={t('devMailbox.loadError')} />
            )}
          </div>
        ) : mailbox.data.length === 0 ? (
          <p>{t('devMailbox.empty')}</p>
        ) : (
          <ol className="mail-list">
            {mailbox.data.map((message) => {
              const headingId = `mail-${message.id}-subject`;
              const code = signInCodeOf(message);
              return (
                <li key={message.id}>
                  <article className="mail" aria-labelledby={headingId}>
                    <h2 id={headingId} className="mail__subject">
                      {message.subject || t('devMailbox.noSubject')}
                    </h2>
                    <dl className="mail__meta">
                      <div>
                        <dt>{t('devMailbox.to')}</dt>
                        <dd>{message.to}</dd>
                      </div>
                      <div>
                        <dt>{t('devMailbox.sentAt')}</dt>
                        <dd>
                          <time dateTime={message.sentAt}>{formatDateTime(message.sentAt, language)}</time>
                        </dd>
                      </div>
                      {code ? (
                        <div>
                          <dt>{t('devMailbox.code')}</dt>
                          <dd>
                            <code className="mail__code">{code}</code>
                          </dd>
                        </div>
                      ) : null}
                    </dl>
                    <MailListHeaders message={message} />
                    <MailText text={message.text} />
                    {message.attachments.length > 0 ? (
                      <div className="mail__files">
                        <h3 className="mail__files-title">{t('devMailbox.files', { count: message.attachments.length })}</h3>
                        <ul>
                          {message.attachments.map((file) => (
                            <li key={file.index}>
                              <a href={mailboxAttachmentUrl(message.id, file.index)} download={file.fileName}>
                                {file.fileName}
                              </a>{' '}
                              <span className="mail__file-meta">
                                {t(file.contentId ? 'devMailbox.inlineFile' : 'devMailbox.file', {
                                  type: file.mediaType,
                                  size: formatFileSize(file.size, language),
                                })}
                              </span>
                            </li>
                          ))}
                        </ul>
                      </div>
                    ) : null}
                    <MailAllHeaders message={message} />
                  </article>
                </li>
              );
            })}
          </ol>
        )}
      </div>
    </div>
  );
}
