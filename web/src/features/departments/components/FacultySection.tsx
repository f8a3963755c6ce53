import { Fragment, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { DepartmentResponse, FacultyResponse } from '../../../api/generated';
import { ConfirmPanel } from '../../../components/ConfirmPanel';
import { ProblemMessage } from '../../../components/ProblemMessage';
import { localName, type Language } from '../../../lib/i18n';
import type { Problem } from '../../../lib/problem-details';
import './departments.css';

/** What was last done to a department's activation, said beside its buttons. */
export interface ActivationFeedback {
  code: string;
  message: string;
  /** Set when it failed: the message leads the problem's own. */
  problem?: Problem;
}

export interface FacultySectionProps {
  faculty: FacultyResponse;
  language: Language;
  /** Code of the department whose activation is being changed, if any (its buttons wait). */
  busyCode?: string;
  /** Show the edit, deactivate and reactivate buttons (admins only). */
  canEdit: boolean;
  /** Code of the department open in the edit panel, if any. */
  editingCode?: string;
  /** Code of the department whose deactivation waits for confirmation, if any. */
  confirmingCode?: string;
  /** The confirmation's heading, focused when it opens. */
  confirmHeadingRef?: RefObject<HTMLHeadingElement | null>;
  feedback?: ActivationFeedback | null;
  onEdit: (department: DepartmentResponse) => void;
  /** Asks to deactivate: the confirmation opens below the row. */
  onDeactivate: (department: DepartmentResponse) => void;
  onConfirmDeactivate: (department: DepartmentResponse) => void;
  onCancelDeactivate: (department: DepartmentResponse) => void;
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

/** The id of a department's one activation button (deactivate, or reactivate once inactive). */
export function activationButtonId(code: string): string {
  return `department-activation-${code}`;
}

function confirmId(code: string): string {
  return `deactivate-${code}`;
}

/**
 * One faculty: its name as a heading and its departments in a table. Deactivating asks first, in a
 * confirmation below the row; what came of it is said beside the row's buttons (a live region).
 * On a narrow screen the rows stack.
 */
export function FacultySection({
  faculty,
  language,
  busyCode,
  canEdit,
  editingCode,
  confirmingCode,
  confirmHeadingRef,
  feedback,
  onEdit,
  onDeactivate,
  onConfirmDeactivate,
  onCancelDeactivate,
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
        <div className="table-wrap department-table-wrap">
          <table className="data-table department-table">
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
                const confirming = confirmingCode === department.code;
                const said = feedback?.code === department.code ? feedback : null;
                return (
                  <Fragment key={department.code}>
                    <tr
                      className={
                        [department.isActive ? '' : 'is-inactive', editingCode === department.code ? 'is-editing' : '']
                          .filter(Boolean)
                          .join(' ') || undefined
                      }
                    >
                      <td className="data-table__code">
                        <code>{department.code}</code>
                      </td>
                      <th scope="row" className="data-table__name">
                        {name}
                      </th>
                      <td className="data-table__status">
                        <span className={department.isActive ? 'badge badge--active' : 'badge badge--inactive'}>
                          {department.isActive ? t('departments.status.active') : t('departments.status.inactive')}
                        </span>
                      </td>
                      {canEdit ? (
                        <td className="data-table__actions">
                          <div className="department-actions">
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
                            {/* One button for both directions: the focus stays on it when the department turns. */}
                            <button
                              type="button"
                              id={activationButtonId(department.code)}
                              className={department.isActive ? 'button button--small button--danger' : 'button button--small'}
                              onClick={() => (department.isActive ? onDeactivate(department) : onReactivate(department))}
                              aria-disabled={busy || undefined}
                              aria-expanded={department.isActive ? confirming : undefined}
                              aria-controls={department.isActive && confirming ? confirmId(department.code) : undefined}
                            >
                              <ActionLabel
                                action={t(department.isActive ? 'departments.actions.deactivate' : 'departments.actions.reactivate')}
                                name={name}
                              />
                            </button>
                          </div>
                          <div className="row-feedback" role="status" aria-live="polite" aria-atomic="true">
                            {said && !said.problem ? <p className="row-feedback__message">{said.message}</p> : null}
                          </div>
                          {said?.problem ? (
                            <p className="row-feedback__message row-feedback__message--error" role="alert">
                              <ProblemMessage problem={said.problem} lead={said.message} />
                            </p>
                          ) : null}
                        </td>
                      ) : null}
                    </tr>
                    {canEdit && confirming ? (
                      <tr className="department-table__confirm">
                        <td colSpan={4}>
                          <ConfirmPanel
                            id={confirmId(department.code)}
                            headingId={`${confirmId(department.code)}-heading`}
                            headingRef={confirmHeadingRef}
                            headingLevel={3}
                            title={t('departments.confirmDeactivate.title', { code: department.code, name })}
                            body={t('departments.confirmDeactivate.body')}
                            confirmLabel={t('departments.confirmDeactivate.confirm', { code: department.code })}
                            pending={busy}
                            onConfirm={() => onConfirmDeactivate(department)}
                            onCancel={() => onCancelDeactivate(department)}
                          />
                        </td>
                      </tr>
                    ) : null}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
