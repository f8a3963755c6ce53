import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { SegmentFilter, SegmentResponse } from '../../../api/generated';
import { ConfirmPanel } from '../../../components/ConfirmPanel';
import { CountrySelect } from '../../../components/CountrySelect';
import { DepartmentChecklist } from '../../../components/DepartmentChecklist';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { FormField } from '../../../components/FormField';
import { ProblemMessage } from '../../../components/ProblemMessage';
import { TableScroll } from '../../../components/TableScroll';
import { hasRole, useAuth } from '../../../lib/auth/me';
import { useFaculties } from '../../../lib/departments/faculties';
import { formatDateTime } from '../../../lib/format';
import { messagesAt, showsSummary, useFormFailure } from '../../../lib/form-errors';
import { currentLanguage, localName } from '../../../lib/i18n';
import { toProblem } from '../../../lib/problem-details';
import { textIn } from '../../../lib/bilingual';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useDeleteSegment, useSaveSegment, useSegment, useSegmentPreview, useSegments, useStaffEventChoices } from '../api/library';
import { GUID, NEW_SEGMENT_PATH, NEWSLETTERS_PATH, SEGMENTS_PATH, segmentPath } from '../paths';
import {
  emptySegmentValues,
  OFFERS,
  SEGMENT_FIELD_ROUTES,
  SEGMENT_FIELDS,
  segmentSchema,
  segmentToValues,
  toSegmentFilter,
  toSegmentInput,
  type SegmentField,
  type SegmentFormValues,
} from '../segment-form';
import { useDebounced } from '../use-debounced';
import { SenderSelect, useDepartmentIds } from './SenderSelect';
import './newsletters.css';

/** Staff: the saved segments (a coordinator's: their departments'), by name. */
export function SegmentsPage() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  useDocumentTitle(t('newsletters.segments.title'));
  const segments = useSegments();
  const problem = segments.error ? toProblem(segments.error) : null;
  const items = segments.data?.items ?? [];
  return (
    <div className="page page--wide newsletters">
      <p className="back-link">
        <Link to={NEWSLETTERS_PATH}>{t('newsletters.back')}</Link>
      </p>
      <div className="page__header newsletters__header">
        <div>
          <h1>{t('newsletters.segments.title')}</h1>
          <p className="page__intro">{t('newsletters.segments.intro')}</p>
        </div>
        <Link to={NEW_SEGMENT_PATH} className="button button--primary">
          {t('newsletters.segments.new')}
        </Link>
      </div>
      {segments.isPending ? (
        <p className="loading">{t('common.loading')}</p>
      ) : problem && !segments.data ? (
        <div className="notice notice--error" role="alert">
          <ProblemMessage problem={problem} lead={t('newsletters.segments.loadError')} />
        </div>
      ) : items.length === 0 ? (
        <p role="status">{t('newsletters.segments.none')}</p>
      ) : (
        <TableScroll label={t('newsletters.segments.title')}>
          <table className="data-table">
            <caption className="data-table__caption">{t('newsletters.segments.caption', { count: segments.data?.total ?? items.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('newsletters.segments.name')}</th>
                <th scope="col">{t('newsletters.segments.owner')}</th>
                <th scope="col">{t('newsletters.segments.updated')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((segment) => (
                <tr key={segment.id}>
                  <th scope="row">
                    <Link to={segmentPath(segment.id)}>{segment.name}</Link>
                    {segment.description ? <span className="muted block">{segment.description}</span> : null}
                  </th>
                  <td>{segment.departmentCode ?? t('newsletters.centralOffice')}</td>
                  <td>
                    <time dateTime={segment.updatedAt}>{formatDateTime(segment.updatedAt, language)}</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </div>
  );
}

/** Staff: a new segment (`/staff/newsletters/segments/new`) or a saved one to change (`/:segmentId`), with its live count. */
export function SegmentPage() {
  const { t } = useTranslation();
  const { segmentId } = useParams();
  const editing = segmentId !== undefined;
  const wellFormed = !editing || GUID.test(segmentId);
  const segment = useSegment(segmentId ?? '', editing && wellFormed);
  const problem = segment.error ? toProblem(segment.error) : null;
  const title = editing ? t('newsletters.segments.editTitle') : t('newsletters.segments.newTitle');
  useDocumentTitle(title);
  const notFound = !wellFormed || (problem?.kind === 'not-found' && !segment.data);
  return (
    <div className="page page--wide newsletters">
      <p className="back-link">
        <Link to={SEGMENTS_PATH}>{t('newsletters.segments.back')}</Link>
      </p>
      <div className="page__header">
        <h1>{title}</h1>
        <p className="page__intro">{t('newsletters.segments.builderIntro')}</p>
      </div>
      {notFound ? (
        <div className="notice notice--error" role="alert">
          <span className="problem__message">{t('newsletters.segments.notFound')}</span>
        </div>
      ) : editing && segment.isPending ? (
        <p className="loading">{t('common.loading')}</p>
      ) : problem && !segment.data ? (
        <div className="notice notice--error" role="alert">
          <ProblemMessage problem={problem} lead={t('newsletters.segments.loadError')} />
        </div>
      ) : (
        <SegmentForm segment={segment.data} />
      )}
    </div>
  );
}

const ID = 'segment-form';
const fieldId = (field: string) => `${ID}-${field}`;
/** How long the builder waits after the last change before it counts again. */
const COUNT_DELAY_MS = 400;

function SegmentForm({ segment }: { segment?: SegmentResponse }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const navigate = useNavigate();
  const auth = useAuth();
  const isAdmin = hasRole(auth.me, 'admin');
  const ownDepartments = useMemo(() => (auth.me?.departments ?? []).map((d) => d.code), [auth.me]);
  const faculties = useFaculties(false);
  const events = useStaffEventChoices();
  const save = useSaveSegment();
  const remove = useDeleteSegment();
  const schema = useMemo(() => segmentSchema(t, { departmentRequired: !isAdmin }), [t, isAdmin]);
  const initial = useMemo(
    () => (segment ? segmentToValues(segment) : emptySegmentValues()),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [segment?.id, segment?.version],
  );
  const { control, register, handleSubmit, setError, formState, reset, getValues, setValue } = useForm<SegmentFormValues>({
    resolver: zodResolver(schema),
    defaultValues: initial,
    shouldFocusError: false,
  });
  const { failure, refuse, clear } = useFormFailure(save.error, setError, SEGMENT_FIELD_ROUTES);
  const [saved, setSaved] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [deleteProblem, setDeleteProblem] = useState<ReturnType<typeof toProblem> | null>(null);

  const shownVersion = useRef(segment?.version);
  useEffect(() => {
    if (!segment || shownVersion.current === segment.version) return;
    shownVersion.current = segment.version;
    reset(segmentToValues(segment));
  }, [segment, reset]);

  const ownIds = useDepartmentIds(ownDepartments);
  const firstOwn = isAdmin ? '' : (ownIds[0] ?? '');
  useEffect(() => {
    if (!segment && firstOwn && getValues('departmentId') === '') setValue('departmentId', firstOwn);
  }, [segment, firstOwn, getValues, setValue]);

  // The live count: the filter as typed, once it has settled.
  const values = useWatch({ control }) as SegmentFormValues;
  const filterText = JSON.stringify(toSegmentFilter({ ...emptySegmentValues(), ...values }));
  const departmentId = values.departmentId ?? '';
  const settled = useDebounced(`${departmentId}|${filterText}`, COUNT_DELAY_MS);
  const [settledDepartment, settledFilter] = useMemo(() => {
    const bar = settled.indexOf('|');
    return [settled.slice(0, bar), JSON.parse(settled.slice(bar + 1)) as SegmentFilter];
  }, [settled]);
  const ready = isAdmin || settledDepartment !== '';
  const preview = useSegmentPreview(ready ? settledFilter : null, settledDepartment);
  const previewProblem = preview.error ? toProblem(preview.error) : null;

  const send = (form: SegmentFormValues) => {
    if (save.isPending) return;
    clear();
    setSaved(null);
    save.mutate(
      { id: segment?.id, version: segment?.version, body: toSegmentInput(form) },
      {
        onSuccess: (result) => {
          if (segment) setSaved(t('newsletters.segments.saved'));
          else void navigate(segmentPath(result.id));
        },
      },
    );
  };

  const labels: Record<SegmentField, string> = {
    name: t('newsletters.segments.name'),
    description: t('newsletters.segments.description'),
    departmentId: t('newsletters.segments.owner'),
    departments: t('newsletters.segments.filter.departments'),
    faculty: t('newsletters.segments.filter.faculty'),
    graduatedFrom: t('newsletters.segments.filter.graduatedFrom'),
    graduatedTo: t('newsletters.segments.filter.graduatedTo'),
    country: t('newsletters.segments.filter.country'),
    city: t('newsletters.segments.filter.city'),
    language: t('newsletters.segments.filter.language'),
    offers: t('newsletters.segments.filter.offers'),
    industry: t('newsletters.segments.filter.industry'),
    tags: t('newsletters.segments.filter.tags'),
    attendedEventIds: t('newsletters.segments.filter.attended'),
    registeredEventIds: t('newsletters.segments.filter.registered'),
  };
  const errorsOf = (field: string) => messagesAt(formState.errors, field);
  const summary = SEGMENT_FIELDS.map((field) => ({ id: fieldId(field), label: labels[field], messages: errorsOf(field) }));
  const showSummary = showsSummary(failure, summary.flatMap((field) => field.messages));
  const text = (field: 'name' | 'description' | 'graduatedFrom' | 'graduatedTo' | 'city' | 'industry' | 'tags', options: { hint?: string; inputMode?: 'numeric' } = {}) => (
    <FormField id={fieldId(field)} name={field} label={labels[field]} hint={options.hint} errors={errorsOf(field)}>
      {(controlProps) => <input {...controlProps} type="text" className="input" inputMode={options.inputMode} autoComplete="off" {...register(field)} />}
    </FormField>
  );
  const checklist = (field: 'offers' | 'attendedEventIds' | 'registeredEventIds', options: { value: string; label: string }[]) => (
    <Controller
      control={control}
      name={field}
      render={({ field: f }) => {
        const chosen = f.value as string[];
        const errors = errorsOf(field);
        return (
          <fieldset id={fieldId(field)} tabIndex={-1} className={errors.length > 0 ? 'fieldset field--invalid' : 'fieldset'}>
            <legend className="field__label">{labels[field]}</legend>
            {errors.length > 0 ? <p className="field__error">{errors.join(' ')}</p> : null}
            {options.length === 0 ? (
              <p className="field__hint">{t('newsletters.segments.noEvents')}</p>
            ) : (
              <ul className="checkbox-list segment-choices">
                {options.map((option) => (
                  <li key={option.value} className="checkbox-list__item">
                    <input
                      type="checkbox"
                      id={`${fieldId(field)}-${option.value}`}
                      checked={chosen.includes(option.value)}
                      onChange={(event) => f.onChange(event.target.checked ? [...chosen, option.value] : chosen.filter((v) => v !== option.value))}
                    />
                    <label htmlFor={`${fieldId(field)}-${option.value}`}>{option.label}</label>
                  </li>
                ))}
              </ul>
            )}
          </fieldset>
        );
      }}
    />
  );
  const eventOptions = (events.data?.items ?? []).map((event) => ({ value: event.id, label: `${textIn(event.titleSv, event.titleEn, language)} (${formatDateTime(event.startsAt, language)})` }));

  return (
    <div className="segment-builder">
      <form className="newsletter-form" noValidate onSubmit={handleSubmit(send, refuse)} aria-busy={save.isPending || undefined}>
        {showSummary ? (
          <ErrorSummary
            title={t('newsletters.segments.saveFailed')}
            problem={failure.problem}
            attempt={failure.attempt}
            fields={summary}
            formMessages={failure.formMessages}
          />
        ) : null}
        <div className="status-region" role="status" aria-live="polite" aria-atomic="true">
          {saved ? <p className="notice notice--success">{saved}</p> : null}
        </div>
        <section className="panel" aria-labelledby={`${ID}-about-heading`}>
          <h2 id={`${ID}-about-heading`} className="panel__title">
            {t('newsletters.segments.about')}
          </h2>
          <div className="newsletter-form__grid">
            {text('name')}
            <FormField id={fieldId('departmentId')} name="departmentId" label={labels.departmentId} hint={t('newsletters.segments.ownerHint')} errors={errorsOf('departmentId')}>
              {(controlProps) => (
                <Controller
                  control={control}
                  name="departmentId"
                  render={({ field }) => (
                    <SenderSelect control={controlProps} value={field.value} onChange={field.onChange} centralAllowed={isAdmin} only={isAdmin ? undefined : ownDepartments} />
                  )}
                />
              )}
            </FormField>
            <div className="newsletter-form__wide">{text('description')}</div>
          </div>
        </section>
        <section className="panel" aria-labelledby={`${ID}-filter-heading`}>
          <h2 id={`${ID}-filter-heading`} className="panel__title">
            {t('newsletters.segments.filterTitle')}
          </h2>
          <p className="field__hint">{t('newsletters.segments.filterHint')}</p>
          <div className="newsletter-form__grid">
            <FormField id={fieldId('faculty')} name="faculty" label={labels.faculty} errors={errorsOf('faculty')}>
              {(controlProps) => (
                <select {...controlProps} className="input" {...register('faculty')}>
                  <option value="">{t('newsletters.segments.anyFaculty')}</option>
                  {(faculties.data ?? []).map((faculty) => (
                    <option key={faculty.code} value={faculty.code}>
                      {localName(faculty, language)}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
            {text('graduatedFrom', { inputMode: 'numeric', hint: t('newsletters.segments.yearHint') })}
            {text('graduatedTo', { inputMode: 'numeric', hint: t('newsletters.segments.yearHint') })}
            <FormField id={fieldId('country')} name="country" label={labels.country} errors={errorsOf('country')}>
              {(controlProps) => (
                <Controller
                  control={control}
                  name="country"
                  render={({ field }) => <CountrySelect control={controlProps} value={field.value} onChange={field.onChange} emptyLabel={t('newsletters.segments.anyCountry')} />}
                />
              )}
            </FormField>
            {text('city')}
            <FormField id={fieldId('language')} name="language" label={labels.language} errors={errorsOf('language')}>
              {(controlProps) => (
                <select {...controlProps} className="input" {...register('language')}>
                  <option value="">{t('newsletters.segments.anyLanguage')}</option>
                  <option value="sv">{t('newsletters.languages.svTitle')}</option>
                  <option value="en">{t('newsletters.languages.enTitle')}</option>
                </select>
              )}
            </FormField>
            {text('industry')}
            {text('tags', { hint: t('newsletters.segments.tagsHint') })}
            <div className="newsletter-form__wide">
              <Controller
                control={control}
                name="departments"
                render={({ field }) => (
                  <DepartmentChecklist
                    id={fieldId('departments')}
                    legend={labels.departments}
                    hint={t('newsletters.segments.departmentsHint')}
                    errors={errorsOf('departments')}
                    faculties={faculties.data}
                    value={field.value}
                    onChange={field.onChange}
                    only={isAdmin ? undefined : ownDepartments}
                  />
                )}
              />
            </div>
            <div className="newsletter-form__wide">
              {checklist(
                'offers',
                OFFERS.map((offer) => ({ value: offer, label: t(`members.offer.${offer}`) })),
              )}
            </div>
            <div>{checklist('attendedEventIds', eventOptions)}</div>
            <div>{checklist('registeredEventIds', eventOptions)}</div>
          </div>
        </section>
        <div className="form-actions">
          <button type="submit" className="button button--primary" aria-disabled={save.isPending || undefined}>
            {save.isPending ? t('common.saving') : segment ? t('newsletters.segments.save') : t('newsletters.segments.create')}
          </button>
          {segment ? (
            <button type="button" id="segment-delete" className="button button--danger" aria-expanded={confirmDelete} onClick={() => setConfirmDelete(true)}>
              {t('newsletters.segments.delete')}
            </button>
          ) : null}
        </div>
        {segment && confirmDelete ? (
          <ConfirmPanel
            headingId="segment-delete-heading"
            title={t('newsletters.segments.deleteTitle', { name: segment.name })}
            body={t('newsletters.segments.deleteBody')}
            confirmLabel={t('newsletters.segments.deleteConfirm')}
            pending={remove.isPending}
            onConfirm={() =>
              remove.mutate(
                { id: segment.id, version: segment.version },
                { onSuccess: () => void navigate(SEGMENTS_PATH), onError: (error) => setDeleteProblem(toProblem(error)) },
              )
            }
            onCancel={() => setConfirmDelete(false)}
          />
        ) : null}
        {deleteProblem ? (
          <div className="notice notice--error" role="alert">
            <ProblemMessage problem={deleteProblem} lead={t('newsletters.segments.deleteFailed')} />
          </div>
        ) : null}
      </form>

      <aside className="panel segment-count" aria-labelledby="segment-count-heading" aria-busy={preview.isFetching || undefined}>
        <h2 id="segment-count-heading" className="panel__title">
          {t('newsletters.segments.countTitle')}
        </h2>
        <div aria-live="polite" aria-atomic="true">
          {!ready ? (
            <p>{t('newsletters.segments.chooseOwner')}</p>
          ) : previewProblem && !preview.data ? (
            <div className="notice notice--error">
              <ProblemMessage problem={previewProblem} lead={t('newsletters.segments.countError')} />
            </div>
          ) : preview.data ? (
            <p className="segment-count__value">{t('newsletters.segments.count', { count: preview.data.count })}</p>
          ) : (
            <p>{t('newsletters.editor.audienceCounting')}</p>
          )}
        </div>
        {preview.data && preview.data.sample.length > 0 ? (
          <>
            <h3 className="segment-count__sample-title">{t('newsletters.segments.sample')}</h3>
            <ul className="segment-count__sample">
              {preview.data.sample.map((member) => (
                <li key={member.memberId}>{member.name}</li>
              ))}
            </ul>
          </>
        ) : null}
        <p className="field__hint">{t('newsletters.segments.countHint')}</p>
      </aside>
    </div>
  );
}
