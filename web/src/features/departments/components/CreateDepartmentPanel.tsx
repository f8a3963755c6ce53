import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { DepartmentResponse } from '../../../api/generated';
import { useCreateDepartment } from '../api/create-department';
import { EMPTY_DEPARTMENT } from './department-form';
import { DepartmentForm, type FacultyOption } from './DepartmentForm';

const ID_PREFIX = 'new-department';

export interface CreateDepartmentPanelProps {
  faculties: readonly FacultyOption[];
  onCreated: (department: DepartmentResponse) => void;
  onCancel: () => void;
}

/** "New department": the form in a panel; creating refreshes the lists (see useCreateDepartment). */
export function CreateDepartmentPanel({ faculties, onCreated, onCancel }: CreateDepartmentPanelProps) {
  const { t } = useTranslation();
  const create = useCreateDepartment();

  // Opening the panel takes the user to its first field.
  useEffect(() => {
    document.getElementById(`${ID_PREFIX}-code`)?.focus();
  }, []);

  return (
    <section id="create-department" className="panel" aria-labelledby="create-department-heading">
      <h2 id="create-department-heading" className="panel__title">
        {t('departments.form.createTitle')}
      </h2>
      <DepartmentForm
        mode="create"
        idPrefix={ID_PREFIX}
        initialValues={EMPTY_DEPARTMENT}
        faculties={faculties}
        error={create.error}
        pending={create.isPending}
        onSubmit={(values) => create.mutate(values, { onSuccess: onCreated })}
        onCancel={onCancel}
      />
    </section>
  );
}
