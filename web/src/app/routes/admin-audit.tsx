import { AuditPage } from '../../features/audit/components/AuditPage';

export default function AdminAuditRoute() {
  return <AuditPage />;
}
