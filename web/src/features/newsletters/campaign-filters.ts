import type { CampaignStatus } from '../../api/generated';
import type { CampaignListQuery } from './api/keys';
import { CAMPAIGN_STATUSES } from './newsletter-options';
import { GUID } from './paths';

/** The campaign list's filters as the page holds them (and the address carries them). */
export interface CampaignFilters {
  status: CampaignStatus | '';
  /** A department's id, `central` for the central office's own, '' for any. */
  department: string;
  page: number;
}

export const CAMPAIGNS_PAGE_SIZE = 25;

export const EMPTY_CAMPAIGN_FILTERS: CampaignFilters = { status: '', department: '', page: 1 };

export function campaignFiltersFromParams(params: URLSearchParams): CampaignFilters {
  const status = params.get('status') ?? '';
  const department = params.get('department') ?? '';
  const page = Number(params.get('page'));
  return {
    status: (CAMPAIGN_STATUSES as readonly string[]).includes(status) ? (status as CampaignStatus) : '',
    department: department === 'central' || GUID.test(department) ? department : '',
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

export function campaignFiltersToParams(filters: CampaignFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.status) params.set('status', filters.status);
  if (filters.department) params.set('department', filters.department);
  if (filters.page > 1) params.set('page', String(filters.page));
  return params;
}

export function campaignListQuery(filters: CampaignFilters, pageSize: number = CAMPAIGNS_PAGE_SIZE): CampaignListQuery {
  return {
    status: filters.status || undefined,
    departmentId: filters.department && filters.department !== 'central' ? filters.department : undefined,
    central: filters.department === 'central' ? true : undefined,
    page: filters.page,
    pageSize,
  };
}
