import type { TopicResponse } from '../../api/generated';
import type { Language } from '../../lib/i18n';

/** A text in the UI language, falling back to the other language when missing. */
export function pickText(sv: string | null | undefined, en: string | null | undefined, language: Language): string {
  const first = language === 'en' ? en : sv;
  const second = language === 'en' ? sv : en;
  return first?.trim() || second?.trim() || '';
}

/** A topic's name in the UI language. */
export function topicName(topic: Pick<TopicResponse, 'nameSv' | 'nameEn'>, language: Language): string {
  return pickText(topic.nameSv, topic.nameEn, language);
}

/** Addresses typed one a line or separated by commas, semicolons or spaces; empty ones dropped. */
export function readAddresses(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((address) => address.trim())
    .filter((address) => address !== '');
}
