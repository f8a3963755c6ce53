import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportJobResponse } from '../../../api/generated';
import { ProblemMessage } from '../../../components/ProblemMessage';
import { formatDateTime } from '../../../lib/format';
import { currentLanguage } from '../../../lib/i18n';
import { toProblem } from '../../../lib/problem-details';
import { isFinished, rejectedRowsUrl, useFirstRejections, useImportJob } from '../api/imports';
import { REJECTIONS_SHOWN } from '../imports';

export interface ImportReportProps {
  id: string;
  /** The rows the file holds (known from its dry run): the progress bar's end. Unknown: the bar only moves. */
  expectedRows?: number;
  /** The report's heading level inside the page. */
  headingLevel?: 2 | 3;
}

/**
 * An import's progress while it runs (a progress bar and the counts so far, asked for every second)
 * and its report when it is done: rows read, inserted (or would be, for a dry run), updated,
 * unchanged and rejected, the first rejections with their reasons and the rejected rows to download.
 */
export function ImportReport({ id, expectedRows, headingLevel = 2 }: ImportReportProps) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const job = useImportJob(id);
  const data = job.data;
  const finished = isFinished(data);
  const rejections = useFirstRejections(id, finished && (data?.rejected ?? 0) > 0);
  const progressId = useId();
  const Heading = `h${headingLevel}` as const;

  if (job.isPending) return <p className="loading">{t('common.loading')}</p>;
  if (!data) {
    return (
      <div className="notice notice--error" role="alert">
        <ProblemMessage problem={toProblem(job.error)} lead={t('imports.report.loadError')} />
      </div>
    );
  }

  const dry = data.dryRun;
  const title = !finished
    ? t(dry ? 'imports.report.checking' : 'imports.report.running')
    : data.status === 'failed'
      ? t('imports.report.failed')
      : t(dry ? 'imports.report.dryRunDone' : 'imports.report.done');
  const max = expectedRows && expectedRows > 0 ? expectedRows : undefined;

  return (
    <section className="import-report" aria-labelledby={`${progressId}-title`}>
      <Heading id={`${progressId}-title`} className="panel__title">
        {title}
      </Heading>
      {!finished ? (
        <div className="import-report__progress">
          <label htmlFor={progressId}>{t('imports.report.progressLabel')}</label>
          <progress id={progressId} max={max} value={max ? Math.min(data.rowsRead, max) : undefined}>
            {max ? `${Math.round((Math.min(data.rowsRead, max) / max) * 100)} %` : t('imports.report.progressUnknown')}
          </progress>
        </div>
      ) : null}
      <p role="status" className="import-report__summary">
        {finished
          ? t(dry ? 'imports.report.summaryDryRun' : 'imports.report.summary', { rows: data.rowsRead, rejected: data.rejected })
          : max
            ? t('imports.report.readOf', { rows: data.rowsRead, total: max })
            : t('imports.report.read', { rows: data.rowsRead })}
      </p>
      <dl className="import-counts">
        <div>
          <dt>{t('imports.counts.rowsRead')}</dt>
          <dd>{data.rowsRead}</dd>
        </div>
        <div>
          <dt>{t(dry ? 'imports.counts.wouldInsert' : 'imports.counts.inserted')}</dt>
          <dd>{data.inserted}</dd>
        </div>
        <div>
          <dt>{t(dry ? 'imports.counts.wouldUpdate' : 'imports.counts.updated')}</dt>
          <dd>{data.updated}</dd>
        </div>
        <div>
          <dt>{t('imports.counts.unchanged')}</dt>
          <dd>{data.unchanged}</dd>
        </div>
        <div>
          <dt>{t('imports.counts.rejected')}</dt>
          <dd>{data.rejected}</dd>
        </div>
      </dl>
      {data.status === 'failed' && data.error ? (
        <p className="notice notice--error">
          {t('imports.report.error')} {data.error}
        </p>
      ) : null}
      <p className="muted">
        <ReportTimes job={data} language={language} />
      </p>
      {finished && data.rejected > 0 ? (
        <div className="import-rejections">
          <Heading className="import-rejections__title">
            {t('imports.rejections.title', { count: Math.min(data.rejected, REJECTIONS_SHOWN), total: data.rejected })}
          </Heading>
          {rejections.data ? (
            <ul className="import-rejections__list">
              {rejections.data.map((r) => (
                <li key={r.row}>
                  <strong>{t('imports.rejections.row', { row: r.row })}</strong> {r.reason}
                </li>
              ))}
            </ul>
          ) : rejections.isError ? (
            <p className="muted">{t('imports.rejections.loadError')}</p>
          ) : (
            <p className="loading">{t('common.loading')}</p>
          )}
          <a className="button" href={rejectedRowsUrl(id)} download>
            {t('imports.rejections.download', { count: data.rejected })}
          </a>
        </div>
      ) : null}
    </section>
  );
}

function ReportTimes({ job, language }: { job: ImportJobResponse; language: ReturnType<typeof currentLanguage> }) {
  const { t } = useTranslation();
  return (
    <>
      {t('imports.report.created', { at: formatDateTime(job.createdAt, language) })}
      {job.finishedAt ? ` · ${t('imports.report.finished', { at: formatDateTime(job.finishedAt, language) })}` : null}
      {job.fileName ? ` · ${job.fileName}` : null}
    </>
  );
}
