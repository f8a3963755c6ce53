import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MemberSummaryPaged, MemberResponse, NoteResponse, StaffMemberResponse, UpdateMemberRequest } from '../../../api/generated';
import { useApiClients } from '../../../lib/api-context';
import { toProblem } from '../../../lib/problem-details';
import { versionETag } from '../../../lib/etag';
import type { MemberSearchQuery } from '../member-search';
import { memberKeys } from './keys';

/**
 * One page of the staff member search (a coordinator's results are limited to their departments by the API); not
 * run while `enabled` is false (the filters have a mistake the page explains).
 */
export function useMemberSearch(query: MemberSearchQuery, enabled: boolean = true) {
  const { members } = useApiClients();
  return useQuery<MemberSummaryPaged>({
    queryKey: memberKeys.search(query),
    enabled,
    queryFn: ({ signal }) =>
      members.search(
        query.q,
        query.department,
        query.faculty,
        query.graduatedFrom,
        query.graduatedTo,
        query.country,
        query.city,
        query.language,
        query.status,
        query.consent,
        query.offers,
        query.industry,
        query.tag,
        query.sort,
        query.page,
        query.pageSize,
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

/**
 * A member's record and notes, as staff see it. Every read is audited by the API, so it is read when
 * the page opens and after changes, not on focus; the edit form keeps the version it started from.
 */
export function useStaffMember(id: string, enabled: boolean = true) {
  const { members } = useApiClients();
  return useQuery<StaffMemberResponse>({
    queryKey: memberKeys.detail(id),
    enabled,
    queryFn: ({ signal }) => members.get(id, signal),
    staleTime: Infinity,
    refetchOnMount: 'always',
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
}

export interface UpdateMemberVariables {
  id: string;
  /** The version the form started from; sent as If-Match. */
  version: number;
  body: UpdateMemberRequest;
}

/** Saves a member's profile (If-Match); a 412 reloads the record so the form can start again from it. */
export function useUpdateMember() {
  const { members } = useApiClients();
  const queryClient = useQueryClient();
  return useMutation<MemberResponse, unknown, UpdateMemberVariables>({
    mutationFn: ({ id, version, body }) => members.update(id, versionETag(version), body),
    onSuccess: async (member) => {
      queryClient.setQueryData<StaffMemberResponse>(memberKeys.detail(member.id), (current) =>
        current ? { ...current, member } : current,
      );
      await queryClient.invalidateQueries({ queryKey: [...memberKeys.staff(), 'search'] });
    },
    onError: async (error, { id }) => {
      const kind = toProblem(error).kind;
      if (kind === 'precondition-failed' || kind === 'not-found') {
        await queryClient.invalidateQueries({ queryKey: memberKeys.detail(id) });
      }
    },
  });
}

export function useAddNote() {
  const { members } = useApiClients();
  const queryClient = useQueryClient();
  return useMutation<NoteResponse, unknown, { id: string; text: string }>({
    mutationFn: ({ id, text }) => members.addNote(id, { text }),
    onSuccess: (note, { id }) => {
      queryClient.setQueryData<StaffMemberResponse>(memberKeys.detail(id), (current) =>
        current ? { ...current, notes: [note, ...current.notes.filter((n) => n.id !== note.id)] } : current,
      );
    },
  });
}

/** Erases a member on their request (admins only). */
export function useEraseMember() {
  const { members } = useApiClients();
  const queryClient = useQueryClient();
  return useMutation<void, unknown, string>({
    mutationFn: (id) => members.erase(id),
    onSuccess: async (_result, id) => {
      queryClient.removeQueries({ queryKey: memberKeys.detail(id) });
      await queryClient.invalidateQueries({ queryKey: [...memberKeys.staff(), 'search'] });
    },
  });
}
