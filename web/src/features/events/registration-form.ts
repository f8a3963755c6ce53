import { z } from 'zod';
import type { EventQuestion, MemberEventResponse, RegisterForEventRequest } from '../../api/generated';
import { textIn } from '../../lib/bilingual';
import { personName, type Translate } from '../../lib/text-rules';
import type { FieldResolver } from '../../lib/form-errors';
import type { Language } from '../../lib/i18n';

/**
 * The registration form of an event (`RegisterForEventRequest`): my guests by name (at most the event's
 * `guestsAllowed`) and my answers to its questions (by question id; every required one answered). The API's rules
 * (RegisterForEvent's validator and answer checks) mirrored for the form; what only the server can judge (the
 * window, the audience, seats) comes back as a problem.
 */
export interface RegistrationValues {
  guests: { name: string }[];
  /** By question id; '' is no answer. A yes/no question's answer is `yes` or `no`; a choice's is its text. */
  answers: Record<string, string>;
}

/** The API's limit of an answer (RegisterForEvent.MaxAnswerLength). */
export const ANSWER_MAX = 1000;

export function emptyRegistration(event: Pick<MemberEventResponse, 'questions'>): RegistrationValues {
  return { guests: [], answers: Object.fromEntries(event.questions.map((q) => [q.id, ''])) };
}

export function registrationSchema(t: Translate, event: Pick<MemberEventResponse, 'questions' | 'guestsAllowed'>) {
  const answers = Object.fromEntries(
    event.questions.map((question) => {
      let answer = z.string().refine((text) => text.trim().length <= ANSWER_MAX, t('validation.tooLong', { max: ANSWER_MAX }));
      if (question.required) answer = answer.refine((text) => text.trim() !== '', t('validation.answerRequired'));
      return [question.id, answer];
    }),
  );
  return z.object({
    guests: z
      .array(z.object({ name: personName(t) }))
      .max(event.guestsAllowed, t('validation.guestsMax', { count: event.guestsAllowed })),
    answers: z.object(answers),
  });
}

/** The request's body (the event is in the route): guests' names trimmed; only the questions answered. */
export function toRegisterRequest(values: RegistrationValues): RegisterForEventRequest {
  return {
    guests: values.guests.map((guest) => ({ name: guest.name.trim() })),
    answers: Object.entries(values.answers)
      .filter(([, answer]) => answer.trim() !== '')
      .map(([questionId, answer]) => ({ questionId, answer: answer.trim() })),
  };
}

/** Where the server's messages go: `guests[1].name` on that guest, `answers.{questionId}` on that question. */
export const registrationFields: FieldResolver = (path) => {
  if (path === 'guests' || /^guests\.\d+\.name$/.test(path)) return path;
  const answer = /^answers\.([0-9a-f-]{36})$/i.exec(path);
  return answer ? `answers.${answer[1].toLowerCase()}` : undefined;
};

/** A question's label in my language (the other when missing). */
export function questionLabel(question: Pick<EventQuestion, 'labelSv' | 'labelEn'>, language: Language): string {
  return textIn(question.labelSv, question.labelEn, language);
}

/** A choice's text in my language, and the value sent (its text; the API takes either language's). */
export function choiceOptions(question: Pick<EventQuestion, 'choices'>, language: Language): { value: string; label: string }[] {
  return question.choices
    .map((choice) => textIn(choice.sv, choice.en, language))
    .filter((label) => label !== '')
    .map((label) => ({ value: label, label }));
}
