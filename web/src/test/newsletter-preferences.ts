import type { PreferencesResponse, PreferenceTopic } from '../api/generated';

/**
 * Builders for the newsletter preferences' answers (the preference page and the profile's Newsletter section), typed
 * with the generated client's types, holding data only.
 */

export const PREFERENCE_TOKEN = 'tok_ABCdef-123_xyz';

export const CENTRAL_TOPIC_ID = '0192b000-0000-7000-8000-0000000000c1';
export const EVENTS_TOPIC_ID = '0192b000-0000-7000-8000-0000000000c2';
export const DSV_TOPIC_ID = '0192b000-0000-7000-8000-0000000000c3';

export function preferenceTopic(fields: Pick<PreferenceTopic, 'id' | 'key' | 'kind' | 'nameSv' | 'nameEn'> & Partial<PreferenceTopic>): PreferenceTopic {
  return { subscribed: false, consentChannel: 'centralNewsletter', ...fields };
}

/** The central newsletter (on), event invitations (off) and DSV's mailings (on), in Swedish. */
export function preferences(overrides: Partial<PreferencesResponse> = {}): PreferencesResponse {
  return {
    firstName: 'Ada',
    language: 'sv',
    unsubscribedFromAll: false,
    topics: [
      preferenceTopic({
        id: CENTRAL_TOPIC_ID,
        key: 'central',
        kind: 'central',
        nameSv: 'Alumninyhetsbrevet',
        nameEn: 'The alumni newsletter',
        descriptionSv: 'Nyheter från universitetet, fyra gånger om året.',
        descriptionEn: 'News from the university, four times a year.',
        subscribed: true,
        consentChannel: 'centralNewsletter',
      }),
      preferenceTopic({
        id: EVENTS_TOPIC_ID,
        key: 'events',
        kind: 'events',
        nameSv: 'Inbjudningar till evenemang',
        nameEn: 'Event invitations',
        subscribed: false,
        consentChannel: 'eventInvitations',
      }),
      preferenceTopic({
        id: DSV_TOPIC_ID,
        key: 'department-dsv',
        kind: 'department',
        nameSv: 'Utskick från DSV',
        nameEn: 'Mailings from DSV',
        descriptionSv: 'Institutionens egna utskick.',
        subscribed: true,
        consentChannel: 'departmentMailings',
      }),
    ],
    ...overrides,
  };
}

/** The same preferences with every topic off and all mail stopped. */
export function unsubscribedFromAll(base: PreferencesResponse = preferences()): PreferencesResponse {
  return { ...base, unsubscribedFromAll: true, topics: base.topics.map((topic) => ({ ...topic, subscribed: false })) };
}
