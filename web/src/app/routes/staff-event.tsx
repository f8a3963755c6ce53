import { StaffEventPage } from '../../features/events/components/StaffEventPage';

export default function StaffEventRoute() {
  return <StaffEventPage />;
}
