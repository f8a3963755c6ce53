import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { z } from 'zod';
import type { NewsResponse } from '../../../api/generated';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { FormField } from '../../../components/FormField';
import { Pager } from '../../../components/Pager';
import { ProblemMessage } from '../../../components/ProblemMessage';
import { hasRole, useAuth } from '../../../lib/auth/me';
import { langAttribute, pickText } from '../../../lib/bilingual';
import { useFaculties } from '../../../lib/departments/faculties';
import { messagesAt, showsSummary, useFormFailure } from '../../../lib/form-errors';
import { formatDateTime } from '../../../lib/format';
import { currentLanguage, type Language } from '../../../lib/i18n';
import { toProblem } from '../../../lib/problem-details';
import { useDocumentTitle } from '../../../lib/use-document-title';
import type { Translate } from '../../../lib/text-rules';
import { isoToZonedLocal, viewerTimeZone, zonedLocalToIso } from '../../../lib/zoned-time';
import {
  NoDepartmentTopicError,
  useArchiveNews,
  useCreateNews,
  useNewsItem,
  useNewsList,
  usePassOnNews,
  useUpdateNews,
} from '../api/news';
import { editNewsPath, NEW_NEWS_PATH, NEWS_PATH, staffCampaignEditPath } from '../paths';
import { NetworkNav } from './NetworkNav';
import './network-meetings-news.css';

const PAGE_SIZE = 10;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Navigation state the list reads: the form just posted or saved an item. */
interface NewsSavedState {
  newsSaved?: 'created' | 'saved';
}

/** The network's news (`/staff/network/news`), newest first; the office posts, changes and archives; coordinators pass items on. */
export function NewsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('network.news.title'));
  const auth = useAuth();
  const office = hasRole(auth.me, 'admin');
  const location = useLocation();
  const [params] = useSearchParams();
  const requested = Number(params.get('page'));
  const page = Number.isInteger(requested) && requested >= 1 ? requested : 1;
  const list = useNewsList(page, PAGE_SIZE);
  const problem = list.error && !list.data ? toProblem(list.error) : null;
  const [status, setStatus] = useState<string | null>(() => {
    const saved = (location.state as NewsSavedState | null)?.newsSaved;
    return saved ? t(`network.news.form.${saved}`) : null;
  });
  return (
    <div className="page page--medium network-page">
      <NetworkNav />
      <div className="page__header network-page__header">
        <div>
          <h1>{t('network.news.title')}</h1>
          <p className="page__intro">{t(office ? 'network.news.introOffice' : 'network.news.intro')}</p>
        </div>
        {office ? (
          <Link to={NEW_NEWS_PATH} className="button button--primary">
            {t('network.news.new')}
          </Link>
        ) : null}
      </div>
      <div className="status-region" role="status" aria-live="polite" aria-atomic="true">
        {status ? <p className="notice notice--success">{status}</p> : null}
      </div>
      <div aria-busy={list.isFetching || undefined}>
        {list.isPending ? (
          <p className="loading">{t('common.loading')}</p>
        ) : problem ? (
          <div className="notice notice--error" role="alert">
            <ProblemMessage problem={problem} lead={t('network.news.loadError')} />
            <button type="button" className="button button--small" onClick={() => void list.refetch()}>
              {t('common.retry')}
            </button>
          </div>
        ) : !list.data ? null : list.data.items.length === 0 ? (
          <p>{t('network.news.none')}</p>
        ) : (
          <>
            <ul className="network-news">
              {list.data.items.map((news) => (
                <NewsItem key={news.id} news={news} office={office} onDone={setStatus} />
              ))}
            </ul>
            <Pager
              label={t('network.news.pagerLabel')}
              page={list.data.page}
              pages={Math.max(1, Math.ceil(list.data.total / list.data.pageSize))}
              linkTo={(to) => (to > 1 ? `?page=${to}` : '?')}
            />
          </>
        )}
      </div>
    </div>
  );
}

function localText(sv: string | null | undefined, en: string | null | undefined, language: Language) {
  const text = pickText(sv, en, language);
  return { text: text?.text ?? '', lang: langAttribute(text, language) };
}

function NewsItem({ news, office, onDone }: { news: NewsResponse; office: boolean; onDone: (message: string) => void }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const auth = useAuth();
  const title = localText(news.titleSv, news.titleEn, language);
  const bodyLanguage: Language = title.lang ?? language;
  const html = bodyLanguage === 'sv' ? news.bodySvHtml : news.bodyEnHtml;
  const archive = useArchiveNews();
  const archiveProblem = archive.error ? toProblem(archive.error) : null;
  const headingId = `news-${news.id}`;
  const coordinator = (auth.me?.departments.length ?? 0) > 0;
  return (
    <li className={news.scheduled ? 'network-news__item network-news__item--scheduled' : 'network-news__item'}>
      <article aria-labelledby={headingId}>
        <h2 id={headingId} className="network-news__title" lang={title.lang}>
          {title.text}
        </h2>
        <p className="network-news__meta">
          {news.scheduled ? <span className="badge badge--inactive">{t('network.news.scheduled')}</span> : null}{' '}
          <time dateTime={news.publishedAt}>{formatDateTime(news.publishedAt, language)}</time>
          {news.authorName ? <span> · {news.authorName}</span> : null}
        </p>
        {/* The API's HTML of the Markdown (Markdig, then HtmlSanitizer): only formatting, lists, quotes and links. */}
        <div className="network-html" lang={title.lang} dangerouslySetInnerHTML={{ __html: html ?? '' }} />
        {office ? (
          <div className="form-actions">
            <Link className="button button--small" to={editNewsPath(news.id)}>
              {t('network.news.edit')}
            </Link>
            <button
              type="button"
              className="button button--small"
              aria-disabled={archive.isPending || undefined}
              onClick={() => {
                if (!archive.isPending) archive.mutate(news.id, { onSuccess: () => onDone(t('network.news.archived', { title: title.text })) });
              }}
            >
              {archive.isPending ? t('common.saving') : t('network.news.archive')}
            </button>
          </div>
        ) : null}
        {archiveProblem ? (
          <div className="notice notice--error" role="alert">
            <ProblemMessage problem={archiveProblem} lead={t('network.news.archiveFailed')} />
          </div>
        ) : null}
        {coordinator && !news.scheduled ? <PassOn news={news} headingId={headingId} /> : null}
      </article>
    </li>
  );
}

/** "Pass on to my members": a draft campaign for one of the coordinator's departments, then its editor. */
function PassOn({ news, headingId }: { news: NewsResponse; headingId: string }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const navigate = useNavigate();
  const auth = useAuth();
  const faculties = useFaculties(false);
  const own = useMemo(() => {
    const codes = new Set((auth.me?.departments ?? []).map((d) => d.code));
    return (faculties.data ?? []).flatMap((f) => f.departments).filter((d) => codes.has(d.code));
  }, [auth.me, faculties.data]);
  const [chosen, setChosen] = useState('');
  const departmentId = chosen || own[0]?.id || '';
  const passOn = usePassOnNews();
  const failure = passOn.error
    ? passOn.error instanceof NoDepartmentTopicError
      ? { message: t('network.news.passOn.noTopic') }
      : { problem: toProblem(passOn.error) }
    : null;
  const selectId = `${headingId}-department`;
  return (
    <div className="network-pass-on">
      {own.length > 1 ? (
        <div className="field">
          <label htmlFor={selectId}>{t('network.news.passOn.department')}</label>
          <select id={selectId} className="input" value={departmentId} onChange={(e) => setChosen(e.target.value)}>
            {own.map((d) => (
              <option key={d.id} value={d.id}>
                {language === 'en' ? d.nameEn : d.nameSv}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <button
        type="button"
        className="button"
        aria-describedby={`${headingId}-pass-on-hint`}
        aria-disabled={passOn.isPending || !departmentId || undefined}
        onClick={() => {
          if (passOn.isPending || !departmentId) return;
          passOn.mutate({ news, departmentId, language }, { onSuccess: (campaign) => void navigate(staffCampaignEditPath(campaign.id)) });
        }}
      >
        {passOn.isPending ? t('network.news.passOn.pending') : t('network.news.passOn.button')}
      </button>
      <p id={`${headingId}-pass-on-hint`} className="field__hint">
        {t('network.news.passOn.hint')}
      </p>
      {failure ? (
        <div className="notice notice--error" role="alert">
          {failure.problem ? (
            <ProblemMessage problem={failure.problem} lead={t('network.news.passOn.failed')} />
          ) : (
            <span className="problem__message">{failure.message}</span>
          )}
        </div>
      ) : null}
    </div>
  );
}

/** The office: a new news item (`/staff/network/news/new`). */
export function NewNewsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('network.news.form.newTitle'));
  const auth = useAuth();
  return (
    <div className="page page--medium network-page">
      <NetworkNav />
      <p className="back-link">
        <Link to={NEWS_PATH}>{t('network.news.back')}</Link>
      </p>
      <h1>{t('network.news.form.newTitle')}</h1>
      {hasRole(auth.me, 'admin') ? <NewsForm /> : <p className="notice notice--warning">{t('network.news.form.officeOnly')}</p>}
    </div>
  );
}

/** The office: a change of a news item (`/staff/network/news/:newsId/edit`), from the version shown (If-Match). */
export function EditNewsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('network.news.form.editTitle'));
  const auth = useAuth();
  const { newsId = '' } = useParams();
  const wellFormed = GUID.test(newsId);
  const news = useNewsItem(newsId, wellFormed);
  const problem = news.error && !news.data ? toProblem(news.error) : null;
  return (
    <div className="page page--medium network-page">
      <NetworkNav />
      <p className="back-link">
        <Link to={NEWS_PATH}>{t('network.news.back')}</Link>
      </p>
      <h1>{t('network.news.form.editTitle')}</h1>
      {!wellFormed || problem?.kind === 'not-found' ? (
        <div className="notice notice--error" role="alert">
          <span className="problem__message">{t('network.news.notFound')}</span>
        </div>
      ) : news.isPending ? (
        <p className="loading">{t('common.loading')}</p>
      ) : problem ? (
        <div className="notice notice--error" role="alert">
          <ProblemMessage problem={problem} lead={t('network.news.loadItemError')} />
        </div>
      ) : !hasRole(auth.me, 'admin') ? (
        <p className="notice notice--warning">{t('network.news.form.officeOnly')}</p>
      ) : news.data?.archivedAt ? (
        <p className="notice notice--warning">{t('network.news.form.archivedNote')}</p>
      ) : news.data ? (
        <NewsForm news={news.data} />
      ) : null}
    </div>
  );
}

interface NewsValues {
  titleSv: string;
  bodySv: string;
  titleEn: string;
  bodyEn: string;
  publishedAt: string;
}

const NEWS_FIELDS = ['titleSv', 'bodySv', 'titleEn', 'bodyEn', 'publishedAt'] as const;
type NewsField = (typeof NEWS_FIELDS)[number];
const FORM_ID = 'news-form';
const TITLE_MAX = 200;
const BODY_MAX = 10_000;

function toValues(news: NewsResponse | undefined, zone: string): NewsValues {
  return {
    titleSv: news?.titleSv ?? '',
    bodySv: news?.bodySv ?? '',
    titleEn: news?.titleEn ?? '',
    bodyEn: news?.bodyEn ?? '',
    publishedAt: news ? isoToZonedLocal(news.publishedAt, zone) : '',
  };
}

function newsSchema(t: Translate) {
  const title = z
    .string()
    .refine((value) => value.trim().length <= TITLE_MAX, t('validation.tooLong', { max: TITLE_MAX }))
    .refine((value) => !/[<>]/.test(value), t('validation.markup'));
  const body = z.string().refine((value) => value.length <= BODY_MAX, t('validation.tooLong', { max: BODY_MAX }));
  return z
    .object({ titleSv: title, bodySv: body, titleEn: title, bodyEn: body, publishedAt: z.string() })
    .superRefine((values, context) => {
      const has = (value: string) => value.trim() !== '';
      if (![values.titleSv, values.bodySv, values.titleEn, values.bodyEn].some(has)) {
        context.addIssue({ code: 'custom', path: ['titleSv'], message: t('validation.newsOneLanguage') });
        return;
      }
      for (const [titleField, bodyField] of [
        ['titleSv', 'bodySv'],
        ['titleEn', 'bodyEn'],
      ] as const) {
        if (has(values[bodyField]) && !has(values[titleField])) context.addIssue({ code: 'custom', path: [titleField], message: t('validation.newsTitle') });
        if (has(values[titleField]) && !has(values[bodyField])) context.addIssue({ code: 'custom', path: [bodyField], message: t('validation.newsText') });
      }
    });
}

function NewsForm({ news }: { news?: NewsResponse }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const zone = viewerTimeZone();
  const create = useCreateNews();
  const update = useUpdateNews();
  const mutation = news ? update : create;
  const schema = useMemo(() => newsSchema(t), [t]);
  const { register, handleSubmit, setError, formState, reset } = useForm<NewsValues>({
    resolver: zodResolver(schema),
    defaultValues: toValues(news, zone),
    shouldFocusError: false,
  });
  const { failure, refuse, clear } = useFormFailure(mutation.error, setError, NEWS_FIELDS);
  const initialPublishedAt = toValues(news, zone).publishedAt;
  const shownVersion = useRef(news?.version);
  useEffect(() => {
    if (!news || shownVersion.current === news.version) return;
    shownVersion.current = news.version;
    reset(toValues(news, zone));
  }, [news, reset, zone]);
  const labels: Record<NewsField, string> = {
    titleSv: t('network.news.form.titleSv'),
    bodySv: t('network.news.form.bodySv'),
    titleEn: t('network.news.form.titleEn'),
    bodyEn: t('network.news.form.bodyEn'),
    publishedAt: t('network.news.form.publishedAt'),
  };
  const errorsOf = (field: NewsField) => messagesAt(formState.errors, field);
  const summary = NEWS_FIELDS.map((field) => ({ id: `${FORM_ID}-${field}`, label: labels[field], messages: errorsOf(field) }));
  const showSummary = showsSummary(failure, summary.flatMap((field) => field.messages));
  const send = (values: NewsValues) => {
    if (mutation.isPending) return;
    clear();
    const text = (value: string) => (value.trim() === '' ? undefined : value.trim());
    const markdown = (value: string) => (value.trim() === '' ? undefined : value.replace(/^\s*\n/, '').trimEnd());
    const body = {
      titleSv: text(values.titleSv),
      bodySv: markdown(values.bodySv),
      titleEn: text(values.titleEn),
      bodyEn: markdown(values.bodyEn),
      // An unchanged time keeps the stored one (to the second); a cleared one on a new item means now.
      publishedAt: values.publishedAt && values.publishedAt !== initialPublishedAt ? zonedLocalToIso(values.publishedAt, zone) : undefined,
    };
    const done = (how: 'created' | 'saved') => void navigate(NEWS_PATH, { state: { newsSaved: how } satisfies NewsSavedState });
    if (news) update.mutate({ id: news.id, version: news.version, body }, { onSuccess: () => done('saved') });
    else create.mutate(body, { onSuccess: () => done('created') });
  };
  const title = (name: 'titleSv' | 'titleEn', lang: 'sv' | 'en') => (
    <FormField id={`${FORM_ID}-${name}`} name={name} label={labels[name]} errors={errorsOf(name)}>
      {(controlProps) => <input {...controlProps} type="text" className="input" lang={lang} autoComplete="off" {...register(name)} />}
    </FormField>
  );
  const body = (name: 'bodySv' | 'bodyEn', lang: 'sv' | 'en') => (
    <FormField id={`${FORM_ID}-${name}`} name={name} label={labels[name]} hint={t('network.news.form.bodyHint')} errors={errorsOf(name)}>
      {(controlProps) => <textarea {...controlProps} className="input network-textarea" rows={6} lang={lang} {...register(name)} />}
    </FormField>
  );
  return (
    <form className="panel stack-form" noValidate onSubmit={handleSubmit(send, refuse)} aria-busy={mutation.isPending || undefined}>
      {showSummary ? (
        <ErrorSummary
          title={t(news ? 'network.news.form.saveFailed' : 'network.news.form.createFailed')}
          problem={failure.problem}
          attempt={failure.attempt}
          fields={summary}
          formMessages={failure.formMessages}
        />
      ) : null}
      <p className="field__hint">{t('network.news.form.languagesHint')}</p>
      <fieldset className="network-language">
        <legend>{t('network.news.form.swedish')}</legend>
        {title('titleSv', 'sv')}
        {body('bodySv', 'sv')}
      </fieldset>
      <fieldset className="network-language">
        <legend>{t('network.news.form.english')}</legend>
        {title('titleEn', 'en')}
        {body('bodyEn', 'en')}
      </fieldset>
      <FormField
        id={`${FORM_ID}-publishedAt`}
        name="publishedAt"
        label={labels.publishedAt}
        hint={t('network.news.form.publishedAtHint', { zone })}
        errors={errorsOf('publishedAt')}
      >
        {(controlProps) => <input {...controlProps} type="datetime-local" className="input input--date" {...register('publishedAt')} />}
      </FormField>
      <div className="form-actions">
        <button type="submit" className="button button--primary" aria-disabled={mutation.isPending || undefined}>
          {mutation.isPending ? t('common.saving') : t(news ? 'network.news.form.save' : 'network.news.form.create')}
        </button>
        <Link className="button" to={NEWS_PATH}>
          {t('common.cancel')}
        </Link>
      </div>
    </form>
  );
}
