import { MailDeliveryBox } from '../../features/newsletter-admin/components/MailDeliveryBox';
import { MemberDetailPage } from '../../features/members/components/MemberDetailPage';

/** Staff: a member's record, with whether newsletter mail reaches them (the newsletter administration's box). */
export default function StaffMemberRoute() {
  return <MemberDetailPage delivery={(memberId) => <MailDeliveryBox memberId={memberId} />} />;
}
