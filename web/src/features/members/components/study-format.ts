import type { TFunction } from 'i18next';
import type { AffiliationResponse, FacultyResponse } from '../../../api/generated';
import { localName, type Language } from '../../../lib/i18n';

/** A department's name in the UI language, found among the faculties; its code when unknown. */
export function departmentName(code: string, faculties: readonly FacultyResponse[] | undefined, language: Language): string {
  for (const faculty of faculties ?? []) {
    const department = faculty.departments.find((d) => d.code === code);
    if (department) return localName(department, language);
  }
  return code;
}

/** "2015–2018", "2015–", "–2018" or "". */
export function studyYears(study: Pick<AffiliationResponse, 'startYear' | 'endYear'>): string {
  if (!study.startYear && !study.endYear) return '';
  return `${study.startYear ?? ''}–${study.endYear ?? ''}`;
}

/** Credits in the UI language's number format (7,5 hp in Swedish). */
export function formatCredits(credits: number, language: Language): string {
  return new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'sv-SE', { maximumFractionDigits: 1 }).format(credits);
}

/** A short name of a study for buttons and messages: "Master's degree, Department of English". */
export function studyName(
  study: AffiliationResponse,
  faculties: readonly FacultyResponse[] | undefined,
  language: Language,
  t: TFunction,
): string {
  return `${t(`members.degree.${study.degreeType}`)}, ${departmentName(study.departmentCode, faculties, language)}`;
}
