import { AttendeesPage } from '../../features/events/components/AttendeesPage';

export default function StaffEventAttendeesRoute() {
  return <AttendeesPage />;
}
