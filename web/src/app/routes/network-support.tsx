import { SupportFormPage } from '../../features/network/components/SupportFormPage';
import { SupportListPage } from '../../features/network/components/SupportListPage';
import { SupportRequestPage } from '../../features/network/components/SupportRequestPage';

/** The network's support requests: the list, a new request, one request. */
export function NetworkSupportRoute() {
  return <SupportListPage />;
}

export function NetworkNewSupportRequestRoute() {
  return <SupportFormPage />;
}

export function NetworkSupportRequestRoute() {
  return <SupportRequestPage />;
}
