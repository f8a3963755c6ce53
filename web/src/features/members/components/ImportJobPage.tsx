import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { ImportReport } from './ImportReport';
import { IMPORTS_PATH, type StartedImportState } from './ImportsPage';
import './imports.css';

/** One import: its progress while it runs, then its report and rejected rows (opened from the list or after starting it). */
export function ImportJobPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('imports.job.title'));
  const { id = '' } = useParams();
  const state = useLocation().state as StartedImportState | null;
  return (
    <div className="page page--medium">
      <p>
        <Link to={IMPORTS_PATH}>{t('imports.job.back')}</Link>
      </p>
      <div className="page__header">
        <h1>{t('imports.job.title')}</h1>
      </div>
      <div className="panel">
        <ImportReport id={id} expectedRows={state?.expectedRows} />
      </div>
    </div>
  );
}
