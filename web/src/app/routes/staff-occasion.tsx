import { OccasionPage } from '../../features/events/components/OccasionPages';

export default function StaffOccasionRoute() {
  return <OccasionPage />;
}
