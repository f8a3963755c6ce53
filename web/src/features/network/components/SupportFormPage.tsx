import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { z } from 'zod';
import type { CreateSupportRequestRequest, SupportHelp } from '../../../api/generated';
import { DepartmentChecklist } from '../../../components/DepartmentChecklist';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { FormField } from '../../../components/FormField';
import { hasRole, useAuth } from '../../../lib/auth/me';
import { useFaculties } from '../../../lib/departments/faculties';
import { messagesAt, showsSummary, useFormFailure, type FieldRoute } from '../../../lib/form-errors';
import { currentLanguage, localName } from '../../../lib/i18n';
import { name, optionalText, type Translate } from '../../../lib/text-rules';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useCreateSupportRequest } from '../api/support';
import { SUPPORT_PATH, supportRequestPath } from '../paths';
import { NetworkNav } from './NetworkNav';
import { SUPPORT_HELP } from './SupportStatus';
import './support.css';

/** A request as the form holds it; days as `<input type="date">` values. */
export interface SupportFormValues {
  departmentCode: string;
  title: string;
  description: string;
  startsOn: string;
  endsOn: string;
  departments: string[];
  help: SupportHelp[];
  helpNote: string;
}

const FIELDS = ['departmentCode', 'title', 'description', 'startsOn', 'endsOn', 'departments', 'help', 'helpNote'] as const;
type SupportField = (typeof FIELDS)[number];
const FIELD_ROUTES: readonly FieldRoute[] = [...FIELDS, ['departments.#', 'departments'], ['help.#', 'help']];

/** The API's limits (SupportSql). */
const RULES = { titleMax: 200, descriptionMax: 4000, noteMax: 2000 } as const;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function supportSchema(t: Translate) {
  return z
    .object({
      departmentCode: z.string().refine((code) => code.trim() !== '', t('validation.department')),
      title: name(t, RULES.titleMax),
      description: optionalText(t, RULES.descriptionMax),
      startsOn: z.string().refine((day) => DAY.test(day), t('validation.day')),
      endsOn: z.string().refine((day) => DAY.test(day), t('validation.day')),
      departments: z.array(z.string()),
      help: z.array(z.enum(SUPPORT_HELP)).min(1, t('validation.supportHelp')),
      helpNote: optionalText(t, RULES.noteMax),
    })
    .superRefine((v, ctx) => {
      if (DAY.test(v.startsOn) && DAY.test(v.endsOn) && v.endsOn < v.startsOn) {
        ctx.addIssue({ code: 'custom', path: ['endsOn'], message: t('validation.lastDayBeforeFirst') });
      }
    }) satisfies z.ZodType<SupportFormValues, SupportFormValues>;
}

export function toSupportInput(values: SupportFormValues): CreateSupportRequestRequest {
  const text = (value: string) => (value.trim() === '' ? undefined : value.trim());
  const asking = values.departmentCode.trim();
  return {
    departmentCode: asking,
    title: values.title.trim(),
    description: text(values.description),
    startsOn: values.startsOn,
    endsOn: values.endsOn,
    // The asking department always takes part.
    departments: [asking, ...values.departments.filter((code) => code !== asking)],
    help: values.help,
    helpNote: text(values.helpNote),
  };
}

const FORM_ID = 'support-form';

/** A new request for support (`/staff/network/support/new`), on behalf of one of the caller's departments. */
export function SupportFormPage() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  useDocumentTitle(t('network.support.form.title'));
  const navigate = useNavigate();
  const { me } = useAuth();
  const isAdmin = hasRole(me, 'admin');
  const own = useMemo(() => (me?.departments ?? []).map((d) => d.code), [me]);
  const faculties = useFaculties(false);
  const create = useCreateSupportRequest();
  const schema = useMemo(() => supportSchema(t), [t]);
  const { control, register, handleSubmit, setError, formState, watch } = useForm<SupportFormValues>({
    resolver: zodResolver(schema),
    defaultValues: {
      departmentCode: isAdmin ? '' : (own[0] ?? ''),
      title: '',
      description: '',
      startsOn: '',
      endsOn: '',
      departments: [],
      help: [],
      helpNote: '',
    },
    shouldFocusError: false,
  });
  const { failure, refuse, clear } = useFormFailure(create.error, setError, FIELD_ROUTES);
  const asking = watch('departmentCode');
  const labels: Record<SupportField, string> = {
    departmentCode: t('network.support.form.department'),
    title: t('network.support.form.titleField'),
    description: t('network.support.form.description'),
    startsOn: t('network.support.form.startsOn'),
    endsOn: t('network.support.form.endsOn'),
    departments: t('network.support.form.departments'),
    help: t('network.support.form.help'),
    helpNote: t('network.support.form.helpNote'),
  };
  const errorsOf = (field: SupportField) => messagesAt(formState.errors, field);
  const summary = FIELDS.map((field) => ({ id: `${FORM_ID}-${field}`, label: labels[field], messages: errorsOf(field) }));
  const showSummary = showsSummary(failure, summary.flatMap((field) => field.messages));
  const askingOptions = (faculties.data ?? [])
    .flatMap((faculty) => faculty.departments)
    .filter((d) => d.isActive && (isAdmin || own.includes(d.code)))
    .sort((a, b) => localName(a, language).localeCompare(localName(b, language), language));
  const send = (values: SupportFormValues) => {
    if (create.isPending) return;
    clear();
    create.mutate(toSupportInput(values), {
      onSuccess: (saved) => void navigate(supportRequestPath(saved.id), { state: { supportSaved: true } }),
    });
  };
  const input = (field: 'title' | 'startsOn' | 'endsOn', type = 'text', className = 'input') => (
    <FormField id={`${FORM_ID}-${field}`} name={field} label={labels[field]} errors={errorsOf(field)}>
      {(controlProps) => <input {...controlProps} type={type} className={className} autoComplete="off" {...register(field)} />}
    </FormField>
  );
  return (
    <div className="page page--medium">
      <NetworkNav />
      <p className="back-link">
        <Link to={SUPPORT_PATH}>{t('network.support.back')}</Link>
      </p>
      <h1>{t('network.support.form.title')}</h1>
      <p className="page__intro">{t('network.support.form.intro')}</p>
      {!isAdmin && own.length === 0 ? (
        <p className="notice notice--warning">{t('network.support.form.noDepartments')}</p>
      ) : (
        <form className="panel stack-form" noValidate onSubmit={handleSubmit(send, refuse)} aria-busy={create.isPending || undefined}>
          {showSummary ? (
            <ErrorSummary
              title={t('network.support.form.failed')}
              problem={failure.problem}
              attempt={failure.attempt}
              fields={summary}
              formMessages={failure.formMessages}
            />
          ) : null}
          <FormField id={`${FORM_ID}-departmentCode`} name="departmentCode" label={labels.departmentCode} errors={errorsOf('departmentCode')}>
            {(controlProps) => (
              <select {...controlProps} className="input" {...register('departmentCode')}>
                {isAdmin ? <option value="">{t('network.support.form.chooseDepartment')}</option> : null}
                {askingOptions.map((d) => (
                  <option key={d.code} value={d.code}>
                    {localName(d, language)} ({d.code})
                  </option>
                ))}
              </select>
            )}
          </FormField>
          {input('title')}
          <FormField id={`${FORM_ID}-description`} name="description" label={labels.description} errors={errorsOf('description')}>
            {(controlProps) => <textarea {...controlProps} className="input" rows={4} {...register('description')} />}
          </FormField>
          <div className="event-form__grid">
            {input('startsOn', 'date', 'input input--date')}
            {input('endsOn', 'date', 'input input--date')}
          </div>
          <Controller
            control={control}
            name="departments"
            render={({ field }) => (
              <DepartmentChecklist
                id={`${FORM_ID}-departments`}
                legend={labels.departments}
                hint={t('network.support.form.departmentsHint')}
                errors={errorsOf('departments')}
                faculties={faculties.data}
                value={field.value}
                onChange={field.onChange}
                exclude={asking ? [asking] : []}
              />
            )}
          />
          <Controller
            control={control}
            name="help"
            render={({ field }) => {
              const errors = errorsOf('help');
              return (
                <fieldset id={`${FORM_ID}-help`} tabIndex={-1} className={errors.length > 0 ? 'fieldset field--invalid' : 'fieldset'}
                  aria-describedby={errors.length > 0 ? `${FORM_ID}-help-error` : undefined}>
                  <legend className="field__label">{labels.help}</legend>
                  {errors.length > 0 ? (
                    <p className="field__error" id={`${FORM_ID}-help-error`}>
                      {errors.join(' ')}
                    </p>
                  ) : null}
                  <ul className="checkbox-list">
                    {SUPPORT_HELP.map((help) => (
                      <li key={help} className="checkbox-list__item">
                        <input
                          type="checkbox"
                          id={`${FORM_ID}-help-${help}`}
                          checked={field.value.includes(help)}
                          onChange={(e) => field.onChange(e.target.checked ? [...field.value, help] : field.value.filter((h) => h !== help))}
                        />
                        <label htmlFor={`${FORM_ID}-help-${help}`}>{t(`network.support.help.${help}`)}</label>
                      </li>
                    ))}
                  </ul>
                </fieldset>
              );
            }}
          />
          <FormField id={`${FORM_ID}-helpNote`} name="helpNote" label={labels.helpNote} hint={t('network.support.form.helpNoteHint')} errors={errorsOf('helpNote')}>
            {(controlProps) => <textarea {...controlProps} className="input" rows={3} {...register('helpNote')} />}
          </FormField>
          <div className="form-actions">
            <button type="submit" className="button button--primary" aria-disabled={create.isPending || undefined}>
              {create.isPending ? t('common.saving') : t('network.support.form.send')}
            </button>
            <Link className="button" to={SUPPORT_PATH}>
              {t('common.cancel')}
            </Link>
          </div>
        </form>
      )}
    </div>
  );
}
