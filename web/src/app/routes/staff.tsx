import { Outlet } from 'react-router';
import { RequireSignIn } from '../../features/auth/components/RequireSignIn';

/** Every page under /staff needs a signed-in admin or department coordinator. */
export function StaffRoute() {
  return (
    <RequireSignIn role={['admin', 'coordinator']}>
      <Outlet />
    </RequireSignIn>
  );
}
