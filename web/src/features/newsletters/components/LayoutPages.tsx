import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { LayoutResponse } from '../../../api/generated';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { FormField } from '../../../components/FormField';
import { ProblemMessage } from '../../../components/ProblemMessage';
import { hasRole, useAuth } from '../../../lib/auth/me';
import { messagesAt, showsSummary, useFormFailure } from '../../../lib/form-errors';
import { toProblem } from '../../../lib/problem-details';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useLayout, useLayouts, useSaveLayout } from '../api/library';
import { LAYOUT_FIELD_ROUTES, LAYOUT_FIELDS, layoutSchema, layoutToValues, toLayoutInput, type LayoutField, type LayoutFormValues } from '../layout-form';
import { GUID, LAYOUTS_PATH, layoutPath, NEW_LAYOUT_PATH, NEWSLETTERS_PATH } from '../paths';
import { MarkdownField } from './MarkdownField';
import './newsletters.css';

/** Admins: the office's layouts around every mail (header, footer, postal address); one is the default. */
export function LayoutsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('newsletters.layouts.title'));
  const auth = useAuth();
  const layouts = useLayouts();
  const problem = layouts.error ? toProblem(layouts.error) : null;
  const isAdmin = hasRole(auth.me, 'admin');
  return (
    <div className="page page--medium newsletters">
      <p className="back-link">
        <Link to={NEWSLETTERS_PATH}>{t('newsletters.back')}</Link>
      </p>
      <div className="page__header newsletters__header">
        <div>
          <h1>{t('newsletters.layouts.title')}</h1>
          <p className="page__intro">{t('newsletters.layouts.intro')}</p>
        </div>
        {isAdmin ? (
          <Link to={NEW_LAYOUT_PATH} className="button button--primary">
            {t('newsletters.layouts.new')}
          </Link>
        ) : null}
      </div>
      {layouts.isPending ? (
        <p className="loading">{t('common.loading')}</p>
      ) : problem && !layouts.data ? (
        <div className="notice notice--error" role="alert">
          <ProblemMessage problem={problem} lead={t('newsletters.layouts.loadError')} />
        </div>
      ) : (layouts.data ?? []).length === 0 ? (
        <p role="status">{t('newsletters.layouts.none')}</p>
      ) : (
        <ul className="message-list">
          {(layouts.data ?? []).map((layout) => (
            <li key={layout.id} className="panel message-card">
              <h2 className="message-card__title">
                {isAdmin ? <Link to={layoutPath(layout.id)}>{layout.name}</Link> : layout.name}{' '}
                {layout.isDefault ? <span className="badge badge--active">{t('newsletters.layouts.default')}</span> : null}
              </h2>
              <p className="event-text muted">{layout.postalAddress}</p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Admins: a new layout (`/layouts/new`) or a change of one (`/layouts/:layoutId`, If-Match). */
export function LayoutPage() {
  const { t } = useTranslation();
  const { layoutId } = useParams();
  const editing = layoutId !== undefined;
  const wellFormed = !editing || GUID.test(layoutId);
  const layout = useLayout(layoutId ?? '', editing && wellFormed);
  const auth = useAuth();
  const problem = layout.error ? toProblem(layout.error) : null;
  const title = editing ? t('newsletters.layouts.editTitle') : t('newsletters.layouts.newTitle');
  useDocumentTitle(title);
  const notFound = !wellFormed || (problem?.kind === 'not-found' && !layout.data);
  return (
    <div className="page page--wide newsletters">
      <p className="back-link">
        <Link to={LAYOUTS_PATH}>{t('newsletters.layouts.back')}</Link>
      </p>
      <div className="page__header">
        <h1>{title}</h1>
        <p className="page__intro">{t('newsletters.layouts.formIntro')}</p>
      </div>
      {!hasRole(auth.me, 'admin') ? (
        <p className="notice notice--warning">{t('newsletters.adminsOnly')}</p>
      ) : notFound ? (
        <div className="notice notice--error" role="alert">
          <span className="problem__message">{t('newsletters.layouts.notFound')}</span>
        </div>
      ) : editing && layout.isPending ? (
        <p className="loading">{t('common.loading')}</p>
      ) : problem && !layout.data ? (
        <div className="notice notice--error" role="alert">
          <ProblemMessage problem={problem} lead={t('newsletters.layouts.loadError')} />
        </div>
      ) : (
        <LayoutForm key={`${layout.data?.id ?? 'new'}-${layout.data?.version ?? 0}`} layout={layout.data} />
      )}
    </div>
  );
}

const ID = 'layout';
const fieldId = (field: string) => `${ID}-${field}`;

function LayoutForm({ layout }: { layout?: LayoutResponse }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const save = useSaveLayout();
  const schema = useMemo(() => layoutSchema(t), [t]);
  const { control, register, handleSubmit, setError, formState } = useForm<LayoutFormValues>({
    resolver: zodResolver(schema),
    defaultValues: layoutToValues(layout),
    shouldFocusError: false,
  });
  const { failure, refuse, clear } = useFormFailure(save.error, setError, LAYOUT_FIELD_ROUTES);
  const [saved, setSaved] = useState(false);
  const inLanguage = (field: string, lng: 'sv' | 'en') => t('newsletters.editor.inLanguage', { field, language: t(`newsletters.languages.${lng}`) });
  const labels: Record<LayoutField, string> = {
    name: t('newsletters.layouts.name'),
    postalAddress: t('newsletters.layouts.postalAddress'),
    headerSv: inLanguage(t('newsletters.layouts.header'), 'sv'),
    headerEn: inLanguage(t('newsletters.layouts.header'), 'en'),
    footerSv: inLanguage(t('newsletters.layouts.footer'), 'sv'),
    footerEn: inLanguage(t('newsletters.layouts.footer'), 'en'),
  };
  const errorsOf = (field: string) => messagesAt(formState.errors, field);
  const summary = LAYOUT_FIELDS.map((field) => ({ id: fieldId(field), label: labels[field], messages: errorsOf(field) }));
  const showSummary = showsSummary(failure, summary.flatMap((field) => field.messages));
  const send = (values: LayoutFormValues) => {
    if (save.isPending) return;
    clear();
    setSaved(false);
    save.mutate(
      { id: layout?.id, version: layout?.version, body: toLayoutInput(values) },
      {
        onSuccess: (result) => {
          if (layout) setSaved(true);
          else void navigate(layoutPath(result.id));
        },
      },
    );
  };
  const markdown = (field: 'headerSv' | 'headerEn' | 'footerSv' | 'footerEn', lng: 'sv' | 'en') => (
    <Controller
      control={control}
      name={field}
      render={({ field: f }) => (
        <MarkdownField
          id={fieldId(field)}
          name={field}
          label={labels[field]}
          lang={lng}
          rows={4}
          errors={errorsOf(field)}
          value={f.value}
          onChange={f.onChange}
          onBlur={f.onBlur}
          textareaRef={f.ref}
        />
      )}
    />
  );
  return (
    <form className="newsletter-form" noValidate onSubmit={handleSubmit(send, refuse)} aria-busy={save.isPending || undefined}>
      {showSummary ? (
        <ErrorSummary title={t('newsletters.layouts.saveFailed')} problem={failure.problem} attempt={failure.attempt} fields={summary} formMessages={failure.formMessages} />
      ) : null}
      <div className="status-region" role="status" aria-live="polite" aria-atomic="true">
        {saved ? <p className="notice notice--success">{t('newsletters.layouts.saved')}</p> : null}
      </div>
      <section className="panel" aria-labelledby="layout-about-heading">
        <h2 id="layout-about-heading" className="panel__title">
          {t('newsletters.layouts.about')}
        </h2>
        <div className="newsletter-form__grid">
          <FormField id={fieldId('name')} name="name" label={labels.name} errors={errorsOf('name')}>
            {(controlProps) => <input {...controlProps} className="input" autoComplete="off" {...register('name')} />}
          </FormField>
          <FormField id={fieldId('postalAddress')} name="postalAddress" label={labels.postalAddress} hint={t('newsletters.layouts.postalHint')} errors={errorsOf('postalAddress')}>
            {(controlProps) => <textarea {...controlProps} className="input" rows={3} {...register('postalAddress')} />}
          </FormField>
        </div>
        <p className="checkbox-list__item">
          <input type="checkbox" id={fieldId('isDefault')} {...register('isDefault')} />
          <label htmlFor={fieldId('isDefault')}>{t('newsletters.layouts.makeDefault')}</label>
        </p>
      </section>
      <section className="panel" aria-labelledby="layout-texts-heading">
        <h2 id="layout-texts-heading" className="panel__title">
          {t('newsletters.layouts.texts')}
        </h2>
        <p className="field__hint">{t('newsletters.layouts.textsHint')}</p>
        <div className="newsletter-languages">
          {(['sv', 'en'] as const).map((lng) => {
            const suffix = lng === 'sv' ? 'Sv' : 'En';
            return (
              <fieldset key={lng} className="newsletter-language" lang={lng}>
                <legend>{t(`newsletters.languages.${lng}Title`)}</legend>
                {markdown(`header${suffix}`, lng)}
                {markdown(`footer${suffix}`, lng)}
              </fieldset>
            );
          })}
        </div>
      </section>
      <div className="form-actions">
        <button type="submit" className="button button--primary" aria-disabled={save.isPending || undefined}>
          {save.isPending ? t('common.saving') : t('newsletters.layouts.save')}
        </button>
      </div>
    </form>
  );
}
