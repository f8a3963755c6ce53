import { ImportsPage } from '../../features/members/components/ImportsPage';

export default function AdminImportsRoute() {
  return <ImportsPage />;
}
