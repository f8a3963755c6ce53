import type { TFunction } from 'i18next';
import type { AuditEntryResponse, AuditKind } from '../../api/generated';

/** Every kind of event, in the order the filter offers them (the record fails to compile when a kind is missing). */
const KIND_ORDER: Record<AuditKind, number> = {
  signIn: 0,
  members: 1,
  imports: 2,
  departments: 3,
  people: 4,
  apiKeys: 5,
  recruitment: 6,
  events: 7,
  newsletters: 8,
  network: 9,
};

export const AUDIT_KINDS = (Object.keys(KIND_ORDER) as AuditKind[]).sort((a, b) => KIND_ORDER[a] - KIND_ORDER[b]);

export function isAuditKind(value: string): value is AuditKind {
  return Object.prototype.hasOwnProperty.call(KIND_ORDER, value);
}

/** Actions the API writes to the log today, each with a text in `audit.actions` (a test holds them to it). */
export const KNOWN_AUDIT_ACTIONS = [
  'auth.code-request',
  'auth.sign-in',
  'auth.sign-out',
  'session.revoke',
  'session.revoke-all',
  'user.create',
  'role.grant-admin',
  'role.revoke-admin',
  'role.assign-department',
  'role.unassign-department',
  'api-key.create',
  'api-key.revoke',
  'member.read',
  'member.update',
  'member.note',
  'member.export',
  'member.erase',
  'member.import',
  'campaign.create',
  'campaign.update',
  'campaign.close',
  'campaign.reopen',
  'event.create',
  'event.update',
  'event.publish',
  'event.cancel',
  'event.complete',
  'event.export',
  'occasion.create',
  'occasion.update',
  'newsletter.segment-create',
  'newsletter.segment-update',
  'newsletter.segment-delete',
  'newsletter.layout-create',
  'newsletter.layout-update',
  'newsletter.message-create',
  'newsletter.message-update',
  'newsletter.message-delete',
  'newsletter.test-send',
  'newsletter.bounce-record',
  'newsletter.suppression-lift',
  'newsletter.welcome-step-update',
  'newsletter.topic-create',
  'newsletter.topic-update',
  'newsletter.campaign-create',
  'newsletter.campaign-update',
  'newsletter.campaign-schedule',
  'newsletter.campaign-start',
  'newsletter.campaign-pause',
  'newsletter.campaign-resume',
  'newsletter.campaign-cancel',
  'newsletter.campaign-resend-uncertain',
  'newsletter.campaign-settle-uncertain',
  'network.assignment-create',
  'network.assignment-update',
  'network.assignment-end',
  // Network: the toolkit (net-toolkit)
  'network.toolkit-item-create',
  'network.toolkit-item-update',
  'network.toolkit-item-archive',
  'network.toolkit-item-unarchive',
  // Network: files (net-files)
  'network.toolkit-file-add',
  'network.toolkit-file-remove',
  // Network: initiatives (net-init).
  'network.initiative-create',
  'network.initiative-update',
  'network.initiative-close',
  'network.initiative-reopen',
  'network.initiative-join',
  'network.initiative-join-update',
  'network.initiative-leave',
  'network.support-request-create',
  'network.support-request-update',
  'network.support-request-approve',
  'network.support-request-decline',
  'network.support-request-done',
  'network.support-request-withdraw',
  'network.support-request-link-event',
  // Network: meetings' notes and news (net-news).
  'network.meeting-note-create',
  'network.meeting-note-update',
  'network.meeting-note-delete',
  'network.news-create',
  'network.news-update',
  'network.news-archive',
] as const;

/** Kinds of object the log is about today, each with a text in `audit.entityTypes`. */
export const KNOWN_AUDIT_ENTITY_TYPES = ['user', 'session', 'api-key', 'member', 'import', 'campaign', 'department', 'event', 'occasion',
  'welcome-step', 'newsletter-topic', 'newsletter-campaign', 'newsletter-layout', 'newsletter-message', 'newsletter-segment', 'newsletter-bounce',
  'coordinator-assignment', 'toolkit-item', 'toolkit-file', 'network-initiative', 'support-request', 'meeting-note', 'network-news'] as const;

const known = <T extends string>(list: readonly T[], value: string | null | undefined): value is T =>
  !!value && (list as readonly string[]).includes(value);

/** The action as a readable label; an action the web does not know yet is shown as its id. */
export function actionLabel(t: TFunction, action: string): string {
  return known(KNOWN_AUDIT_ACTIONS, action) ? t(`audit.actions.${action}`) : action;
}

export function entityTypeLabel(t: TFunction, type: string): string {
  return known(KNOWN_AUDIT_ENTITY_TYPES, type) ? t(`audit.entityTypes.${type}`) : type;
}

/** Who acted, as a reader says it. */
export function actorLabel(t: TFunction, entry: AuditEntryResponse): string {
  if (entry.actorErased) return t('audit.actor.erased');
  switch (entry.actorType) {
    case 'user':
      return entry.actorName ?? entry.actorId ?? t('audit.actor.unknownPerson');
    case 'key':
      return t('audit.actor.key', { name: entry.actorName ?? entry.actorId ?? '' });
    case 'system':
      return t('audit.actor.system');
    default:
      return t('audit.actor.anonymous');
  }
}

/** Where staff can open the object of an entry, or null. */
export function entityLink(entry: AuditEntryResponse): string | null {
  if (entry.entityErased || !entry.entityType) return null;
  const id = entry.entityId ?? '';
  const isId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
  switch (entry.entityType) {
    case 'member':
      return isId ? `/staff/members/${id}` : null;
    case 'import':
      return isId ? `/admin/imports/${id}` : null;
    case 'department':
      return '/departments';
    case 'user':
      return entry.entityName ? `/admin/people?${new URLSearchParams({ q: entry.entityName }).toString()}` : null;
    case 'api-key':
      return '/admin/api-keys';
    case 'campaign':
      return '/staff/campaigns';
    case 'network-initiative':
      return isId ? `/staff/network/initiatives/${id}` : null;
    case 'network-news':
      return '/staff/network/news';
    default:
      return null;
  }
}

/** The object of an entry as text: its name, "erased person", or its id. */
export function entityText(t: TFunction, entry: AuditEntryResponse): string {
  if (entry.entityErased) return t('audit.actor.erased');
  return entry.entityName ?? entry.entityId ?? '';
}

type DetailKey =
  | 'session'
  | 'reason'
  | 'sessions'
  | 'keyPrefix'
  | 'scopes'
  | 'department'
  | 'address'
  | 'how'
  | 'mode'
  | 'filters'
  | 'note'
  | 'clientIp';

const CODE_CHECKS = ['NoLiveCode', 'Wrong', 'TooManyTries'] as const;
const isCodeCheck = (value: string): value is (typeof CODE_CHECKS)[number] => (CODE_CHECKS as readonly string[]).includes(value);

export interface DetailItem {
  label: string;
  value: string;
}

/** The entry's detail as labelled values, read the way each action writes it; anything else as one "Detail". */
export function detailItems(t: TFunction, entry: AuditEntryResponse): DetailItem[] {
  const items: DetailItem[] = [];
  const detail = entry.detail?.trim() ?? '';
  const add = (key: DetailKey, value: string) => items.push({ label: t(`audit.detail.${key}`), value });
  if (detail) {
    const session = /^session (\S+)$/.exec(detail);
    const sessions = /^(\d+) sessions$/.exec(detail);
    const key = /^(alk_\w+): (.*)$/.exec(detail);
    if (entry.action === 'auth.sign-in' && session) add('session', session[1]);
    else if (entry.action === 'auth.sign-in' && isCodeCheck(detail)) add('reason', t(`audit.reasons.${detail}`));
    else if (entry.action === 'auth.code-request' && detail === 'address ceiling') add('reason', t('audit.reasons.addressCeiling'));
    else if (entry.action === 'session.revoke-all' && sessions) add('sessions', sessions[1]);
    else if (entry.action === 'api-key.create' && key) {
      add('keyPrefix', key[1]);
      add('scopes', key[2].split(' ').filter(Boolean).join(', '));
    } else if (entry.action === 'role.assign-department' || entry.action === 'role.unassign-department') add('department', detail);
    else if (entry.action.startsWith('network.assignment-')) add('department', detail);
    else if (entry.action === 'user.create' || entry.action === 'role.grant-admin') add('address', detail);
    else if (entry.action === 'member.erase' && (detail === 'on request' || detail === 'by the member'))
      add('how', t(detail === 'on request' ? 'audit.reasons.erasedOnRequest' : 'audit.reasons.erasedByMember'));
    else if (entry.action === 'member.import' && detail === 'dry run') add('mode', t('audit.reasons.dryRun'));
    else if (entry.action === 'member.export') {
      const filters = [...new URLSearchParams(detail.replace(/^\?/, '')).entries()].map(([name, value]) => `${name}: ${value}`);
      add('filters', filters.length > 0 ? filters.join(', ') : t('audit.reasons.noFilters'));
    } else add('note', detail);
  }
  if (entry.clientIp) add('clientIp', entry.clientIp);
  return items;
}
