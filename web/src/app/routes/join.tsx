import { JoinPage } from '../../features/members/components/JoinPage';

export function JoinRoute() {
  return <JoinPage />;
}
