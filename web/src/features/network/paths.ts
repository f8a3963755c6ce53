/** The addresses of the coordinator network's pages (`/staff/network/...`). */
export const NETWORK_PATH = '/staff/network';
export const DIRECTORY_PATH = `${NETWORK_PATH}/directory`;
export const COVERAGE_PATH = `${NETWORK_PATH}/coverage`;
export const TOOLKIT_PATH = `${NETWORK_PATH}/toolkit`;
export const NEW_TOOLKIT_ITEM_PATH = `${TOOLKIT_PATH}/new`;
export const INITIATIVES_PATH = `${NETWORK_PATH}/initiatives`;
export const NEW_INITIATIVE_PATH = `${INITIATIVES_PATH}/new`;
export const SUPPORT_PATH = `${NETWORK_PATH}/support`;
export const NEW_SUPPORT_REQUEST_PATH = `${SUPPORT_PATH}/new`;
export const MEETINGS_PATH = `${NETWORK_PATH}/meetings`;
export const NEWS_PATH = `${NETWORK_PATH}/news`;
export const NEW_NEWS_PATH = `${NEWS_PATH}/new`;

const segment = (id: string) => encodeURIComponent(id);

export const toolkitItemPath = (id: string) => `${TOOLKIT_PATH}/${segment(id)}`;
export const editToolkitItemPath = (id: string) => `${toolkitItemPath(id)}/edit`;
export const initiativePath = (id: string) => `${INITIATIVES_PATH}/${segment(id)}`;
export const editInitiativePath = (id: string) => `${initiativePath(id)}/edit`;
export const supportRequestPath = (id: string) => `${SUPPORT_PATH}/${segment(id)}`;
export const meetingPath = (eventId: string) => `${MEETINGS_PATH}/${segment(eventId)}`;
export const editNewsPath = (id: string) => `${NEWS_PATH}/${segment(id)}/edit`;
// Assignments (net-assign): the office's forms under the directory.
export const NEW_ASSIGNMENT_PATH = `${DIRECTORY_PATH}/assign`;
export const assignmentPath = (id: string) => `${DIRECTORY_PATH}/assignments/${segment(id)}`;
export const departmentAssignmentsPath = (code: string) => `${DIRECTORY_PATH}/departments/${segment(code)}`;

/** Other slices' pages the network leads to (it never imports their features: only their addresses). */
export const staffEventPath = (id: string) => `/staff/events/${segment(id)}`;
export const staffEventEditPath = (id: string) => `${staffEventPath(id)}/edit`;
export const NEW_STAFF_EVENT_PATH = '/staff/events/new';
export const staffCampaignPath = (id: string) => `/staff/newsletters/campaigns/${segment(id)}`;
export const staffCampaignEditPath = (id: string) => `${staffCampaignPath(id)}/edit`;
export const RECRUITMENT_CAMPAIGNS_PATH = '/staff/campaigns';

/** The network's areas, in the order its menu lists them; coverage is for the office (admins) only. */
export const NETWORK_AREAS = [
  { key: 'home', to: NETWORK_PATH, adminOnly: false },
  { key: 'directory', to: DIRECTORY_PATH, adminOnly: false },
  { key: 'toolkit', to: TOOLKIT_PATH, adminOnly: false },
  { key: 'initiatives', to: INITIATIVES_PATH, adminOnly: false },
  { key: 'support', to: SUPPORT_PATH, adminOnly: false },
  { key: 'meetings', to: MEETINGS_PATH, adminOnly: false },
  { key: 'news', to: NEWS_PATH, adminOnly: false },
  { key: 'coverage', to: COVERAGE_PATH, adminOnly: true },
] as const;

export type NetworkArea = (typeof NETWORK_AREAS)[number]['key'];
