import { ImportJobPage } from '../../features/members/components/ImportJobPage';

export default function AdminImportRoute() {
  return <ImportJobPage />;
}
