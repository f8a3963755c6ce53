import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { LayoutResponse } from '../../../api/generated';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { FormField } from '../../../components/FormField';
import { ProblemMessage } from '../../../components/ProblemMessage';
import { hasRole, useAuth } from '../../../lib/auth/me';
import { placeServerErrors } from '../../../lib/form-errors';
import { toProblem, type Problem } from '../../../lib/problem-details';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useLayout, useLayouts, useSaveLayout } from '../api/library';
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

interface LayoutValues {
  name: string;
  headerSv: string;
  headerEn: string;
  footerSv: string;
  footerEn: string;
  postalAddress: string;
  isDefault: boolean;
}

type LayoutField = Exclude<keyof LayoutValues, 'isDefault'>;
const LAYOUT_FIELDS: readonly LayoutField[] = ['name', 'postalAddress', 'headerSv', 'footerSv', 'headerEn', 'footerEn'];

function valuesOf(layout?: LayoutResponse): LayoutValues {
  return {
    name: layout?.name ?? '',
    headerSv: layout?.headerSv ?? '',
    headerEn: layout?.headerEn ?? '',
    footerSv: layout?.footerSv ?? '',
    footerEn: layout?.footerEn ?? '',
    postalAddress: layout?.postalAddress ?? '',
    isDefault: layout?.isDefault ?? false,
  };
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

function LayoutForm({ layout }: { layout?: LayoutResponse }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const save = useSaveLayout();
  const [values, setValues] = useState(() => valuesOf(layout));
  const [errors, setErrors] = useState<Partial<Record<LayoutField, string[]>>>({});
  const [failure, setFailure] = useState<{ problem: Problem | null; attempt: number; form: string[] } | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => setSaved(false), [values]);
  const set = <K extends keyof LayoutValues>(field: K, value: LayoutValues[K]) => setValues((v) => ({ ...v, [field]: value }));
  const inLanguage = (field: string, lng: 'sv' | 'en') => t('newsletters.editor.inLanguage', { field, language: t(`newsletters.languages.${lng}`) });
  const labels: Record<LayoutField, string> = {
    name: t('newsletters.layouts.name'),
    postalAddress: t('newsletters.layouts.postalAddress'),
    headerSv: inLanguage(t('newsletters.layouts.header'), 'sv'),
    headerEn: inLanguage(t('newsletters.layouts.header'), 'en'),
    footerSv: inLanguage(t('newsletters.layouts.footer'), 'sv'),
    footerEn: inLanguage(t('newsletters.layouts.footer'), 'en'),
  };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (save.isPending) return;
    const own: Partial<Record<LayoutField, string[]>> = {};
    if (values.name.trim() === '') own.name = [t('validation.layoutName')];
    if (values.postalAddress.trim() === '') own.postalAddress = [t('validation.postalAddress')];
    setErrors(own);
    if (Object.keys(own).length > 0) {
      setFailure((f) => ({ problem: null, attempt: (f?.attempt ?? 0) + 1, form: [] }));
      return;
    }
    setFailure(null);
    const text = (value: string) => (value.trim() === '' ? undefined : value.trimEnd());
    save.mutate(
      {
        id: layout?.id,
        version: layout?.version,
        body: {
          name: values.name.trim(),
          headerSv: text(values.headerSv),
          headerEn: text(values.headerEn),
          footerSv: text(values.footerSv),
          footerEn: text(values.footerEn),
          postalAddress: values.postalAddress.trim(),
          isDefault: values.isDefault,
        },
      },
      {
        onSuccess: (result) => {
          if (layout) setSaved(true);
          else void navigate(layoutPath(result.id));
        },
        onError: (error) => {
          const problem = toProblem(error);
          const placed = placeServerErrors(problem, LAYOUT_FIELDS);
          setErrors(placed.fields as Partial<Record<LayoutField, string[]>>);
          setFailure((f) => ({ problem, attempt: (f?.attempt ?? 0) + 1, form: placed.form }));
        },
      },
    );
  };
  const summary = LAYOUT_FIELDS.map((field) => ({ id: `layout-${field}`, label: labels[field], messages: errors[field] ?? [] }));
  return (
    <form className="newsletter-form" noValidate onSubmit={submit} aria-busy={save.isPending || undefined}>
      {failure ? <ErrorSummary title={t('newsletters.layouts.saveFailed')} problem={failure.problem} attempt={failure.attempt} fields={summary} formMessages={failure.form} /> : null}
      <div className="status-region" role="status" aria-live="polite" aria-atomic="true">
        {saved ? <p className="notice notice--success">{t('newsletters.layouts.saved')}</p> : null}
      </div>
      <section className="panel" aria-labelledby="layout-about-heading">
        <h2 id="layout-about-heading" className="panel__title">
          {t('newsletters.layouts.about')}
        </h2>
        <div className="newsletter-form__grid">
          <FormField id="layout-name" name="name" label={labels.name} errors={errors.name}>
            {(control) => <input {...control} className="input" value={values.name} onChange={(e) => set('name', e.target.value)} />}
          </FormField>
          <FormField id="layout-postalAddress" name="postalAddress" label={labels.postalAddress} hint={t('newsletters.layouts.postalHint')} errors={errors.postalAddress}>
            {(control) => <textarea {...control} className="input" rows={3} value={values.postalAddress} onChange={(e) => set('postalAddress', e.target.value)} />}
          </FormField>
        </div>
        <p className="checkbox-list__item">
          <input type="checkbox" id="layout-default" checked={values.isDefault} onChange={(e) => set('isDefault', e.target.checked)} />
          <label htmlFor="layout-default">{t('newsletters.layouts.makeDefault')}</label>
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
            const header = `header${suffix}` as const;
            const footer = `footer${suffix}` as const;
            return (
              <fieldset key={lng} className="newsletter-language" lang={lng}>
                <legend>{t(`newsletters.languages.${lng}Title`)}</legend>
                <MarkdownField id={`layout-${header}`} name={header} label={labels[header]} lang={lng} rows={4} errors={errors[header]} value={values[header]} onChange={(v) => set(header, v)} />
                <MarkdownField id={`layout-${footer}`} name={footer} label={labels[footer]} lang={lng} rows={4} errors={errors[footer]} value={values[footer]} onChange={(v) => set(footer, v)} />
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
