import { NewEventPage } from '../../features/events/components/EventFormPage';

export default function StaffNewEventRoute() {
  return <NewEventPage />;
}
