import { z } from 'zod';
import { emailAddress, type Translate } from '../text-rules';
import { normaliseCode } from './sign-in-state';

/** A form with one e-mailed code (sign-in, the sign-up's verification, erasure). */
export interface CodeValues {
  code: string;
}

export const CODE_FIELDS = ['code'] as const;

/** The sign-in's first step: the address to send a code to. */
export interface EmailValues {
  email: string;
}

export const EMAIL_FIELDS = ['email'] as const;

export const CODE_RULES = { max: 32 } as const;

/** The API's rule for a code (SignIn, EraseMe): given, at most 32 characters as sent (normaliseCode). */
export function codeSchema(t: Translate) {
  return z.object({
    code: z
      .string()
      .refine((typed) => normaliseCode(typed) !== '', t('validation.signInCode'))
      .refine((typed) => normaliseCode(typed).length <= CODE_RULES.max, t('validation.notACode')),
  }) satisfies z.ZodType<CodeValues, CodeValues>;
}

/** The API's rule for the address a code is sent to (RequestCode): a valid e-mail address. */
export function emailSchema(t: Translate) {
  return z.object({ email: emailAddress(t) }) satisfies z.ZodType<EmailValues, EmailValues>;
}
