import type { TopicResponse } from '../../api/generated';
import { textIn } from '../../lib/bilingual';
import type { Language } from '../../lib/i18n';

/** A topic's name in the UI language. */
export function topicName(topic: Pick<TopicResponse, 'nameSv' | 'nameEn'>, language: Language): string {
  return textIn(topic.nameSv, topic.nameEn, language);
}

/** Addresses typed one a line or separated by commas, semicolons or spaces; empty ones dropped. */
export function readAddresses(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((address) => address.trim())
    .filter((address) => address !== '');
}
