import { useTranslation } from 'react-i18next';
import { API_BASE_URL } from '../../../lib/api-client';
import type { MemberSearchQuery } from '../member-search';
import './member-export.css';

/** The columns of the export file, in order (the API's `GET /members/export`). */
export const EXPORT_COLUMNS = [
  'id',
  'first_name',
  'last_name',
  'email',
  'language',
  'country',
  'city',
  'employer',
  'job_title',
  'industry',
  'status',
  'source',
  'departments',
  'graduation_year',
  'created_at',
] as const;

/** The export's address for the search's filters and order (no page: the file holds every match). */
export function memberExportUrl(query: MemberSearchQuery): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (name === 'page' || name === 'pageSize' || value === undefined || value === '') continue;
    params.set(name, String(value));
  }
  const search = params.toString();
  return `${API_BASE_URL}/api/members/export${search ? `?${search}` : ''}`;
}

/**
 * Staff: download the members the search's applied filters find as a CSV file (for Excel), with a
 * note of what the file holds and that it is personal data. A plain link, so the browser streams it.
 */
export function MemberExport({ query, filtered }: { query: MemberSearchQuery; filtered: boolean }) {
  const { t } = useTranslation();
  return (
    <section className="member-export" aria-labelledby="member-export-heading">
      <h2 id="member-export-heading" className="visually-hidden">
        {t('members.exportTitle')}
      </h2>
      <a className="button" href={memberExportUrl(query)} download aria-describedby="member-export-note">
        {t(filtered ? 'members.exportFiltered' : 'members.exportAll')}
      </a>
      <p id="member-export-note" className="field__hint member-export__note">
        {t('members.exportNote', { columns: EXPORT_COLUMNS.join(', ') })}
      </p>
    </section>
  );
}
