import { DepartmentsClient, DevClient, EventsClient, IdentityClient, MembersClient, NetworkClient, NewslettersClient } from '../api/generated';
import { createApiFetch, type ApiFetchOptions } from './api-fetch';

/** The API is served from the same origin as the app, under /api; the generated paths include it. */
export const API_BASE_URL = '';

/** The generated clients the app calls (tests answer their requests at the fetch boundary, with MSW). */
export type DepartmentsApi = DepartmentsClient;
export type IdentityApi = IdentityClient;
export type DevApi = DevClient;
export type MembersApi = MembersClient;
export type EventsApi = EventsClient;
export type NewslettersApi = NewslettersClient;
export type NetworkApi = NetworkClient;

export interface ApiClients {
  departments: DepartmentsApi;
  identity: IdentityApi;
  dev: DevApi;
  members: MembersApi;
  events: EventsApi;
  newsletters: NewslettersApi;
  network: NetworkApi;
}

/** Creates the generated clients over `window.fetch` (same-origin credentials, base URL ''). */
export function createApiClients(options: ApiFetchOptions = {}): ApiClients {
  const http = createApiFetch(options);
  return {
    departments: new DepartmentsClient(API_BASE_URL, http),
    identity: new IdentityClient(API_BASE_URL, http),
    dev: new DevClient(API_BASE_URL, http),
    members: new MembersClient(API_BASE_URL, http),
    events: new EventsClient(API_BASE_URL, http),
    newsletters: new NewslettersClient(API_BASE_URL, http),
    network: new NetworkClient(API_BASE_URL, http),
  };
}
