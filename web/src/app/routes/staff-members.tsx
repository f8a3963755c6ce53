import { StaffMembersPage } from '../../features/members/components/StaffMembersPage';

export default function StaffMembersRoute() {
  return <StaffMembersPage />;
}
