import { SessionsPage } from '../../features/auth/components/SessionsPage';

export default function MySessionsRoute() {
  return <SessionsPage />;
}
