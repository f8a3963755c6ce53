import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ErasureCodeResponse,
  AffiliationInput,
  EraseMeRequest,
  MemberResponse,
  MyDataExport,
  ProfileInput,
  UpdateConsentsRequest,
} from '../../../api/generated';
import { useApiClients } from '../../../lib/api-context';
import { toProblem } from '../../../lib/problem-details';
import { versionETag } from '../../../lib/etag';
import { memberKeys } from './keys';

/**
 * My member record, or null when I have none (the API's 404: signed in, but never signed up with this
 * address). Holds still while I edit: no refetch on focus, so the profile form keeps its version.
 */
export function useMyProfile() {
  const { members } = useApiClients();
  return useQuery<MemberResponse | null>({
    queryKey: memberKeys.me(),
    queryFn: async ({ signal }) => {
      try {
        return await members.getMyProfile(signal);
      } catch (error) {
        if (toProblem(error).kind === 'not-found') return null;
        throw error;
      }
    },
    staleTime: 60_000,
    refetchOnWindowFocus: false,
  });
}

export interface MyRecordMutationOptions {
  /** Told the new record before it becomes the cached one (the profile form rebases on own changes). */
  onRecord?: (member: MemberResponse) => void;
}

/** Every change of my record answers with the whole record: it becomes the cached one. */
function useMyRecordMutation<V>(mutate: (variables: V) => Promise<MemberResponse>, options: MyRecordMutationOptions = {}) {
  const queryClient = useQueryClient();
  const { onRecord } = options;
  return useMutation<MemberResponse, unknown, V>({
    mutationFn: mutate,
    onSuccess: (member) => {
      onRecord?.(member);
      queryClient.setQueryData(memberKeys.me(), member);
    },
  });
}

export interface UpdateMyProfileVariables {
  /** The version the form started from; sent as If-Match. */
  version: number;
  profile: ProfileInput;
}

/** Saves my profile, guarded by If-Match; a 412 (changed elsewhere) reloads my record. */
export function useUpdateMyProfile() {
  const { members } = useApiClients();
  const queryClient = useQueryClient();
  return useMutation<MemberResponse, unknown, UpdateMyProfileVariables>({
    mutationFn: ({ version, profile }) => members.updateMyProfile(versionETag(version), profile),
    onSuccess: (member) => {
      queryClient.setQueryData(memberKeys.me(), member);
    },
    onError: async (error) => {
      if (toProblem(error).kind === 'precondition-failed') {
        await queryClient.invalidateQueries({ queryKey: memberKeys.me() });
      }
    },
  });
}

export function useAddMyAffiliation() {
  const { members } = useApiClients();
  return useMyRecordMutation<AffiliationInput>((input) => members.addMyAffiliation(input));
}

export function useRemoveMyAffiliation() {
  const { members } = useApiClients();
  return useMyRecordMutation<string>((id) => members.removeMyAffiliation(id));
}

export function useUpdateMyConsents(options: MyRecordMutationOptions = {}) {
  const { members } = useApiClients();
  return useMyRecordMutation<UpdateConsentsRequest>((request) => members.updateMyConsents(request), options);
}

export function useUnsubscribeMe(options: MyRecordMutationOptions = {}) {
  const { members } = useApiClients();
  return useMyRecordMutation<void>(() => members.unsubscribeMe(), options);
}

/** Everything held about me (GDPR access), to save as a file. */
export function useExportMyData() {
  const { members } = useApiClients();
  return useMutation<MyDataExport, unknown, void>({
    mutationFn: () => members.exportMyData(),
  });
}

/** Asks for the code that confirms erasing me: it comes in a mail of its own, in my language. */
export function useRequestErasureCode() {
  const { members } = useApiClients();
  return useMutation<ErasureCodeResponse, unknown, void>({
    mutationFn: () => members.requestErasureCode(),
  });
}

/**
 * Erases me with a fresh code. Afterwards the API has ended the session; the caller leaves for the
 * "erased" page and marks the app signed out.
 */
export function useEraseMe() {
  const { members } = useApiClients();
  return useMutation<void, unknown, EraseMeRequest>({
    mutationFn: (request) => members.eraseMe(request),
  });
}
