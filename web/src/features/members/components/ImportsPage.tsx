import { useMemo, useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { ImportSummary } from '../../../api/generated';
import { Pager } from '../../../components/Pager';
import { ProblemMessage } from '../../../components/ProblemMessage';
import { formatDateTime } from '../../../lib/format';
import { currentLanguage } from '../../../lib/i18n';
import { toProblem, type Problem } from '../../../lib/problem-details';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { IMPORTS_PAGE_SIZE, isFinished, useImportJob, useImports, useStartImport } from '../api/imports';
import { IMPORT_DEGREE_TYPES, IMPORT_OPTIONAL_COLUMNS, IMPORT_REQUIRED_COLUMNS, newIdempotencyKey } from '../imports';
import { ImportReport } from './ImportReport';
import './imports.css';

export const IMPORTS_PATH = '/admin/imports';

export function importPath(id: string): string {
  return `${IMPORTS_PATH}/${encodeURIComponent(id)}`;
}

/** What the job page is told when an import starts from here: the rows its dry run read. */
export interface StartedImportState {
  expectedRows?: number;
}

const ID = 'import';

/**
 * Admins: import former students from a CSV or NDJSON file. The file is checked first (a dry run,
 * whose report shows what would happen), then imported with an Idempotency-Key, so that a double
 * click or a retry cannot import it twice; the import's own page follows its progress. Below, the
 * past imports with who ran them.
 */
export function ImportsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('imports.title'));
  return (
    <div className="page page--wide">
      <div className="page__header">
        <h1>{t('imports.title')}</h1>
        <p className="page__intro">{t('imports.intro')}</p>
      </div>
      <NewImport />
      <PastImports />
    </div>
  );
}

function NewImport() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [file, setFile] = useState<File | null>(null);
  const [dryRunId, setDryRunId] = useState<string>();
  const [startKey, setStartKey] = useState(newIdempotencyKey);
  const [missingFile, setMissingFile] = useState(false);
  const dryRun = useStartImport();
  const start = useStartImport();
  const dryRunJob = useImportJob(dryRunId);
  const checked = dryRunJob.data && isFinished(dryRunJob.data) ? dryRunJob.data : undefined;
  const problem = useMemo(() => {
    const error = start.error ?? dryRun.error;
    return error ? toProblem(error) : null;
  }, [start.error, dryRun.error]);

  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    setFile(event.target.files?.[0] ?? null);
    setDryRunId(undefined);
    setStartKey(newIdempotencyKey());
    setMissingFile(false);
    dryRun.reset();
    start.reset();
  };

  const check = (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setMissingFile(true);
      return;
    }
    start.reset();
    dryRun.mutate({ file, dryRun: true }, { onSuccess: (job) => setDryRunId(job.id) });
  };

  const run = () => {
    if (!file || !checked) return;
    start.mutate(
      { file, dryRun: false, idempotencyKey: startKey },
      {
        onSuccess: (job) =>
          void navigate(importPath(job.id), { state: { expectedRows: checked.rowsRead } satisfies StartedImportState }),
      },
    );
  };

  return (
    <section className="panel" aria-labelledby={`${ID}-heading`}>
      <h2 id={`${ID}-heading`} className="panel__title">
        {t('imports.new.title')}
      </h2>
      <form className="stack-form" onSubmit={check} noValidate>
        <div className={missingFile ? 'field field--invalid' : 'field'}>
          <label className="field__label" htmlFor={`${ID}-file`}>
            {t('imports.new.file')}
          </label>
          <p className="field__hint" id={`${ID}-file-hint`}>
            {t('imports.new.fileHint')}
          </p>
          <input
            id={`${ID}-file`}
            name="file"
            type="file"
            className="import-file"
            accept=".csv,.ndjson,.jsonl,text/csv,application/x-ndjson"
            aria-describedby={[missingFile ? `${ID}-file-error` : '', `${ID}-file-hint`, `${ID}-format`].filter(Boolean).join(' ')}
            aria-invalid={missingFile || undefined}
            onChange={choose}
          />
          {missingFile ? (
            <p className="field__error" id={`${ID}-file-error`}>
              {t('imports.new.chooseFile')}
            </p>
          ) : null}
        </div>
        <details className="import-format" id={`${ID}-format`}>
          <summary>{t('imports.format.summary')}</summary>
          <p>{t('imports.format.files')}</p>
          <p>
            {t('imports.format.required')}{' '}
            <span className="code-list">
              {IMPORT_REQUIRED_COLUMNS.map((c) => (
                <code key={c}>{c}</code>
              ))}
            </span>
          </p>
          <p>
            {t('imports.format.optional')}{' '}
            <span className="code-list">
              {IMPORT_OPTIONAL_COLUMNS.map((c) => (
                <code key={c}>{c}</code>
              ))}
            </span>
          </p>
          <p>
            {t('imports.format.degreeTypes')}{' '}
            <span className="code-list">
              {IMPORT_DEGREE_TYPES.map((c) => (
                <code key={c}>{c}</code>
              ))}
            </span>
          </p>
          <p>{t('imports.format.rules')}</p>
        </details>
        <div className="form-actions">
          <button type="submit" className={checked ? 'button' : 'button button--primary'} disabled={dryRun.isPending}>
            {dryRun.isPending ? t('imports.new.checking') : t('imports.new.check')}
          </button>
        </div>
      </form>

      {problem ? <UploadProblem problem={problem} /> : null}

      {dryRunId ? (
        <div className="import-step">
          <ImportReport id={dryRunId} headingLevel={3} />
          {checked && checked.status === 'succeeded' ? (
            <div className="import-start">
              <p>{t(checked.rejected > 0 ? 'imports.new.startNoteRejected' : 'imports.new.startNote', { count: checked.rejected })}</p>
              <button type="button" className="button button--primary" onClick={run} disabled={start.isPending || start.isSuccess}>
                {start.isPending ? t('imports.new.starting') : t('imports.new.start')}
              </button>
            </div>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

/** A refused upload: the problem and every reason the server gave (a bad header lists each column). */
function UploadProblem({ problem }: { problem: Problem }) {
  const { t } = useTranslation();
  const reasons = Object.values(problem.errors).flat();
  return (
    <div className="notice notice--error" role="alert">
      <ProblemMessage problem={problem} lead={t('imports.new.refused')} />
      {reasons.length > 0 ? (
        <ul className="import-problems">
          {reasons.map((reason, i) => (
            <li key={i}>{reason}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function pageOf(value: string | null): number {
  const page = Number(value);
  return Number.isInteger(page) && page >= 1 ? page : 1;
}

function PastImports() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const [params] = useSearchParams();
  const page = pageOf(params.get('page'));
  const imports = useImports(page);
  const data = imports.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / IMPORTS_PAGE_SIZE)) : 1;
  const first = data ? (data.page - 1) * data.pageSize + 1 : 0;
  const last = data ? first + data.items.length - 1 : 0;
  const who = (item: ImportSummary) =>
    item.runBy ? (item.runByKey ? t('imports.list.byKey', { name: item.runBy }) : item.runBy) : t('imports.list.unknown');

  return (
    <section className="panel" aria-labelledby={`${ID}-list-heading`}>
      <h2 id={`${ID}-list-heading`} className="panel__title">
        {t('imports.list.title')}
      </h2>
      {imports.isPending ? (
        <p className="loading">{t('common.loading')}</p>
      ) : !data ? (
        <div className="notice notice--error" role="alert">
          <ProblemMessage problem={toProblem(imports.error)} lead={t('imports.list.loadError')} />
        </div>
      ) : data.items.length === 0 ? (
        <p>{t('imports.list.none')}</p>
      ) : (
        <>
          <div className="table-wrap import-table-wrap">
            <table className="data-table data-table--dense import-table">
              <caption className="data-table__caption">{t('imports.list.caption', { first, last, total: data.total })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('imports.list.columns.when')}</th>
                  <th scope="col">{t('imports.list.columns.file')}</th>
                  <th scope="col">{t('imports.list.columns.who')}</th>
                  <th scope="col">{t('imports.list.columns.kind')}</th>
                  <th scope="col">{t('imports.list.columns.status')}</th>
                  <th scope="col" className="num">{t('imports.counts.rowsRead')}</th>
                  <th scope="col" className="num">{t('imports.counts.inserted')}</th>
                  <th scope="col" className="num">{t('imports.counts.updated')}</th>
                  <th scope="col" className="num">{t('imports.counts.rejected')}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((item) => (
                  <tr key={item.id}>
                    <th scope="row" className="nowrap" data-label={t('imports.list.columns.when')}>
                      <Link to={importPath(item.id)}>
                        <time dateTime={item.createdAt}>{formatDateTime(item.createdAt, language)}</time>
                      </Link>
                    </th>
                    <td className="import-table__file" data-label={t('imports.list.columns.file')}>
                      {item.fileName ?? t('imports.list.noFileName')}
                    </td>
                    <td className="import-table__who" data-label={t('imports.list.columns.who')}>
                      {who(item)}
                    </td>
                    <td data-label={t('imports.list.columns.kind')}>{t(item.dryRun ? 'imports.list.dryRun' : 'imports.list.import')}</td>
                    <td data-label={t('imports.list.columns.status')}>
                      <span className={statusClass(item.status)}>{t(`imports.status.${statusKey(item.status)}`)}</span>
                    </td>
                    <td className="num" data-label={t('imports.counts.rowsRead')}>
                      {item.rowsRead}
                    </td>
                    <td className="num" data-label={t('imports.counts.inserted')}>
                      {item.inserted}
                    </td>
                    <td className="num" data-label={t('imports.counts.updated')}>
                      {item.updated}
                    </td>
                    <td className="num" data-label={t('imports.counts.rejected')}>
                      {item.rejected}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager label={t('imports.list.pager')} page={data.page} pages={pages} linkTo={(p) => (p > 1 ? `${IMPORTS_PATH}?page=${p}` : IMPORTS_PATH)} />
        </>
      )}
    </section>
  );
}

const STATUSES = ['queued', 'running', 'succeeded', 'failed'] as const;

function statusKey(status: string): (typeof STATUSES)[number] | 'other' {
  return (STATUSES as readonly string[]).includes(status) ? (status as (typeof STATUSES)[number]) : 'other';
}

function statusClass(status: string): string {
  if (status === 'succeeded') return 'badge badge--active';
  if (status === 'failed') return 'badge badge--danger';
  return 'badge badge--inactive';
}
