import type {
  ApiKeyResponse,
  AuditEntryResponse,
  AuditEntryResponsePaged,
  CodeRequestedResponse,
  CreateApiKeyRequest,
  CreatedApiKeyResponse,
  CreateUserRequest,
  DepartmentRef,
  DevMailboxMessage,
  MeResponse,
  RequestCodeRequest,
  ScopeResponse,
  SessionResponse,
  SignInRequest,
  UserResponse,
} from '../api/generated';
import type { DevApi, IdentityApi } from '../lib/api-client';
import { ProblemTypes } from '../lib/problem-details';

/**
 * An in-memory stand-in for the API's identity endpoints: codes by "e-mail" (kept in `mail`, which
 * FakeDevApi serves as the dev mailbox), one browser's session, people and their roles, API keys and
 * an audit log. Failures are thrown the way the generated client throws them: the parsed problem
 * body (a 429 carries `retryAfter`, as the fetch wrapper adds it). Like the generated client, adding
 * a person who already exists resolves to null (the API's 200 has no body in the contract).
 */

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const EMAIL_RULE = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const ALL_SCOPES: ScopeResponse[] = [
  { name: 'audit:read', operations: ['identity_listAudit'] },
  { name: 'departments:write', operations: ['departments_create', 'departments_update'] },
];

function problem(type: string, status: number, title: string, extra: Record<string, unknown> = {}) {
  return { type, title, status, traceId: `00-fake-${status}-00`, ...extra };
}

function validation(errors: Record<string, string[]>) {
  return problem(ProblemTypes.validationFailed, 400, 'Validation failed', {
    detail: 'One or more fields are invalid; see errors.',
    errors,
  });
}

interface FakeSession extends Omit<SessionResponse, 'isCurrent'> {
  userId: string;
}

interface FakeCode {
  email: string;
  code: string;
  used: boolean;
}

export interface FakeIdentityOptions {
  /** Departments people can be assigned to (code → names); any other code is a 404. */
  departments?: DepartmentRef[];
  /** Start signed in as this address (it must be one of `users`). */
  signedInAs?: string;
}

export class FakeIdentityApi implements IdentityApi {
  users: UserResponse[] = [];
  sessions: FakeSession[] = [];
  /** The session of "this browser", or null when signed out. */
  currentSessionId: string | null = null;
  codes: FakeCode[] = [];
  /** Every e-mail sent, oldest first. */
  mail: DevMailboxMessage[] = [];
  apiKeys: ApiKeyResponse[] = [];
  scopes: ScopeResponse[] = ALL_SCOPES.map((s) => ({ ...s, operations: [...s.operations] }));
  audit: AuditEntryResponse[] = [];
  departments: DepartmentRef[];
  calls: Array<{ method: string; args: unknown[] }> = [];
  /** Make the next call of this method fail with this error. */
  failNext: Partial<Record<keyof IdentityApi, unknown>> = {};
  /** When set, code requests are refused with 429 and this Retry-After (seconds). */
  rateLimitSeconds: number | undefined;
  /** Told of every successful sign-in (the members fake verifies a pending member by it, as the API does). */
  signInListeners: Array<(user: UserResponse) => void> = [];
  private nextId = 1;
  private clock = Date.parse('2025-05-01T08:00:00Z');

  constructor(users: Array<Pick<UserResponse, 'email'> & Partial<UserResponse>>, options: FakeIdentityOptions = {}) {
    this.departments = options.departments ?? [];
    this.users = users.map((user) => ({
      id: this.newId(),
      isAdmin: false,
      departmentCodes: [],
      createdAt: this.now(),
      ...user,
    }));
    if (options.signedInAs) this.startSession(this.userByEmail(options.signedInAs)!);
  }

  newId(): string {
    return `0190f000-0000-7000-8000-${String(this.nextId++).padStart(12, '0')}`;
  }

  /** A clock that moves a minute per use, so times differ and sort. */
  now(): string {
    this.clock += 60_000;
    return new Date(this.clock).toISOString();
  }

  private record(method: keyof IdentityApi, args: unknown[]) {
    this.calls.push({ method, args });
    const failure = this.failNext[method];
    if (failure !== undefined) {
      delete this.failNext[method];
      throw failure;
    }
  }

  userByEmail(email: string): UserResponse | undefined {
    const wanted = email.trim().toLowerCase();
    return this.users.find((u) => u.email === wanted);
  }

  private currentUser(): UserResponse {
    const session = this.sessions.find((s) => s.id === this.currentSessionId);
    const user = session && this.users.find((u) => u.id === session.userId);
    if (!session || !user) {
      throw problem(ProblemTypes.unauthorized, 401, 'Unauthorized', { detail: 'Sign in first.' });
    }
    session.lastSeenAt = this.now();
    return user;
  }

  private requireAdmin(): UserResponse {
    const user = this.currentUser();
    if (!user.isAdmin) throw problem(ProblemTypes.forbidden, 403, 'Forbidden', { detail: 'Admins only.' });
    return user;
  }

  private findUser(id: string): UserResponse {
    const user = this.users.find((u) => u.id === id);
    if (!user) throw problem(ProblemTypes.notFound, 404, 'Not Found', { detail: 'No such person.' });
    return user;
  }

  startSession(user: UserResponse, userAgent = 'Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0.0.0 Safari/537.36'): FakeSession {
    const now = this.now();
    const session: FakeSession = {
      id: this.newId(),
      userId: user.id,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(this.clock + 14 * 86_400_000).toISOString(),
      userAgent,
      clientIp: '127.0.0.1',
    };
    this.sessions.push(session);
    this.currentSessionId = session.id;
    return session;
  }

  /** Another browser of the same person (does not change this browser's session). */
  addOtherSession(email: string, userAgent: string, clientIp = '192.0.2.10'): FakeSession {
    const current = this.currentSessionId;
    const session = this.startSession(this.userByEmail(email)!, userAgent);
    session.clientIp = clientIp;
    this.currentSessionId = current;
    return session;
  }

  /** The server forgets this browser's session (it expired or was revoked elsewhere). */
  expireSession(): void {
    this.sessions = this.sessions.filter((s) => s.id !== this.currentSessionId);
  }

  /** The person this browser is signed in as, or null (records no call). */
  signedInUser(): UserResponse | null {
    const session = this.sessions.find((s) => s.id === this.currentSessionId);
    return (session && this.users.find((u) => u.id === session.userId)) ?? null;
  }

  /** Uses up the address's live code if it is this one (as the API's erasure confirmation does). */
  consumeCode(email: string, typed: string): boolean {
    const address = email.trim().toLowerCase();
    const live = this.codes.filter((c) => c.email === address && !c.used).at(-1);
    if (!live || live.code !== typed.replace(/[\s-]+/g, '').toUpperCase()) return false;
    live.used = true;
    return true;
  }

  /** Removes a person and every session of theirs (an erased member's sign-in). */
  eraseUser(userId: string): void {
    this.sessions = this.sessions.filter((s) => s.userId !== userId);
    if (!this.sessions.some((s) => s.id === this.currentSessionId)) this.currentSessionId = null;
    this.users = this.users.filter((u) => u.id !== userId);
  }

  /** The newest code e-mailed to an address. */
  lastCode(email: string): string | undefined {
    return this.codes.filter((c) => c.email === email.trim().toLowerCase()).at(-1)?.code;
  }

  meOf(user: UserResponse): MeResponse {
    const roles = [...(user.isAdmin ? ['admin'] : []), ...(user.departmentCodes.length > 0 ? ['coordinator'] : [])];
    return {
      userId: user.id,
      email: user.email,
      displayName: user.displayName,
      roles: roles.length > 0 ? roles : ['alumnus'],
      departments: user.departmentCodes.map(
        (code) => this.departments.find((d) => d.code === code) ?? { code, nameSv: code, nameEn: code },
      ),
      csrfToken: `csrf-${this.currentSessionId}`,
    };
  }

  // ----- sign-in -----

  async requestCode(body: RequestCodeRequest): Promise<CodeRequestedResponse> {
    this.record('requestCode', [body]);
    if (!EMAIL_RULE.test(body.email ?? '')) throw validation({ email: ['Enter a valid e-mail address.'] });
    if (this.rateLimitSeconds !== undefined) {
      throw problem(ProblemTypes.tooManyRequests, 429, 'Too Many Requests', {
        detail: `Too many requests. Try again in ${this.rateLimitSeconds} seconds.`,
        retryAfter: this.rateLimitSeconds,
      });
    }
    const email = body.email.trim().toLowerCase();
    const n = this.codes.length + 7;
    const code = Array.from({ length: 6 }, (_, i) => CODE_ALPHABET[(n * (i + 3) * 7 + i * 11) % CODE_ALPHABET.length]).join('');
    for (const earlier of this.codes) if (earlier.email === email) earlier.used = true;
    this.codes.push({ email, code, used: false });
    this.mail.push({
      id: `mail-${this.mail.length + 1}`,
      to: email,
      subject: `Your sign-in code: ${code}`,
      sentAt: this.now(),
      text: `Your code for signing in to Alumni is ${code}.\n\nIt is valid for 10 minutes and can be used once.\n`,
    });
    return { message: 'If this address can sign in, a code is on its way.', expiresInMinutes: 10 };
  }

  async signIn(body: SignInRequest): Promise<MeResponse> {
    this.record('signIn', [body]);
    if (!body.code?.trim()) throw validation({ code: ['Enter the code from the e-mail.'] });
    const email = body.email.trim().toLowerCase();
    const live = this.codes.filter((c) => c.email === email && !c.used).at(-1);
    const typed = body.code.replace(/[\s-]+/g, '').toUpperCase();
    if (!live || live.code !== typed) {
      throw validation({ code: ['The code is wrong or has expired. Ask for a new one.'] });
    }
    live.used = true;
    let user = this.userByEmail(email);
    if (!user) {
      user = { id: this.newId(), email, isAdmin: false, departmentCodes: [], createdAt: this.now() };
      this.users.push(user);
    }
    user.lastSignInAt = this.now();
    this.startSession(user);
    for (const listener of this.signInListeners) listener(user);
    return this.meOf(user);
  }

  async me(): Promise<MeResponse> {
    this.record('me', []);
    return this.meOf(this.currentUser());
  }

  async signOut(): Promise<void> {
    this.record('signOut', []);
    this.currentUser();
    this.sessions = this.sessions.filter((s) => s.id !== this.currentSessionId);
    this.currentSessionId = null;
  }

  // ----- my sessions -----

  async listSessions(): Promise<SessionResponse[]> {
    this.record('listSessions', []);
    const user = this.currentUser();
    return this.sessions
      .filter((s) => s.userId === user.id)
      .map(({ userId: _userId, ...s }) => ({ ...s, isCurrent: s.id === this.currentSessionId }));
  }

  async revokeSession(id: string): Promise<void> {
    this.record('revokeSession', [id]);
    const user = this.currentUser();
    const session = this.sessions.find((s) => s.id === id && s.userId === user.id);
    if (!session) throw problem(ProblemTypes.notFound, 404, 'Not Found', { detail: 'You have no live session with that id.' });
    this.sessions = this.sessions.filter((s) => s.id !== id);
    if (id === this.currentSessionId) this.currentSessionId = null;
  }

  async revokeAllSessions(): Promise<void> {
    this.record('revokeAllSessions', []);
    const user = this.currentUser();
    this.sessions = this.sessions.filter((s) => s.userId !== user.id);
    this.currentSessionId = null;
  }

  // ----- people -----

  async listUsers(search?: string, staffOnly?: boolean): Promise<UserResponse[]> {
    this.record('listUsers', [search, staffOnly]);
    this.requireAdmin();
    const needle = search?.trim().toLowerCase();
    return this.users
      .filter((u) => !needle || u.email.includes(needle) || (u.displayName ?? '').toLowerCase().includes(needle))
      .filter((u) => !staffOnly || u.isAdmin || u.departmentCodes.length > 0)
      .sort((a, b) => a.email.localeCompare(b.email))
      .map((u) => ({ ...u, departmentCodes: [...u.departmentCodes] }));
  }

  async createUser(body: CreateUserRequest): Promise<UserResponse> {
    this.record('createUser', [body]);
    this.requireAdmin();
    if (!EMAIL_RULE.test(body.email ?? '')) throw validation({ email: ['Enter a valid e-mail address.'] });
    if (body.displayName && /[<>]/.test(body.displayName)) {
      throw validation({ displayName: ['Names cannot contain < or >.'] });
    }
    if (this.userByEmail(body.email)) return null as unknown as UserResponse; // the generated client's reading of a 200
    const user: UserResponse = {
      id: this.newId(),
      email: body.email.trim().toLowerCase(),
      displayName: body.displayName?.trim() || undefined,
      isAdmin: false,
      departmentCodes: [],
      createdAt: this.now(),
    };
    this.users.push(user);
    return { ...user, departmentCodes: [] };
  }

  async grantAdmin(id: string): Promise<UserResponse> {
    this.record('grantAdmin', [id]);
    this.requireAdmin();
    const user = this.findUser(id);
    user.isAdmin = true;
    return { ...user, departmentCodes: [...user.departmentCodes] };
  }

  async revokeAdmin(id: string): Promise<UserResponse> {
    this.record('revokeAdmin', [id]);
    this.requireAdmin();
    const user = this.findUser(id);
    if (user.isAdmin && !this.users.some((u) => u.isAdmin && u.id !== id)) {
      throw problem(ProblemTypes.conflict, 409, 'Conflict', { detail: 'This is the last admin: make someone else an admin first.' });
    }
    user.isAdmin = false;
    return { ...user, departmentCodes: [...user.departmentCodes] };
  }

  async assignDepartment(id: string, code: string): Promise<UserResponse> {
    this.record('assignDepartment', [id, code]);
    this.requireAdmin();
    const user = this.findUser(id);
    if (!this.departments.some((d) => d.code === code)) {
      throw problem(ProblemTypes.notFound, 404, 'Not Found', { detail: `No department has the code ${code}.` });
    }
    if (!user.departmentCodes.includes(code)) user.departmentCodes = [...user.departmentCodes, code].sort();
    return { ...user, departmentCodes: [...user.departmentCodes] };
  }

  async unassignDepartment(id: string, code: string): Promise<UserResponse> {
    this.record('unassignDepartment', [id, code]);
    this.requireAdmin();
    const user = this.findUser(id);
    user.departmentCodes = user.departmentCodes.filter((c) => c !== code);
    return { ...user, departmentCodes: [...user.departmentCodes] };
  }

  // ----- API keys -----

  async listScopes(): Promise<ScopeResponse[]> {
    this.record('listScopes', []);
    this.requireAdmin();
    return this.scopes.map((s) => ({ ...s }));
  }

  async listApiKeys(): Promise<ApiKeyResponse[]> {
    this.record('listApiKeys', []);
    this.requireAdmin();
    return this.apiKeys.map((k) => ({ ...k, scopes: [...k.scopes] }));
  }

  async createApiKey(body: CreateApiKeyRequest): Promise<CreatedApiKeyResponse> {
    this.record('createApiKey', [body]);
    this.requireAdmin();
    const errors: Record<string, string[]> = {};
    if (!body.name?.trim()) errors.name = ['Enter a name.'];
    if (!body.scopes?.length) errors.scopes = ['Choose at least one scope.'];
    else if (body.scopes.some((s) => !this.scopes.some((known) => known.name === s))) errors.scopes = ['Unknown scope.'];
    if (body.expiresAt && Date.parse(body.expiresAt) <= this.clock) errors.expiresAt = ['Choose a time in the future.'];
    if (Object.keys(errors).length > 0) throw validation(errors);
    const prefix = `alk_${String(this.apiKeys.length + 1).padStart(8, 'k')}`;
    const key: ApiKeyResponse = {
      id: this.newId(),
      name: body.name.trim(),
      prefix,
      scopes: [...body.scopes].sort(),
      createdAt: this.now(),
      expiresAt: body.expiresAt,
    };
    this.apiKeys.push(key);
    return { key: { ...key }, secret: `${prefix}_secret-${key.id}` };
  }

  async revokeApiKey(id: string): Promise<ApiKeyResponse> {
    this.record('revokeApiKey', [id]);
    this.requireAdmin();
    const key = this.apiKeys.find((k) => k.id === id);
    if (!key) throw problem(ProblemTypes.notFound, 404, 'Not Found');
    key.revokedAt ??= this.now();
    return { ...key };
  }

  // ----- audit -----

  async listAudit(
    action?: string,
    actorId?: string,
    entityType?: string,
    entityId?: string,
    from?: string | null,
    to?: string | null,
    page = 1,
    pageSize = 50,
  ): Promise<AuditEntryResponsePaged> {
    this.record('listAudit', [action, actorId, entityType, entityId, from, to, page, pageSize]);
    this.requireAdmin();
    if (from && to && Date.parse(to) <= Date.parse(from)) {
      throw validation({ to: ["'To' must be greater than 'From'."] });
    }
    const matching = this.audit
      .filter((e) => (!action || e.action === action) && (!entityType || e.entityType === entityType))
      .filter((e) => (!from || Date.parse(e.at) >= Date.parse(from)) && (!to || Date.parse(e.at) < Date.parse(to)))
      .sort((a, b) => b.at.localeCompare(a.at));
    return {
      items: matching.slice((page - 1) * pageSize, page * pageSize).map((e) => ({ ...e })),
      total: matching.length,
      totalExact: true,
      page,
      pageSize,
    };
  }
}

/** The development mailbox over a fake identity API's mail; unavailable (404) outside "Development". */
export class FakeDevApi implements DevApi {
  calls: Array<{ method: string; args: unknown[] }> = [];

  constructor(
    private readonly identity: FakeIdentityApi | null,
    public available: boolean = true,
  ) {}

  async mailbox(limit?: number | null): Promise<DevMailboxMessage[]> {
    this.calls.push({ method: 'mailbox', args: [limit] });
    if (!this.available) {
      throw problem(ProblemTypes.notFound, 404, 'Not Found', {
        detail: 'The development mailbox is served only in the Development environment.',
      });
    }
    const all = [...(this.identity?.mail ?? [])].reverse();
    return all.slice(0, limit ?? 20).map((m) => ({ ...m }));
  }
}

export const DEMO_ADMIN = 'admin@example.org';
export const DEMO_COORDINATOR = 'coordinator@example.org';

/** The demo people of a Development API: an admin and a coordinator of DSV, plus an alumnus. */
export function seededFakeIdentity(options: FakeIdentityOptions = {}): FakeIdentityApi {
  return new FakeIdentityApi(
    [
      { email: DEMO_ADMIN, displayName: 'Demo Admin', isAdmin: true },
      { email: DEMO_COORDINATOR, displayName: 'Demo Coordinator', departmentCodes: ['DSV'] },
      { email: 'alumna@example.org', displayName: 'Ada Alumna' },
    ],
    {
      departments: [
        { code: 'DSV', nameSv: 'Institutionen för data- och systemvetenskap', nameEn: 'Department of Computer and Systems Sciences' },
        { code: 'ENG', nameSv: 'Engelska institutionen', nameEn: 'Department of English' },
        { code: 'HIST', nameSv: 'Historiska institutionen', nameEn: 'Department of History' },
        { code: 'LAW', nameSv: 'Juridiska institutionen', nameEn: 'Department of Law' },
      ],
      ...options,
    },
  );
}
