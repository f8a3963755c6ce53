import { useEffect, useId, useState, type FormEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { UserResponse } from '../../../api/generated';
import { ProblemMessage } from '../../../components/ProblemMessage';
import { toProblem } from '../../../lib/problem-details';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useUrlFilters } from '../../../lib/use-url-filters';
import { useFaculties } from '../../../lib/departments/faculties';
import { useUsers } from '../api/users';
import { AddPersonForm } from './AddPersonForm';
import { PersonRolesPanel, ROLES_PANEL_ID } from './PersonRolesPanel';
import { TableScroll } from '../../../components/TableScroll';

const SEARCH_PARAM = 'q';
const STAFF_PARAM = 'staff';

interface PeopleFilters {
  q: string;
  staffOnly: boolean;
}

const PEOPLE_FILTERS = {
  fromParams: (params: URLSearchParams): PeopleFilters => ({
    q: params.get(SEARCH_PARAM) ?? '',
    staffOnly: params.get(STAFF_PARAM) === 'true',
  }),
  toParams: ({ q, staffOnly }: PeopleFilters) => {
    const params = new URLSearchParams();
    if (q.trim()) params.set(SEARCH_PARAM, q.trim());
    if (staffOnly) params.set(STAFF_PARAM, 'true');
    return params;
  },
};

/** A person as the list shows them: their name with the address beneath, the address alone, or only "erased person". */
function PersonName({ user }: { user: UserResponse }) {
  const { t } = useTranslation();
  if (user.erased) return <span className="muted">{t('people.erased')}</span>;
  if (!user.name) return <span className="person-name__email">{user.email}</span>;
  return (
    <span className="person-name">
      <span className="person-name__name">{user.name}</span>
      <span className="person-name__email muted">{user.email}</span>
    </span>
  );
}

/** A person in one line of text: "Name (address)", the address alone, or "erased person". */
function personLabel(t: TFunction, user: UserResponse): string {
  if (user.erased) return t('people.erased');
  return user.name ? `${user.name} (${user.email})` : user.email;
}

export function manageButtonId(userId: string): string {
  return `manage-person-${userId}`;
}

/**
 * Where a person's coordinator assignments are kept (another area of the app, which the app's route passes in): the
 * directory, and the form that assigns this person.
 */
export interface AssignmentLinks {
  directory: string;
  assign: (user: UserResponse) => string;
}

/** Admin page: find people, add a person by address, give or take the admin role, and see whom each coordinates. */
export function PeoplePage({ assignmentLinks }: { assignmentLinks?: AssignmentLinks }) {
  const { t } = useTranslation();
  useDocumentTitle(t('people.title'));
  const { applied, draft, setDraft, apply } = useUrlFilters(PEOPLE_FILTERS);
  const users = useUsers({ search: applied.q, staffOnly: applied.staffOnly });
  const faculties = useFaculties(false);
  const [selected, setSelected] = useState<UserResponse | null>(null);
  const [status, setStatus] = useState('');
  const [returnFocusTo, setReturnFocusTo] = useState<string | null>(null);
  const searchId = useId();
  const staffId = useId();

  // The panel shows the freshest copy of the person (the list is refetched after every change).
  const selectedUser = selected ? (users.data?.find((u) => u.id === selected.id) ?? selected) : null;

  useEffect(() => {
    if (selected || !returnFocusTo) return;
    document.getElementById(returnFocusTo)?.focus();
    // eslint-disable-next-line react-hooks/set-state-in-effect -- a DOM effect (focus back to the opener once the panel has gone); the reset only marks it done
    setReturnFocusTo(null);
  }, [selected, returnFocusTo]);

  const applySearch = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    apply({ ...applied, q: draft.q }, { replace: true });
  };

  const setStaffOnly = (staffOnly: boolean) => apply({ ...applied, staffOnly }, { replace: true });

  return (
    <div className="page">
      <div className="page__header">
        <h1>{t('people.title')}</h1>
        <p className="page__intro">{t('people.intro')}</p>
      </div>

      <div className="status-region" role="status" aria-live="polite" aria-atomic="true">
        {status ? <p className="notice notice--success">{status}</p> : null}
      </div>

      <AddPersonForm
        onAdded={({ user, created }) => {
          setStatus(
            created ? t('people.messages.added', { email: user.email }) : t('people.messages.alreadyThere', { email: user.email }),
          );
          setSelected(user);
        }}
      />

      {selectedUser ? (
        <PersonRolesPanel
          key={selectedUser.id}
          user={selectedUser}
          faculties={faculties.data}
          assignmentLinks={assignmentLinks}
          onChanged={(user, message) => {
            setSelected(user);
            setStatus(message);
          }}
          onClose={() => {
            setReturnFocusTo(manageButtonId(selectedUser.id));
            setSelected(null);
          }}
        />
      ) : null}

      <form className="toolbar people-search" role="search" aria-label={t('people.search.label')} onSubmit={applySearch}>
        <div className="toolbar__group">
          <label htmlFor={searchId}>{t('people.search.field')}</label>
          <input
            id={searchId}
            type="search"
            className="input input--search"
            value={draft.q}
            onChange={(event) => setDraft((d) => ({ ...d, q: event.target.value }))}
            maxLength={200}
          />
          <button type="submit" className="button">
            {t('people.search.submit')}
          </button>
        </div>
        <div className="toolbar__group">
          <input
            id={staffId}
            type="checkbox"
            className="checkbox"
            checked={applied.staffOnly}
            onChange={(event) => setStaffOnly(event.target.checked)}
          />
          <label htmlFor={staffId}>{t('people.search.staffOnly')}</label>
        </div>
        <p className="toolbar__summary">
          {users.data ? t('people.summary', { count: users.data.length }) : null}
        </p>
      </form>

      <div aria-busy={users.isPending || undefined}>
        {users.isPending ? (
          <p className="loading">{t('common.loading')}</p>
        ) : users.isError && !users.data ? (
          <div className="notice notice--error" role="alert">
            <ProblemMessage problem={toProblem(users.error)} lead={t('people.loadError')} />
            <button type="button" className="button button--small" onClick={() => void users.refetch()}>
              {t('common.retry')}
            </button>
          </div>
        ) : users.data.length === 0 ? (
          <p>{applied.q ? t('people.noMatches', { search: applied.q }) : t('people.none')}</p>
        ) : (
          <TableScroll label={applied.q ? t('people.tableCaptionSearch', { search: applied.q }) : t('people.tableCaption')}>
            <table className="data-table">
              <caption className="visually-hidden" id="people-caption">
                {applied.q ? t('people.tableCaptionSearch', { search: applied.q }) : t('people.tableCaption')}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('people.columns.person')}</th>
                  <th scope="col">{t('people.columns.admin')}</th>
                  <th scope="col">{t('people.columns.departments')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('people.columns.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {users.data.map((user) => (
                  <tr key={user.id} className={selectedUser?.id === user.id ? 'is-editing' : undefined}>
                    <th scope="row">
                      <PersonName user={user} />
                    </th>
                    <td>{user.isAdmin ? t('common.yes') : t('common.no')}</td>
                    <td>
                      {user.departmentCodes.length > 0 ? (
                        <span className="code-list">
                          {user.departmentCodes.map((code) => (
                            <code key={code}>{code}</code>
                          ))}
                        </span>
                      ) : (
                        <span className="muted">{t('people.noDepartmentsShort')}</span>
                      )}
                    </td>
                    <td className="data-table__actions">
                      <button
                        type="button"
                        id={manageButtonId(user.id)}
                        className="button button--small"
                        aria-expanded={selectedUser?.id === user.id}
                        aria-controls={selectedUser?.id === user.id ? ROLES_PANEL_ID : undefined}
                        onClick={() => {
                          setStatus('');
                          setSelected(user);
                        }}
                      >
                        <span aria-hidden="true">{t('people.actions.manage')}</span>
                        <span className="visually-hidden">
                          {t('people.actions.manageNamed', { email: personLabel(t, user) })}
                        </span>
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </div>
    </div>
  );
}
