import { z } from 'zod';
import type { Translate } from '../../lib/text-rules';

/** The staff note form: the note as typed. */
export interface NoteValues {
  text: string;
}

export const NOTE_FIELDS = ['text'] as const;

export const NOTE_RULES = { max: 4000 } as const;

/** The note's rule, as the API's AddMemberNote has it: 1–4000 characters once trimmed. */
export function noteSchema(t: Translate) {
  return z.object({
    text: z.string().refine((text) => text.trim() !== '' && text.trim().length <= NOTE_RULES.max, t('validation.note')),
  }) satisfies z.ZodType<NoteValues, NoteValues>;
}
