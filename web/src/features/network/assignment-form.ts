import { z } from 'zod';
import type { AssignmentResponse, CoordinatorKind, UpdateAssignmentRequest } from '../../api/generated';
import { isEmailAddress, optionalText, type Translate } from '../../lib/text-rules';
import { swedishToday } from './components/assignment-format';

/** The assignment form: the person and department (when assigning), and what may change while it is active. */
export interface AssignmentValues {
  /** How the person is chosen: picked from the people list, or by address (added first when new). */
  personMode: 'pick' | 'email';
  userId: string;
  email: string;
  departmentCode: string;
  kind: CoordinatorKind;
  /** Percent of a full-time post, as typed; empty: not known. */
  timeShare: string;
  /** `yyyy-MM-dd`; empty: today. */
  startedOn: string;
  roleTitle: string;
  contactEmail: string;
  contactPhone: string;
}

/** The form's fields, which the server's field errors are placed on (`userId` also on the e-mail choice). */
export const ASSIGNMENT_FIELDS = [
  'userId',
  'email',
  'departmentCode',
  'kind',
  'timeShare',
  'startedOn',
  'roleTitle',
  'contactEmail',
  'contactPhone',
] as const;

export function emptyAssignment(departmentCode = '', userId = ''): AssignmentValues {
  return {
    personMode: 'pick',
    userId,
    email: '',
    departmentCode,
    kind: 'informal',
    timeShare: '',
    startedOn: swedishToday(),
    roleTitle: '',
    contactEmail: '',
    contactPhone: '',
  };
}

export function assignmentValues(a: AssignmentResponse): AssignmentValues {
  return {
    personMode: 'pick',
    userId: a.userId,
    email: '',
    departmentCode: a.departmentCode,
    kind: a.kind,
    timeShare: a.timeShare != null ? String(a.timeShare) : '',
    startedOn: a.startedOn,
    roleTitle: a.roleTitle ?? '',
    contactEmail: a.contactEmail ?? '',
    contactPhone: a.contactPhone ?? '',
  };
}

/** What may change (and what assigning sends besides the person and department): trimmed, empty as none. */
export function toAssignmentInput(values: AssignmentValues): UpdateAssignmentRequest {
  const text = (value: string) => value.trim() || undefined;
  return {
    kind: values.kind,
    timeShare: values.timeShare.trim() ? Number(values.timeShare.trim()) : undefined,
    startedOn: text(values.startedOn),
    roleTitle: text(values.roleTitle),
    contactEmail: text(values.contactEmail),
    contactPhone: text(values.contactPhone),
  };
}

const PHONE = /^\s*\+?[0-9][0-9 ()-]*[0-9]\s*$/;

/** The API's rules (CreateAssignment, UpdateAssignment); `creating` adds the person and department. */
export function assignmentSchema(t: Translate, creating: boolean) {
  return z
    .object({
      personMode: z.enum(['pick', 'email']),
      userId: z.string(),
      email: z.string(),
      departmentCode: z.string(),
      kind: z.enum(['formal', 'informal']),
      timeShare: z
        .string()
        .refine((v) => v.trim() === '' || (/^\d{1,3}$/.test(v.trim()) && Number(v) >= 1 && Number(v) <= 100), t('validation.timeShare')),
      startedOn: z
        .string()
        .refine((v) => v.trim() === '' || /^\d{4}-\d{2}-\d{2}$/.test(v.trim()), t('validation.day'))
        .refine((v) => v.trim() === '' || v.trim() <= swedishToday(), t('validation.notInTheFuture')),
      roleTitle: optionalText(t, 200),
      contactEmail: z
        .string()
        .refine((v) => v.trim() === '' || (v.trim().length <= 254 && isEmailAddress(v.trim())), t('validation.email')),
      contactPhone: z
        .string()
        .refine((v) => v.trim().length <= 40, t('validation.tooLong', { max: 40 }))
        .refine((v) => v.trim() === '' || PHONE.test(v), t('validation.phone')),
    })
    .superRefine((values, ctx) => {
      if (!creating) return;
      if (values.personMode === 'pick' && !values.userId)
        ctx.addIssue({ code: 'custom', path: ['userId'], message: t('validation.person') });
      if (values.personMode === 'email' && !isEmailAddress(values.email.trim()))
        ctx.addIssue({ code: 'custom', path: ['email'], message: t('validation.email') });
      if (!values.departmentCode) ctx.addIssue({ code: 'custom', path: ['departmentCode'], message: t('validation.department') });
      // The person and department are checked together with the fields' own rules, so every message shows at once.
    }, { when: () => true }) satisfies z.ZodType<AssignmentValues, AssignmentValues>;
}
