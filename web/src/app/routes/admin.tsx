import { Outlet } from 'react-router';
import { RequireSignIn } from '../../features/auth/components/RequireSignIn';

/** Every page under /admin needs a signed-in admin. */
export function AdminRoute() {
  return (
    <RequireSignIn role="admin">
      <Outlet />
    </RequireSignIn>
  );
}
