import { OccasionsPage } from '../../features/events/components/OccasionPages';

export default function StaffOccasionsRoute() {
  return <OccasionsPage />;
}
