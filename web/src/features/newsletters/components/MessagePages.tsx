import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { MessageResponse } from '../../../api/generated';
import { ConfirmPanel } from '../../../components/ConfirmPanel';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { FormField } from '../../../components/FormField';
import { Pager } from '../../../components/Pager';
import { ProblemMessage } from '../../../components/ProblemMessage';
import { hasRole, useAuth } from '../../../lib/auth/me';
import { formatDateTime } from '../../../lib/format';
import { messagesAt, showsSummary, useFormFailure } from '../../../lib/form-errors';
import { currentLanguage } from '../../../lib/i18n';
import { toProblem } from '../../../lib/problem-details';
import { textIn } from '../../../lib/bilingual';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useUrlFilters } from '../../../lib/use-url-filters';
import { useDeleteMessage, useMessage, useMessages, useSaveMessage } from '../api/library';
import {
  EMPTY_MESSAGE_FILTERS,
  emptyMessageValues,
  MESSAGE_FIELD_ROUTES,
  MESSAGE_FIELDS,
  messageFiltersFromParams,
  messageFiltersToParams,
  messageSchema,
  messageToValues,
  toMessageInput,
  type MessageField,
  type MessageFormValues,
} from '../message-form';
import { campaignFromMessagePath, editMessagePath, GUID, MESSAGES_PATH, NEW_MESSAGE_PATH, NEWSLETTERS_PATH } from '../paths';
import { MEMBER_FIELDS } from '../personal-fields';
import { MarkdownField } from './MarkdownField';
import './newsletters.css';

const FILTERS = { fromParams: messageFiltersFromParams, toParams: messageFiltersToParams };
const PAGE_SIZE = 20;

/**
 * Staff: the office's library of ready-made messages (subject and body in both languages, tagged), by tag and words;
 * each one can start a new campaign with its texts. Admins add and change them.
 */
export function MessagesPage() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  useDocumentTitle(t('newsletters.messages.title'));
  const auth = useAuth();
  const isAdmin = hasRole(auth.me, 'admin');
  const { applied, draft, setDraft, apply, linkTo } = useUrlFilters(FILTERS);
  const query = useMemo(() => ({ tag: applied.tag || undefined, q: applied.q || undefined, page: applied.page, pageSize: PAGE_SIZE }), [applied]);
  const list = useMessages(query);
  const problem = list.error ? toProblem(list.error) : null;
  const data = list.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    apply({ ...draft, page: 1 });
  };
  return (
    <div className="page page--wide newsletters">
      <p className="back-link">
        <Link to={NEWSLETTERS_PATH}>{t('newsletters.back')}</Link>
      </p>
      <div className="page__header newsletters__header">
        <div>
          <h1>{t('newsletters.messages.title')}</h1>
          <p className="page__intro">{t('newsletters.messages.intro')}</p>
        </div>
        {isAdmin ? (
          <Link to={NEW_MESSAGE_PATH} className="button button--primary">
            {t('newsletters.messages.new')}
          </Link>
        ) : null}
      </div>
      <section className="panel" aria-labelledby="message-filter-heading">
        <h2 id="message-filter-heading" className="panel__title">
          {t('newsletters.messages.filtersTitle')}
        </h2>
        <form className="newsletter-filters" role="search" aria-labelledby="message-filter-heading" noValidate onSubmit={submit}>
          <FormField id="message-filter-q" name="q" label={t('newsletters.messages.q')}>
            {(control) => <input {...control} type="search" className="input" value={draft.q} onChange={(e) => setDraft((d) => ({ ...d, q: e.target.value }))} />}
          </FormField>
          <FormField id="message-filter-tag" name="tag" label={t('newsletters.messages.tag')}>
            {(control) => <input {...control} type="text" className="input" value={draft.tag} onChange={(e) => setDraft((d) => ({ ...d, tag: e.target.value }))} />}
          </FormField>
          <div className="form-actions">
            <button type="submit" className="button button--primary">
              {t('newsletters.list.apply')}
            </button>
            <button type="button" className="button" onClick={() => apply(EMPTY_MESSAGE_FILTERS)}>
              {t('newsletters.list.clear')}
            </button>
          </div>
        </form>
      </section>
      <div aria-busy={list.isFetching || undefined}>
        {list.isPending ? (
          <p className="loading">{t('common.loading')}</p>
        ) : problem && !data ? (
          <div className="notice notice--error" role="alert">
            <ProblemMessage problem={problem} lead={t('newsletters.messages.loadError')} />
          </div>
        ) : !data ? null : data.items.length === 0 ? (
          <p role="status">{applied.q || applied.tag ? t('newsletters.messages.none') : t('newsletters.messages.noneYet')}</p>
        ) : (
          <>
            <ul className="message-list" aria-label={t('newsletters.messages.listLabel', { count: data.total })}>
              {data.items.map((message) => (
                <li key={message.id} className="panel message-card">
                  <h2 className="message-card__title">{message.title}</h2>
                  <p className="message-card__subject">{textIn(message.subjectSv, message.subjectEn, language)}</p>
                  {message.tags.length > 0 ? (
                    <p className="message-card__tags">
                      <span className="visually-hidden">{t('newsletters.messages.tags')}: </span>
                      {message.tags.map((tag) => (
                        <Link key={tag} className="badge badge--inactive" to={linkTo({ ...EMPTY_MESSAGE_FILTERS, tag })}>
                          {tag}
                        </Link>
                      ))}
                    </p>
                  ) : null}
                  <p className="muted">{t('newsletters.messages.updated', { when: formatDateTime(message.updatedAt, language) })}</p>
                  <div className="event-actions">
                    <Link className="button button--primary button--small" to={campaignFromMessagePath(message.id)} aria-label={t('newsletters.messages.useNamed', { title: message.title })}>
                      {t('newsletters.messages.use')}
                    </Link>
                    {isAdmin ? (
                      <Link className="button button--small" to={editMessagePath(message.id)} aria-label={t('newsletters.messages.editNamed', { title: message.title })}>
                        {t('newsletters.messages.edit')}
                      </Link>
                    ) : null}
                  </div>
                </li>
              ))}
            </ul>
            <Pager label={t('newsletters.messages.pagerLabel')} page={data.page} pages={pages} linkTo={(page) => linkTo({ ...applied, page })} />
          </>
        )}
      </div>
    </div>
  );
}

/** Admins: a new ready-made message (`/messages/new`) or a change of one (`/messages/:messageId/edit`, If-Match). */
export function MessageFormPage() {
  const { t } = useTranslation();
  const { messageId } = useParams();
  const editing = messageId !== undefined;
  const wellFormed = !editing || GUID.test(messageId);
  const message = useMessage(messageId ?? '', editing && wellFormed);
  const auth = useAuth();
  const problem = message.error ? toProblem(message.error) : null;
  const title = editing ? t('newsletters.messages.editTitle') : t('newsletters.messages.newTitle');
  useDocumentTitle(title);
  const notFound = !wellFormed || (problem?.kind === 'not-found' && !message.data);
  return (
    <div className="page page--wide newsletters">
      <p className="back-link">
        <Link to={MESSAGES_PATH}>{t('newsletters.messages.back')}</Link>
      </p>
      <div className="page__header">
        <h1>{title}</h1>
      </div>
      {!hasRole(auth.me, 'admin') ? (
        <p className="notice notice--warning">{t('newsletters.adminsOnly')}</p>
      ) : notFound ? (
        <div className="notice notice--error" role="alert">
          <span className="problem__message">{t('newsletters.messages.notFound')}</span>
        </div>
      ) : editing && message.isPending ? (
        <p className="loading">{t('common.loading')}</p>
      ) : problem && !message.data ? (
        <div className="notice notice--error" role="alert">
          <ProblemMessage problem={problem} lead={t('newsletters.messages.loadError')} />
        </div>
      ) : (
        <MessageForm message={message.data} />
      )}
    </div>
  );
}

const ID = 'message-form';
const fieldId = (field: string) => `${ID}-${field}`;

function MessageForm({ message }: { message?: MessageResponse }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const save = useSaveMessage();
  const remove = useDeleteMessage();
  const schema = useMemo(() => messageSchema(t), [t]);
  const initial = useMemo(
    () => (message ? messageToValues(message) : emptyMessageValues()),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [message?.id, message?.version],
  );
  const { control, register, handleSubmit, setError, formState, reset } = useForm<MessageFormValues>({
    resolver: zodResolver(schema),
    defaultValues: initial,
    shouldFocusError: false,
  });
  const { failure, refuse, clear } = useFormFailure(save.error, setError, MESSAGE_FIELD_ROUTES);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const shownVersion = useRef(message?.version);
  useEffect(() => {
    if (!message || shownVersion.current === message.version) return;
    shownVersion.current = message.version;
    reset(messageToValues(message));
  }, [message, reset]);

  const send = (values: MessageFormValues) => {
    if (save.isPending) return;
    clear();
    save.mutate({ id: message?.id, version: message?.version, body: toMessageInput(values) }, { onSuccess: () => void navigate(MESSAGES_PATH) });
  };
  const inLanguage = (field: string, lng: 'sv' | 'en') => t('newsletters.editor.inLanguage', { field, language: t(`newsletters.languages.${lng}`) });
  const labels: Record<MessageField, string> = {
    title: t('newsletters.messages.titleField'),
    tags: t('newsletters.messages.tags'),
    subjectSv: inLanguage(t('newsletters.editor.subject'), 'sv'),
    subjectEn: inLanguage(t('newsletters.editor.subject'), 'en'),
    preheaderSv: inLanguage(t('newsletters.editor.preheader'), 'sv'),
    preheaderEn: inLanguage(t('newsletters.editor.preheader'), 'en'),
    bodySv: inLanguage(t('newsletters.editor.body'), 'sv'),
    bodyEn: inLanguage(t('newsletters.editor.body'), 'en'),
  };
  const errorsOf = (field: string) => messagesAt(formState.errors, field);
  const summary = MESSAGE_FIELDS.map((field) => ({ id: fieldId(field), label: labels[field], messages: errorsOf(field) }));
  const showSummary = showsSummary(failure, summary.flatMap((field) => field.messages));
  const text = (field: MessageField, options: { lang?: 'sv' | 'en'; hint?: string } = {}) => (
    <FormField id={fieldId(field)} name={field} label={labels[field]} hint={options.hint} errors={errorsOf(field)}>
      {(controlProps) => <input {...controlProps} type="text" className="input" lang={options.lang} autoComplete="off" {...register(field)} />}
    </FormField>
  );
  return (
    <form className="newsletter-form" noValidate onSubmit={handleSubmit(send, refuse)} aria-busy={save.isPending || undefined}>
      {showSummary ? (
        <ErrorSummary title={t('newsletters.messages.saveFailed')} problem={failure.problem} attempt={failure.attempt} fields={summary} formMessages={failure.formMessages} />
      ) : null}
      <section className="panel" aria-labelledby={`${ID}-about-heading`}>
        <h2 id={`${ID}-about-heading`} className="panel__title">
          {t('newsletters.messages.about')}
        </h2>
        <div className="newsletter-form__grid">
          {text('title')}
          {text('tags', { hint: t('newsletters.messages.tagsHint') })}
        </div>
      </section>
      <section className="panel" aria-labelledby={`${ID}-texts-heading`}>
        <h2 id={`${ID}-texts-heading`} className="panel__title">
          {t('newsletters.editor.sections.texts')}
        </h2>
        <div className="newsletter-languages">
          {(['sv', 'en'] as const).map((lng) => {
            const suffix = lng === 'sv' ? 'Sv' : 'En';
            const body = `body${suffix}` as const;
            return (
              <fieldset key={lng} className="newsletter-language" lang={lng}>
                <legend>{t(`newsletters.languages.${lng}Title`)}</legend>
                {text(`subject${suffix}`, { lang: lng })}
                {text(`preheader${suffix}`, { lang: lng })}
                <Controller
                  control={control}
                  name={body}
                  render={({ field }) => (
                    <MarkdownField
                      id={fieldId(body)}
                      name={body}
                      label={labels[body]}
                      lang={lng}
                      errors={errorsOf(body)}
                      value={field.value}
                      onChange={field.onChange}
                      onBlur={field.onBlur}
                      textareaRef={field.ref}
                      fields={MEMBER_FIELDS}
                    />
                  )}
                />
              </fieldset>
            );
          })}
        </div>
      </section>
      <div className="form-actions">
        <button type="submit" className="button button--primary" aria-disabled={save.isPending || undefined}>
          {save.isPending ? t('common.saving') : t('newsletters.messages.save')}
        </button>
        {message ? (
          <button type="button" className="button button--danger" aria-expanded={confirmDelete} onClick={() => setConfirmDelete(true)}>
            {t('newsletters.messages.delete')}
          </button>
        ) : null}
      </div>
      {message && confirmDelete ? (
        <ConfirmPanel
          headingId="message-delete-heading"
          title={t('newsletters.messages.deleteTitle', { title: message.title })}
          body={t('newsletters.messages.deleteBody')}
          confirmLabel={t('newsletters.messages.deleteConfirm')}
          pending={remove.isPending}
          onConfirm={() => remove.mutate({ id: message.id }, { onSuccess: () => void navigate(MESSAGES_PATH) })}
          onCancel={() => setConfirmDelete(false)}
        />
      ) : null}
      {remove.error ? (
        <div className="notice notice--error" role="alert">
          <ProblemMessage problem={toProblem(remove.error)} lead={t('newsletters.messages.deleteFailed')} />
        </div>
      ) : null}
    </form>
  );
}
