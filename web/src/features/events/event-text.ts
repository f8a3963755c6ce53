import type { Language } from '../../lib/i18n';

/**
 * An event's texts in the viewer's language. The API holds each text (title, summary, description,
 * follow-up) in Swedish and English, either of which may be missing; the other language stands in.
 * Shared by the alumni and the staff pages.
 */

/** A text in one language, with the language it is actually in (for the `lang` attribute when it is the other). */
export interface LocalText {
  text: string;
  language: Language;
}

/** The Swedish or English text for the language, else the other one; null when neither has any text. */
export function pickText(sv: string | null | undefined, en: string | null | undefined, language: Language): LocalText | null {
  const own = language === 'en' ? en : sv;
  if (own && own.trim()) return { text: own, language };
  const other: Language = language === 'en' ? 'sv' : 'en';
  const fallback = language === 'en' ? sv : en;
  if (fallback && fallback.trim()) return { text: fallback, language: other };
  return null;
}

/** The bilingual fields of an event, as its records spell them (`titleSv`, `titleEn`, …). */
export type EventTextField = 'title' | 'summary' | 'description' | 'followUp';

type Bilingual<F extends string> = { [K in `${F}Sv` | `${F}En`]?: string | null | undefined };

/** One of an event's texts in the language, falling back to the other; null when it has none. */
export function eventText<F extends EventTextField>(event: Bilingual<F>, field: F, language: Language): LocalText | null {
  const record = event as Record<string, string | null | undefined>;
  return pickText(record[`${field}Sv`], record[`${field}En`], language);
}

/** The event's title in the language (the other language's when missing; '' when it has none, which the API refuses). */
export function eventTitle(event: Bilingual<'title'>, language: Language): string {
  return eventText(event, 'title', language)?.text ?? '';
}

/**
 * The description as the API rendered it (Markdown to sanitised HTML: `descriptionSvHtml`, `descriptionEnHtml`) in
 * the language, falling back to the other; null when there is none. Only the server's sanitised HTML is ever rendered.
 */
export function eventDescriptionHtml(
  event: { descriptionSvHtml?: string | null; descriptionEnHtml?: string | null },
  language: Language,
): LocalText | null {
  return pickText(event.descriptionSvHtml, event.descriptionEnHtml, language);
}

/** The `lang` attribute a text needs: only where it differs from the page's language. */
export function langAttribute(text: LocalText | null, pageLanguage: Language): Language | undefined {
  return text && text.language !== pageLanguage ? text.language : undefined;
}

/** Where an event is held, in the fields its records carry. */
export interface EventPlaceFields {
  venue?: string | null;
  address?: string | null;
  city?: string | null;
  country?: string | null;
}

/**
 * The place of an on-site event in one line ("Aula Magna, Frescativägen 6, Stockholm, Sweden"), the
 * country named by `countryName`; '' when the event has no place (it is online).
 */
export function eventPlace(event: EventPlaceFields, countryName: (code: string | null | undefined) => string, withAddress = true): string {
  return [event.venue, withAddress ? event.address : null, event.city, countryName(event.country)]
    .map((part) => part?.trim())
    .filter(Boolean)
    .join(', ');
}

/** A department's name in the language, by its code, from the faculties' lists; the code while they load or when unknown. */
export function departmentName(
  code: string,
  faculties: readonly { departments: readonly { code: string; nameSv: string; nameEn: string }[] }[] | undefined,
  language: Language,
): string {
  for (const faculty of faculties ?? []) {
    const department = faculty.departments.find((d) => d.code === code);
    if (department) return language === 'en' ? department.nameEn || department.nameSv : department.nameSv || department.nameEn;
  }
  return code;
}
