import { EventsPage } from '../../features/events/components/EventsPage';

export default function EventsRoute() {
  return <EventsPage />;
}
