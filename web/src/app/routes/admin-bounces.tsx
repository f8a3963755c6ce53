import { BouncesPage } from '../../features/newsletter-admin/components/BouncesPage';

export default function AdminBouncesRoute() {
  return <BouncesPage />;
}
