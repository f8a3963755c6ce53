import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AssignmentResponse,
  AssignmentResponsePaged,
  CreateAssignmentRequest,
  NetworkDirectoryResponse,
  UpdateAssignmentRequest,
  UserResponse,
} from '../../../api/generated';
import { useApiClients } from '../../../lib/api-context';
import { authKeys } from '../../../lib/auth/keys';
import { versionETag } from '../../../lib/etag';

/** TanStack Query keys of the directory and the assignments (staff data: dropped at sign-out). */
export const assignmentKeys = {
  all: ['network', 'assignments'] as const,
  directory: () => [...assignmentKeys.all, 'directory'] as const,
  lists: () => [...assignmentKeys.all, 'list'] as const,
  list: (query: AssignmentsQuery) => [...assignmentKeys.lists(), query] as const,
  one: (id: string) => [...assignmentKeys.all, 'one', id] as const,
  people: (search: string) => [...assignmentKeys.all, 'people', search] as const,
};

export interface AssignmentsQuery {
  userId?: string;
  departmentCode?: string;
  includeEnded?: boolean;
  page?: number;
}

export const ASSIGNMENTS_PAGE_SIZE = 50;

/** Who covers which department, and the active departments no one covers. */
export function useDirectory() {
  const { network } = useApiClients();
  return useQuery<NetworkDirectoryResponse>({
    queryKey: assignmentKeys.directory(),
    queryFn: ({ signal }) => network.getDirectory(signal),
  });
}

/** The office's list of assignments (a person's, a department's, with the history when asked). */
export function useAssignments(query: AssignmentsQuery, enabled = true) {
  const { network } = useApiClients();
  return useQuery<AssignmentResponsePaged>({
    queryKey: assignmentKeys.list(query),
    enabled,
    queryFn: ({ signal }) =>
      network.listAssignments(
        query.userId || undefined,
        query.departmentCode || undefined,
        query.includeEnded || undefined,
        query.page ?? 1,
        ASSIGNMENTS_PAGE_SIZE,
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

export function useAssignment(id: string) {
  const { network } = useApiClients();
  return useQuery<AssignmentResponse>({
    queryKey: assignmentKeys.one(id),
    queryFn: ({ signal }) => network.getAssignment(id, signal),
    refetchOnWindowFocus: false,
  });
}

/** People to pick from (the admins' people list), by part of an address or name; nothing asked while the search is empty. */
export function usePeopleSearch(search: string) {
  const { identity } = useApiClients();
  const text = search.trim();
  return useQuery<UserResponse[]>({
    queryKey: assignmentKeys.people(text),
    enabled: text.length >= 2,
    queryFn: ({ signal }) => identity.listUsers(text, undefined, signal),
    placeholderData: keepPreviousData,
  });
}

/** The person with this address, added first when the API does not know them yet. */
async function personByAddress(identity: ReturnType<typeof useApiClients>['identity'], email: string): Promise<UserResponse> {
  const address = email.trim();
  const created = await identity.createUser({ email: address });
  if (created) return created;
  // 200: the address was known; the generated client reads a body only for 201.
  const found = (await identity.listUsers(address)).find((user) => user.email.toLowerCase() === address.toLowerCase());
  if (!found) throw new Error(`The person ${address} was not found after adding them.`);
  return found;
}

/** What the assign form sends: the person picked by id, or an address to add them by. */
export type AssignRequest = Omit<CreateAssignmentRequest, 'userId'> & ({ userId: string } | { userId?: undefined; email: string });

/** Things an assignment changes: the directory, the lists, and (when it is the caller) their own departments. */
function useInvalidate() {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: assignmentKeys.all }),
      queryClient.invalidateQueries({ queryKey: authKeys.me() }),
      queryClient.invalidateQueries({ queryKey: ['admin', 'users'] }),
    ]);
  };
}

export function useCreateAssignment() {
  const { network, identity } = useApiClients();
  const invalidate = useInvalidate();
  return useMutation<AssignmentResponse, unknown, AssignRequest>({
    mutationFn: async (request) => {
      const { email, ...rest } = request as AssignRequest & { email?: string };
      const userId = request.userId ?? (await personByAddress(identity, email ?? '')).id;
      return network.createAssignment({ ...rest, userId });
    },
    onSuccess: invalidate,
  });
}

export function useUpdateAssignment(id: string) {
  const { network } = useApiClients();
  const invalidate = useInvalidate();
  return useMutation<AssignmentResponse, unknown, { version: number; body: UpdateAssignmentRequest }>({
    mutationFn: ({ version, body }) => network.updateAssignment(id, versionETag(version), body),
    onSuccess: invalidate,
  });
}

export function useEndAssignment(id: string) {
  const { network } = useApiClients();
  const invalidate = useInvalidate();
  return useMutation<AssignmentResponse, unknown, { version: number; reason: string }>({
    mutationFn: ({ version, reason }) => network.endAssignment(id, { reason: reason.trim() || undefined }, versionETag(version)),
    onSuccess: invalidate,
  });
}
