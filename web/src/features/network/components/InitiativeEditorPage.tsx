import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { z } from 'zod';
import type { CreateInitiativeRequest, InitiativeKind, InitiativeResponse } from '../../../api/generated';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { FormField } from '../../../components/FormField';
import { ProblemMessage } from '../../../components/ProblemMessage';
import { hasRole, useAuth } from '../../../lib/auth/me';
import { messagesAt, showsSummary, useFormFailure, type FieldRoute } from '../../../lib/form-errors';
import { toProblem } from '../../../lib/problem-details';
import type { Translate } from '../../../lib/text-rules';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useInitiative, useSaveInitiative } from '../api/initiatives';
import { INITIATIVES_PATH, initiativePath } from '../paths';
import { INITIATIVE_KINDS } from './InitiativeParts';
import { NetworkNav } from './NetworkNav';
import './initiatives.css';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MARKUP = /[<>]/;
/** The API's limits (InitiativeRules). */
const TITLE_MAX = 200;
const DESCRIPTION_MAX = 20_000;

interface InitiativeFormValues {
  kind: InitiativeKind;
  titleSv: string;
  titleEn: string;
  descriptionSv: string;
  descriptionEn: string;
  startsOn: string;
  endsOn: string;
}

const FIELDS = ['kind', 'titleSv', 'titleEn', 'startsOn', 'endsOn', 'descriptionSv', 'descriptionEn'] as const;
type Field = (typeof FIELDS)[number];
const FIELD_ROUTES: readonly FieldRoute[] = FIELDS;

function initiativeSchema(t: Translate) {
  const title = z
    .string()
    .refine((text) => text.trim().length <= TITLE_MAX, t('validation.tooLong', { max: TITLE_MAX }))
    .refine((text) => !MARKUP.test(text), t('validation.markup'));
  const description = z.string().refine((text) => text.length <= DESCRIPTION_MAX, t('validation.tooLong', { max: DESCRIPTION_MAX }));
  return z
    .object({
      kind: z.enum(['initiative', 'platform', 'meetingPlace']),
      titleSv: title,
      titleEn: title,
      descriptionSv: description,
      descriptionEn: description,
      startsOn: z.string().refine((day) => DAY.test(day), t('validation.day')),
      endsOn: z.string().refine((day) => day === '' || DAY.test(day), t('validation.day')),
    })
    .superRefine((values, ctx) => {
      if (values.titleSv.trim() === '' && values.titleEn.trim() === '') {
        ctx.addIssue({ code: 'custom', path: ['titleSv'], message: t('validation.eventTitle') });
      }
      if (DAY.test(values.startsOn) && DAY.test(values.endsOn) && values.endsOn < values.startsOn) {
        ctx.addIssue({ code: 'custom', path: ['endsOn'], message: t('validation.lastDayBeforeFirst') });
      }
    }) satisfies z.ZodType<InitiativeFormValues, InitiativeFormValues>;
}

function toValues(initiative?: InitiativeResponse): InitiativeFormValues {
  return {
    kind: initiative?.kind ?? 'initiative',
    titleSv: initiative?.titleSv ?? '',
    titleEn: initiative?.titleEn ?? '',
    descriptionSv: initiative?.descriptionSv ?? '',
    descriptionEn: initiative?.descriptionEn ?? '',
    startsOn: initiative?.startsOn ?? '',
    endsOn: initiative?.endsOn ?? '',
  };
}

const optional = (text: string) => (text.trim() === '' ? undefined : text.trim());

function toRequest(values: InitiativeFormValues): CreateInitiativeRequest {
  return {
    kind: values.kind,
    titleSv: optional(values.titleSv),
    titleEn: optional(values.titleEn),
    descriptionSv: optional(values.descriptionSv),
    descriptionEn: optional(values.descriptionEn),
    startsOn: values.startsOn,
    endsOn: optional(values.endsOn),
  };
}

/** The office's editor: a new initiative (`initiatives/new`) or a change of one (`initiatives/:initiativeId/edit`, If-Match). */
export function InitiativeEditorPage() {
  const { t } = useTranslation();
  const { initiativeId } = useParams();
  const editing = initiativeId !== undefined;
  const wellFormed = !editing || GUID.test(initiativeId);
  const initiative = useInitiative(initiativeId ?? '', editing && wellFormed);
  const { me } = useAuth();
  const problem = initiative.error ? toProblem(initiative.error) : null;
  const title = editing ? t('network.initiatives.editor.editTitle') : t('network.initiatives.editor.newTitle');
  useDocumentTitle(title);
  const notFound = !wellFormed || (problem?.kind === 'not-found' && !initiative.data);
  return (
    <div className="page page--medium initiatives">
      <NetworkNav />
      <p className="back-link">
        <Link to={editing && wellFormed ? initiativePath(initiativeId) : INITIATIVES_PATH}>
          {editing ? t('network.initiatives.editor.backToInitiative') : t('network.initiatives.back')}
        </Link>
      </p>
      <div className="page__header">
        <h1>{title}</h1>
        <p className="page__intro">{t('network.initiatives.editor.intro')}</p>
      </div>
      {!hasRole(me, 'admin') ? (
        <p className="notice notice--warning">{t('network.initiatives.editor.adminsOnly')}</p>
      ) : notFound ? (
        <div className="notice notice--error" role="alert">
          <span className="problem__message">{t('network.initiatives.notFound')}</span>
        </div>
      ) : editing && initiative.isPending ? (
        <p className="loading">{t('common.loading')}</p>
      ) : problem && !initiative.data ? (
        <div className="notice notice--error" role="alert">
          <ProblemMessage problem={problem} lead={t('network.initiatives.loadError')} />
        </div>
      ) : (
        <InitiativeForm key={`${initiative.data?.id ?? 'new'}-${initiative.data?.version ?? 0}`} initiative={initiative.data} />
      )}
    </div>
  );
}

const ID = 'initiative';
const fieldId = (field: string) => `${ID}-${field}`;

function InitiativeForm({ initiative }: { initiative?: InitiativeResponse }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const save = useSaveInitiative();
  const schema = useMemo(() => initiativeSchema(t), [t]);
  const { register, handleSubmit, setError, formState } = useForm<InitiativeFormValues>({
    resolver: zodResolver(schema),
    defaultValues: toValues(initiative),
    shouldFocusError: false,
  });
  const { failure, refuse, clear } = useFormFailure(save.error, setError, FIELD_ROUTES);
  const inLanguage = (field: string, lng: 'sv' | 'en') => t('network.initiatives.editor.inLanguage', { field, language: t(`network.initiatives.editor.languages.${lng}`) });
  const labels: Record<Field, string> = {
    kind: t('network.initiatives.kind'),
    titleSv: inLanguage(t('network.initiatives.editor.titleField'), 'sv'),
    titleEn: inLanguage(t('network.initiatives.editor.titleField'), 'en'),
    descriptionSv: inLanguage(t('network.initiatives.editor.description'), 'sv'),
    descriptionEn: inLanguage(t('network.initiatives.editor.description'), 'en'),
    startsOn: t('network.initiatives.editor.startsOn'),
    endsOn: t('network.initiatives.editor.endsOn'),
  };
  const errorsOf = (field: string) => messagesAt(formState.errors, field);
  const summary = FIELDS.map((field) => ({ id: fieldId(field), label: labels[field], messages: errorsOf(field) }));
  const showSummary = showsSummary(failure, summary.flatMap((field) => field.messages));
  const send = (values: InitiativeFormValues) => {
    if (save.isPending) return;
    clear();
    save.mutate(
      { id: initiative?.id, version: initiative?.version, body: toRequest(values) },
      { onSuccess: (saved) => void navigate(initiativePath(saved.id)) },
    );
  };
  return (
    <form className="initiative-form" noValidate onSubmit={handleSubmit(send, refuse)} aria-busy={save.isPending || undefined}>
      {showSummary ? (
        <ErrorSummary title={t('network.initiatives.editor.saveFailed')} problem={failure.problem} attempt={failure.attempt} fields={summary} formMessages={failure.formMessages} />
      ) : null}
      <section className="panel" aria-labelledby="initiative-what">
        <h2 id="initiative-what" className="panel__title">
          {t('network.initiatives.editor.what')}
        </h2>
        <FormField id={fieldId('kind')} name="kind" label={labels.kind} hint={t('network.initiatives.editor.kindHint')} errors={errorsOf('kind')}>
          {(controlProps) => (
            <select {...controlProps} className="input" {...register('kind')}>
              {INITIATIVE_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`network.initiatives.kinds.${kind}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <div className="initiative-form__dates">
          <FormField id={fieldId('startsOn')} name="startsOn" label={labels.startsOn} errors={errorsOf('startsOn')}>
            {(controlProps) => <input {...controlProps} type="date" className="input" {...register('startsOn')} />}
          </FormField>
          <FormField id={fieldId('endsOn')} name="endsOn" label={labels.endsOn} hint={t('network.initiatives.editor.endsOnHint')} errors={errorsOf('endsOn')}>
            {(controlProps) => <input {...controlProps} type="date" className="input" {...register('endsOn')} />}
          </FormField>
        </div>
      </section>
      <section className="panel" aria-labelledby="initiative-texts">
        <h2 id="initiative-texts" className="panel__title">
          {t('network.initiatives.editor.texts')}
        </h2>
        <p className="field__hint">{t('network.initiatives.editor.textsHint')}</p>
        <div className="initiative-form__languages">
          {(['sv', 'en'] as const).map((lng) => {
            const suffix = lng === 'sv' ? 'Sv' : 'En';
            return (
              <fieldset key={lng} className="initiative-form__language" lang={lng}>
                <legend>{t(`network.initiatives.editor.languages.${lng}Title`)}</legend>
                <FormField id={fieldId(`title${suffix}`)} name={`title${suffix}`} label={labels[`title${suffix}`]} errors={errorsOf(`title${suffix}`)}>
                  {(controlProps) => <input {...controlProps} className="input" autoComplete="off" {...register(`title${suffix}`)} />}
                </FormField>
                <FormField
                  id={fieldId(`description${suffix}`)}
                  name={`description${suffix}`}
                  label={labels[`description${suffix}`]}
                  hint={t('network.initiatives.editor.markdownHint')}
                  errors={errorsOf(`description${suffix}`)}
                >
                  {(controlProps) => <textarea {...controlProps} className="input" rows={10} {...register(`description${suffix}`)} />}
                </FormField>
              </fieldset>
            );
          })}
        </div>
      </section>
      <div className="form-actions">
        <button type="submit" className="button button--primary" aria-disabled={save.isPending || undefined}>
          {save.isPending ? t('common.saving') : initiative ? t('network.initiatives.editor.save') : t('network.initiatives.editor.create')}
        </button>
      </div>
    </form>
  );
}
