import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DepartmentResponse, FacultyResponse } from '../../../api/generated';
import { ProblemMessage } from '../../../components/ProblemMessage';
import { currentLanguage, localName } from '../../../lib/i18n';
import { toProblem } from '../../../lib/problem-details';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useUrlFilters } from '../../../lib/use-url-filters';
import { useAuth } from '../../../lib/auth/me';
import { useFaculties } from '../../../lib/departments/faculties';
import { useDeactivateDepartment, useReactivateDepartment } from '../api/set-department-active';
import { CreateDepartmentPanel } from './CreateDepartmentPanel';
import { EditDepartmentPanel } from './EditDepartmentPanel';
import { activationButtonId, editButtonId, FacultySection, type ActivationFeedback } from './FacultySection';

type Panel = { kind: 'create' } | { kind: 'edit'; department: DepartmentResponse } | null;

const NEW_BUTTON_ID = 'new-department-button';
const INACTIVE_PARAM = 'inactive';

interface DepartmentsView {
  includeInactive: boolean;
}

const DEPARTMENTS_VIEW = {
  fromParams: (params: URLSearchParams): DepartmentsView => ({ includeInactive: params.get(INACTIVE_PARAM) === 'true' }),
  toParams: ({ includeInactive }: DepartmentsView) => new URLSearchParams(includeInactive ? { [INACTIVE_PARAM]: 'true' } : {}),
};

/** A department just deactivated while inactive ones are hidden: kept in its place, to be reactivated at once. */
interface Kept {
  department: DepartmentResponse;
  index: number;
}

/** The faculty's departments as listed, with the kept one back in its place when the list leaves it out. */
function withKept(faculty: FacultyResponse, kept: Kept | null): FacultyResponse {
  if (!kept || kept.department.facultyCode !== faculty.code || faculty.departments.some((d) => d.code === kept.department.code)) {
    return faculty;
  }
  const departments = [...faculty.departments];
  departments.splice(Math.min(kept.index, departments.length), 0, kept.department);
  return { ...faculty, departments };
}

/**
 * The faculties with their departments, for everyone to browse; admins also create, edit, deactivate
 * (after a confirmation) and reactivate departments here. What came of a deactivation or
 * reactivation is said beside the row's buttons, and the focus stays on the row: a department
 * deactivated while inactive ones are hidden stays in its place until the view changes, so it can
 * be reactivated at once.
 */
export function DepartmentsPage() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const { isAdmin } = useAuth();
  useDocumentTitle(t('departments.title'));

  // The toggle answers at once; the address follows it (so the view can be linked) and leads it on
  // back/forward navigation.
  const view = useUrlFilters(DEPARTMENTS_VIEW);
  const { includeInactive } = view.draft;
  const faculties = useFaculties(includeInactive);
  const deactivate = useDeactivateDepartment();
  const reactivate = useReactivateDepartment();

  const [panel, setPanel] = useState<Panel>(null);
  const [status, setStatus] = useState('');
  const [feedback, setFeedback] = useState<ActivationFeedback | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [kept, setKept] = useState<Kept | null>(null);
  // Where focus goes back to when a panel closes (the button that opened it).
  const [returnFocusTo, setReturnFocusTo] = useState<string | null>(null);
  // The row's activation button, focused once a confirmation has gone.
  const [focusActivation, setFocusActivation] = useState<string | null>(null);
  const confirmHeadingRef = useRef<HTMLHeadingElement>(null);
  const inactiveToggleId = useId();

  useEffect(() => {
    if (panel || !returnFocusTo) return;
    const target = document.getElementById(returnFocusTo) ?? document.getElementById(NEW_BUTTON_ID);
    target?.focus();
    // eslint-disable-next-line react-hooks/set-state-in-effect -- a DOM effect (focus back to the opener once the panel has gone); the reset only marks it done
    setReturnFocusTo(null);
  }, [panel, returnFocusTo]);

  useEffect(() => {
    if (confirming) confirmHeadingRef.current?.focus();
  }, [confirming]);

  useEffect(() => {
    if (!focusActivation || confirming) return;
    document.getElementById(activationButtonId(focusActivation))?.focus();
    // eslint-disable-next-line react-hooks/set-state-in-effect -- a DOM effect (focus back on the row once the confirmation has gone); the reset only marks it done
    setFocusActivation(null);
  }, [focusActivation, confirming]);

  const facultyOptions = useMemo(
    () => (faculties.data ?? []).map(({ code, nameSv, nameEn }) => ({ code, nameSv, nameEn })),
    [faculties.data],
  );
  const departmentCount = (faculties.data ?? []).reduce((sum, f) => sum + f.departments.length, 0);
  const busyCode = deactivate.isPending
    ? deactivate.variables?.code
    : reactivate.isPending
      ? reactivate.variables?.code
      : undefined;

  const closePanel = (focusId: string) => {
    setPanel(null);
    setReturnFocusTo(focusId);
  };

  const announce = (message: string) => {
    setFeedback(null);
    setStatus(message);
  };

  const setActive = (department: DepartmentResponse, active: boolean) => {
    if (busyCode) return;
    setStatus('');
    setFeedback(null);
    const mutation = active ? reactivate : deactivate;
    const index = (faculties.data ?? [])
      .find((f) => f.code === department.facultyCode)
      ?.departments.findIndex((d) => d.code === department.code);
    mutation.mutate(
      { code: department.code, version: department.version },
      {
        onSuccess: (changed) => {
          if (!includeInactive && (!active || kept?.department.code === changed.code)) {
            setKept({ department: changed, index: kept?.department.code === changed.code ? kept.index : Math.max(index ?? 0, 0) });
          }
          setFeedback({
            code: changed.code,
            message: t(active ? 'departments.messages.reactivated' : 'departments.messages.deactivated', {
              code: changed.code,
              name: localName(changed, language),
            }),
          });
        },
        onError: (error) =>
          setFeedback({
            code: department.code,
            message: t('departments.messages.actionFailed', { code: department.code }),
            problem: toProblem(error),
          }),
        onSettled: () => {
          setConfirming(null);
          setFocusActivation(department.code);
        },
      },
    );
  };

  return (
    <div className="page">
      <div className="page__header">
        <h1>{t('departments.title')}</h1>
        <p className="page__intro">{t('departments.intro')}</p>
      </div>

      <div className="toolbar">
        <div className="toolbar__group">
          <input
            id={inactiveToggleId}
            type="checkbox"
            className="checkbox"
            checked={includeInactive}
            onChange={(event) => {
              const next = { includeInactive: event.target.checked };
              setKept(null);
              view.setDraft(next);
              view.apply(next, { replace: true });
            }}
          />
          <label htmlFor={inactiveToggleId}>{t('departments.showInactive')}</label>
        </div>
        <p className="toolbar__summary">
          {faculties.data ? t('departments.summary', { count: departmentCount }) : null}
          {faculties.isFetching && faculties.data ? (
            <span className="toolbar__refreshing"> · {t('departments.refreshing')}</span>
          ) : null}
        </p>
        {isAdmin ? (
          <button
            type="button"
            id={NEW_BUTTON_ID}
            className="button button--primary"
            aria-expanded={panel?.kind === 'create'}
            aria-controls={panel?.kind === 'create' ? 'create-department' : undefined}
            onClick={() => {
              setStatus('');
              if (panel?.kind === 'create') closePanel(NEW_BUTTON_ID);
              else setPanel({ kind: 'create' });
            }}
          >
            {t('departments.newDepartment')}
          </button>
        ) : null}
      </div>

      <div className="status-region" role="status" aria-live="polite" aria-atomic="true">
        {status ? <p className="notice notice--success">{status}</p> : null}
      </div>

      {isAdmin && panel?.kind === 'create' ? (
        <CreateDepartmentPanel
          faculties={facultyOptions}
          onCreated={(created) => {
            announce(t('departments.messages.created', { code: created.code, name: localName(created, language) }));
            closePanel(NEW_BUTTON_ID);
          }}
          onCancel={() => closePanel(NEW_BUTTON_ID)}
        />
      ) : null}

      {isAdmin && panel?.kind === 'edit' ? (
        <EditDepartmentPanel
          key={panel.department.code}
          department={panel.department}
          faculties={facultyOptions}
          onSaved={(saved) => {
            announce(t('departments.messages.updated', { code: saved.code, name: localName(saved, language) }));
            closePanel(editButtonId(saved.code));
          }}
          onCancel={() => closePanel(editButtonId(panel.department.code))}
        />
      ) : null}

      <div className="faculties" aria-busy={faculties.isPending || undefined}>
        {faculties.isPending ? (
          <p className="loading">{t('common.loading')}</p>
        ) : faculties.isError && !faculties.data ? (
          <div className="notice notice--error" role="alert">
            <ProblemMessage problem={toProblem(faculties.error)} lead={t('departments.loadError')} />
            <button type="button" className="button button--small" onClick={() => void faculties.refetch()}>
              {t('common.retry')}
            </button>
          </div>
        ) : faculties.data.length === 0 ? (
          <p>{t('departments.noFaculties')}</p>
        ) : (
          faculties.data.map((faculty) => (
            <FacultySection
              key={faculty.code}
              faculty={withKept(faculty, kept)}
              language={language}
              busyCode={busyCode}
              canEdit={isAdmin}
              editingCode={panel?.kind === 'edit' ? panel.department.code : undefined}
              onEdit={(department) => {
                setStatus('');
                setPanel({ kind: 'edit', department });
              }}
              confirmingCode={confirming ?? undefined}
              confirmHeadingRef={confirmHeadingRef}
              feedback={feedback}
              onDeactivate={(department) => {
                setFeedback(null);
                setConfirming(confirming === department.code ? null : department.code);
                if (confirming === department.code) setFocusActivation(department.code);
              }}
              onConfirmDeactivate={(department) => setActive(department, false)}
              onCancelDeactivate={(department) => {
                setConfirming(null);
                setFocusActivation(department.code);
              }}
              onReactivate={(department) => setActive(department, true)}
            />
          ))
        )}
      </div>
    </div>
  );
}
