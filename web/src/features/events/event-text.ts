import { pickText, type LocalText } from '../../lib/bilingual';
import type { Language } from '../../lib/i18n';

/**
 * An event's texts in the viewer's language. The API holds each text (title, summary, description,
 * follow-up) in Swedish and English, either of which may be missing; the other language stands in.
 * Shared by the alumni and the staff pages.
 */

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
