import type { AffiliationInput, DegreeType } from '../../api/generated';
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

export type StudyInputProblem = 'degree' | 'year' | 'credits';

/**
 * What cannot even be sent: no degree chosen (the API reads the degree as one of its values), a year
 * that is not four digits, credits that are not a number. Everything else is the server's to judge
 * (its messages come back on the fields).
 */
export function studyInputProblems(study: StudyValues): Partial<Record<StudyField, StudyInputProblem>> {
  const problems: Partial<Record<StudyField, StudyInputProblem>> = {};
  if (!isOneOf(DEGREE_TYPES, study.degreeType)) problems.degreeType = 'degree';
  if (Number.isNaN(readYear(study.startYear))) problems.startYear = 'year';
  if (Number.isNaN(readYear(study.endYear))) problems.endYear = 'year';
  if (Number.isNaN(readCredits(study.credits))) problems.credits = 'credits';
  return problems;
}

/**
 * A study as the API takes it. Input problems must have been caught first (studyInputProblems);
 * missing credits are sent as 0, so the server's rule about credits speaks.
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
