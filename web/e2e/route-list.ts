/**
 * Every route of the web app (src/app/router.tsx), with who visits it in the end-to-end route suite
 * (routes.e2e.ts) and the address it opens. The one list of the app's pages: src/app/routes.test.ts
 * fails when the router has a path that is missing here, so a new page cannot be left out of the
 * width and accessibility checks. Plain data: no imports, read by the unit tests and the e2e suite.
 */

/** Who opens the page: signed out, an active member, the demo coordinator of DSV, the demo admin. */
export type RouteVisitor = 'visitor' | 'alumnus' | 'coordinator' | 'admin';

export interface RouteVisit {
  /** The router's path pattern, in full from the root (`/staff/members/:id`; `*` is the not-found page). */
  pattern: string;
  /**
   * The address to open; `:memberId`, `:campaignToken`, `:importId`, `:eventId`, `:staffEventId`, `:occasionId`,
   * `:newsletterCampaignId`, `:segmentId`, `:messageId`, `:layoutId`, `:assignmentId`, `:toolkitItemId`, `:initiativeId`, `:supportRequestId`, `:networkMeetingId` and `:networkNewsId` are filled in with demo data
   * the suite makes or finds.
   */
  path: string;
  as: RouteVisitor;
  /** The heading (level 1) the page shows once loaded, in English (the suite works in English). */
  heading: RegExp;
  /** Navigation state the page needs: the erased page shows only right after an erasure. */
  state?: Record<string, unknown>;
}

export const ROUTE_VISITS: readonly RouteVisit[] = [
  { pattern: '/', path: '/', as: 'visitor', heading: /^Stockholm University's alumni network$/ },
  { pattern: '/departments', path: '/departments', as: 'visitor', heading: /^Faculties and departments$/ },
  { pattern: '/departments', path: '/departments', as: 'admin', heading: /^Faculties and departments$/ },
  { pattern: '/sign-in', path: '/sign-in', as: 'visitor', heading: /^Sign in$/ },
  { pattern: '/join', path: '/join', as: 'visitor', heading: /^Join the alumni network$/ },
  { pattern: '/join/:token', path: '/join/:campaignToken', as: 'visitor', heading: /^Join the alumni network$/ },
  { pattern: '/erased', path: '/erased', as: 'visitor', heading: /^Your data has been erased$/, state: { erased: true } },
  // Newsletters (web-nl-member): a link that is not one of ours says so kindly.
  { pattern: '/preferences/:token', path: '/preferences/not-a-real-token', as: 'visitor', heading: /^This link does not work$/ },
  { pattern: '/me', path: '/me', as: 'alumnus', heading: /^Welcome, / },
  { pattern: '/me/profile', path: '/me/profile', as: 'alumnus', heading: /^My profile$/ },
  { pattern: '/me/sessions', path: '/me/sessions', as: 'alumnus', heading: /^My sessions$/ },
  { pattern: '/directory', path: '/directory', as: 'alumnus', heading: /^Alumni directory$/ },
  { pattern: '/events', path: '/events', as: 'alumnus', heading: /^Events$/ },
  { pattern: '/events/:id', path: '/events/:eventId', as: 'alumnus', heading: /^Reunion / },
  { pattern: '/events/:id/feedback', path: '/events/:eventId/feedback', as: 'alumnus', heading: /^Your feedback$/ },
  { pattern: '/me/events', path: '/me/events', as: 'alumnus', heading: /^My events$/ },
  { pattern: '/staff', path: '/staff', as: 'coordinator', heading: /./ },
  { pattern: '/staff', path: '/staff', as: 'admin', heading: /./ },
  { pattern: '/staff/members', path: '/staff/members', as: 'coordinator', heading: /^Members$/ },
  { pattern: '/staff/members/:id', path: '/staff/members/:memberId', as: 'coordinator', heading: /./ },
  { pattern: '/staff/campaigns', path: '/staff/campaigns', as: 'coordinator', heading: /^Recruitment campaigns$/ },
  // Staff: events (web-staff).
  { pattern: '/staff/events', path: '/staff/events', as: 'coordinator', heading: /^Events$/ },
  { pattern: '/staff/events/new', path: '/staff/events/new', as: 'coordinator', heading: /^New event$/ },
  { pattern: '/staff/events/:id', path: '/staff/events/:staffEventId', as: 'coordinator', heading: /./ },
  { pattern: '/staff/events/:id/edit', path: '/staff/events/:staffEventId/edit', as: 'coordinator', heading: /^Edit event$/ },
  { pattern: '/staff/events/:id/attendees', path: '/staff/events/:staffEventId/attendees', as: 'coordinator', heading: /^Attendees$/ },
  { pattern: '/staff/events/:id/check-in', path: '/staff/events/:staffEventId/check-in', as: 'coordinator', heading: /^Check-in$/ },
  { pattern: '/staff/occasions', path: '/staff/occasions', as: 'admin', heading: /^Occasions abroad$/ },
  { pattern: '/staff/occasions/new', path: '/staff/occasions/new', as: 'admin', heading: /^New occasion abroad$/ },
  { pattern: '/staff/occasions/:id', path: '/staff/occasions/:occasionId', as: 'admin', heading: /./ },
  { pattern: '/staff/occasions/:id/edit', path: '/staff/occasions/:occasionId/edit', as: 'admin', heading: /^Edit occasion$/ },
  // Network: home and coverage (net-home).
  { pattern: '/staff/network', path: '/staff/network', as: 'coordinator', heading: /^Coordinator network$/ },
  { pattern: '/staff/network', path: '/staff/network', as: 'admin', heading: /^Coordinator network$/ },
  { pattern: '/staff/network/coverage', path: '/staff/network/coverage', as: 'admin', heading: /^Coverage of the network$/ },
  // Staff: newsletters (web-nl-staff).
  { pattern: '/staff/newsletters', path: '/staff/newsletters', as: 'coordinator', heading: /^Newsletters$/ },
  { pattern: '/staff/newsletters', path: '/staff/newsletters', as: 'admin', heading: /^Newsletters$/ },
  { pattern: '/staff/newsletters/campaigns/new', path: '/staff/newsletters/campaigns/new', as: 'coordinator', heading: /^New campaign$/ },
  { pattern: '/staff/newsletters/campaigns/:campaignId', path: '/staff/newsletters/campaigns/:newsletterCampaignId', as: 'coordinator', heading: /./ },
  {
    pattern: '/staff/newsletters/campaigns/:campaignId/edit',
    path: '/staff/newsletters/campaigns/:newsletterCampaignId/edit',
    as: 'coordinator',
    heading: /^Edit campaign$/,
  },
  { pattern: '/staff/newsletters/segments', path: '/staff/newsletters/segments', as: 'coordinator', heading: /^Segments$/ },
  { pattern: '/staff/newsletters/segments/new', path: '/staff/newsletters/segments/new', as: 'coordinator', heading: /^New segment$/ },
  { pattern: '/staff/newsletters/segments/:segmentId', path: '/staff/newsletters/segments/:segmentId', as: 'coordinator', heading: /^Edit segment$/ },
  { pattern: '/staff/newsletters/messages', path: '/staff/newsletters/messages', as: 'coordinator', heading: /^Ready-made messages$/ },
  { pattern: '/staff/newsletters/messages/new', path: '/staff/newsletters/messages/new', as: 'admin', heading: /^New ready-made message$/ },
  {
    pattern: '/staff/newsletters/messages/:messageId/edit',
    path: '/staff/newsletters/messages/:messageId/edit',
    as: 'admin',
    heading: /^Edit ready-made message$/,
  },
  { pattern: '/staff/newsletters/layouts', path: '/staff/newsletters/layouts', as: 'admin', heading: /^Layouts$/ },
  { pattern: '/staff/newsletters/layouts/new', path: '/staff/newsletters/layouts/new', as: 'admin', heading: /^New layout$/ },
  { pattern: '/staff/newsletters/layouts/:layoutId', path: '/staff/newsletters/layouts/:layoutId', as: 'admin', heading: /^Edit layout$/ },
  { pattern: '/staff/newsletters/topics', path: '/staff/newsletters/topics', as: 'admin', heading: /^Topics$/ },
  { pattern: '/staff/newsletters/figures', path: '/staff/newsletters/figures', as: 'coordinator', heading: /^Figures by topic$/ },
  // Network: assignments (net-assign).
  { pattern: '/staff/network/directory', path: '/staff/network/directory', as: 'coordinator', heading: /^Network directory$/ },
  { pattern: '/staff/network/directory', path: '/staff/network/directory', as: 'admin', heading: /^Network directory$/ },
  { pattern: '/staff/network/directory/assign', path: '/staff/network/directory/assign', as: 'admin', heading: /^Assign a coordinator$/ },
  {
    pattern: '/staff/network/directory/assignments/:assignmentId',
    path: '/staff/network/directory/assignments/:assignmentId',
    as: 'admin',
    heading: /^Coordinator assignment$/,
  },
  { pattern: '/staff/network/directory/departments/:code', path: '/staff/network/directory/departments/DSV', as: 'admin', heading: /^Coordinators of / },
  // Network: toolkit (net-toolkit).
  { pattern: '/staff/network/toolkit', path: '/staff/network/toolkit', as: 'coordinator', heading: /^Toolkit$/ },
  { pattern: '/staff/network/toolkit', path: '/staff/network/toolkit', as: 'admin', heading: /^Toolkit$/ },
  { pattern: '/staff/network/toolkit/new', path: '/staff/network/toolkit/new', as: 'admin', heading: /^New toolkit item$/ },
  { pattern: '/staff/network/toolkit/:itemId', path: '/staff/network/toolkit/:toolkitItemId', as: 'coordinator', heading: /./ },
  { pattern: '/staff/network/toolkit/:itemId/edit', path: '/staff/network/toolkit/:toolkitItemId/edit', as: 'admin', heading: /^Change toolkit item$/ },
  // Network: initiatives (net-init); :initiativeId is the seeded alumni day.
  { pattern: '/staff/network/initiatives', path: '/staff/network/initiatives', as: 'coordinator', heading: /^Initiatives$/ },
  { pattern: '/staff/network/initiatives', path: '/staff/network/initiatives', as: 'admin', heading: /^Initiatives$/ },
  { pattern: '/staff/network/initiatives/new', path: '/staff/network/initiatives/new', as: 'admin', heading: /^New initiative$/ },
  { pattern: '/staff/network/initiatives/:initiativeId', path: '/staff/network/initiatives/:initiativeId', as: 'coordinator', heading: /^Alumni Day/ },
  {
    pattern: '/staff/network/initiatives/:initiativeId/edit',
    path: '/staff/network/initiatives/:initiativeId/edit',
    as: 'admin',
    heading: /^Edit initiative$/,
  },
  // Network: support (net-support).
  { pattern: '/staff/network/support', path: '/staff/network/support', as: 'coordinator', heading: /^Support for cross-department activities$/ },
  { pattern: '/staff/network/support', path: '/staff/network/support', as: 'admin', heading: /^Support for cross-department activities$/ },
  { pattern: '/staff/network/support/new', path: '/staff/network/support/new', as: 'coordinator', heading: /^Ask for support$/ },
  { pattern: '/staff/network/support/:requestId', path: '/staff/network/support/:supportRequestId', as: 'admin', heading: /./ },
  // Network: meetings' notes and news (net-news).
  { pattern: '/staff/network/meetings', path: '/staff/network/meetings', as: 'coordinator', heading: /^Network meetings$/ },
  { pattern: '/staff/network/meetings', path: '/staff/network/meetings', as: 'admin', heading: /^Network meetings$/ },
  { pattern: '/staff/network/meetings/:eventId', path: '/staff/network/meetings/:networkMeetingId', as: 'coordinator', heading: /^Network meeting / },
  { pattern: '/staff/network/meetings/:eventId', path: '/staff/network/meetings/:networkMeetingId', as: 'admin', heading: /^Network meeting / },
  { pattern: '/staff/network/news', path: '/staff/network/news', as: 'coordinator', heading: /^News for the network$/ },
  { pattern: '/staff/network/news', path: '/staff/network/news', as: 'admin', heading: /^News for the network$/ },
  { pattern: '/staff/network/news/new', path: '/staff/network/news/new', as: 'admin', heading: /^Post news$/ },
  { pattern: '/staff/network/news/:newsId/edit', path: '/staff/network/news/:networkNewsId/edit', as: 'admin', heading: /^Edit news$/ },
  { pattern: '/admin', path: '/admin', as: 'admin', heading: /^People$/ },
  { pattern: '/admin/people', path: '/admin/people', as: 'admin', heading: /^People$/ },
  { pattern: '/admin/api-keys', path: '/admin/api-keys', as: 'admin', heading: /^API keys$/ },
  { pattern: '/admin/audit', path: '/admin/audit', as: 'admin', heading: /^Audit log$/ },
  { pattern: '/admin/imports', path: '/admin/imports', as: 'admin', heading: /^Import former students$/ },
  { pattern: '/admin/imports/:id', path: '/admin/imports/:importId', as: 'admin', heading: /^Import$/ },
  // Newsletters (web-nl-member).
  { pattern: '/admin/welcome-series', path: '/admin/welcome-series', as: 'admin', heading: /^Welcome series$/ },
  { pattern: '/admin/bounces', path: '/admin/bounces', as: 'admin', heading: /^Bounces$/ },
  { pattern: '/dev/mailbox', path: '/dev/mailbox', as: 'visitor', heading: /^Dev mailbox$/ },
  { pattern: '*', path: '/no-such-page', as: 'visitor', heading: /^Page not found$/ },
];
