import type { AuditKind } from '../../api/generated';
import { localDayToIso } from '../../lib/format';
import { isAuditKind } from './audit-text';

/** The audit log's filters as the page holds them (and the address carries them): all optional. */
export interface AuditFilters {
  /** A kind of event, or '' for every kind. */
  kind: AuditKind | '';
  action: string;
  entityType: string;
  /** First day, yyyy-mm-dd (local). */
  from: string;
  /** Last day, yyyy-mm-dd (local), included. */
  to: string;
  page: number;
}

export const AUDIT_PAGE_SIZE = 50;

export const EMPTY_AUDIT_FILTERS: AuditFilters = { kind: '', action: '', entityType: '', from: '', to: '', page: 1 };

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function filtersFromParams(params: URLSearchParams): AuditFilters {
  const page = Number(params.get('page'));
  const day = (name: string) => {
    const value = params.get(name) ?? '';
    return DAY.test(value) ? value : '';
  };
  const kind = params.get('kind') ?? '';
  return {
    kind: isAuditKind(kind) ? kind : '',
    action: (params.get('action') ?? '').trim(),
    entityType: (params.get('entityType') ?? '').trim(),
    from: day('from'),
    to: day('to'),
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

export function filtersToParams(filters: AuditFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.kind) params.set('kind', filters.kind);
  if (filters.action.trim()) params.set('action', filters.action.trim());
  if (filters.entityType.trim()) params.set('entityType', filters.entityType.trim());
  if (filters.from) params.set('from', filters.from);
  if (filters.to) params.set('to', filters.to);
  if (filters.page > 1) params.set('page', String(filters.page));
  return params;
}

/** The arguments of `listAudit` for these filters: whole local days, the last one included. */
export interface AuditQuery {
  kind?: AuditKind;
  action?: string;
  entityType?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export function auditQuery(filters: AuditFilters, pageSize: number = AUDIT_PAGE_SIZE): AuditQuery {
  return {
    kind: filters.kind || undefined,
    action: filters.action.trim() || undefined,
    entityType: filters.entityType.trim() || undefined,
    from: filters.from ? localDayToIso(filters.from) : undefined,
    to: filters.to ? localDayToIso(filters.to, true) : undefined,
    page: filters.page,
    pageSize,
  };
}

export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}
