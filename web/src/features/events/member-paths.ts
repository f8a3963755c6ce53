/** The alumni's event pages. */
export const MEMBER_EVENTS_PATH = '/events';
export const MY_EVENTS_PATH = '/me/events';

export function memberEventPath(id: string): string {
  return `${MEMBER_EVENTS_PATH}/${encodeURIComponent(id)}`;
}
