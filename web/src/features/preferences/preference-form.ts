import { z } from 'zod';
import type { PreferencesChange, PreferencesResponse } from '../../api/generated';
import type { Translate } from '../../lib/text-rules';

/** The preference form: each topic on or off (by topic id), and the language of mail. */
export interface PreferenceValues {
  topics: Record<string, boolean>;
  language: 'sv' | 'en';
}

export const MAIL_LANGUAGES = ['sv', 'en'] as const;

export function preferenceSchema(t: Translate) {
  return z.object({
    topics: z.record(z.string(), z.boolean()),
    language: z.enum(MAIL_LANGUAGES, { error: () => t('validation.language') }),
  });
}

/** The form's values for what the API answered. */
export function toPreferenceValues(preferences: PreferencesResponse): PreferenceValues {
  return {
    topics: Object.fromEntries(preferences.topics.map((topic) => [topic.id, topic.subscribed])),
    language: preferences.language === 'en' ? 'en' : 'sv',
  };
}

/**
 * The change to send: every topic whose switch differs from what the API answered, and the language when it differs
 * (with `withLanguage`: the profile has its own language field). Empty when nothing changed.
 */
export function toPreferencesChange(preferences: PreferencesResponse, values: PreferenceValues, withLanguage: boolean): PreferencesChange {
  const topics = preferences.topics
    .filter((topic) => (values.topics[topic.id] ?? topic.subscribed) !== topic.subscribed)
    .map((topic) => ({ id: topic.id, subscribed: values.topics[topic.id] ?? topic.subscribed }));
  const language = withLanguage && values.language !== preferences.language ? values.language : undefined;
  return language ? { topics, language } : { topics };
}

/** True when the change changes nothing. */
export function isNoChange(change: PreferencesChange): boolean {
  return (change.topics?.length ?? 0) === 0 && !change.language && !change.unsubscribeAll;
}

/** The request that unsubscribes from everything. */
export const UNSUBSCRIBE_ALL: PreferencesChange = { topics: [], unsubscribeAll: true };

/** Where the form's server errors go (`topics[1].id` is about the topics as a whole). */
export const PREFERENCE_FIELDS = ['language', ['topics.#.id', 'topics'], ['topics.#.subscribed', 'topics'], ['topics.#', 'topics'], 'topics'] as const;
