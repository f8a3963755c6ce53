import { z } from 'zod';
import type { AffiliationInput, DegreeType } from '../../api/generated';
import { optionalText, type Translate } from '../../lib/text-rules';
import { DEGREE_TYPES, isOneOf } from './options';

/** One study as a form holds it: what was typed, before it is read as numbers. */
export interface StudyValues {
  departmentCode: string;
  programme: string;
  degreeType: DegreeType | '';
  startYear: string;
  endYear: string;
  credits: string;
}

/** The fields of a study, named as the API names them (its errors are keyed `affiliations[i].<field>`). */
export const STUDY_FIELDS = ['departmentCode', 'programme', 'degreeType', 'startYear', 'endYear', 'credits'] as const;
export type StudyField = (typeof STUDY_FIELDS)[number];

export function emptyStudy(departmentCode = ''): StudyValues {
  return { departmentCode, programme: '', degreeType: '', startYear: '', endYear: '', credits: '' };
}

/** A typed year: empty is "not given" (undefined), four digits a year, anything else unreadable (NaN). */
export function readYear(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  return /^\d{4}$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/**
 * Typed credits (hp), with a decimal comma or point: "7,5" is 7.5. Empty is "not given" (undefined);
 * anything else unreadable (NaN).
 */
export function readCredits(text: string): number | undefined {
  const trimmed = text.trim().replace(/\s+/g, '').replace(',', '.');
  if (trimmed === '') return undefined;
  return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/** The rules the API holds a study to (MemberRules.AffiliationValidator), with the same bounds. */
export const STUDY_RULES = { firstYear: 1900, maxCredits: 1000, programmeMax: 200 } as const;

/**
 * One study, as typed: a department and a degree chosen, years of four digits within the API's
 * bounds (the end not before the start), credits a number from 0 to 1000. Every problem of the study
 * is reported at once.
 */
export function studySchema(t: Translate, thisYear = new Date().getUTCFullYear()) {
  const { firstYear, maxCredits } = STUDY_RULES;
  return z
    .object({
      departmentCode: z.string().refine((code) => code.trim() !== '', t('validation.department')),
      programme: optionalText(t, STUDY_RULES.programmeMax),
      degreeType: z.enum([...DEGREE_TYPES, '']).refine((degree) => degree !== '', t('members.study.problems.degree')),
      startYear: z.string(),
      endYear: z.string(),
      credits: z.string(),
    })
    .superRefine((study, ctx) => {
      const issue = (field: StudyField, message: string) => ctx.addIssue({ code: 'custom', path: [field], message });
      const years = { startYear: thisYear + 1, endYear: thisYear + 10 } as const;
      for (const [field, last] of Object.entries(years) as Array<[keyof typeof years, number]>) {
        const year = readYear(study[field]);
        if (Number.isNaN(year)) issue(field, t('members.study.problems.year'));
        else if (year !== undefined && (year < firstYear || year > last)) {
          issue(field, t('validation.yearRange', { min: firstYear, max: last }));
        }
      }
      const start = readYear(study.startYear);
      const end = readYear(study.endYear);
      if (start !== undefined && end !== undefined && end < start) issue('endYear', t('validation.endBeforeStart'));
      const credits = readCredits(study.credits);
      if (credits === undefined) issue('credits', t('validation.creditsRequired'));
      else if (Number.isNaN(credits)) issue('credits', t('members.study.problems.credits'));
      else if (credits < 0) issue('credits', t('validation.creditsNegative'));
      else if (credits > maxCredits) issue('credits', t('validation.creditsMax', { max: maxCredits }));
    }) satisfies z.ZodType<StudyValues, StudyValues>;
}

/**
 * A study as the API takes it, once it has passed studySchema (anything unreadable is left out, or 0
 * for the credits).
 */
export function toAffiliationInput(study: StudyValues): AffiliationInput {
  const startYear = readYear(study.startYear);
  const endYear = readYear(study.endYear);
  const credits = readCredits(study.credits);
  return {
    departmentCode: study.departmentCode.trim(),
    programme: study.programme.trim() || undefined,
    degreeType: (isOneOf(DEGREE_TYPES, study.degreeType) ? study.degreeType : 'none') as DegreeType,
    startYear: Number.isNaN(startYear) ? undefined : startYear,
    endYear: Number.isNaN(endYear) ? undefined : endYear,
    credits: credits === undefined || Number.isNaN(credits) ? 0 : credits,
  };
}
