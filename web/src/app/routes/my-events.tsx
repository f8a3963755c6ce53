import { MyEventsPage } from '../../features/events/components/MyEventsPage';

export default function MyEventsRoute() {
  return <MyEventsPage />;
}
