/**
 * The personal fields a campaign's texts may hold, as Liquid (`{{ member.first_name }}`): the renderer's allow-list
 * (nl-render). Anything else is refused by the server before sending, on the field that holds it.
 */
export const MEMBER_FIELDS = ['member.first_name', 'member.last_name', 'member.full_name', 'preferences_url'] as const;

/** Only in an invitation (a campaign linked to an event). */
export const EVENT_FIELDS = ['event.title', 'event.starts', 'event.place', 'event.url'] as const;

/** The fields a campaign may use: the event's too when it is an invitation. */
export function personalFields(invitation: boolean): readonly string[] {
  return invitation ? [...MEMBER_FIELDS, ...EVENT_FIELDS] : MEMBER_FIELDS;
}
