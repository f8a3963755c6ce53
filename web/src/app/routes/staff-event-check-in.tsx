import { CheckInPage } from '../../features/events/components/CheckInPage';

export default function StaffEventCheckInRoute() {
  return <CheckInPage />;
}
