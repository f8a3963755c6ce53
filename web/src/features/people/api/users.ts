import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { CreateUserRequest, UserResponse } from '../../../api/generated';
import type { IdentityApi } from '../../../lib/api-client';
import { useApiClients } from '../../../lib/api-context';
import { authKeys } from '../../../lib/auth/keys';
import { useMe } from '../../../lib/auth/me';

/** TanStack Query keys of the people feature (admin data: dropped at sign-out). */
export const peopleKeys = {
  all: ['admin', 'users'] as const,
  lists: () => [...peopleKeys.all, 'list'] as const,
  list: ({ search, staffOnly }: UsersQuery) => [...peopleKeys.lists(), { search, staffOnly }] as const,
};

/** What `useUsers` lists: named, so the search text and the staff filter cannot be swapped. */
export interface UsersQuery {
  /** Part of an address or name; empty: everyone. */
  search: string;
  /** Only admins and coordinators. */
  staffOnly: boolean;
}

/** People who can sign in, ordered by address; `search` matches part of an address or name. */
export function useUsers({ search, staffOnly }: UsersQuery) {
  const { identity } = useApiClients();
  return useQuery<UserResponse[]>({
    queryKey: peopleKeys.list({ search, staffOnly }),
    queryFn: ({ signal }) => identity.listUsers(search || undefined, staffOnly || undefined, signal),
    placeholderData: keepPreviousData,
  });
}

function sameAddress(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

async function findByAddress(identity: IdentityApi, email: string): Promise<UserResponse | undefined> {
  const matches = await identity.listUsers(email.trim());
  return matches.find((user) => sameAddress(user.email, email));
}

export interface CreatedUser {
  user: UserResponse;
  /** False when the address was already known (the API then returns the existing person). */
  created: boolean;
}

/**
 * Adds a person by address. The API answers 201 for a new person and 200 with the existing one; the
 * generated client reads a body only for 201, so an existing person is looked up by address.
 */
export function useCreateUser() {
  const { identity } = useApiClients();
  const queryClient = useQueryClient();
  return useMutation<CreatedUser, unknown, CreateUserRequest>({
    mutationFn: async (request) => {
      const existing = request.email.includes('@') ? await findByAddress(identity, request.email) : undefined;
      const answer = await identity.createUser(request);
      const user = answer ?? existing ?? (await findByAddress(identity, request.email));
      if (!user) throw new Error(`The person ${request.email} was not found after adding them.`);
      return { user, created: !existing };
    },
    onSuccess: ({ user }) => updateUserInLists(queryClient, user),
  });
}

/** Puts a changed person into every cached list and refetches the lists (roles decide who is staff). */
async function updateUserInLists(queryClient: QueryClient, user: UserResponse) {
  queryClient.setQueriesData<UserResponse[]>({ queryKey: peopleKeys.lists() }, (list) =>
    list?.map((item) => (item.id === user.id ? user : item)),
  );
  await queryClient.invalidateQueries({ queryKey: peopleKeys.lists() });
}

type RoleChange = { kind: 'grant-admin'; user: UserResponse } | { kind: 'revoke-admin'; user: UserResponse };

export type RoleChangeKind = RoleChange['kind'];

/**
 * Changes a person's admin role (departments are assigned in the network's directory). The lists are updated;
 * when the person is the one signed in, so is `me` (their menu follows their roles).
 */
export function useChangeRoles() {
  const { identity } = useApiClients();
  const queryClient = useQueryClient();
  const me = useMe();
  return useMutation<UserResponse, unknown, RoleChange>({
    mutationFn: (change) => {
      switch (change.kind) {
        case 'grant-admin':
          return identity.grantAdmin(change.user.id);
        case 'revoke-admin':
          return identity.revokeAdmin(change.user.id);
      }
    },
    onSuccess: async (user) => {
      await updateUserInLists(queryClient, user);
      if (me.data && me.data.userId === user.id) await queryClient.invalidateQueries({ queryKey: authKeys.me() });
    },
  });
}
