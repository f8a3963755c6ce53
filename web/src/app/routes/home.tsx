import { HomePage } from '../../features/start/components/HomePage';

export function HomeRoute() {
  return <HomePage />;
}
