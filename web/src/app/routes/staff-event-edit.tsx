import { EditEventPage } from '../../features/events/components/EventFormPage';

export default function StaffEditEventRoute() {
  return <EditEventPage />;
}
