import { DevMailboxPage } from '../../features/dev/components/DevMailboxPage';

export default function DevMailboxRoute() {
  return <DevMailboxPage />;
}
