import { z } from 'zod';
import type { CreateUserRequest } from '../../api/generated';
import { emailAddress, optionalName, type Translate } from '../../lib/text-rules';

/** The add-person form: an address and an optional name. */
export interface AddPersonValues {
  email: string;
  displayName: string;
}

export const ADD_PERSON_FIELDS = ['email', 'displayName'] as const;

export const EMPTY_PERSON: AddPersonValues = { email: '', displayName: '' };

/** The request: both trimmed, no name when none was given. */
export function toCreateUserRequest(values: AddPersonValues): CreateUserRequest {
  return { email: values.email.trim(), displayName: values.displayName.trim() || undefined };
}

/** The API's rules (CreateUser): a valid address, and a name, if any, of at most 200 characters without markup. */
export function addPersonSchema(t: Translate) {
  return z.object({
    email: emailAddress(t),
    displayName: optionalName(t),
  }) satisfies z.ZodType<AddPersonValues, AddPersonValues>;
}
