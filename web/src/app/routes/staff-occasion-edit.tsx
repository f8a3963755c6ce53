import { EditOccasionPage } from '../../features/events/components/OccasionPages';

export default function StaffEditOccasionRoute() {
  return <EditOccasionPage />;
}
