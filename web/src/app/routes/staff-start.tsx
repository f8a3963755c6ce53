import { PendingSignUpNotice } from '../../features/members/components/PendingSignUpInvite';
import { NetworkStartPanel } from '../../features/network/components/NetworkStartPanel';
import { StaffStartPage } from '../../features/start/components/StaffStartPage';

/**
 * Staff land here after signing in; one who also signed up as an alumnus is asked to confirm it first. Then the way
 * to the coordinator network's start page, before the tools.
 */
export default function StaffStartRoute() {
  return (
    <StaffStartPage
      notice={
        <>
          <PendingSignUpNotice />
          <NetworkStartPanel />
        </>
      }
    />
  );
}
