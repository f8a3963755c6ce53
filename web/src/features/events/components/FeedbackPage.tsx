import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { FormField, fieldErrorId } from '../../../components/FormField';
import { messagesAt, showsSummary, useFormFailure } from '../../../lib/form-errors';
import { currentLanguage } from '../../../lib/i18n';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useMemberEvent } from '../api/member-events';
import { useSubmitFeedback } from '../api/my-feedback';
import { langAttribute } from '../../../lib/bilingual';
import { eventText } from '../event-text';
import { COMMENT_MAX, EMPTY_FEEDBACK, FEEDBACK_FIELDS, FEEDBACK_RATINGS, feedbackSchema, toFeedbackRequest, type FeedbackValues } from '../feedback-form';
import { memberEventPath } from '../member-paths';
import { EventTime } from './EventTime';
import './member-events.css';

const ID = 'feedback';

/**
 * My feedback on an event I attended (`/events/:id/feedback`, where the feedback mail leads): a rating from 1 to 5 and
 * an optional comment, once. The API takes it only from those who were checked in, once the event has started; its
 * reason shows otherwise.
 */
export function FeedbackPage() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const { id = '' } = useParams();
  const event = useMemberEvent(id);
  const title = event.data ? eventText(event.data, 'title', language) : null;
  useDocumentTitle(t('events.member.feedback.title'));
  const submit = useSubmitFeedback();
  const schema = useMemo(() => feedbackSchema(t), [t]);
  const { control, handleSubmit, setError, formState } = useForm<FeedbackValues>({
    resolver: zodResolver(schema),
    defaultValues: EMPTY_FEEDBACK,
    shouldFocusError: false,
  });
  const { failure, refuse, clear } = useFormFailure(submit.error, setError, FEEDBACK_FIELDS);
  const labels = { rating: t('events.member.feedback.rating'), comment: t('events.member.feedback.comment') };
  const summary = FEEDBACK_FIELDS.map((field) => ({ id: `${ID}-${field}`, label: labels[field], messages: messagesAt(formState.errors, field) }));
  const showSummary = showsSummary(failure, summary.flatMap((field) => field.messages));

  const send = (values: FeedbackValues) => {
    if (submit.isPending) return;
    clear();
    submit.mutate({ eventId: id, request: toFeedbackRequest(values) });
  };

  return (
    <div className="page page--medium">
      <p className="event-back">
        <Link to={memberEventPath(id)}>{t('events.member.feedback.back')}</Link>
      </p>
      <div className="page__header">
        <h1>{t('events.member.feedback.title')}</h1>
        {event.data ? (
          <p className="page__intro">
            <span lang={langAttribute(title, language)}>{title?.text}</span>, <EventTime event={event.data} />
          </p>
        ) : null}
      </div>

      {submit.isSuccess ? (
        <p className="notice notice--success" role="status">
          {t('events.member.feedback.thanks')}
        </p>
      ) : (
        <form className="stack-form panel" noValidate onSubmit={handleSubmit(send, refuse)} aria-busy={submit.isPending || undefined}>
          {showSummary ? (
            <ErrorSummary
              title={t('events.member.feedback.failed')}
              problem={failure.problem}
              attempt={failure.attempt}
              fields={summary}
              formMessages={failure.formMessages}
            />
          ) : null}
          <Controller
            control={control}
            name="rating"
            render={({ field }) => {
              const errors = messagesAt(formState.errors, 'rating');
              return (
                <fieldset
                  className={['fieldset', errors.length ? 'field--invalid' : ''].filter(Boolean).join(' ')}
                  aria-describedby={errors.length ? fieldErrorId(`${ID}-rating`) : undefined}
                >
                  <legend className="field__label">{labels.rating}</legend>
                  <ul className="checkbox-list feedback__ratings">
                    {FEEDBACK_RATINGS.map((rating, i) => (
                      <li key={rating} className="checkbox-list__item">
                        <input
                          id={i === 0 ? `${ID}-rating` : `${ID}-rating-${rating}`}
                          type="radio"
                          name="rating"
                          value={rating}
                          checked={field.value === rating}
                          onChange={() => field.onChange(rating)}
                          aria-invalid={errors.length ? true : undefined}
                        />
                        <label htmlFor={i === 0 ? `${ID}-rating` : `${ID}-rating-${rating}`}>{t(`events.member.feedback.ratings.${rating}`)}</label>
                      </li>
                    ))}
                  </ul>
                  {errors.length ? (
                    <p className="field__error" id={fieldErrorId(`${ID}-rating`)}>
                      <span className="field__error-line">{errors.join(' ')}</span>
                    </p>
                  ) : null}
                </fieldset>
              );
            }}
          />
          <Controller
            control={control}
            name="comment"
            render={({ field }) => (
              <FormField id={`${ID}-comment`} name="comment" label={labels.comment} hint={t('events.member.feedback.commentHint')} errors={messagesAt(formState.errors, 'comment')}>
                {(props) => (
                  <textarea {...props} className="input" rows={5} maxLength={COMMENT_MAX} value={field.value} onChange={field.onChange} onBlur={field.onBlur} />
                )}
              </FormField>
            )}
          />
          <div className="form-actions">
            <button type="submit" className="button button--primary" aria-disabled={submit.isPending || undefined}>
              {submit.isPending ? t('common.saving') : t('events.member.feedback.submit')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
