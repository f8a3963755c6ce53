import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { FormField } from '../../../components/FormField';
import { ProblemMessage } from '../../../components/ProblemMessage';
import { TableScroll } from '../../../components/TableScroll';
import { hasRole, useAuth } from '../../../lib/auth/me';
import { messagesAt, showsSummary, useFormFailure } from '../../../lib/form-errors';
import { currentLanguage } from '../../../lib/i18n';
import { toProblem } from '../../../lib/problem-details';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useCreateTopic, useTopics } from '../api/library';
import { topicName } from '../newsletter-text';
import { NEWSLETTERS_PATH } from '../paths';
import { emptyTopicValues, MAIL_CHANNELS, TOPIC_FIELD_ROUTES, TOPIC_FIELDS, topicSchema, toTopicInput, type TopicField, type TopicFormValues } from '../topic-form';
import './newsletters.css';

/** Admins: the topics members can be on, with how many are on each now; the office adds topics of its own. */
export function TopicsPage() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  useDocumentTitle(t('newsletters.topics.title'));
  const auth = useAuth();
  const isAdmin = hasRole(auth.me, 'admin');
  const topics = useTopics(isAdmin);
  const problem = topics.error ? toProblem(topics.error) : null;
  return (
    <div className="page page--medium newsletters">
      <p className="back-link">
        <Link to={NEWSLETTERS_PATH}>{t('newsletters.back')}</Link>
      </p>
      <div className="page__header">
        <h1>{t('newsletters.topics.title')}</h1>
        <p className="page__intro">{t('newsletters.topics.intro')}</p>
      </div>
      {topics.isPending ? (
        <p className="loading">{t('common.loading')}</p>
      ) : problem && !topics.data ? (
        <div className="notice notice--error" role="alert">
          <ProblemMessage problem={problem} lead={t('newsletters.topics.loadError')} />
        </div>
      ) : (
        <TableScroll label={t('newsletters.topics.title')}>
          <table className="data-table">
            <caption className="data-table__caption">{t('newsletters.topics.caption', { count: topics.data?.length ?? 0 })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('newsletters.topics.name')}</th>
                <th scope="col">{t('newsletters.topics.kind')}</th>
                <th scope="col">{t('newsletters.topics.consent')}</th>
                <th scope="col" className="numeric">
                  {t('newsletters.topics.subscribers')}
                </th>
              </tr>
            </thead>
            <tbody>
              {(topics.data ?? []).map((topic) => (
                <tr key={topic.id} className={topic.active ? undefined : 'is-inactive'}>
                  <th scope="row">
                    {topicName(topic, language)}
                    <span className="muted block">
                      <code>{topic.key}</code>
                      {topic.active ? '' : ` · ${t('newsletters.topics.inactive')}`}
                    </span>
                  </th>
                  <td>{t(`newsletters.topicKinds.${topic.kind}`)}</td>
                  <td>{t(`members.consentShort.${topic.consentChannel}`)}</td>
                  <td className="numeric">{topic.subscribers}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {isAdmin ? <NewTopicForm /> : null}
    </div>
  );
}

const ID = 'topic-form';
const fieldId = (field: string) => `${ID}-${field}`;

function NewTopicForm() {
  const { t } = useTranslation();
  const create = useCreateTopic();
  const schema = useMemo(() => topicSchema(t), [t]);
  const { register, handleSubmit, setError, formState, reset } = useForm<TopicFormValues>({
    resolver: zodResolver(schema),
    defaultValues: emptyTopicValues(),
    shouldFocusError: false,
  });
  const { failure, refuse, clear } = useFormFailure(create.error, setError, TOPIC_FIELD_ROUTES, { conflictField: 'key' });
  const [added, setAdded] = useState<string | null>(null);
  const labels: Record<TopicField, string> = {
    key: t('newsletters.topics.key'),
    consentChannel: t('newsletters.topics.consent'),
    nameSv: t('newsletters.topics.nameSv'),
    nameEn: t('newsletters.topics.nameEn'),
    descriptionSv: t('newsletters.topics.descriptionSv'),
    descriptionEn: t('newsletters.topics.descriptionEn'),
  };
  const errorsOf = (field: string) => messagesAt(formState.errors, field);
  const summary = TOPIC_FIELDS.map((field) => ({ id: fieldId(field), label: labels[field], messages: errorsOf(field) }));
  const showSummary = showsSummary(failure, summary.flatMap((field) => field.messages));
  const send = (values: TopicFormValues) => {
    if (create.isPending) return;
    clear();
    setAdded(null);
    create.mutate(toTopicInput(values), {
      onSuccess: (topic) => {
        reset(emptyTopicValues());
        setAdded(t('newsletters.topics.added', { name: topic.nameSv }));
      },
    });
  };
  const text = (field: TopicField, lang?: 'sv' | 'en', hint?: string) => (
    <FormField id={fieldId(field)} name={field} label={labels[field]} hint={hint} errors={errorsOf(field)}>
      {(control) => <input {...control} type="text" className="input" lang={lang} autoComplete="off" {...register(field)} />}
    </FormField>
  );
  return (
    <section className="panel" aria-labelledby={`${ID}-heading`}>
      <h2 id={`${ID}-heading`} className="panel__title">
        {t('newsletters.topics.addTitle')}
      </h2>
      <form className="newsletter-form" noValidate onSubmit={handleSubmit(send, refuse)} aria-busy={create.isPending || undefined}>
        {showSummary ? (
          <ErrorSummary title={t('newsletters.topics.addFailed')} problem={failure.problem} attempt={failure.attempt} fields={summary} formMessages={failure.formMessages} />
        ) : null}
        <div className="status-region" role="status" aria-live="polite" aria-atomic="true">
          {added ? <p className="notice notice--success">{added}</p> : null}
        </div>
        <div className="newsletter-form__grid">
          {text('key', undefined, t('newsletters.topics.keyHint'))}
          <FormField id={fieldId('consentChannel')} name="consentChannel" label={labels.consentChannel} hint={t('newsletters.topics.consentHint')} errors={errorsOf('consentChannel')}>
            {(control) => (
              <select {...control} className="input" {...register('consentChannel')}>
                {MAIL_CHANNELS.map((channel) => (
                  <option key={channel} value={channel}>
                    {t(`members.consentShort.${channel}`)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          {text('nameSv', 'sv')}
          {text('nameEn', 'en')}
          {text('descriptionSv', 'sv')}
          {text('descriptionEn', 'en')}
        </div>
        <div className="form-actions">
          <button type="submit" className="button button--primary" aria-disabled={create.isPending || undefined}>
            {t('newsletters.topics.add')}
          </button>
        </div>
      </form>
    </section>
  );
}
