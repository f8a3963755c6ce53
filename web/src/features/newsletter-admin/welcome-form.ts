import { z } from 'zod';
import type { UpdateWelcomeStepRequest, WelcomeStepResponse } from '../../api/generated';
import type { Translate } from '../../lib/text-rules';

/** A welcome step as the form holds it: texts in both languages, the delay as typed, on or off. */
export interface WelcomeStepValues {
  subjectSv: string;
  subjectEn: string;
  bodySv: string;
  bodyEn: string;
  delayDays: string;
  active: boolean;
}

export const SUBJECT_MAX = 300;
export const BODY_MAX = 20_000;
export const DELAY_MAX = 365;
export const WELCOME_FIELDS = ['subjectSv', 'subjectEn', 'bodySv', 'bodyEn', 'delayDays', 'active'] as const;

export function welcomeStepValues(step: WelcomeStepResponse): WelcomeStepValues {
  return {
    subjectSv: step.subjectSv ?? '',
    subjectEn: step.subjectEn ?? '',
    bodySv: step.bodySv ?? '',
    bodyEn: step.bodyEn ?? '',
    delayDays: String(step.delayDays),
    active: step.active,
  };
}

/**
 * The form's own rules, the API's (a language is written when it has both a subject and a body; at least one is; the
 * delay 0–365 days): the API checks them too, and its field errors are placed the same way.
 */
export function welcomeStepSchema(t: Translate) {
  return z
    .object({
      subjectSv: z.string().refine((s) => s.trim().length <= SUBJECT_MAX, t('validation.tooLong', { max: SUBJECT_MAX })),
      subjectEn: z.string().refine((s) => s.trim().length <= SUBJECT_MAX, t('validation.tooLong', { max: SUBJECT_MAX })),
      bodySv: z.string().refine((s) => s.length <= BODY_MAX, t('validation.tooLong', { max: BODY_MAX })),
      bodyEn: z.string().refine((s) => s.length <= BODY_MAX, t('validation.tooLong', { max: BODY_MAX })),
      delayDays: z.string().refine((s) => /^\d{1,3}$/.test(s.trim()) && Number(s) <= DELAY_MAX, t('validation.welcomeDelay', { max: DELAY_MAX })),
      active: z.boolean(),
    })
    .superRefine((values, ctx) => {
      const pairs = [
        ['subjectSv', 'bodySv'],
        ['subjectEn', 'bodyEn'],
      ] as const;
      for (const [subject, body] of pairs) {
        const hasSubject = values[subject].trim() !== '';
        const hasBody = values[body].trim() !== '';
        if (hasSubject && !hasBody) ctx.addIssue({ code: 'custom', path: [body], message: t('validation.welcomeBody') });
        if (hasBody && !hasSubject) ctx.addIssue({ code: 'custom', path: [subject], message: t('validation.welcomeSubject') });
      }
      if (pairs.every(([subject, body]) => values[subject].trim() === '' && values[body].trim() === '')) {
        ctx.addIssue({ code: 'custom', path: ['subjectSv'], message: t('validation.welcomeOneLanguage') });
      }
    });
}

export function toUpdateWelcomeStepRequest(values: WelcomeStepValues): UpdateWelcomeStepRequest {
  const text = (value: string) => (value.trim() === '' ? undefined : value.trim());
  return {
    subjectSv: text(values.subjectSv),
    subjectEn: text(values.subjectEn),
    bodySv: values.bodySv.trim() === '' ? undefined : values.bodySv,
    bodyEn: values.bodyEn.trim() === '' ? undefined : values.bodyEn,
    delayDays: Number(values.delayDays.trim()),
    active: values.active,
  };
}
