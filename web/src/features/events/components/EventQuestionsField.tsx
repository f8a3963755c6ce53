import { useState } from 'react';
import { useFieldArray, useWatch, type Control, type FieldErrors, type UseFormRegister } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FormField } from '../../../components/FormField';
import { messagesAt } from '../../../lib/form-errors';
import { focusSoon } from '../../../lib/focus';
import { EVENT_RULES, emptyChoice, emptyQuestion, type EventFormValues } from '../staff-event-form';
import { QUESTION_KINDS } from '../staff-options';

export interface EventQuestionsFieldProps {
  idPrefix: string;
  control: Control<EventFormValues>;
  register: UseFormRegister<EventFormValues>;
  errors: FieldErrors<EventFormValues>;
}

/** The id of a question's field, for its label and the error summary's link. */
export function questionFieldId(idPrefix: string, index: number, field: string): string {
  return `${idPrefix}-questions-${index}-${field}`;
}

/**
 * The questions asked at registration: add, remove and reorder them (up and down buttons, said aloud); each a text,
 * a choice (with two or more choices, in both languages) or a yes/no, worded in Swedish, English or both; required or not.
 */
export function EventQuestionsField({ idPrefix, control, register, errors }: EventQuestionsFieldProps) {
  const { t } = useTranslation();
  const questions = useFieldArray({ control, name: 'questions', keyName: 'key' });
  const [moved, setMoved] = useState('');
  const add = () => {
    questions.append(emptyQuestion(), { shouldFocus: false });
    focusSoon(questionFieldId(idPrefix, questions.fields.length, 'labelSv'));
  };
  const move = (from: number, to: number, buttonId: string) => {
    questions.move(from, to);
    setMoved(t('events.staff.form.questionMoved', { number: to + 1 }));
    // The button moved with its question (the list is keyed by question): keep the focus on it where it still is.
    focusSoon(buttonId.replace(`-${from}-`, `-${to}-`));
  };
  return (
    <div>
      <p className="field__hint">{t('events.staff.form.questionsIntro')}</p>
      <p className="visually-hidden" role="status" aria-live="polite">
        {moved}
      </p>
      {questions.fields.length === 0 ? <p>{t('events.staff.form.noQuestions')}</p> : null}
      {questions.fields.length > 0 ? (
        <ol className="question-list">
          {questions.fields.map((question, index) => {
            const number = index + 1;
            const upId = questionFieldId(idPrefix, index, 'up');
            const downId = questionFieldId(idPrefix, index, 'down');
            return (
              <li key={question.key} className="question">
                <fieldset className="question__fieldset">
                  <legend className="question__title">{t('events.staff.form.question', { number })}</legend>
                  <div className="question__tools">
                    <button
                      type="button"
                      id={upId}
                      className="button button--small"
                      disabled={index === 0}
                      onClick={() => move(index, index - 1, upId)}
                      aria-label={t('events.staff.form.moveUpNamed', { number })}
                    >
                      {t('events.staff.form.moveUp')}
                    </button>
                    <button
                      type="button"
                      id={downId}
                      className="button button--small"
                      disabled={index === questions.fields.length - 1}
                      onClick={() => move(index, index + 1, downId)}
                      aria-label={t('events.staff.form.moveDownNamed', { number })}
                    >
                      {t('events.staff.form.moveDown')}
                    </button>
                    <button
                      type="button"
                      className="button button--small button--danger"
                      onClick={() => questions.remove(index)}
                      aria-label={t('events.staff.form.removeQuestionNamed', { number })}
                    >
                      {t('events.staff.form.removeQuestion')}
                    </button>
                  </div>
                  <QuestionFields idPrefix={idPrefix} index={index} control={control} register={register} errors={errors} />
                </fieldset>
              </li>
            );
          })}
        </ol>
      ) : null}
      {questions.fields.length < EVENT_RULES.questionsMax ? (
        <button type="button" className="button" onClick={add}>
          {t('events.staff.form.addQuestion')}
        </button>
      ) : null}
    </div>
  );
}

function QuestionFields({ idPrefix, index, control, register, errors }: EventQuestionsFieldProps & { index: number }) {
  const { t } = useTranslation();
  const kind = useWatch({ control, name: `questions.${index}.kind` });
  const number = index + 1;
  const id = (field: string) => questionFieldId(idPrefix, index, field);
  const messages = (field: string) => messagesAt(errors, `questions.${index}.${field}`);
  const inLanguage = (field: string, language: 'sv' | 'en') =>
    t('events.staff.form.inLanguage', { field, language: t(`events.staff.form.languageNames.${language}`) });
  const labelField = t('events.staff.form.questionLabel');
  return (
    <div className="event-form__grid">
      <FormField id={id('kind')} name={`questions.${index}.kind`} label={t('events.staff.form.questionKind')} errors={messages('kind')}>
        {(controlProps) => (
          <select {...controlProps} className="input" {...register(`questions.${index}.kind`)}>
            {QUESTION_KINDS.map((option) => (
              <option key={option} value={option}>
                {t(`events.staff.form.questionKinds.${option}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <div className="field event-form__check-field">
        <label className="event-form__check">
          <input type="checkbox" {...register(`questions.${index}.required`)} />
          {t('events.staff.form.required')}
        </label>
      </div>
      <FormField id={id('labelSv')} name={`questions.${index}.labelSv`} label={inLanguage(labelField, 'sv')} errors={messages('labelSv')} className="event-form__wide">
        {(controlProps) => <input {...controlProps} className="input" lang="sv" autoComplete="off" {...register(`questions.${index}.labelSv`)} />}
      </FormField>
      <FormField id={id('labelEn')} name={`questions.${index}.labelEn`} label={inLanguage(labelField, 'en')} errors={messages('labelEn')} className="event-form__wide">
        {(controlProps) => <input {...controlProps} className="input" lang="en" autoComplete="off" {...register(`questions.${index}.labelEn`)} />}
      </FormField>
      {kind === 'choice' ? (
        <ChoicesField idPrefix={idPrefix} index={index} number={number} control={control} register={register} errors={errors} />
      ) : null}
    </div>
  );
}

function ChoicesField({ idPrefix, index, number, control, register, errors }: EventQuestionsFieldProps & { index: number; number: number }) {
  const { t } = useTranslation();
  const choices = useFieldArray({ control, name: `questions.${index}.choices`, keyName: 'key' });
  const id = questionFieldId(idPrefix, index, 'choices');
  const listMessages = messagesAt(errors, `questions.${index}.choices`).concat(messagesAt(errors, `questions.${index}.choices.root`));
  const add = () => {
    choices.append(emptyChoice(), { shouldFocus: false });
    focusSoon(`${id}-${choices.fields.length}-sv`);
  };
  return (
    <fieldset id={id} tabIndex={-1} className={listMessages.length > 0 ? 'fieldset field--invalid event-form__wide' : 'fieldset event-form__wide'}>
      <legend className="field__label">{t('events.staff.form.choices')}</legend>
      {listMessages.length > 0 ? (
        <p className="field__error">
          {listMessages.map((message, i) => (
            <span key={i} className="field__error-line">
              {message}
            </span>
          ))}
        </p>
      ) : null}
      {choices.fields.length > 0 ? (
        <ol className="choice-list">
          {choices.fields.map((choice, c) => {
            const choiceNumber = c + 1;
            const label = t('events.staff.form.choice', { number: choiceNumber });
            const field = (language: 'sv' | 'en') => (
              <FormField
                id={`${id}-${c}-${language}`}
                name={`questions.${index}.choices.${c}.${language}`}
                label={t('events.staff.form.inLanguage', { field: label, language: t(`events.staff.form.languageNames.${language}`) })}
                errors={messagesAt(errors, `questions.${index}.choices.${c}.${language}`)}
              >
                {(controlProps) => (
                  <input {...controlProps} className="input" lang={language} autoComplete="off" {...register(`questions.${index}.choices.${c}.${language}`)} />
                )}
              </FormField>
            );
            return (
              <li key={choice.key} className="choice">
                {field('sv')}
                {field('en')}
                <button
                  type="button"
                  className="button button--small"
                  onClick={() => choices.remove(c)}
                  aria-label={t('events.staff.form.removeChoiceOf', { number: choiceNumber, question: number })}
                >
                  {t('events.staff.form.removeQuestion')}
                </button>
              </li>
            );
          })}
        </ol>
      ) : null}
      {choices.fields.length < EVENT_RULES.choicesMax ? (
        <button type="button" className="button button--small" onClick={add}>
          {t('events.staff.form.addChoice')}
        </button>
      ) : null}
    </fieldset>
  );
}
