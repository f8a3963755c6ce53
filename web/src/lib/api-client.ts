import { DepartmentsClient, DevClient, IdentityClient, MembersClient } from '../api/generated';
import { createApiFetch, type ApiFetchOptions } from './api-fetch';

/** The API is served from the same origin as the app, under /api; the generated paths include it. */
export const API_BASE_URL = '';

/** What the app uses of each generated client; tests provide fakes of the same shape. */
export type DepartmentsApi = Pick<
  DepartmentsClient,
  'listFaculties' | 'list' | 'get' | 'create' | 'update' | 'deactivate' | 'reactivate'
>;

export type IdentityApi = Pick<
  IdentityClient,
  | 'requestCode'
  | 'signIn'
  | 'signOut'
  | 'me'
  | 'listSessions'
  | 'revokeSession'
  | 'revokeAllSessions'
  | 'listUsers'
  | 'createUser'
  | 'grantAdmin'
  | 'revokeAdmin'
  | 'assignDepartment'
  | 'unassignDepartment'
  | 'listScopes'
  | 'listApiKeys'
  | 'createApiKey'
  | 'revokeApiKey'
  | 'listAudit'
>;

export type DevApi = Pick<DevClient, 'mailbox'>;

export type MembersApi = Pick<
  MembersClient,
  | 'signUp'
  | 'openCampaignLink'
  | 'createCampaign'
  | 'listCampaigns'
  | 'getMyProfile'
  | 'updateMyProfile'
  | 'addMyAffiliation'
  | 'removeMyAffiliation'
  | 'updateMyConsents'
  | 'unsubscribeMe'
  | 'exportMyData'
  | 'eraseMe'
  | 'search'
  | 'get'
  | 'update'
  | 'addNote'
  | 'erase'
  | 'searchDirectory'
>;

export interface ApiClients {
  departments: DepartmentsApi;
  identity: IdentityApi;
  dev: DevApi;
  members: MembersApi;
}

/** Creates the generated clients over `window.fetch` (same-origin credentials, base URL ''). */
export function createApiClients(options: ApiFetchOptions = {}): ApiClients {
  const http = createApiFetch(options);
  return {
    departments: new DepartmentsClient(API_BASE_URL, http),
    identity: new IdentityClient(API_BASE_URL, http),
    dev: new DevClient(API_BASE_URL, http),
    members: new MembersClient(API_BASE_URL, http),
  };
}
