import { UpcomingEventsPanel } from '../../features/events/components/UpcomingEventsPanel';
import { MyStartPage } from '../../features/members/components/MyStartPage';

/** An alumnus's start page, with the next few events of their audience (the events feature's panel). */
export default function MyStartRoute() {
  return <MyStartPage events={<UpcomingEventsPanel />} />;
}
