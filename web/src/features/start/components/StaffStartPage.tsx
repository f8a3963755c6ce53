import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { currentLanguage, localName } from '../../../lib/i18n';
import { hasRole, useAuth } from '../../../lib/auth/me';
import { MY_START_PATH } from '../../../lib/start-page';
import { useDocumentTitle } from '../../../lib/use-document-title';
import './start.css';

const SEARCH_ID = 'staff-start-search';

type Tool = 'members' | 'campaigns' | 'departments' | 'people' | 'apiKeys' | 'audit' | 'imports';

const TOOL_PATHS: Record<Tool, string> = {
  members: '/staff/members',
  campaigns: '/staff/campaigns',
  departments: '/departments',
  people: '/admin/people',
  apiKeys: '/admin/api-keys',
  audit: '/admin/audit',
  imports: '/admin/imports',
};

const STAFF_TOOLS: Tool[] = ['members', 'campaigns', 'departments'];
const ADMIN_TOOLS: Tool[] = ['people', 'apiKeys', 'audit', 'imports'];

/**
 * The start page of staff (`/staff`): a quick member search (into `/staff/members?q=`), then what they
 * work on – members, recruitment campaigns and the departments; for admins also people, API keys,
 * the audit log and imports. A coordinator is told which departments' members they see. `notice`, from the route,
 * comes first (a sign-up waiting for this person's confirmation).
 */
export function StaffStartPage({ notice }: { notice?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  useDocumentTitle(t('start.staff.title'));
  const { me } = useAuth();
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const admin = hasRole(me, 'admin');
  const departments = me?.departments ?? [];

  const search = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const q = query.trim();
    void navigate(q ? `${TOOL_PATHS.members}?${new URLSearchParams({ q }).toString()}` : TOOL_PATHS.members);
  };

  return (
    <div className="page page--medium start">
      <div className="page__header">
        <h1>{me?.displayName ? t('start.staff.welcome', { name: me.displayName }) : t('start.staff.title')}</h1>
        <p className="page__intro">
          {admin
            ? t('start.staff.introAdmin')
            : departments.length > 0
              ? t('start.staff.introCoordinator', { departments: departments.map((d) => localName(d, language)).join(', ') })
              : t('start.staff.introStaff')}
        </p>
      </div>

      {notice}

      <div className="panel start__search">
        <form role="search" onSubmit={search} className="start__search-form">
          <label htmlFor={SEARCH_ID} className="field__label">
            {t('start.staff.searchLabel')}
          </label>
          <p className="field__hint" id={`${SEARCH_ID}-hint`}>
            {t('start.staff.searchHint')}
          </p>
          <div className="start__search-row">
            <input
              id={SEARCH_ID}
              className="input"
              type="search"
              name="q"
              value={query}
              onChange={(event) => setQuery(event.target.value)}
              aria-describedby={`${SEARCH_ID}-hint`}
              maxLength={200}
              autoComplete="off"
            />
            <button type="submit" className="button button--primary">
              {t('start.staff.searchButton')}
            </button>
          </div>
        </form>
      </div>

      <ToolList headingId="staff-tools" heading={t('start.staff.toolsTitle')} tools={STAFF_TOOLS} />
      {admin ? <ToolList headingId="admin-tools" heading={t('start.staff.adminTitle')} tools={ADMIN_TOOLS} /> : null}

      <p className="start__own">
        {t('start.staff.ownPage')} <Link to={MY_START_PATH}>{t('start.staff.ownPageLink')}</Link>
      </p>
    </div>
  );
}

function ToolList({ headingId, heading, tools }: { headingId: string; heading: string; tools: Tool[] }) {
  const { t } = useTranslation();
  return (
    <section className="start__section" aria-labelledby={headingId}>
      <h2 id={headingId}>{heading}</h2>
      <ul className="start__tools">
        {tools.map((tool) => (
          <li key={tool} className="start__tool">
            <Link to={TOOL_PATHS[tool]} className="start__tool-link">
              {t(`start.tools.${tool}.title`)}
            </Link>
            <p>{t(`start.tools.${tool}.body`)}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
