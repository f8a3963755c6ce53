import { useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { FacultyResponse, UserResponse } from '../../../api/generated';
import { ProblemMessage } from '../../../components/ProblemMessage';
import { currentLanguage, localName } from '../../../lib/i18n';
import { toProblem } from '../../../lib/problem-details';
import { useChangeRoles, type RoleChangeKind } from '../api/users';
import './PersonRolesPanel.css';

export const ROLES_PANEL_ID = 'person-roles';

export interface PersonRolesPanelProps {
  user: UserResponse;
  /** Faculties with their active departments, for the department picker. */
  faculties: readonly FacultyResponse[] | undefined;
  /** Where the person's coordinator assignments are made (the network directory and its assign form). */
  assignmentLinks?: { directory: string; assign: (user: UserResponse) => string };
  onChanged: (user: UserResponse, message: string) => void;
  onClose: () => void;
}

/** A person's roles: admin yes or no, and (to read; they are assigned in the network directory) the departments they coordinate. */
export function PersonRolesPanel({ user, faculties, assignmentLinks, onChanged, onClose }: PersonRolesPanelProps) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const change = useChangeRoles();
  const [failure, setFailure] = useState<{ kind: RoleChangeKind; error: unknown } | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  const who = user.erased ? t('people.erased') : user.name ? `${user.name} (${user.email})` : user.email;

  useEffect(() => {
    headingRef.current?.focus();
  }, [user.id]);

  useEffect(() => {
    if (failure) errorRef.current?.focus();
  }, [failure]);

  const departmentName = useMemo(() => {
    const names = new Map<string, string>();
    for (const faculty of faculties ?? []) {
      for (const department of faculty.departments) names.set(department.code, localName(department, language));
    }
    return (code: string) => names.get(code);
  }, [faculties, language]);

  const run = (kind: RoleChangeKind, message: (changed: UserResponse) => string) => {
    if (change.isPending) return;
    setFailure(null);
    change.mutate(
      { kind, user },
      {
        onSuccess: (changed) => onChanged(changed, message(changed)),
        onError: (error) => setFailure({ kind, error }),
      },
    );
  };

  const problem = failure ? toProblem(failure.error) : null;
  const lastAdmin = failure?.kind === 'revoke-admin' && problem?.kind === 'conflict';

  return (
    <section id={ROLES_PANEL_ID} className="panel" aria-labelledby="person-roles-heading">
      <h2 id="person-roles-heading" className="panel__title" tabIndex={-1} ref={headingRef}>
        {t('people.roles.title', { who })}
      </h2>

      {problem ? (
        <div className="notice notice--error" role="alert" tabIndex={-1} ref={errorRef}>
          {lastAdmin ? (
            <span className="problem__message">{t('people.messages.lastAdmin')}</span>
          ) : (
            <ProblemMessage problem={problem} lead={t('people.messages.changeFailed', { email: user.email })} />
          )}
        </div>
      ) : null}

      <div className="roles">
        <section className="roles__group" aria-labelledby="person-roles-admin">
          <h3 id="person-roles-admin">{t('people.roles.admin')}</h3>
          <p>{user.isAdmin ? t('people.roles.isAdmin') : t('people.roles.isNotAdmin')}</p>
          {user.isAdmin ? (
            <button
              type="button"
              className="button button--danger"
              aria-disabled={change.isPending || undefined}
              onClick={() => run('revoke-admin', (changed) => t('people.messages.adminRevoked', { email: changed.email }))}
            >
              {t('people.roles.revokeAdmin')}
            </button>
          ) : (
            <button
              type="button"
              className="button"
              aria-disabled={change.isPending || undefined}
              onClick={() => run('grant-admin', (changed) => t('people.messages.adminGranted', { email: changed.email }))}
            >
              {t('people.roles.grantAdmin')}
            </button>
          )}
        </section>

        <section className="roles__group" aria-labelledby="person-roles-departments">
          <h3 id="person-roles-departments">{t('people.roles.departments')}</h3>
          {user.departmentCodes.length === 0 ? (
            <p>{t('people.roles.noDepartments')}</p>
          ) : (
            <ul className="roles__list">
              {user.departmentCodes.map((code) => {
                const name = departmentName(code);
                return <li key={code}>{name ? `${code} – ${name}` : code}</li>;
              })}
            </ul>
          )}
          {assignmentLinks ? (
            <>
              <p className="muted">{t('people.roles.departmentsReadOnly')}</p>
              <p className="roles__links">
                <Link to={assignmentLinks.assign(user)}>{t('people.roles.assignThisPerson', { who })}</Link>{' '}
                <Link to={assignmentLinks.directory}>{t('people.roles.toDirectory')}</Link>
              </p>
            </>
          ) : null}
        </section>
      </div>

      <div className="form-actions">
        <button type="button" className="button" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
    </section>
  );
}
