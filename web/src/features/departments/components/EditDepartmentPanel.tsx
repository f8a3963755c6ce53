import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DepartmentResponse } from '../../../api/generated';
import { ProblemMessage } from '../../../components/ProblemMessage';
import { currentLanguage, localName } from '../../../lib/i18n';
import { toProblem } from '../../../lib/problem-details';
import { useDepartment } from '../api/get-department';
import { useUpdateDepartment } from '../api/update-department';
import { DepartmentForm, type FacultyOption } from './DepartmentForm';

export interface EditDepartmentPanelProps {
  /** The department as the list showed it; the panel checks it with the server. */
  department: DepartmentResponse;
  faculties: readonly FacultyOption[];
  onSaved: (department: DepartmentResponse) => void;
  onCancel: () => void;
}

/**
 * Edits a department's names and faculty. The save carries the version the form started from in
 * If-Match; when someone else has saved in between (412) the user is told, and the form is filled
 * again with the current data.
 */
export function EditDepartmentPanel({ department: fromList, faculties, onSaved, onCancel }: EditDepartmentPanelProps) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const code = fromList.code;
  const query = useDepartment(code, { initialData: fromList });
  const update = useUpdateDepartment();
  const [changedElsewhere, setChangedElsewhere] = useState(false);
  const noticeRef = useRef<HTMLDivElement>(null);
  const idPrefix = `edit-${code}`;

  const department = query.data ?? fromList;
  const updateProblem = update.error ? toProblem(update.error) : null;
  const stale = updateProblem?.kind === 'precondition-failed';

  useEffect(() => {
    document.getElementById(`${idPrefix}-nameSv`)?.focus();
  }, [idPrefix]);

  useEffect(() => {
    if (stale) {
      // eslint-disable-next-line react-hooks/set-state-in-effect -- a 412 (changed elsewhere) shows the notice and moves focus to it in one step
      setChangedElsewhere(true);
      noticeRef.current?.focus();
    }
  }, [stale, update.error]);

  return (
    <section id="edit-department" className="panel" aria-labelledby="edit-department-heading">
      <h2 id="edit-department-heading" className="panel__title">
        {t('departments.form.editTitle', { name: `${code} – ${localName(department, language)}` })}
      </h2>
      {changedElsewhere ? (
        <div className="notice notice--warning" role="alert" tabIndex={-1} ref={noticeRef}>
          {t('departments.messages.changedBySomeoneElse')}
        </div>
      ) : null}
      {query.isError && !changedElsewhere ? (
        <div className="notice notice--error" role="alert">
          <ProblemMessage problem={toProblem(query.error)} lead={t('departments.form.loadError')} />
        </div>
      ) : null}
      <DepartmentForm
        // A new version (reloaded after a 412) starts the form afresh from the current data.
        key={`${department.code}:${department.version}`}
        mode="edit"
        idPrefix={idPrefix}
        initialValues={{
          code: department.code,
          nameSv: department.nameSv,
          nameEn: department.nameEn,
          facultyCode: department.facultyCode,
        }}
        faculties={faculties}
        error={stale ? null : update.error}
        pending={update.isPending || (stale && query.isFetching)}
        onSubmit={(values) => {
          setChangedElsewhere(false);
          update.mutate(
            {
              code: department.code,
              version: department.version,
              nameSv: values.nameSv,
              nameEn: values.nameEn,
              facultyCode: values.facultyCode,
            },
            { onSuccess: onSaved },
          );
        }}
        onCancel={onCancel}
      />
    </section>
  );
}
