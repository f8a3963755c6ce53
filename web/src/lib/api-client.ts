import { DepartmentsClient } from '../api/generated';
import { createApiFetch, type ApiFetchOptions } from './api-fetch';

/** The API is served from the same origin as the app, under /api; the generated paths include it. */
export const API_BASE_URL = '';

/** What the app uses of each generated client; tests provide fakes of the same shape. */
export type DepartmentsApi = Pick<
  DepartmentsClient,
  'listFaculties' | 'list' | 'get' | 'create' | 'update' | 'deactivate' | 'reactivate'
>;

export interface ApiClients {
  departments: DepartmentsApi;
}

/** Creates the generated clients over `window.fetch` (same-origin credentials, base URL ''). */
export function createApiClients(options: ApiFetchOptions = {}): ApiClients {
  const http = createApiFetch(options);
  return {
    departments: new DepartmentsClient(API_BASE_URL, http),
  };
}
