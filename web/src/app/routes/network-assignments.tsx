// Network: the directory and the office's assignment forms (net-assign), loaded together when the first is visited.
import { RequireSignIn } from '../../features/auth/components/RequireSignIn';
import { AssignmentEditPage, AssignmentHistoryPage, AssignmentNewPage } from '../../features/network/components/AssignmentPages';
import { DirectoryPage } from '../../features/network/components/DirectoryPage';

export const NetworkDirectoryRoute = () => <DirectoryPage />;
export const NetworkNewAssignmentRoute = () => (
  <RequireSignIn role="admin">
    <AssignmentNewPage />
  </RequireSignIn>
);
export const NetworkAssignmentRoute = () => (
  <RequireSignIn role="admin">
    <AssignmentEditPage />
  </RequireSignIn>
);
export const NetworkDepartmentAssignmentsRoute = () => (
  <RequireSignIn role="admin">
    <AssignmentHistoryPage />
  </RequireSignIn>
);
