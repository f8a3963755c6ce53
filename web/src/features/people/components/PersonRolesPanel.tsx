import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
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
  onChanged: (user: UserResponse, message: string) => void;
  onClose: () => void;
}

/** A person's roles: admin yes or no, and the departments they coordinate. */
export function PersonRolesPanel({ user, faculties, onChanged, onClose }: PersonRolesPanelProps) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const change = useChangeRoles();
  const [pickedCode, setPickedCode] = useState('');
  const [failure, setFailure] = useState<{ kind: RoleChangeKind; error: unknown } | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  const pickerId = useId();
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

  const run = (kind: RoleChangeKind, code: string | undefined, message: (changed: UserResponse) => string) => {
    if (change.isPending) return;
    setFailure(null);
    const variables =
      kind === 'assign' || kind === 'unassign' ? { kind, user, code: code ?? '' } : { kind, user };
    change.mutate(variables, {
      onSuccess: (changed) => onChanged(changed, message(changed)),
      onError: (error) => setFailure({ kind, error }),
    });
  };

  const assign = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!pickedCode) {
      document.getElementById(pickerId)?.focus();
      return;
    }
    const code = pickedCode;
    run('assign', code, (changed) => {
      setPickedCode('');
      return t('people.messages.assigned', { email: changed.email, code });
    });
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
              onClick={() => run('revoke-admin', undefined, (changed) => t('people.messages.adminRevoked', { email: changed.email }))}
            >
              {t('people.roles.revokeAdmin')}
            </button>
          ) : (
            <button
              type="button"
              className="button"
              aria-disabled={change.isPending || undefined}
              onClick={() => run('grant-admin', undefined, (changed) => t('people.messages.adminGranted', { email: changed.email }))}
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
                const label = name ? `${code} – ${name}` : code;
                return (
                  <li key={code}>
                    <span>{label}</span>
                    <button
                      type="button"
                      className="button button--small button--danger"
                      aria-disabled={change.isPending || undefined}
                      onClick={() =>
                        run('unassign', code, (changed) => t('people.messages.unassigned', { email: changed.email, code }))
                      }
                    >
                      <span aria-hidden="true">{t('people.roles.unassign')}</span>
                      <span className="visually-hidden">{t('people.roles.unassignNamed', { department: label })}</span>
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
          <form className="roles__assign" onSubmit={assign}>
            <div className="field">
              <label className="field__label" htmlFor={pickerId}>
                {t('people.roles.pickDepartment')}
              </label>
              <select
                id={pickerId}
                className="input"
                value={pickedCode}
                onChange={(event) => setPickedCode(event.target.value)}
              >
                <option value="">{t('people.roles.chooseDepartment')}</option>
                {(faculties ?? []).map((faculty) => {
                  const options = faculty.departments.filter((d) => !user.departmentCodes.includes(d.code));
                  if (options.length === 0) return null;
                  return (
                    <optgroup key={faculty.code} label={localName(faculty, language)}>
                      {options.map((department) => (
                        <option key={department.code} value={department.code}>
                          {department.code} – {localName(department, language)}
                        </option>
                      ))}
                    </optgroup>
                  );
                })}
              </select>
            </div>
            <button type="submit" className="button" aria-disabled={change.isPending || undefined}>
              {t('people.roles.assign')}
            </button>
          </form>
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
