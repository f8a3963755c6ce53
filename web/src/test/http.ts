import { HttpResponse } from 'msw';
import type {
  AffiliationResponse,
  ApiKeyResponse,
  AuditEntryResponse,
  AuditEntryResponsePaged,
  CampaignLandingResponse,
  CampaignResponse,
  CodeRequestedResponse,
  ConsentChannel,
  ConsentResponse,
  DepartmentRef,
  DepartmentResponse,
  DevMailboxMessage,
  DirectoryEntry,
  DirectoryEntryPaged,
  FacultyResponse,
  ImportJobResponse,
  ImportSummary,
  ImportSummaryPaged,
  MemberSummaryPaged,
  MemberResponse,
  MemberSummary,
  MeResponse,
  MyDataExport,
  NoteResponse,
  PendingSignUpResponse,
  Problem,
  ScopeResponse,
  SessionResponse,
  SignUpResponse,
  StaffMemberResponse,
  UserResponse,
} from '../api/generated';
import { ProblemTypes } from '../lib/problem-details';
import { server } from './server';

/**
 * Thin builders for the answers MSW handlers give in component tests: typed with the generated
 * client's types, holding data only. The server's rules are tested in the API and end-to-end suites;
 * a test states the answer it needs (`server.use(http.get('/api/…', () => json(…)))`).
 *
 * Each kind of body has one builder here, so a renamed schema is a one-line change.
 */

export { server };

// ----- responses -----

/** A 200 (or `status`) JSON answer. */
export function json<T>(body: T, status = 200, headers: Record<string, string> = {}) {
  return HttpResponse.json(body as object, { status, headers });
}

/** The `ETag` header of a resource version, as the API sends it: the version quoted. */
export function etag(version: number): Record<string, string> {
  return { ETag: `"${version}"` };
}

/** A JSON answer carrying the resource's version in `ETag`. */
export function jsonWithETag<T extends { version: number }>(body: T, status = 200) {
  return json(body, status, etag(body.version));
}

/** An `application/problem+json` answer (RFC 9457), as the API words its failures. */
export function problem(status: number, type: string, title: string, extra: Partial<Problem> = {}) {
  const body: Problem = { type, title, status, traceId: `00-test-${status}-00`, ...extra };
  return new HttpResponse(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
  });
}

/** A 400 validation problem with field errors keyed by the request field's JSON name. */
export function validationProblem(errors: Record<string, string[]>) {
  return problem(400, ProblemTypes.validationFailed, 'One or more fields are invalid.', {
    detail: 'One or more fields are invalid; see errors.',
    errors,
  });
}

/** A 429 with the wait in `Retry-After` (the fetch wrapper copies it into the problem body). */
export function tooManyRequests(retryAfterSeconds: number, detail: string) {
  const body: Problem = { type: ProblemTypes.tooManyRequests, title: 'Too Many Requests', status: 429, detail };
  return new HttpResponse(JSON.stringify(body), {
    status: 429,
    headers: { 'Content-Type': 'application/problem+json', 'Retry-After': String(retryAfterSeconds) },
  });
}

export const unauthorized = () => problem(401, ProblemTypes.unauthorized, 'Unauthorized', { detail: 'Sign in first.' });
export const forbidden = (detail = 'Forbidden.') => problem(403, ProblemTypes.forbidden, 'Forbidden', { detail });
export const notFound = (detail = 'Not found.') => problem(404, ProblemTypes.notFound, 'Not Found', { detail });
export const conflict = (detail: string) => problem(409, ProblemTypes.conflict, 'Conflict', { detail });
export const preconditionFailed = (detail = 'The record has changed since you read it.') =>
  problem(412, ProblemTypes.preconditionFailed, 'Precondition Failed', { detail });

/** A 204 with no body. */
export const noContent = () => new HttpResponse(null, { status: 204 });

/** The server cannot be reached: fetch rejects with a TypeError. */
export const networkError = () => HttpResponse.error();

// ----- who is signed in -----

export type TestRole = 'admin' | 'coordinator' | 'alumnus';

export const DSV: DepartmentRef = {
  code: 'DSV',
  nameSv: 'Institutionen för data- och systemvetenskap',
  nameEn: 'Department of Computer and Systems Sciences',
};

/** A signed-in person as `GET /api/me` answers: an admin, a coordinator of DSV, or an alumnus. */
export function me(role: TestRole, overrides: Partial<MeResponse> = {}): MeResponse {
  const people: Record<TestRole, MeResponse> = {
    admin: {
      userId: '0190f000-0000-7000-8000-000000000001',
      email: 'admin@example.org',
      displayName: 'Demo Admin',
      roles: ['admin'],
      departments: [],
      csrfToken: 'csrf-admin',
    },
    coordinator: {
      userId: '0190f000-0000-7000-8000-000000000002',
      email: 'coordinator@example.org',
      displayName: 'Demo Coordinator',
      roles: ['coordinator'],
      departments: [DSV],
      csrfToken: 'csrf-coordinator',
    },
    alumnus: {
      userId: '0190f000-0000-7000-8000-000000000003',
      email: 'alumna@example.org',
      displayName: 'Ada Alumna',
      roles: ['alumnus'],
      departments: [],
      csrfToken: 'csrf-alumnus',
    },
  };
  return { ...people[role], ...overrides };
}

/** The answer to `GET /api/me`: the person, or 401 when nobody is signed in. */
export const meResponse = (person: MeResponse | null) => (person ? json(person) : unauthorized());

// ----- departments -----

let nextId = 1;

/** A stable-looking UUID v7 for test data. */
export function testId(n: number = nextId++): string {
  return `0190f000-0000-7000-8000-${String(n).padStart(12, '0')}`;
}

export function department(fields: Pick<DepartmentResponse, 'code' | 'nameSv' | 'nameEn' | 'facultyCode'> & Partial<DepartmentResponse>): DepartmentResponse {
  return { id: testId(), isActive: true, version: 1, ...fields };
}

export function faculty(fields: Omit<FacultyResponse, 'departments'>, departments: DepartmentResponse[] = []): FacultyResponse {
  return { ...fields, departments };
}

/**
 * The faculties and active departments of a Development database, as `GET /api/faculties` lists
 * them (HUM: ENG, HIST; LAW: LAW; SOC: DSV).
 */
export function demoFaculties(): FacultyResponse[] {
  return [
    faculty({ code: 'HUM', nameSv: 'Humanistiska fakulteten', nameEn: 'Faculty of Humanities' }, [
      department({ code: 'ENG', nameSv: 'Engelska institutionen', nameEn: 'Department of English', facultyCode: 'HUM' }),
      department({ code: 'HIST', nameSv: 'Historiska institutionen', nameEn: 'Department of History', facultyCode: 'HUM' }),
    ]),
    faculty({ code: 'LAW', nameSv: 'Juridiska fakulteten', nameEn: 'Faculty of Law' }, [
      department({ code: 'LAW', nameSv: 'Juridiska institutionen', nameEn: 'Department of Law', facultyCode: 'LAW' }),
    ]),
    faculty({ code: 'SOC', nameSv: 'Samhällsvetenskapliga fakulteten', nameEn: 'Faculty of Social Sciences' }, [
      department({ ...DSV, facultyCode: 'SOC' }),
    ]),
  ];
}

// ----- identity -----

const AT = '2025-05-01T08:00:00Z';

/** A person who can sign in, as the admin's people list shows them. */
export function user(fields: Pick<UserResponse, 'email'> & Partial<UserResponse>): UserResponse {
  return { id: testId(), isAdmin: false, erased: false, departmentCodes: [], createdAt: AT, name: fields.displayName, ...fields };
}

/** The people of a Development database: the demo admin, a coordinator of DSV and an alumna. */
export function demoUsers(): UserResponse[] {
  return [
    user({ id: me('admin').userId, email: 'admin@example.org', displayName: 'Demo Admin', isAdmin: true }),
    user({ id: me('alumnus').userId, email: 'alumna@example.org', displayName: 'Ada Alumna' }),
    user({ id: me('coordinator').userId, email: 'coordinator@example.org', displayName: 'Demo Coordinator', departmentCodes: ['DSV'] }),
  ];
}

export function session(fields: Partial<SessionResponse> = {}): SessionResponse {
  return {
    id: testId(),
    createdAt: AT,
    lastSeenAt: AT,
    expiresAt: '2025-05-15T08:00:00Z',
    userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0.0.0 Safari/537.36',
    clientIp: '127.0.0.1',
    isCurrent: false,
    ...fields,
  };
}

/** The answer to `POST /api/auth/code` (the same for every address). */
export function codeRequested(): CodeRequestedResponse {
  return { message: 'If this address can sign in, a code is on its way.', expiresInMinutes: 10 };
}

/** A sign-in mail in the development mailbox. */
export function signInMail(to: string, code: string, fields: Partial<DevMailboxMessage> = {}): DevMailboxMessage {
  return {
    id: `mail-${testId()}`,
    to,
    subject: `Your sign-in code: ${code}`,
    sentAt: AT,
    text: `Your code for signing in to Alumni is ${code}.\n\nIt is valid for 10 minutes and can be used once.\n`,
    attachments: [],
    headers: [
      { name: 'From', value: 'Alumni <alumni@localhost>' },
      { name: 'Subject', value: `Your sign-in code: ${code}` },
    ],
    ...fields,
  };
}

// ----- pages -----

/** The paging fields of every paged list the API answers. */
export interface PageInfo {
  total: number;
  page: number;
  pageSize: number;
  totalExact: boolean;
}

/** One page of a longer list: `items` are this page's entries. */
function pageOf<T>(items: T[], info: Partial<PageInfo> = {}): { items: T[] } & PageInfo {
  return { items, total: items.length, totalExact: true, page: 1, pageSize: 50, ...info };
}

// ----- API keys and audit -----

/** The scopes as the API lists them in Swedish (the tests' default language). */
export const SCOPES: ScopeResponse[] = [
  {
    name: 'audit:read',
    label: 'Läsa granskningsloggen',
    description: 'Läsa vem som loggat in, vem som ändrat roller och nycklar och vem som läst eller ändrat medlemmars personuppgifter.',
    area: 'audit',
    areaLabel: 'Granskningslogg',
    operations: ['identity_listAudit'],
  },
  {
    name: 'departments:write',
    label: 'Hantera institutioner',
    description: 'Lägga till institutioner och fakulteter, ändra deras namn och koder och aktivera eller avaktivera dem.',
    area: 'departments',
    areaLabel: 'Institutioner',
    operations: ['departments_create', 'departments_update'],
  },
  {
    name: 'members:read',
    label: 'Läsa medlemmar',
    description: 'Söka, läsa och exportera medlemmar och deras personuppgifter.',
    area: 'members',
    areaLabel: 'Medlemmar',
    operations: ['members_get', 'members_search'],
  },
  {
    name: 'members:write',
    label: 'Ändra medlemmar',
    description: 'Ändra medlemmars profiler och lägga till anteckningar om dem.',
    area: 'members',
    areaLabel: 'Medlemmar',
    operations: ['members_update'],
  },
];

export function apiKey(fields: Pick<ApiKeyResponse, 'name'> & Partial<ApiKeyResponse>): ApiKeyResponse {
  return { id: testId(), prefix: 'alk_kkkkkkk1', scopes: ['audit:read'], createdAt: AT, ...fields };
}

export function auditEntry(fields: Partial<AuditEntryResponse> = {}): AuditEntryResponse {
  return {
    id: testId(),
    at: AT,
    actorType: 'user',
    actorErased: false,
    action: 'auth.sign-in',
    kind: 'signIn',
    outcome: 'success',
    entityErased: false,
    ...fields,
  };
}

export function auditPage(items: AuditEntryResponse[], info: Partial<PageInfo> = {}): AuditEntryResponsePaged {
  return pageOf(items, info);
}

// ----- members -----

export const CONSENT_CHANNELS: ConsentChannel[] = [
  'centralNewsletter',
  'departmentMailings',
  'eventInvitations',
  'directory',
  'contactAboutOffers',
];

/** Every consent channel: given for the ones named, withdrawn for the second list, the rest never given. */
export function consents(granted: ConsentChannel[] = [], withdrawn: ConsentChannel[] = []): ConsentResponse[] {
  return CONSENT_CHANNELS.map((channel) => ({
    channel,
    granted: granted.includes(channel),
    state: granted.includes(channel) ? 'given' : withdrawn.includes(channel) ? 'withdrawn' : 'notGiven',
    changedAt: AT,
  }));
}

export function affiliation(fields: Pick<AffiliationResponse, 'departmentCode'> & Partial<AffiliationResponse>): AffiliationResponse {
  return { id: testId(), degreeType: 'master', credits: 120, verified: false, ...fields };
}

/** A member record as the member (or staff) reads it. */
export function member(fields: Pick<MemberResponse, 'email' | 'firstName' | 'lastName'> & Partial<MemberResponse>): MemberResponse {
  return {
    id: testId(),
    preferredLanguage: 'sv',
    otherEmails: [],
    interests: [],
    offers: [],
    directoryListed: false,
    directoryFields: [],
    status: 'active',
    source: 'signUp',
    eligible: true,
    affiliations: [],
    consents: consents(),
    createdAt: AT,
    verifiedAt: AT,
    updatedAt: AT,
    version: 1,
    ...fields,
  };
}

export function memberSummary(fields: Pick<MemberSummary, 'firstName' | 'lastName'> & Partial<MemberSummary>): MemberSummary {
  return {
    id: testId(),
    email: `${fields.firstName.toLowerCase()}@example.org`,
    status: 'active',
    departments: [],
    createdAt: AT,
    ...fields,
  };
}

export function memberPage(items: MemberSummary[], info: Partial<PageInfo> & { totalExact?: boolean } = {}): MemberSummaryPaged {
  return pageOf(items, { pageSize: 25, ...info });
}

export function staffMember(record: MemberResponse, notes: NoteResponse[] = []): StaffMemberResponse {
  return { member: record, notes };
}

export function note(fields: Pick<NoteResponse, 'text'> & Partial<NoteResponse>): NoteResponse {
  return { id: testId(), createdAt: AT, ...fields };
}

export function directoryEntry(fields: Pick<DirectoryEntry, 'firstName' | 'lastName'> & Partial<DirectoryEntry>): DirectoryEntry {
  return { id: testId(), ...fields };
}

export function directoryPage(items: DirectoryEntry[], info: Partial<PageInfo> = {}): DirectoryEntryPaged {
  return pageOf(items, { pageSize: 24, ...info });
}

export function myDataExport(record: MemberResponse, summary: string = 'Profile: Ada Lovelace.'): MyDataExport {
  return { exportedAt: AT, summary, profile: record, consentHistory: [], notes: [] };
}

export function importJob(fields: Partial<ImportJobResponse> = {}): ImportJobResponse {
  return {
    id: testId(),
    status: 'queued',
    dryRun: false,
    format: 'csv',
    rowsRead: 0,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    rejected: 0,
    createdAt: AT,
    ...fields,
  };
}

export function importSummary(fields: Partial<ImportSummary> = {}): ImportSummary {
  return {
    id: testId(),
    status: 'succeeded',
    dryRun: false,
    format: 'csv',
    runByKey: false,
    rowsRead: 0,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    rejected: 0,
    createdAt: AT,
    ...fields,
  };
}

export function importPage(items: ImportSummary[], info: Partial<PageInfo> = {}): ImportSummaryPaged {
  return pageOf(items, info);
}

export function campaign(fields: Pick<CampaignResponse, 'departmentCode' | 'channel' | 'label'> & Partial<CampaignResponse>): CampaignResponse {
  return { id: testId(), token: 'tok00001abcdef', visits: 0, signUps: 0, verified: 0, createdAt: AT, version: 1, ...fields };
}

export function campaignLanding(department: DepartmentRef, label: string, closed = false): CampaignLandingResponse {
  return { departmentCode: department.code, departmentNameSv: department.nameSv, departmentNameEn: department.nameEn, label, closed };
}

/** The answer to `POST /api/members/sign-up` (the same for a new and a known address). */
export function signUpAccepted(): SignUpResponse {
  return { message: 'Thank you! Verify your address with the code we e-mail you to complete your membership.' };
}

/** A sign-up made for the signed-in person's address, waiting for their confirmation (`GET /api/me/pending-sign-up`). */
export function pendingSignUp(
  fields: Pick<PendingSignUpResponse, 'email' | 'firstName' | 'lastName'> & Partial<PendingSignUpResponse>,
): PendingSignUpResponse {
  return {
    id: testId(),
    preferredLanguage: 'sv',
    affiliations: [],
    requestedConsents: [],
    createdAt: AT,
    version: 1,
    ...fields,
  };
}

// ----- what the app sent -----

export interface SentRequest {
  method: string;
  /** The path without the query, e.g. `/api/departments/ENG`. */
  path: string;
  /** The query parameters. */
  query: Record<string, string>;
  headers: Headers;
  /** The JSON body (undefined when there is none). */
  json(): Promise<unknown>;
}

/**
 * Records every request the app makes from now until the end of the test, whether or not a handler
 * answers it, in the order they were sent.
 */
export function recordRequests(): SentRequest[] {
  const sent: SentRequest[] = [];
  server.events.on('request:start', ({ request }) => {
    const url = new URL(request.url);
    const body = request.clone().text();
    sent.push({
      method: request.method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: request.headers,
      json: async () => {
        const text = await body;
        return text === '' ? undefined : JSON.parse(text);
      },
    });
  });
  return sent;
}

/** The requests of one method and path. */
export function requestsTo(sent: SentRequest[], method: string, path: string): SentRequest[] {
  return sent.filter((r) => r.method === method && r.path === path);
}
