import { useTranslation } from 'react-i18next';
import type { DepartmentResponse, FacultyResponse } from '../../../api/generated';
import { localName, type Language } from '../../../lib/i18n';
import './departments.css';

export interface FacultySectionProps {
  faculty: FacultyResponse;
  language: Language;
  /** Code of the department whose activation is being changed, if any (its buttons wait). */
  busyCode?: string;
  /** Show the edit, deactivate and reactivate buttons (admins only). */
  canEdit: boolean;
  /** Code of the department open in the edit panel, if any. */
  editingCode?: string;
  onEdit: (department: DepartmentResponse) => void;
  onDeactivate: (department: DepartmentResponse) => void;
  onReactivate: (department: DepartmentResponse) => void;
}

/** Shows the verb; names the button "<verb> <department>" so it is unambiguous out of context. */
function ActionLabel({ action, name }: { action: string; name: string }) {
  return (
    <>
      <span aria-hidden="true">{action}</span>
      <span className="visually-hidden">{`${action} ${name}`}</span>
    </>
  );
}

export function editButtonId(code: string): string {
  return `edit-department-${code}`;
}

/** One faculty: its name as a heading and its departments in a table. */
export function FacultySection({
  faculty,
  language,
  busyCode,
  canEdit,
  editingCode,
  onEdit,
  onDeactivate,
  onReactivate,
}: FacultySectionProps) {
  const { t } = useTranslation();
  const facultyName = localName(faculty, language);
  const headingId = `faculty-${faculty.code}-heading`;
  return (
    <section className="faculty" aria-labelledby={headingId}>
      <div className="faculty__header">
        <h2 id={headingId} className="faculty__title">
          {facultyName}
        </h2>
        <p className="faculty__meta">
          <span className="faculty__code">{faculty.code}</span> ·{' '}
          {t('departments.summary', { count: faculty.departments.length })}
        </p>
      </div>
      {faculty.departments.length === 0 ? (
        <p className="faculty__empty">{t('departments.noDepartments')}</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">{t('departments.tableCaption', { faculty: facultyName })}</caption>
            <colgroup>
              <col className="data-table__col-code" />
              <col />
              <col className="data-table__col-status" />
              {canEdit ? <col className="data-table__col-actions" /> : null}
            </colgroup>
            <thead>
              <tr>
                <th scope="col">{t('departments.columns.code')}</th>
                <th scope="col">{t('departments.columns.name')}</th>
                <th scope="col">{t('departments.columns.status')}</th>
                {canEdit ? (
                  <th scope="col">
                    <span className="visually-hidden">{t('departments.columns.actions')}</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {faculty.departments.map((department) => {
                const name = localName(department, language);
                const busy = busyCode === department.code;
                return (
                  <tr
                    key={department.code}
                    className={[
                      department.isActive ? '' : 'is-inactive',
                      editingCode === department.code ? 'is-editing' : '',
                    ]
                      .filter(Boolean)
                      .join(' ') || undefined}
                  >
                    <td className="data-table__code">
                      <code>{department.code}</code>
                    </td>
                    <th scope="row" className="data-table__name">
                      {name}
                    </th>
                    <td>
                      <span className={department.isActive ? 'badge badge--active' : 'badge badge--inactive'}>
                        {department.isActive ? t('departments.status.active') : t('departments.status.inactive')}
                      </span>
                    </td>
                    {canEdit ? (
                      <td className="data-table__actions">
                        <button
                          type="button"
                          id={editButtonId(department.code)}
                          className="button button--small"
                          onClick={() => onEdit(department)}
                          aria-expanded={editingCode === department.code}
                          aria-controls={editingCode === department.code ? 'edit-department' : undefined}
                        >
                          <ActionLabel action={t('departments.actions.edit')} name={name} />
                        </button>
                        {department.isActive ? (
                          <button
                            type="button"
                            className="button button--small button--danger"
                            onClick={() => onDeactivate(department)}
                            aria-disabled={busy || undefined}
                          >
                            <ActionLabel action={t('departments.actions.deactivate')} name={name} />
                          </button>
                        ) : (
                          <button
                            type="button"
                            className="button button--small"
                            onClick={() => onReactivate(department)}
                            aria-disabled={busy || undefined}
                          >
                            <ActionLabel action={t('departments.actions.reactivate')} name={name} />
                          </button>
                        )}
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
