import { ApiKeysPage } from '../../features/api-keys/components/ApiKeysPage';

export default function AdminApiKeysRoute() {
  return <ApiKeysPage />;
}
