/** The addresses of the staff's newsletter pages (`/staff/newsletters/...`). */
export const NEWSLETTERS_PATH = '/staff/newsletters';
export const NEW_CAMPAIGN_PATH = `${NEWSLETTERS_PATH}/campaigns/new`;
export const SEGMENTS_PATH = `${NEWSLETTERS_PATH}/segments`;
export const NEW_SEGMENT_PATH = `${SEGMENTS_PATH}/new`;
export const MESSAGES_PATH = `${NEWSLETTERS_PATH}/messages`;
export const NEW_MESSAGE_PATH = `${MESSAGES_PATH}/new`;
export const LAYOUTS_PATH = `${NEWSLETTERS_PATH}/layouts`;
export const NEW_LAYOUT_PATH = `${LAYOUTS_PATH}/new`;
export const TOPICS_PATH = `${NEWSLETTERS_PATH}/topics`;
export const FIGURES_PATH = `${NEWSLETTERS_PATH}/figures`;

const segment = (id: string) => encodeURIComponent(id);

export const campaignPath = (id: string) => `${NEWSLETTERS_PATH}/campaigns/${segment(id)}`;
export const editCampaignPath = (id: string) => `${campaignPath(id)}/edit`;
/** A new campaign with a ready-made message's texts. */
export const campaignFromMessagePath = (messageId: string) => `${NEW_CAMPAIGN_PATH}?message=${segment(messageId)}`;
export const segmentPath = (id: string) => `${SEGMENTS_PATH}/${segment(id)}`;
export const editMessagePath = (id: string) => `${MESSAGES_PATH}/${segment(id)}/edit`;
export const layoutPath = (id: string) => `${LAYOUTS_PATH}/${segment(id)}`;

/** An id as the API writes them (a GUID): an address with anything else names nothing. */
export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
