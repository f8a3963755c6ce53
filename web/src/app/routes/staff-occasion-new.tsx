import { NewOccasionPage } from '../../features/events/components/OccasionPages';

export default function StaffNewOccasionRoute() {
  return <NewOccasionPage />;
}
