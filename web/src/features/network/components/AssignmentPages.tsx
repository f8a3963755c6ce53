import { useId, useRef, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AssignmentResponse } from '../../../api/generated';
import { ProblemMessage } from '../../../components/ProblemMessage';
import { useFaculties } from '../../../lib/departments/faculties';
import { currentLanguage, localName } from '../../../lib/i18n';
import { toProblem } from '../../../lib/problem-details';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useAssignment, useAssignments, useCreateAssignment, useEndAssignment, useUpdateAssignment } from '../api/assignments';
import { assignmentValues, emptyAssignment, toAssignmentInput, type AssignmentValues } from '../assignment-form';
import { assignmentPath, departmentAssignmentsPath, DIRECTORY_PATH, NEW_ASSIGNMENT_PATH } from '../paths';
import { formatDay } from './assignment-format';
import { AssignmentForm } from './AssignmentForm';
import { NetworkNav } from './NetworkNav';
import './directory.css';

/** The office assigns a coordinator: `?department=CODE` and `?person=ADDRESS` fill the form in. */
export function AssignmentNewPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('network.assignments.new.title'));
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const create = useCreateAssignment();
  const [defaults] = useState(() => emptyAssignment((params.get('department') ?? '').toUpperCase()));

  const submit = (values: AssignmentValues) =>
    create.mutate(
      {
        ...toAssignmentInput(values),
        departmentCode: values.departmentCode,
        ...(values.personMode === 'email' ? { email: values.email.trim() } : { userId: values.userId }),
      },
      { onSuccess: (created) => navigate(departmentAssignmentsPath(created.departmentCode), { state: { assigned: created.id } }) },
    );

  return (
    <div className="page">
      <NetworkNav />
      <h1>{t('network.assignments.new.title')}</h1>
      <p className="page__intro">{t('network.assignments.new.intro')}</p>
      <AssignmentForm
        defaults={defaults}
        personSearch={params.get('person') ?? ''}
        pending={create.isPending}
        error={create.error}
        submitLabel={t('network.assignments.new.submit')}
        onSubmit={submit}
        onCancel={() => navigate(DIRECTORY_PATH)}
      />
    </div>
  );
}

/** One assignment: change it while it is active, or end it (with a confirmation and an optional reason). */
export function AssignmentEditPage() {
  const { t } = useTranslation();
  const { assignmentId = '' } = useParams();
  const assignment = useAssignment(assignmentId);
  useDocumentTitle(t('network.assignments.edit.title'));
  const problem = assignment.error && !assignment.data ? toProblem(assignment.error) : null;
  return (
    <div className="page">
      <NetworkNav />
      <h1>{t('network.assignments.edit.title')}</h1>
      {assignment.isPending ? (
        <p className="loading">{t('common.loading')}</p>
      ) : problem ? (
        <div className="notice notice--error" role="alert">
          <ProblemMessage problem={problem} lead={t('network.assignments.edit.loadError')} />
        </div>
      ) : assignment.data ? (
        <AssignmentEditor key={assignment.data.version} assignment={assignment.data} />
      ) : null}
    </div>
  );
}

function AssignmentEditor({ assignment }: { assignment: AssignmentResponse }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const navigate = useNavigate();
  const update = useUpdateAssignment(assignment.id);
  const end = useEndAssignment(assignment.id);
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState('');
  const reasonId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const history = departmentAssignmentsPath(assignment.departmentCode);
  const department = localName({ nameSv: assignment.departmentNameSv, nameEn: assignment.departmentNameEn }, language);
  const endProblem = end.error ? toProblem(end.error) : null;

  if (assignment.endedOn) {
    return (
      <>
        <p role="status">
          {t('network.assignments.edit.ended', {
            name: assignment.personName ?? t('network.directory.erased'),
            department,
            date: formatDay(assignment.endedOn, language),
          })}
        </p>
        <Link to={history}>{t('network.assignments.edit.toHistory', { department })}</Link>
      </>
    );
  }

  return (
    <>
      <AssignmentForm
        assignment={assignment}
        defaults={assignmentValues(assignment)}
        pending={update.isPending}
        error={update.error}
        submitLabel={t('network.assignments.edit.submit')}
        onSubmit={(values) =>
          update.mutate(
            { version: assignment.version, body: toAssignmentInput(values) },
            { onSuccess: () => navigate(history, { state: { changed: assignment.id } }) },
          )
        }
        onCancel={() => navigate(history)}
      />

      <section className="panel panel--danger" aria-labelledby="end-assignment-heading">
        <h2 id="end-assignment-heading" className="panel__title" tabIndex={-1} ref={headingRef}>
          {t('network.assignments.end.title')}
        </h2>
        <p>{t('network.assignments.end.body', { name: assignment.personName ?? t('network.directory.erased'), department })}</p>
        {endProblem ? (
          <div className="notice notice--error" role="alert">
            <ProblemMessage problem={endProblem} lead={t('network.assignments.end.failed')} />
          </div>
        ) : null}
        {confirming ? (
          <>
            <div className="field">
              <label className="field__label" htmlFor={reasonId}>
                {t('network.assignments.end.reason')}
              </label>
              <input id={reasonId} className="input" value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />
            </div>
            <div className="form-actions">
              <button
                type="button"
                className="button button--danger"
                aria-disabled={end.isPending || undefined}
                onClick={() => {
                  if (end.isPending) return;
                  end.mutate(
                    { version: assignment.version, reason },
                    { onSuccess: () => navigate(history, { state: { ended: assignment.id } }) },
                  );
                }}
              >
                {t('network.assignments.end.confirm')}
              </button>
              <button type="button" className="button" onClick={() => setConfirming(false)}>
                {t('common.cancel')}
              </button>
            </div>
          </>
        ) : (
          <button type="button" className="button button--danger" onClick={() => setConfirming(true)}>
            {t('network.assignments.end.start')}
          </button>
        )}
      </section>
    </>
  );
}

/** A department's coordinators over time: the active ones first, then the ended ones, newest first. */
export function AssignmentHistoryPage() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const { code = '' } = useParams();
  const [params] = useSearchParams();
  const requested = Number(params.get('page'));
  const page = Number.isInteger(requested) && requested >= 1 ? requested : 1;
  const list = useAssignments({ departmentCode: code, includeEnded: true, page });
  const faculties = useFaculties(true);
  const department = faculties.data?.flatMap((f) => f.departments).find((d) => d.code === code.toUpperCase());
  const name = department ? localName(department, language) : code.toUpperCase();
  useDocumentTitle(t('network.assignments.history.title', { department: name }));
  const problem = list.error && !list.data ? toProblem(list.error) : null;
  const items = list.data?.items ?? [];

  return (
    <div className="page page--wide">
      <NetworkNav />
      <div className="page__header">
        <div>
          <h1>{t('network.assignments.history.title', { department: name })}</h1>
          <p className="page__intro">
            <Link to={DIRECTORY_PATH}>{t('network.assignments.history.back')}</Link>
          </p>
        </div>
        <Link to={`${NEW_ASSIGNMENT_PATH}?department=${encodeURIComponent(code.toUpperCase())}`} className="button button--primary">
          {t('network.directory.assign')}
        </Link>
      </div>
      <div aria-busy={list.isFetching || undefined}>
        {list.isPending ? (
          <p className="loading">{t('common.loading')}</p>
        ) : problem ? (
          <div className="notice notice--error" role="alert">
            <ProblemMessage problem={problem} lead={t('network.assignments.history.loadError')} />
          </div>
        ) : items.length === 0 ? (
          <p role="status">{t('network.assignments.history.none')}</p>
        ) : (
          <div className="table-wrap">
            <table className="data-table">
              <caption className="data-table__caption">{t('network.assignments.history.caption', { count: list.data?.total ?? 0 })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('network.assignments.history.columns.person')}</th>
                  <th scope="col">{t('network.assignments.history.columns.kind')}</th>
                  <th scope="col">{t('network.assignments.history.columns.period')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((a) => (
                  <tr key={a.id}>
                    <th scope="row">
                      <Link to={assignmentPath(a.id)}>{a.personName ?? t('network.directory.erased')}</Link>
                      {a.roleTitle ? <span className="muted">, {a.roleTitle}</span> : null}
                    </th>
                    <td>
                      {t(`network.assignments.kinds.${a.kind}`)}
                      {a.timeShare != null ? `, ${t('network.directory.share', { share: a.timeShare })}` : ''}
                    </td>
                    <td>
                      {a.endedOn ? (
                        <span className="badge badge--inactive">{t('network.assignments.history.ended')}</span>
                      ) : (
                        <span className="badge badge--active">{t('network.assignments.history.active')}</span>
                      )}{' '}
                      {a.endedOn
                        ? t('network.assignments.history.period', { from: formatDay(a.startedOn, language), to: formatDay(a.endedOn, language) })
                        : t('network.directory.since', { date: formatDay(a.startedOn, language) })}
                      {a.endReason ? <span className="muted"> ({a.endReason})</span> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </div>
  );
}
