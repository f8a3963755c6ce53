import { CoveragePage } from '../../features/network/components/CoveragePage';
import { NetworkHomePage } from '../../features/network/components/NetworkHomePage';

/** The network's start page (`/staff/network`). */
export function NetworkHomeRoute() {
  return <NetworkHomePage />;
}

/** The office's coverage (`/staff/network/coverage`; the router lets admins only in). */
export function NetworkCoverageRoute() {
  return <CoveragePage />;
}
