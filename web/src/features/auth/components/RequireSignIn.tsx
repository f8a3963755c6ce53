import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation } from 'react-router';
import { ProblemMessage } from '../../../components/ProblemMessage';
import { toProblem } from '../../../lib/problem-details';
import { pathOf, signInPath } from '../../../lib/return-to';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { hasRole, useAuth, type Role } from '../../../lib/auth/me';

export interface RequireSignInProps {
  /** A role the page needs beyond being signed in; with several, any one of them will do. */
  role?: Role | readonly Role[];
  children: ReactNode;
}

function hasAnyRole(me: Parameters<typeof hasRole>[0], role: Role | readonly Role[]): boolean {
  const roles: readonly Role[] = typeof role === 'string' ? [role] : role;
  return roles.some((r) => hasRole(me, r));
}

/**
 * Guards a page that needs a signed-in person: a signed-out visitor is sent to sign in and comes
 * back here afterwards; someone without the role is told so.
 */
export function RequireSignIn({ role, children }: RequireSignInProps) {
  const { t } = useTranslation();
  const location = useLocation();
  const auth = useAuth();

  if (auth.isPending) {
    return (
      <div className="page">
        <p className="loading">{t('common.loading')}</p>
      </div>
    );
  }
  if (auth.error) {
    return (
      <div className="page">
        <div className="notice notice--error" role="alert">
          <ProblemMessage problem={toProblem(auth.error)} lead={t('auth.loadError')} />
          <button type="button" className="button button--small" onClick={auth.refetch}>
            {t('common.retry')}
          </button>
        </div>
      </div>
    );
  }
  if (!auth.me) return <Navigate to={signInPath(pathOf(location))} replace />;
  if (role && !hasAnyRole(auth.me, role)) return <NoAccess staff={role !== 'admin'} />;
  return <>{children}</>;
}

function NoAccess({ staff }: { staff: boolean }) {
  const { t } = useTranslation();
  useDocumentTitle(t('auth.noAccessTitle'));
  return (
    <div className="page">
      <h1>{t('auth.noAccessTitle')}</h1>
      <p>{staff ? t('auth.noAccessStaffBody') : t('auth.noAccessBody')}</p>
      <p>
        <Link to="/">{t('notFound.back')}</Link>
      </p>
    </div>
  );
}
