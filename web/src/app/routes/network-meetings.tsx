// Network: the meetings' pages (net-news), loaded together when the first of them is visited.
import { MeetingPage, MeetingsPage } from '../../features/network/components/MeetingPages';

export const NetworkMeetingsRoute = () => <MeetingsPage />;
export const NetworkMeetingRoute = () => <MeetingPage />;
