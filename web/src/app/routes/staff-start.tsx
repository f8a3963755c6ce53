import { PendingSignUpNotice } from '../../features/members/components/PendingSignUpInvite';
import { StaffStartPage } from '../../features/start/components/StaffStartPage';

/** Staff land here after signing in; one who also signed up as an alumnus is asked to confirm it first. */
export default function StaffStartRoute() {
  return <StaffStartPage notice={<PendingSignUpNotice />} />;
}
