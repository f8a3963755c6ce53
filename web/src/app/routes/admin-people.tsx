import { PeoplePage } from '../../features/people/components/PeoplePage';

export default function AdminPeopleRoute() {
  return <PeoplePage />;
}
