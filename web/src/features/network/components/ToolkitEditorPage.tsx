import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { ToolkitItemResponse } from '../../../api/generated';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { FormField } from '../../../components/FormField';
import { ProblemMessage } from '../../../components/ProblemMessage';
import { hasRole, useAuth } from '../../../lib/auth/me';
import { messagesAt, showsSummary, useFormFailure } from '../../../lib/form-errors';
import { toProblem } from '../../../lib/problem-details';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useSaveToolkitItem, useToolkitItem } from '../api/toolkit';
import { TOOLKIT_PATH, toolkitItemPath } from '../paths';
import { NetworkNav } from './NetworkNav';
import {
  emptyToolkitValues,
  TOOLKIT_FIELD_ROUTES,
  TOOLKIT_FIELDS,
  TOOLKIT_KINDS,
  TOOLKIT_PLACEHOLDERS,
  placeholderKey,
  toolkitSchema,
  toolkitToValues,
  toToolkitInput,
  type ToolkitField,
  type ToolkitFormValues,
} from './ToolkitForm';
import './toolkit.css';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The office: a new toolkit item (`/toolkit/new`) or its next version (`/toolkit/:itemId/edit`, with a change note, If-Match). */
export function ToolkitEditorPage() {
  const { t } = useTranslation();
  const { itemId } = useParams();
  const editing = itemId !== undefined;
  const wellFormed = !editing || GUID.test(itemId);
  const item = useToolkitItem(itemId ?? '', editing && wellFormed);
  const { me } = useAuth();
  const problem = item.error ? toProblem(item.error) : null;
  const title = editing ? t('network.toolkit.editTitle') : t('network.toolkit.newTitle');
  useDocumentTitle(title);
  const notFound = !wellFormed || (problem?.kind === 'not-found' && !item.data);
  return (
    <div className="page page--wide toolkit">
      <NetworkNav />
      <p className="back-link">
        <Link to={editing && wellFormed ? toolkitItemPath(itemId) : TOOLKIT_PATH}>{editing ? t('network.toolkit.backToItem') : t('network.toolkit.back')}</Link>
      </p>
      <div className="page__header">
        <h1>{title}</h1>
      </div>
      {!hasRole(me, 'admin') ? (
        <p className="notice notice--warning">{t('network.toolkit.officeOnly')}</p>
      ) : notFound ? (
        <div className="notice notice--error" role="alert">
          <span className="problem__message">{t('network.toolkit.notFound')}</span>
        </div>
      ) : editing && item.isPending ? (
        <p className="loading">{t('common.loading')}</p>
      ) : problem && !item.data ? (
        <div className="notice notice--error" role="alert">
          <ProblemMessage problem={problem} lead={t('network.toolkit.loadError')} />
        </div>
      ) : (
        <ToolkitForm key={item.data ? `${item.data.id}-${item.data.version}` : 'new'} item={item.data} />
      )}
    </div>
  );
}

const ID = 'toolkit-form';
const fieldId = (field: string) => `${ID}-${field}`;

function ToolkitForm({ item }: { item?: ToolkitItemResponse }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const save = useSaveToolkitItem();
  const editing = item !== undefined;
  const schema = useMemo(() => toolkitSchema(t, editing), [t, editing]);
  const { register, handleSubmit, setError, formState } = useForm<ToolkitFormValues>({
    resolver: zodResolver(schema),
    defaultValues: item ? toolkitToValues(item) : emptyToolkitValues(),
    shouldFocusError: false,
  });
  const { failure, refuse, clear } = useFormFailure(save.error, setError, TOOLKIT_FIELD_ROUTES);
  const send = (values: ToolkitFormValues) => {
    if (save.isPending) return;
    clear();
    save.mutate(
      { id: item?.id, version: item?.version, body: toToolkitInput(values), changeNote: editing ? values.changeNote.trim() : undefined },
      { onSuccess: (saved) => void navigate(toolkitItemPath(saved.id)) },
    );
  };
  const labels: Record<ToolkitField, string> = {
    kind: t('network.toolkit.kind'),
    tags: t('network.toolkit.tags'),
    titleSv: t('network.toolkit.fields.titleSv'),
    summarySv: t('network.toolkit.fields.summarySv'),
    bodySv: t('network.toolkit.fields.bodySv'),
    titleEn: t('network.toolkit.fields.titleEn'),
    summaryEn: t('network.toolkit.fields.summaryEn'),
    bodyEn: t('network.toolkit.fields.bodyEn'),
    changeNote: t('network.toolkit.fields.changeNote'),
  };
  const errorsOf = (field: string) => messagesAt(formState.errors, field);
  const fields = TOOLKIT_FIELDS.filter((f) => editing || f !== 'changeNote');
  const summary = fields.map((field) => ({ id: fieldId(field), label: labels[field], messages: errorsOf(field) }));
  const showSummary = showsSummary(failure, summary.flatMap((field) => field.messages));
  const input = (field: ToolkitField, lang?: 'sv' | 'en', hint?: string) => (
    <FormField id={fieldId(field)} name={field} label={labels[field]} hint={hint} errors={errorsOf(field)}>
      {(control) => <input {...control} type="text" className="input" lang={lang} autoComplete="off" {...register(field)} />}
    </FormField>
  );
  const area = (field: ToolkitField, rows: number, lang?: 'sv' | 'en', hint?: string) => (
    <FormField id={fieldId(field)} name={field} label={labels[field]} hint={hint} errors={errorsOf(field)}>
      {(control) => <textarea {...control} className="input toolkit-textarea" rows={rows} lang={lang} {...register(field)} />}
    </FormField>
  );
  return (
    <form className="toolkit-form" noValidate onSubmit={handleSubmit(send, refuse)} aria-busy={save.isPending || undefined}>
      {showSummary ? (
        <ErrorSummary title={t('network.toolkit.saveFailed')} problem={failure.problem} attempt={failure.attempt} fields={summary} formMessages={failure.formMessages} />
      ) : null}
      <section className="panel" aria-labelledby={`${ID}-about-heading`}>
        <h2 id={`${ID}-about-heading`} className="panel__title">
          {t('network.toolkit.about')}
        </h2>
        <div className="toolkit-form__grid">
          <FormField id={fieldId('kind')} name="kind" label={labels.kind} errors={errorsOf('kind')}>
            {(control) => (
              <select {...control} className="input" {...register('kind')}>
                {TOOLKIT_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`network.toolkit.kinds.${kind}`)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          {input('tags', undefined, t('network.toolkit.tagsHint'))}
        </div>
      </section>
      <section className="panel" aria-labelledby={`${ID}-texts-heading`}>
        <h2 id={`${ID}-texts-heading`} className="panel__title">
          {t('network.toolkit.texts')}
        </h2>
        <div className="notice">
          <p>{t('network.toolkit.placeholdersLead')}</p>
          <ul className="toolkit-placeholders">
            {TOOLKIT_PLACEHOLDERS.map((name) => (
              <li key={name}>
                <code>{`{{${name}}}`}</code> – {t(placeholderKey(name)!)}
              </li>
            ))}
          </ul>
        </div>
        <div className="toolkit-languages">
          <fieldset className="toolkit-language" lang="sv">
            <legend>{t('network.toolkit.inLanguage.sv')}</legend>
            {input('titleSv', 'sv')}
            {area('summarySv', 2, 'sv')}
            {area('bodySv', 12, 'sv', t('network.toolkit.bodyHint'))}
          </fieldset>
          <fieldset className="toolkit-language" lang="en">
            <legend>{t('network.toolkit.inLanguage.en')}</legend>
            {input('titleEn', 'en')}
            {area('summaryEn', 2, 'en')}
            {area('bodyEn', 12, 'en', t('network.toolkit.bodyHint'))}
          </fieldset>
        </div>
      </section>
      {editing ? (
        <section className="panel" aria-labelledby={`${ID}-note-heading`}>
          <h2 id={`${ID}-note-heading`} className="panel__title">
            {t('network.toolkit.noteTitle', { number: item.currentVersion + 1 })}
          </h2>
          {input('changeNote', undefined, t('network.toolkit.changeNoteHint'))}
        </section>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button button--primary" aria-disabled={save.isPending || undefined}>
          {save.isPending ? t('common.saving') : editing ? t('network.toolkit.saveVersion') : t('network.toolkit.create')}
        </button>
        <Link className="button" to={item ? toolkitItemPath(item.id) : TOOLKIT_PATH}>
          {t('common.cancel')}
        </Link>
      </div>
    </form>
  );
}
