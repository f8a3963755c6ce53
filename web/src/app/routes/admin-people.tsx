import { DIRECTORY_PATH, NEW_ASSIGNMENT_PATH } from '../../features/network/paths';
import { PeoplePage } from '../../features/people/components/PeoplePage';

/** The people page, with links to where coordinators are assigned (the network's directory and its form). */
const ASSIGNMENT_LINKS = {
  directory: DIRECTORY_PATH,
  assign: (user: { email: string }) => `${NEW_ASSIGNMENT_PATH}?person=${encodeURIComponent(user.email)}`,
};

export default function AdminPeopleRoute() {
  return <PeoplePage assignmentLinks={ASSIGNMENT_LINKS} />;
}
