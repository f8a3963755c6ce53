import { EventPage } from '../../features/events/components/EventPage';

export default function EventRoute() {
  return <EventPage />;
}
