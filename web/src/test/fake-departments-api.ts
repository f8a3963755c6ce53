import type {
  CreateDepartmentRequest,
  DepartmentResponse,
  FacultyResponse,
  UpdateDepartmentRequest,
} from '../api/generated';
import type { DepartmentsApi } from '../lib/api-client';
import { ProblemTypes } from '../lib/problem-details';

/**
 * An in-memory stand-in for the API's departments endpoints with the same rules and problem
 * responses, thrown the way the generated client throws them (the parsed problem object).
 */
export interface FakeFaculty {
  code: string;
  nameSv: string;
  nameEn: string;
}

const CODE_RULE = /^[A-Z][A-Z0-9-]{1,15}$/;

function problem(type: string, status: number, title: string, extra: Record<string, unknown> = {}) {
  return { type, title, status, traceId: `00-fake-${status}-00`, ...extra };
}

export class FakeDepartmentsApi implements DepartmentsApi {
  faculties: FakeFaculty[];
  departments: DepartmentResponse[];
  calls: Array<{ method: string; args: unknown[] }> = [];
  /** Make the next call of this method fail with this error. */
  failNext: Partial<Record<keyof DepartmentsApi, unknown>> = {};
  private nextId = 1;

  constructor(faculties: FakeFaculty[], departments: Array<Omit<DepartmentResponse, 'id' | 'version' | 'isActive'> & Partial<DepartmentResponse>>) {
    this.faculties = faculties;
    this.departments = departments.map((d) => ({ id: this.newId(), version: 1, isActive: true, ...d }));
  }

  private newId(): string {
    return `0190f000-0000-7000-8000-${String(this.nextId++).padStart(12, '0')}`;
  }

  private record(method: keyof DepartmentsApi, args: unknown[]) {
    this.calls.push({ method, args });
    const failure = this.failNext[method];
    if (failure !== undefined) {
      delete this.failNext[method];
      throw failure;
    }
  }

  private find(code: string): DepartmentResponse {
    const department = this.departments.find((d) => d.code === code);
    if (!department) throw problem(ProblemTypes.notFound, 404, 'Not found', { detail: `No department ${code}.` });
    return department;
  }

  private validate(body: { code?: string; nameSv: string; nameEn: string; facultyCode: string }, checkCode: boolean) {
    const errors: Record<string, string[]> = {};
    if (checkCode && !CODE_RULE.test(body.code ?? '')) {
      errors.code = ['Code must be 2–16 characters: an upper-case letter, then upper-case letters, digits or hyphens.'];
    }
    for (const field of ['nameSv', 'nameEn'] as const) {
      const value = body[field];
      if (!value || value.length > 200) errors[field] = ['Must be 1–200 characters.'];
      else if (/[<>]/.test(value)) errors[field] = ['Must not contain < or >.'];
    }
    if (!this.faculties.some((f) => f.code === body.facultyCode)) errors.facultyCode = ['Unknown faculty.'];
    if (Object.keys(errors).length > 0) {
      throw problem(ProblemTypes.validationFailed, 400, 'One or more fields are invalid.', { errors });
    }
  }

  async listFaculties(includeInactive?: boolean): Promise<FacultyResponse[]> {
    this.record('listFaculties', [includeInactive]);
    return this.faculties.map((f) => ({
      ...f,
      departments: this.departments
        .filter((d) => d.facultyCode === f.code && (includeInactive || d.isActive))
        .sort((a, b) => a.code.localeCompare(b.code))
        .map((d) => ({ ...d })),
    }));
  }

  async list(facultyCode?: string, includeInactive?: boolean): Promise<DepartmentResponse[]> {
    this.record('list', [facultyCode, includeInactive]);
    return this.departments
      .filter((d) => (!facultyCode || d.facultyCode === facultyCode) && (includeInactive || d.isActive))
      .map((d) => ({ ...d }));
  }

  async get(code: string): Promise<DepartmentResponse> {
    this.record('get', [code]);
    return { ...this.find(code) };
  }

  async create(body: CreateDepartmentRequest): Promise<DepartmentResponse> {
    this.record('create', [body]);
    this.validate(body, true);
    if (this.departments.some((d) => d.code === body.code)) {
      throw problem(ProblemTypes.conflict, 409, 'Conflict', { detail: `A department with code '${body.code}' already exists.` });
    }
    const created: DepartmentResponse = { id: this.newId(), version: 1, isActive: true, ...body };
    this.departments.push(created);
    return { ...created };
  }

  async update(code: string, ifMatch: string, body: UpdateDepartmentRequest): Promise<DepartmentResponse> {
    this.record('update', [code, ifMatch, body]);
    const department = this.find(code);
    if (!ifMatch) throw problem(ProblemTypes.preconditionRequired, 428, 'If-Match required');
    this.checkIfMatch(department, ifMatch);
    this.validate(body, false);
    Object.assign(department, { nameSv: body.nameSv, nameEn: body.nameEn, facultyCode: body.facultyCode });
    department.version += 1;
    return { ...department };
  }

  private checkIfMatch(department: DepartmentResponse, ifMatch: string | undefined) {
    if (ifMatch && ifMatch !== `"${department.version}"`) {
      throw problem(ProblemTypes.preconditionFailed, 412, 'Precondition failed', { detail: 'The department has changed.' });
    }
  }

  async deactivate(code: string, ifMatch?: string): Promise<DepartmentResponse> {
    this.record('deactivate', [code, ifMatch]);
    const department = this.find(code);
    this.checkIfMatch(department, ifMatch);
    if (department.isActive) {
      department.isActive = false;
      department.version += 1;
    }
    return { ...department };
  }

  async reactivate(code: string, ifMatch?: string): Promise<DepartmentResponse> {
    this.record('reactivate', [code, ifMatch]);
    const department = this.find(code);
    this.checkIfMatch(department, ifMatch);
    if (!department.isActive) {
      department.isActive = true;
      department.version += 1;
    }
    return { ...department };
  }

  /** Someone else saves the department (bumps its version) behind the UI's back. */
  changeElsewhere(code: string, changes: Partial<Pick<DepartmentResponse, 'nameSv' | 'nameEn' | 'facultyCode'>>) {
    const department = this.find(code);
    Object.assign(department, changes);
    department.version += 1;
  }
}

export function seededFakeApi(): FakeDepartmentsApi {
  return new FakeDepartmentsApi(
    [
      { code: 'HUM', nameSv: 'Humanistiska fakulteten', nameEn: 'Faculty of Humanities' },
      { code: 'LAW', nameSv: 'Juridiska fakulteten', nameEn: 'Faculty of Law' },
      { code: 'SOC', nameSv: 'Samhällsvetenskapliga fakulteten', nameEn: 'Faculty of Social Sciences' },
    ],
    [
      { code: 'ENG', nameSv: 'Engelska institutionen', nameEn: 'Department of English', facultyCode: 'HUM' },
      { code: 'HIST', nameSv: 'Historiska institutionen', nameEn: 'Department of History', facultyCode: 'HUM' },
      { code: 'LAW', nameSv: 'Juridiska institutionen', nameEn: 'Department of Law', facultyCode: 'LAW' },
      { code: 'DSV', nameSv: 'Institutionen för data- och systemvetenskap', nameEn: 'Department of Computer and Systems Sciences', facultyCode: 'SOC' },
      { code: 'OLD', nameSv: 'Nedlagda institutionen', nameEn: 'Closed Department', facultyCode: 'SOC', isActive: false },
    ],
  );
}
