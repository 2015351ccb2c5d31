import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type components, unwrap } from '#api-client';
import { api } from './client';

export type User = components['schemas']['UserResponseDto'];
export type Role = components['schemas']['UserInviteDto']['role'];
export type UserState = 'invited' | 'active' | 'disabled';
export type UserInvitation = components['schemas']['UserInviteDto'];

export interface UserFilters {
  q: string;
  role: Role | null;
  state: UserState | null;
  branchId: string | null;
}

const USERS = ['users'] as const;
const PAGE_SIZE = 25;

/** People of the organization, a page at a time ("Load more" follows the cursor). */
export function useUserList(filters: UserFilters) {
  return useInfiniteQuery({
    queryKey: [...USERS, 'list', filters],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/users', {
          params: {
            query: {
              limit: PAGE_SIZE,
              cursor: pageParam,
              q: filters.q.trim() || undefined,
              role: filters.role ?? undefined,
              state: filters.state ?? undefined,
              branchId: filters.branchId ?? undefined,
            },
          },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    // Typing in the search box keeps the table in place until the new answer arrives.
    placeholderData: keepPreviousData,
  });
}

/** Not awaited: the caller's own onSuccess (a notice, closing a form) should not wait for the reload. */
function useRefreshUsers() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: USERS });
  };
}

const path = (id: string) => ({ params: { path: { id } } });

export function useInviteUser() {
  const refresh = useRefreshUsers();
  return useMutation({
    mutationFn: (body: UserInvitation) => unwrap(api.POST('/api/v1/users/invitations', { body })),
    onSuccess: refresh,
    meta: { errorsShownInline: true },
  });
}

export function useUpdateUserAccess() {
  const refresh = useRefreshUsers();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; version: number; role: Role; branchIds: string[] }) =>
      unwrap(api.PATCH('/api/v1/users/{id}', { ...path(id), body })),
    onSuccess: refresh,
    meta: { errorsShownInline: true },
  });
}

/** The row actions of the people table; each refreshes the list when it succeeds. */
export function useUserActions() {
  const refresh = useRefreshUsers();
  return {
    disable: useMutation({
      mutationFn: (id: string) => unwrap(api.POST('/api/v1/users/{id}/disable', path(id))),
      onSuccess: refresh,
    }),
    enable: useMutation({
      mutationFn: (id: string) => unwrap(api.POST('/api/v1/users/{id}/enable', path(id))),
      onSuccess: refresh,
    }),
    resendInvitation: useMutation({
      mutationFn: (id: string) => unwrap(api.POST('/api/v1/users/{id}/invitation', path(id))),
    }),
    withdrawInvitation: useMutation({
      mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/users/{id}/invitation', path(id))),
      onSuccess: refresh,
    }),
  };
}

/** One person, for a picker showing its choice (no one when `id` is null). */
export function useUser(id: string | null) {
  return useQuery({
    queryKey: [...USERS, 'detail', id],
    queryFn: () => fetchUser(id as string),
    enabled: id !== null,
    retry: false,
  });
}

/** One person as the server has them now: to start over after a 409. */
export const fetchUser = (id: string) => unwrap(api.GET('/api/v1/users/{id}', { params: { path: { id } } }));
