import { useTranslation } from 'react-i18next';
import type { CreateEventRequest, InitiativeKind, InitiativeResponse, InitiativeStatus } from '../../../api/generated';
import { currentLanguage } from '../../../lib/i18n';
import { DEFAULT_TIME_ZONE, formatDay, zonedLocalToIso } from '../../../lib/zoned-time';

/** The staff's event pages (Events' own addresses, which the network's pages link to). */

export const INITIATIVE_KINDS: readonly InitiativeKind[] = ['initiative', 'platform', 'meetingPlace'];
export const INITIATIVE_STATUSES: readonly InitiativeStatus[] = ['open', 'closed'];

/** The period of an initiative: "4 Oct 2031", "1 Sep 2031 – 31 May 2032" or "From 1 Sep 2031". */
export function InitiativePeriod({ startsOn, endsOn }: { startsOn: string; endsOn?: string | null }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const start = formatDay(startsOn, language);
  if (!endsOn) return <>{t('network.initiatives.from', { start })}</>;
  if (endsOn === startsOn) return <>{start}</>;
  return <>{t('network.initiatives.period', { start, end: formatDay(endsOn, language) })}</>;
}

/** The kind and, when closed, the status as badges. */
export function InitiativeBadges({ kind, status }: { kind: InitiativeKind; status: InitiativeStatus }) {
  const { t } = useTranslation();
  return (
    <span className="initiative-badges">
      <span className="badge">{t(`network.initiatives.kinds.${kind}`)}</span>
      {status === 'closed' ? <span className="badge badge--inactive">{t('network.initiatives.statuses.closed')}</span> : null}
    </span>
  );
}

/** The department whose event is made: its code and names. */
export interface EventDepartment {
  code: string;
  nameSv: string;
  nameEn: string;
}

const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`);

/**
 * The department's own draft event under an initiative, as Events' create endpoint takes it: titled after the
 * initiative and the department, on the initiative's first day from 17:00 to 19:00 in Stockholm, the department as
 * organiser and its members as the audience. The coordinator fills in the rest on the event's page before publishing.
 */
export function departmentEventRequest(
  initiative: Pick<InitiativeResponse, 'titleSv' | 'titleEn' | 'startsOn'>,
  department: EventDepartment,
): CreateEventRequest {
  const sv = initiative.titleSv?.trim() || initiative.titleEn?.trim() || '';
  const en = initiative.titleEn?.trim() || initiative.titleSv?.trim() || '';
  const startsAt = zonedLocalToIso(`${initiative.startsOn}T17:00`, DEFAULT_TIME_ZONE) ?? `${initiative.startsOn}T15:00:00.000Z`;
  const endsAt = zonedLocalToIso(`${initiative.startsOn}T19:00`, DEFAULT_TIME_ZONE) ?? `${initiative.startsOn}T17:00:00.000Z`;
  return {
    kind: 'networking',
    organiserDepartmentCode: department.code,
    cohostDepartmentCodes: [],
    titleSv: clip(`${sv} – ${department.nameSv}`, 200),
    titleEn: clip(`${en} – ${department.nameEn}`, 200),
    startsAt,
    endsAt,
    timeZone: DEFAULT_TIME_ZONE,
    city: 'Stockholm',
    country: 'SE',
    audience: 'departments',
    audienceDepartmentCodes: [department.code],
    guestsAllowed: 0,
    questions: [],
  };
}
