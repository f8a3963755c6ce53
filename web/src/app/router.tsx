import { lazy } from 'react';
import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { AppLayout } from './layout/AppLayout';
import { RequireSignIn } from '../features/auth/components/RequireSignIn';
import { AdminRoute } from './routes/admin';
import { DepartmentsRoute } from './routes/departments';
import { HomeRoute } from './routes/home';
import { JoinRoute } from './routes/join';
import { NotFoundRoute } from './routes/not-found';
import { SignInRoute } from './routes/sign-in';
import { StaffRoute } from './routes/staff';

// Pages few people open are loaded when first visited (the layout shows "Loading" meanwhile).
const AdminPeopleRoute = lazy(() => import('./routes/admin-people'));
const AdminApiKeysRoute = lazy(() => import('./routes/admin-api-keys'));
const AdminAuditRoute = lazy(() => import('./routes/admin-audit'));
const AdminImportsRoute = lazy(() => import('./routes/admin-imports'));
const AdminImportRoute = lazy(() => import('./routes/admin-import'));
// Newsletters: the welcome series and the bounces (web-nl-member).
const AdminWelcomeSeriesRoute = lazy(() => import('./routes/admin-welcome-series'));
const AdminBouncesRoute = lazy(() => import('./routes/admin-bounces'));
const MySessionsRoute = lazy(() => import('./routes/my-sessions'));
const DevMailboxRoute = lazy(() => import('./routes/dev-mailbox'));
const MyProfileRoute = lazy(() => import('./routes/my-profile'));
const ErasedRoute = lazy(() => import('./routes/erased'));
// Newsletters: the preference page a mail's link opens (web-nl-member).
const PreferencesRoute = lazy(() => import('./routes/preferences'));
const DirectoryRoute = lazy(() => import('./routes/directory'));
const StaffMembersRoute = lazy(() => import('./routes/staff-members'));
const StaffMemberRoute = lazy(() => import('./routes/staff-member'));
const StaffCampaignsRoute = lazy(() => import('./routes/staff-campaigns'));
const StaffStartRoute = lazy(() => import('./routes/staff-start'));
const MyStartRoute = lazy(() => import('./routes/my-start'));
const EventsRoute = lazy(() => import('./routes/events'));
const EventRoute = lazy(() => import('./routes/event'));
const MyEventsRoute = lazy(() => import('./routes/my-events'));
const EventFeedbackRoute = lazy(() => import('./routes/event-feedback'));
// Staff: events (web-staff).
const StaffEventsRoute = lazy(() => import('./routes/staff-events'));
const StaffNewEventRoute = lazy(() => import('./routes/staff-event-new'));
const StaffEventRoute = lazy(() => import('./routes/staff-event'));
const StaffEditEventRoute = lazy(() => import('./routes/staff-event-edit'));
const StaffEventAttendeesRoute = lazy(() => import('./routes/staff-event-attendees'));
const StaffEventCheckInRoute = lazy(() => import('./routes/staff-event-check-in'));
const StaffOccasionsRoute = lazy(() => import('./routes/staff-occasions'));
const StaffNewOccasionRoute = lazy(() => import('./routes/staff-occasion-new'));
const StaffOccasionRoute = lazy(() => import('./routes/staff-occasion'));
const StaffEditOccasionRoute = lazy(() => import('./routes/staff-occasion-edit'));
// Network: support (net-support).
const NetworkSupportRoute = lazy(() => import('./routes/network-support').then((m) => ({ default: m.NetworkSupportRoute })));
const NetworkNewSupportRequestRoute = lazy(() => import('./routes/network-support').then((m) => ({ default: m.NetworkNewSupportRequestRoute })));
const NetworkSupportRequestRoute = lazy(() => import('./routes/network-support').then((m) => ({ default: m.NetworkSupportRequestRoute })));
// Staff: newsletters (web-nl-staff), one chunk for all their pages.
const newsletters = <K extends keyof typeof import('./routes/staff-newsletters')>(name: K) =>
  lazy(() => import('./routes/staff-newsletters').then((module) => ({ default: module[name] })));
const StaffNewslettersRoute = newsletters('StaffNewslettersRoute');
const StaffNewCampaignRoute = newsletters('StaffNewCampaignRoute');
const StaffCampaignRoute = newsletters('StaffCampaignRoute');
const StaffEditCampaignRoute = newsletters('StaffEditCampaignRoute');
const StaffSegmentsRoute = newsletters('StaffSegmentsRoute');
const StaffNewSegmentRoute = newsletters('StaffNewSegmentRoute');
const StaffSegmentRoute = newsletters('StaffSegmentRoute');
const StaffMessagesRoute = newsletters('StaffMessagesRoute');
const StaffNewMessageRoute = newsletters('StaffNewMessageRoute');
const StaffEditMessageRoute = newsletters('StaffEditMessageRoute');
const StaffLayoutsRoute = newsletters('StaffLayoutsRoute');
const StaffNewLayoutRoute = newsletters('StaffNewLayoutRoute');
const StaffLayoutRoute = newsletters('StaffLayoutRoute');
const StaffTopicsRoute = newsletters('StaffTopicsRoute');
const StaffNewsletterFiguresRoute = newsletters('StaffNewsletterFiguresRoute');
// Network: assignments (net-assign), one chunk for the directory and the assignment forms.
const networkAssignments = <K extends keyof typeof import('./routes/network-assignments')>(name: K) =>
  lazy(() => import('./routes/network-assignments').then((module) => ({ default: module[name] })));
const NetworkDirectoryRoute = networkAssignments('NetworkDirectoryRoute');
const NetworkNewAssignmentRoute = networkAssignments('NetworkNewAssignmentRoute');
const NetworkAssignmentRoute = networkAssignments('NetworkAssignmentRoute');
const NetworkDepartmentAssignmentsRoute = networkAssignments('NetworkDepartmentAssignmentsRoute');
// Network: home and coverage (net-home), one chunk.
const networkHome = <K extends keyof typeof import('./routes/network-home')>(name: K) =>
  lazy(() => import('./routes/network-home').then((module) => ({ default: module[name] })));
const NetworkHomeRoute = networkHome('NetworkHomeRoute');
const NetworkCoverageRoute = networkHome('NetworkCoverageRoute');
// Network: toolkit (net-toolkit), one chunk for its pages.
const toolkit = <K extends keyof typeof import('./routes/network-toolkit')>(name: K) =>
  lazy(() => import('./routes/network-toolkit').then((module) => ({ default: module[name] })));
const NetworkToolkitRoute = toolkit('NetworkToolkitRoute');
const NetworkNewToolkitItemRoute = toolkit('NetworkNewToolkitItemRoute');
const NetworkToolkitItemRoute = toolkit('NetworkToolkitItemRoute');
const NetworkEditToolkitItemRoute = toolkit('NetworkEditToolkitItemRoute');
// Network: initiatives (net-init), one chunk for their pages.
const initiatives = <K extends keyof typeof import('./routes/network-initiatives')>(name: K) =>
  lazy(() => import('./routes/network-initiatives').then((module) => ({ default: module[name] })));
const NetworkInitiativesRoute = initiatives('NetworkInitiativesRoute');
const NetworkNewInitiativeRoute = initiatives('NetworkNewInitiativeRoute');
const NetworkInitiativeRoute = initiatives('NetworkInitiativeRoute');
const NetworkEditInitiativeRoute = initiatives('NetworkEditInitiativeRoute');

// Network: meetings' notes and news (net-news), one chunk each.
const networkMeetings = <K extends keyof typeof import('./routes/network-meetings')>(name: K) =>
  lazy(() => import('./routes/network-meetings').then((module) => ({ default: module[name] })));
const NetworkMeetingsRoute = networkMeetings('NetworkMeetingsRoute');
const NetworkMeetingRoute = networkMeetings('NetworkMeetingRoute');
const networkNews = <K extends keyof typeof import('./routes/network-news')>(name: K) =>
  lazy(() => import('./routes/network-news').then((module) => ({ default: module[name] })));
const NetworkNewsRoute = networkNews('NetworkNewsRoute');
const NetworkNewNewsRoute = networkNews('NetworkNewNewsRoute');
const NetworkEditNewsRoute = networkNews('NetworkEditNewsRoute');

/** The app's routes; the API serves index.html for every client route, so deep links work. */
export const routes: RouteObject[] = [
  {
    element: <AppLayout />,
    children: [
      { index: true, element: <HomeRoute /> },
      { path: 'departments', element: <DepartmentsRoute /> },
      { path: 'sign-in', element: <SignInRoute /> },
      { path: 'join', element: <JoinRoute /> },
      { path: 'join/:token', element: <JoinRoute /> },
      { path: 'erased', element: <ErasedRoute /> },
      { path: 'preferences/:token', element: <PreferencesRoute /> },
      {
        path: 'me',
        element: (
          <RequireSignIn>
            <MyStartRoute />
          </RequireSignIn>
        ),
      },
      {
        path: 'me/profile',
        element: (
          <RequireSignIn>
            <MyProfileRoute />
          </RequireSignIn>
        ),
      },
      {
        path: 'directory',
        element: (
          <RequireSignIn>
            <DirectoryRoute />
          </RequireSignIn>
        ),
      },
      {
        path: 'events',
        element: (
          <RequireSignIn>
            <EventsRoute />
          </RequireSignIn>
        ),
      },
      {
        path: 'events/:id',
        element: (
          <RequireSignIn>
            <EventRoute />
          </RequireSignIn>
        ),
      },
      {
        path: 'events/:id/feedback',
        element: (
          <RequireSignIn>
            <EventFeedbackRoute />
          </RequireSignIn>
        ),
      },
      {
        path: 'me/events',
        element: (
          <RequireSignIn>
            <MyEventsRoute />
          </RequireSignIn>
        ),
      },
      {
        path: 'staff',
        element: <StaffRoute />,
        children: [
          { index: true, element: <StaffStartRoute /> },
          { path: 'members', element: <StaffMembersRoute /> },
          { path: 'members/:id', element: <StaffMemberRoute /> },
          { path: 'campaigns', element: <StaffCampaignsRoute /> },
          // Staff: events (web-staff).
          { path: 'events', element: <StaffEventsRoute /> },
          { path: 'events/new', element: <StaffNewEventRoute /> },
          { path: 'events/:id', element: <StaffEventRoute /> },
          { path: 'events/:id/edit', element: <StaffEditEventRoute /> },
          { path: 'events/:id/attendees', element: <StaffEventAttendeesRoute /> },
          { path: 'events/:id/check-in', element: <StaffEventCheckInRoute /> },
          { path: 'occasions', element: <StaffOccasionsRoute /> },
          { path: 'occasions/new', element: <StaffNewOccasionRoute /> },
          { path: 'occasions/:id', element: <StaffOccasionRoute /> },
          { path: 'occasions/:id/edit', element: <StaffEditOccasionRoute /> },
          // Staff: newsletters (web-nl-staff).
          { path: 'newsletters', element: <StaffNewslettersRoute /> },
          { path: 'newsletters/campaigns/new', element: <StaffNewCampaignRoute /> },
          { path: 'newsletters/campaigns/:campaignId', element: <StaffCampaignRoute /> },
          { path: 'newsletters/campaigns/:campaignId/edit', element: <StaffEditCampaignRoute /> },
          { path: 'newsletters/segments', element: <StaffSegmentsRoute /> },
          { path: 'newsletters/segments/new', element: <StaffNewSegmentRoute /> },
          { path: 'newsletters/segments/:segmentId', element: <StaffSegmentRoute /> },
          { path: 'newsletters/messages', element: <StaffMessagesRoute /> },
          { path: 'newsletters/messages/new', element: <StaffNewMessageRoute /> },
          { path: 'newsletters/messages/:messageId/edit', element: <StaffEditMessageRoute /> },
          { path: 'newsletters/layouts', element: <StaffLayoutsRoute /> },
          { path: 'newsletters/layouts/new', element: <StaffNewLayoutRoute /> },
          { path: 'newsletters/layouts/:layoutId', element: <StaffLayoutRoute /> },
          { path: 'newsletters/topics', element: <StaffTopicsRoute /> },
          { path: 'newsletters/figures', element: <StaffNewsletterFiguresRoute /> },
          // Network: assignments (net-assign).
          { path: 'network/directory', element: <NetworkDirectoryRoute /> },
          { path: 'network/directory/assign', element: <NetworkNewAssignmentRoute /> },
          { path: 'network/directory/assignments/:assignmentId', element: <NetworkAssignmentRoute /> },
          { path: 'network/directory/departments/:code', element: <NetworkDepartmentAssignmentsRoute /> },
          // Network: home and coverage (net-home).
          { path: 'network', element: <NetworkHomeRoute /> },
          {
            path: 'network/coverage',
            element: (
              <RequireSignIn role="admin">
                <NetworkCoverageRoute />
              </RequireSignIn>
            ),
          },
          // Network: toolkit (net-toolkit)
          { path: 'network/toolkit', element: <NetworkToolkitRoute /> },
          { path: 'network/toolkit/new', element: <NetworkNewToolkitItemRoute /> },
          { path: 'network/toolkit/:itemId', element: <NetworkToolkitItemRoute /> },
          { path: 'network/toolkit/:itemId/edit', element: <NetworkEditToolkitItemRoute /> },
          // Network: initiatives (net-init).
          { path: 'network/initiatives', element: <NetworkInitiativesRoute /> },
          { path: 'network/initiatives/new', element: <NetworkNewInitiativeRoute /> },
          { path: 'network/initiatives/:initiativeId', element: <NetworkInitiativeRoute /> },
          { path: 'network/initiatives/:initiativeId/edit', element: <NetworkEditInitiativeRoute /> },
          // Network: support (net-support).
          { path: 'network/support', element: <NetworkSupportRoute /> },
          { path: 'network/support/new', element: <NetworkNewSupportRequestRoute /> },
          { path: 'network/support/:requestId', element: <NetworkSupportRequestRoute /> },
          // Network: meetings (net-news)
          { path: 'network/meetings', element: <NetworkMeetingsRoute /> },
          { path: 'network/meetings/:eventId', element: <NetworkMeetingRoute /> },
          // Network: news (net-news)
          { path: 'network/news', element: <NetworkNewsRoute /> },
          { path: 'network/news/new', element: <NetworkNewNewsRoute /> },
          { path: 'network/news/:newsId/edit', element: <NetworkEditNewsRoute /> },
        ],
      },
      {
        path: 'me/sessions',
        element: (
          <RequireSignIn>
            <MySessionsRoute />
          </RequireSignIn>
        ),
      },
      {
        path: 'admin',
        element: <AdminRoute />,
        children: [
          { index: true, element: <Navigate to="/admin/people" replace /> },
          { path: 'people', element: <AdminPeopleRoute /> },
          { path: 'api-keys', element: <AdminApiKeysRoute /> },
          { path: 'audit', element: <AdminAuditRoute /> },
          { path: 'imports', element: <AdminImportsRoute /> },
          { path: 'imports/:id', element: <AdminImportRoute /> },
          { path: 'welcome-series', element: <AdminWelcomeSeriesRoute /> },
          { path: 'bounces', element: <AdminBouncesRoute /> },
        ],
      },
      { path: 'dev/mailbox', element: <DevMailboxRoute /> },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
