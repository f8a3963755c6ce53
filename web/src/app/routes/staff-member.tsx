import { MemberDetailPage } from '../../features/members/components/MemberDetailPage';

export default function StaffMemberRoute() {
  return <MemberDetailPage />;
}
