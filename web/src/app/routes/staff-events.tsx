import { StaffEventsPage } from '../../features/events/components/StaffEventsPage';

export default function StaffEventsRoute() {
  return <StaffEventsPage />;
}
