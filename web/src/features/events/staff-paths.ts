/** The addresses of the staff's event and occasion pages. */
export const STAFF_EVENTS_PATH = '/staff/events';
export const NEW_EVENT_PATH = '/staff/events/new';
export const STAFF_OCCASIONS_PATH = '/staff/occasions';
export const NEW_OCCASION_PATH = '/staff/occasions/new';

const segment = (id: string) => encodeURIComponent(id);

export const staffEventPath = (id: string) => `${STAFF_EVENTS_PATH}/${segment(id)}`;
export const editEventPath = (id: string) => `${staffEventPath(id)}/edit`;
export const attendeesPath = (id: string) => `${staffEventPath(id)}/attendees`;
export const checkInPath = (id: string) => `${staffEventPath(id)}/check-in`;
export const occasionPath = (id: string) => `${STAFF_OCCASIONS_PATH}/${segment(id)}`;
export const editOccasionPath = (id: string) => `${occasionPath(id)}/edit`;

/** An id as the API writes them (a GUID): an address with anything else names nothing. */
export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
