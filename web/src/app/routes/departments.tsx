import { DepartmentsPage } from '../../features/departments/components/DepartmentsPage';

export function DepartmentsRoute() {
  return <DepartmentsPage />;
}
