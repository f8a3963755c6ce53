import type {
  AddNoteRequest,
  AffiliationInput,
  AffiliationResponse,
  CampaignLandingResponse,
  CampaignResponse,
  ConsentChannel,
  ConsentHistoryResponse,
  ConsentMethod,
  CreateCampaignRequest,
  DirectoryEntry,
  DirectoryEntryPaged,
  EraseMeRequest,
  MemberOffer,
  MemberSummaryPaged,
  MemberResponse,
  MemberStatus,
  MyDataExport,
  NoteResponse,
  ProfileInput,
  SignUpRequest,
  SignUpResponse,
  StaffMemberResponse,
  UpdateConsentsRequest,
  UpdateMemberRequest,
  UserResponse,
} from '../api/generated';
import type { MembersApi } from '../lib/api-client';
import { ProblemTypes } from '../lib/problem-details';
import type { FakeIdentityApi } from './fake-identity-api';

/**
 * An in-memory stand-in for the API's members endpoints: sign-up (verified by the identity fake's
 * sign-in, as the API's sign-in observer does), invitation links with their figures, my profile with
 * If-Match, studies, consents, export and erasure (confirmed by a code from the identity fake), the
 * staff search and record within a coordinator's departments, notes, and the directory for active
 * members. Failures are thrown the way the generated client throws them: the parsed problem body.
 */

const EMAIL_RULE = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const CHANNELS: ConsentChannel[] = ['centralNewsletter', 'departmentMailings', 'eventInvitations', 'directory', 'contactAboutOffers'];
const DEGREES = ['none', 'bachelor', 'master', 'phD', 'professional', 'exchange'];

function problem(type: string, status: number, title: string, extra: Record<string, unknown> = {}) {
  return { type, title, status, traceId: `00-fake-${status}-00`, ...extra };
}

function validation(errors: Record<string, string[]>) {
  return problem(ProblemTypes.validationFailed, 400, 'Validation failed', {
    detail: 'One or more fields are invalid; see errors.',
    errors,
  });
}

const notFound = (detail: string) => problem(ProblemTypes.notFound, 404, 'Not Found', { detail });

export interface FakeDepartment {
  code: string;
  facultyCode: string;
  nameSv: string;
  nameEn: string;
}

interface FakeMember extends MemberResponse {
  userId?: string;
  campaignId?: string;
  notes: NoteResponse[];
  history: ConsentHistoryResponse[];
}

interface FakeCampaign extends CampaignResponse {
  createdBy: string;
}

export class FakeMembersApi implements MembersApi {
  members: FakeMember[] = [];
  campaigns: FakeCampaign[] = [];
  calls: Array<{ method: string; args: unknown[] }> = [];
  /** Make the next call of this method fail with this error. */
  failNext: Partial<Record<keyof MembersApi, unknown>> = {};
  private nextId = 1;
  private clock = Date.parse('2025-06-01T08:00:00Z');

  constructor(
    readonly identity: FakeIdentityApi,
    readonly departments: FakeDepartment[],
  ) {
    identity.signInListeners.push((user) => this.verify(user));
  }

  private newId(prefix: string): string {
    return `0190f100-0000-7000-8000-${prefix}${String(this.nextId++).padStart(10, '0')}`;
  }

  now(): string {
    this.clock += 60_000;
    return new Date(this.clock).toISOString();
  }

  private record(method: keyof MembersApi, args: unknown[]) {
    this.calls.push({ method, args });
    const failure = this.failNext[method];
    if (failure !== undefined) {
      delete this.failNext[method];
      throw failure;
    }
  }

  callsOf(method: keyof MembersApi) {
    return this.calls.filter((c) => c.method === method);
  }

  // ----- helpers for tests -----

  /** Adds a member as if they had signed up (and, unless `status` says otherwise, verified). */
  addMember(
    fields: Partial<Omit<FakeMember, 'affiliations' | 'consents'>> & {
      email: string;
      firstName: string;
      lastName: string;
      affiliations?: Array<Partial<AffiliationResponse> & { departmentCode: string }>;
      consents?: ConsentChannel[];
    },
  ): FakeMember {
    const at = this.now();
    const { affiliations = [], consents = [], ...rest } = fields;
    const member: FakeMember = {
      id: this.newId('m'),
      preferredLanguage: 'sv',
      otherEmails: [],
      interests: [],
      offers: [],
      directoryListed: false,
      directoryFields: [],
      status: 'active',
      source: 'signUp',
      eligible: true,
      consents: [],
      createdAt: at,
      verifiedAt: at,
      updatedAt: at,
      version: 1,
      notes: [],
      history: [],
      ...rest,
      affiliations: affiliations.map((a) => ({
        id: this.newId('a'),
        degreeType: 'master',
        credits: 120,
        verified: false,
        ...a,
      })),
    };
    this.setConsents(member, CHANNELS.map((c) => [c, consents.includes(c)]), 'signUpForm');
    this.members.push(member);
    return member;
  }

  memberByEmail(email: string): FakeMember | undefined {
    return this.members.find((m) => m.email === email.trim().toLowerCase());
  }

  /** Someone else saves the member (bumps its version) behind the UI's back. */
  changeElsewhere(id: string, changes: Partial<ProfileInput>) {
    const member = this.members.find((m) => m.id === id)!;
    Object.assign(member, changes);
    member.version += 1;
  }

  /** The campaigns as a staff member sees them, without this browser's session. */
  async listCampaignsAs(email: string): Promise<CampaignResponse[]> {
    const user = this.identity.userByEmail(email);
    if (!user) throw new Error(`No person ${email}.`);
    const scope = { user, all: user.isAdmin };
    return this.campaigns
      .filter((c) => scope.all || scope.user.departmentCodes.includes(c.departmentCode))
      .map((c) => this.figures(c));
  }

  // ----- internals -----

  private verify(user: UserResponse) {
    const member = this.members.find((m) => m.email === user.email && !m.userId && m.status !== 'erased');
    if (!member) return;
    member.userId = user.id;
    if (member.status === 'pending') member.status = 'active';
    member.verifiedAt ??= this.now();
    member.version += 1;
  }

  private setConsents(member: FakeMember, changes: Array<[ConsentChannel, boolean]>, method: ConsentMethod) {
    for (const [channel, granted] of changes) {
      const current = member.consents.find((c) => c.channel === channel);
      if (current && current.granted === granted) continue;
      const changedAt = this.now();
      if (current) Object.assign(current, { granted, changedAt });
      else member.consents.push({ channel, granted, changedAt });
      member.history.push({ channel, granted, method, changedAt });
    }
  }

  private view(member: FakeMember): MemberResponse {
    const { userId: _userId, campaignId: _campaignId, notes: _notes, history: _history, ...rest } = member;
    return structuredClone(rest);
  }

  private signedIn(): UserResponse {
    const user = this.identity.signedInUser();
    if (!user) throw problem(ProblemTypes.unauthorized, 401, 'Unauthorized', { detail: 'Sign in first.' });
    return user;
  }

  private mine(): FakeMember {
    const user = this.signedIn();
    const member = this.members.find((m) => m.userId === user.id && m.status !== 'erased');
    if (!member) {
      throw notFound('You have no member record: sign up to the alumni network first (members_signUp), then sign in with the same address.');
    }
    return member;
  }

  private staff(): { user: UserResponse; all: boolean } {
    const user = this.signedIn();
    if (!user.isAdmin && user.departmentCodes.length === 0) {
      throw problem(ProblemTypes.forbidden, 403, 'Forbidden', { detail: 'Staff only.' });
    }
    return { user, all: user.isAdmin };
  }

  private inScope(member: FakeMember, scope: { user: UserResponse; all: boolean }): boolean {
    return scope.all || member.affiliations.some((a) => scope.user.departmentCodes.includes(a.departmentCode));
  }

  private staffMember(id: string): FakeMember {
    const scope = this.staff();
    const member = this.members.find((m) => m.id === id);
    if (!member || !this.inScope(member, scope)) throw notFound('No member with that id in your departments.');
    return member;
  }

  private checkIfMatch(member: FakeMember, ifMatch: string) {
    if (!ifMatch) throw problem(ProblemTypes.preconditionRequired, 428, 'Precondition Required');
    if (ifMatch !== `"${member.version}"`) {
      throw problem(ProblemTypes.preconditionFailed, 412, 'Precondition Failed', { detail: 'The record has changed since you read it.' });
    }
  }

  private validateStudy(input: AffiliationInput, prefix: string, errors: Record<string, string[]>) {
    if (!input.departmentCode?.trim()) errors[`${prefix}departmentCode`] = ['Choose a department.'];
    else if (!this.departments.some((d) => d.code === input.departmentCode.trim().toUpperCase())) {
      errors[`${prefix}departmentCode`] = ['No active department has this code.'];
    }
    if (!DEGREES.includes(input.degreeType)) errors[`${prefix}degreeType`] = ['This value is not one of the allowed ones.'];
    if (input.credits < 0) errors[`${prefix}credits`] = ['Credits cannot be negative.'];
    if (input.endYear && input.startYear && input.endYear < input.startYear) {
      errors[`${prefix}endYear`] = ['The end year cannot be before the start year.'];
    }
  }

  private validateProfile(input: ProfileInput) {
    const errors: Record<string, string[]> = {};
    if (!input.firstName?.trim()) errors.firstName = ['Enter a name.'];
    if (!input.lastName?.trim()) errors.lastName = ['Enter a name.'];
    if (input.country && !/^[A-Z]{2}$/.test(input.country)) errors.country = ['Use a two-letter country code, like SE.'];
    input.otherEmails.forEach((email, i) => {
      if (!EMAIL_RULE.test(email)) errors[`otherEmails[${i}]`] = ['Enter a valid e-mail address, like name@example.org.'];
    });
    if (input.linkedInUrl && !/^https:\/\/([a-z]{2,3}\.)?linkedin\.com\/(in|pub)\//.test(input.linkedInUrl)) {
      errors.linkedInUrl = ['Use the address of a LinkedIn profile, like https://www.linkedin.com/in/your-name.'];
    }
    if (Object.keys(errors).length > 0) throw validation(errors);
  }

  private saveProfile(member: FakeMember, input: ProfileInput) {
    Object.assign(member, {
      firstName: input.firstName.trim(),
      lastName: input.lastName.trim(),
      preferredLanguage: input.preferredLanguage,
      otherEmails: [...input.otherEmails],
      country: input.country,
      city: input.city,
      employer: input.employer,
      jobTitle: input.jobTitle,
      industry: input.industry,
      linkedInUrl: input.linkedInUrl,
      bio: input.bio,
      interests: [...input.interests],
      offers: [...input.offers],
      directoryListed: input.directoryListed,
      directoryFields: [...input.directoryFields],
      updatedAt: this.now(),
    });
    member.version += 1;
  }

  private figures(campaign: FakeCampaign): CampaignResponse {
    const { createdBy: _createdBy, ...rest } = campaign;
    const through = this.members.filter((m) => m.campaignId === campaign.id);
    return { ...rest, signUps: through.length, verified: through.filter((m) => !!m.verifiedAt).length };
  }

  // ----- sign-up and invitation links -----

  async signUp(body: SignUpRequest): Promise<SignUpResponse> {
    this.record('signUp', [body]);
    const errors: Record<string, string[]> = {};
    if (!body.firstName?.trim()) errors.firstName = ['Enter a name.'];
    if (!body.lastName?.trim()) errors.lastName = ['Enter a name.'];
    if (!EMAIL_RULE.test(body.email ?? '')) errors.email = ['Enter a valid e-mail address, like name@example.org.'];
    if (!['sv', 'en'].includes(body.preferredLanguage)) errors.preferredLanguage = ['Choose sv or en.'];
    if (!body.affiliations?.length) errors.affiliations = ['Tell us what you studied here.'];
    else if (body.affiliations.reduce((sum, a) => sum + a.credits, 0) < 1) {
      errors.affiliations = ['Alumni have earned at least 1 hp at the university in total.'];
    }
    (body.affiliations ?? []).forEach((a, i) => this.validateStudy(a, `affiliations[${i}].`, errors));
    body.consents.forEach((c, i) => {
      if (!CHANNELS.includes(c)) errors[`consents[${i}]`] = ['This value is not one of the allowed ones.'];
    });
    if (body.confirmsCredits !== true) errors.confirmsCredits = ['Confirm that you have earned at least 1 hp at the university.'];
    const campaign = body.campaignToken ? this.campaigns.find((c) => c.token === body.campaignToken) : undefined;
    if (body.campaignToken && !campaign) errors.campaignToken = ['This invitation link is not valid.'];
    if (Object.keys(errors).length > 0) throw validation(errors);

    const email = body.email.trim().toLowerCase();
    if (!this.memberByEmail(email)) {
      const member = this.addMember({
        email,
        firstName: body.firstName.trim(),
        lastName: body.lastName.trim(),
        preferredLanguage: body.preferredLanguage,
        status: 'pending',
        verifiedAt: undefined,
        campaignId: campaign?.id,
        affiliations: body.affiliations.map((a) => ({ ...a, departmentCode: a.departmentCode.trim().toUpperCase(), verified: false })),
        consents: body.consents,
      });
      member.eligible = member.affiliations.reduce((sum, a) => sum + a.credits, 0) >= 1;
    }
    return { message: 'Thank you! Verify your address with the code we e-mail you to complete your membership.' };
  }

  async openCampaignLink(token: string): Promise<CampaignLandingResponse> {
    this.record('openCampaignLink', [token]);
    const campaign = this.campaigns.find((c) => c.token === token);
    if (!campaign) throw notFound('This invitation link is not valid.');
    campaign.visits += 1;
    const department = this.departments.find((d) => d.code === campaign.departmentCode)!;
    return {
      departmentCode: department.code,
      departmentNameSv: department.nameSv,
      departmentNameEn: department.nameEn,
      label: campaign.label,
    };
  }

  async createCampaign(body: CreateCampaignRequest): Promise<CampaignResponse> {
    this.record('createCampaign', [body]);
    const scope = this.staff();
    const errors: Record<string, string[]> = {};
    const code = body.departmentCode?.trim().toUpperCase();
    if (!code) errors.departmentCode = ['Choose a department.'];
    else if (!this.departments.some((d) => d.code === code) || (!scope.all && !scope.user.departmentCodes.includes(code))) {
      errors.departmentCode = ['Choose one of your active departments.'];
    }
    if (!body.channel?.trim()) errors.channel = ['Name the channel: 1–100 characters, no < or >.'];
    if (!body.label?.trim()) errors.label = ['Give a label: 1–200 characters, no < or >.'];
    if (Object.keys(errors).length > 0) throw validation(errors);
    const campaign: FakeCampaign = {
      id: this.newId('c'),
      departmentCode: code,
      channel: body.channel.trim(),
      label: body.label.trim(),
      token: `tok${String(this.campaigns.length + 1).padStart(5, '0')}abcdef`,
      visits: 0,
      signUps: 0,
      verified: 0,
      createdAt: this.now(),
      createdBy: scope.user.id,
    };
    this.campaigns.push(campaign);
    return this.figures(campaign);
  }

  async listCampaigns(): Promise<CampaignResponse[]> {
    this.record('listCampaigns', []);
    const scope = this.staff();
    return this.campaigns
      .filter((c) => scope.all || scope.user.departmentCodes.includes(c.departmentCode))
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      .map((c) => this.figures(c));
  }

  // ----- me -----

  async getMyProfile(): Promise<MemberResponse> {
    this.record('getMyProfile', []);
    return this.view(this.mine());
  }

  async updateMyProfile(ifMatch: string, body: ProfileInput): Promise<MemberResponse> {
    this.record('updateMyProfile', [ifMatch, body]);
    const member = this.mine();
    this.checkIfMatch(member, ifMatch);
    this.validateProfile(body);
    this.saveProfile(member, body);
    this.setConsents(member, [['directory', body.directoryListed]], 'profilePage');
    return this.view(member);
  }

  async addMyAffiliation(body: AffiliationInput): Promise<MemberResponse> {
    this.record('addMyAffiliation', [body]);
    const member = this.mine();
    const errors: Record<string, string[]> = {};
    this.validateStudy(body, '', errors);
    if (Object.keys(errors).length > 0) throw validation(errors);
    member.affiliations.push({ ...body, departmentCode: body.departmentCode.toUpperCase(), id: this.newId('a'), verified: false });
    return this.view(member);
  }

  async removeMyAffiliation(id: string): Promise<MemberResponse> {
    this.record('removeMyAffiliation', [id]);
    const member = this.mine();
    const study = member.affiliations.find((a) => a.id === id);
    if (!study) throw notFound('You have no study with that id.');
    if (study.verified) {
      throw problem(ProblemTypes.conflict, 409, 'Conflict', {
        detail: 'This study is confirmed by the student records and cannot be removed here.',
      });
    }
    member.affiliations = member.affiliations.filter((a) => a.id !== id);
    return this.view(member);
  }

  async updateMyConsents(body: UpdateConsentsRequest): Promise<MemberResponse> {
    this.record('updateMyConsents', [body]);
    const member = this.mine();
    if (!body.changes?.length) throw validation({ changes: ["'Changes' must not be empty."] });
    this.setConsents(member, body.changes.map((c) => [c.channel, c.granted]), 'profilePage');
    member.directoryListed = member.consents.some((c) => c.channel === 'directory' && c.granted);
    if (member.status === 'unsubscribed' && body.changes.some((c) => c.granted)) member.status = 'active';
    member.updatedAt = this.now();
    member.version += 1;
    return this.view(member);
  }

  async unsubscribeMe(): Promise<MemberResponse> {
    this.record('unsubscribeMe', []);
    const member = this.mine();
    this.setConsents(member, CHANNELS.map((c) => [c, false]), 'profilePage');
    member.status = 'unsubscribed';
    member.directoryListed = false;
    member.updatedAt = this.now();
    member.version += 1;
    return this.view(member);
  }

  async exportMyData(): Promise<MyDataExport> {
    this.record('exportMyData', []);
    const member = this.mine();
    return {
      exportedAt: this.now(),
      member: this.view(member),
      consentHistory: structuredClone(member.history),
      campaign: this.campaigns.find((c) => c.id === member.campaignId)?.label,
    };
  }

  async eraseMe(body: EraseMeRequest): Promise<void> {
    this.record('eraseMe', [body]);
    const user = this.signedIn();
    const member = this.mine();
    if (!body.code?.trim()) throw validation({ code: ["'Code' must not be empty."] });
    if (!this.identity.consumeCode(user.email, body.code)) {
      throw validation({ code: ['The code is wrong or has expired. Ask for a new one.'] });
    }
    this.anonymise(member);
    this.identity.eraseUser(user.id);
  }

  private anonymise(member: FakeMember) {
    Object.assign(member, {
      email: '',
      firstName: '',
      lastName: '',
      otherEmails: [],
      country: undefined,
      city: undefined,
      employer: undefined,
      jobTitle: undefined,
      industry: undefined,
      linkedInUrl: undefined,
      bio: undefined,
      interests: [],
      offers: [],
      directoryListed: false,
      directoryFields: [],
      consents: [],
      history: [],
      notes: [],
      userId: undefined,
      status: 'erased' satisfies MemberStatus,
      updatedAt: this.now(),
    });
    member.version += 1;
  }

  // ----- staff -----

  async search(
    q?: string,
    department?: string,
    faculty?: string,
    graduatedFrom?: number | null,
    graduatedTo?: number | null,
    country?: string,
    city?: string,
    language?: string,
    status?: MemberStatus,
    consent?: ConsentChannel,
    offers?: MemberOffer,
    industry?: string,
    tag?: string,
    sort?: string,
    page = 1,
    pageSize = 50,
  ): Promise<MemberSummaryPaged> {
    this.record('search', [q, department, faculty, graduatedFrom, graduatedTo, country, city, language, status, consent, offers, industry, tag, sort, page, pageSize]);
    const scope = this.staff();
    if (graduatedFrom && graduatedTo && graduatedTo < graduatedFrom) {
      throw validation({ graduatedTo: ["'Graduated To' must be greater than or equal to 'Graduated From'."] });
    }
    const needle = q?.trim().toLowerCase();
    const facultyOf = (code: string) => this.departments.find((d) => d.code === code)?.facultyCode;
    const matching = this.members
      .filter((m) => this.inScope(m, scope))
      .filter((m) => (status ? m.status === status : m.status !== 'erased'))
      .filter((m) => !needle || `${m.firstName} ${m.lastName} ${m.email} ${m.employer ?? ''}`.toLowerCase().includes(needle))
      .filter((m) => !department || m.affiliations.some((a) => a.departmentCode === department))
      .filter((m) => !faculty || m.affiliations.some((a) => facultyOf(a.departmentCode) === faculty))
      .filter(
        (m) =>
          (!graduatedFrom && !graduatedTo) ||
          m.affiliations.some((a) => a.endYear !== undefined && a.endYear >= (graduatedFrom ?? 0) && a.endYear <= (graduatedTo ?? 9999)),
      )
      .filter((m) => !country || m.country === country)
      .filter((m) => !city || m.city?.toLowerCase() === city.toLowerCase())
      .filter((m) => !language || m.preferredLanguage === language)
      .filter((m) => !consent || m.consents.some((c) => c.channel === consent && c.granted))
      .filter((m) => !offers || m.offers.includes(offers))
      .filter((m) => !industry || m.industry?.toLowerCase() === industry.toLowerCase())
      .filter((m) => !tag || m.interests.includes(tag.toLowerCase()))
      .sort((a, b) =>
        sort === 'created'
          ? b.createdAt.localeCompare(a.createdAt)
          : sort === 'updated'
            ? b.updatedAt.localeCompare(a.updatedAt)
            : `${a.lastName} ${a.firstName}`.localeCompare(`${b.lastName} ${b.firstName}`),
      );
    return {
      items: matching.slice((page - 1) * pageSize, page * pageSize).map((m) => ({
        id: m.id,
        firstName: m.firstName,
        lastName: m.lastName,
        email: m.email,
        country: m.country,
        city: m.city,
        employer: m.employer,
        status: m.status,
        departments: [...new Set(m.affiliations.map((a) => a.departmentCode))].sort(),
        graduationYear: m.affiliations.reduce<number | undefined>((max, a) => (a.endYear && (!max || a.endYear > max) ? a.endYear : max), undefined),
        createdAt: m.createdAt,
      })),
      // As the API: exact up to 1,000 matches, then a lower bound.
      total: Math.min(matching.length, 1000),
      totalExact: matching.length <= 1000,
      page,
      pageSize,
    };
  }

  async get(id: string): Promise<StaffMemberResponse> {
    this.record('get', [id]);
    const member = this.staffMember(id);
    return { member: this.view(member), notes: structuredClone(member.notes) };
  }

  async update(id: string, ifMatch: string, body: UpdateMemberRequest): Promise<MemberResponse> {
    this.record('update', [id, ifMatch, body]);
    const member = this.staffMember(id);
    this.checkIfMatch(member, ifMatch);
    this.validateProfile(body);
    const wasListed = member.directoryListed;
    this.saveProfile(member, body);
    if (wasListed !== body.directoryListed) this.setConsents(member, [['directory', body.directoryListed]], 'staffOnRequest');
    return this.view(member);
  }

  async addNote(id: string, body: AddNoteRequest): Promise<NoteResponse> {
    this.record('addNote', [id, body]);
    const member = this.staffMember(id);
    if (!body.text?.trim()) throw validation({ text: ['Write the note.'] });
    const note: NoteResponse = {
      id: this.newId('n'),
      text: body.text.trim(),
      authorName: this.identity.signedInUser()?.displayName,
      createdAt: this.now(),
    };
    member.notes.unshift(note);
    return { ...note };
  }

  async erase(id: string): Promise<void> {
    this.record('erase', [id]);
    const user = this.signedIn();
    if (!user.isAdmin) throw problem(ProblemTypes.forbidden, 403, 'Forbidden', { detail: 'Admins only.' });
    const member = this.members.find((m) => m.id === id && m.status !== 'erased');
    if (!member) throw notFound('No member with that id, or already erased.');
    const userId = member.userId;
    this.anonymise(member);
    if (userId) this.identity.eraseUser(userId);
  }

  // ----- directory -----

  async searchDirectory(q?: string, department?: string, country?: string, offers?: MemberOffer, page = 1, pageSize = 50): Promise<DirectoryEntryPaged> {
    this.record('searchDirectory', [q, department, country, offers, page, pageSize]);
    const user = this.signedIn();
    if (!this.members.some((m) => m.userId === user.id && m.status === 'active')) {
      throw problem(ProblemTypes.forbidden, 403, 'Forbidden', { detail: 'The directory is for active members.' });
    }
    const needle = q?.trim().toLowerCase();
    const listed = this.members
      .filter((m) => m.status === 'active' && m.directoryListed && m.consents.some((c) => c.channel === 'directory' && c.granted))
      .filter((m) => !needle || m.firstName.toLowerCase().includes(needle) || m.lastName.toLowerCase().includes(needle))
      .filter((m) => !country || m.country === country)
      .filter((m) => !offers || m.offers.includes(offers))
      .filter((m) => !department || m.affiliations.some((a) => a.departmentCode === department))
      .sort((a, b) => `${a.lastName} ${a.firstName}`.localeCompare(`${b.lastName} ${b.firstName}`));
    const entry = (m: FakeMember): DirectoryEntry => {
      const shown = new Set(m.directoryFields);
      const show = <T,>(field: (typeof m.directoryFields)[number], value: T): T | undefined => (shown.has(field) ? value : undefined);
      return {
        id: m.id,
        firstName: m.firstName,
        lastName: m.lastName,
        email: show('email', m.email),
        country: show('country', m.country),
        city: show('city', m.city),
        employer: show('employer', m.employer),
        jobTitle: show('jobTitle', m.jobTitle),
        industry: show('industry', m.industry),
        linkedInUrl: show('linkedInUrl', m.linkedInUrl),
        bio: show('bio', m.bio),
        interests: show('interests', [...m.interests]),
        offers: show('offers', [...m.offers]),
        affiliations: show(
          'affiliations',
          m.affiliations.map((a) => (a.endYear ? `${a.departmentCode} ${a.endYear}` : a.departmentCode)),
        ),
      };
    };
    return {
      items: listed.slice((page - 1) * pageSize, page * pageSize).map(entry),
      total: listed.length,
      totalExact: true,
      page,
      pageSize,
    };
  }
}

/** The seeded departments of the fakes (see seededFakeApi): DSV, ENG, HIST and LAW. */
export const FAKE_MEMBER_DEPARTMENTS: FakeDepartment[] = [
  { code: 'ENG', facultyCode: 'HUM', nameSv: 'Engelska institutionen', nameEn: 'Department of English' },
  { code: 'HIST', facultyCode: 'HUM', nameSv: 'Historiska institutionen', nameEn: 'Department of History' },
  { code: 'LAW', facultyCode: 'LAW', nameSv: 'Juridiska institutionen', nameEn: 'Department of Law' },
  {
    code: 'DSV',
    facultyCode: 'SOC',
    nameSv: 'Institutionen för data- och systemvetenskap',
    nameEn: 'Department of Computer and Systems Sciences',
  },
];

export function seededFakeMembers(identity: FakeIdentityApi): FakeMembersApi {
  return new FakeMembersApi(identity, FAKE_MEMBER_DEPARTMENTS);
}
