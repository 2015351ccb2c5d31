import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQueries,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { type components, unwrap } from '#api-client';
import { api } from './client';

export type Client = components['schemas']['ClientResponseDto'];
export type ClientCreate = components['schemas']['ClientCreateDto'];
export type ClientUpdate = components['schemas']['ClientUpdateDto'];
export type ClientKind = ClientCreate['kind'];
export type Activity = components['schemas']['ActivityResponseDto'];
export type Address = components['schemas']['AddressDto'];
export type CompanyDetails = components['schemas']['CompanyDetailsDto'];

export interface ClientFilters {
  /** Already checked with `searchable()`: the API refuses a search without a two-letter word. */
  q?: string;
  kind?: ClientKind;
  tag?: string;
  branchId?: string;
  sort?: 'createdAt' | '-createdAt';
}

export const CLIENTS = ['clients'] as const;
const PAGE_SIZE = 25;

const path = (id: string) => ({ params: { path: { id } } });

/** Clients, newest first unless asked otherwise, a page at a time ("Load more" follows the cursor). */
export function useClientList(filters: ClientFilters, { pageSize = PAGE_SIZE, enabled = true } = {}) {
  return useInfiniteQuery({
    queryKey: [...CLIENTS, 'list', filters, pageSize],
    queryFn: ({ pageParam }) =>
      unwrap(api.GET('/api/v1/clients', { params: { query: { ...filters, limit: pageSize, cursor: pageParam } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useClient(id: string | null | undefined) {
  return useQuery({
    queryKey: [...CLIENTS, 'detail', id],
    queryFn: () => unwrap(api.GET('/api/v1/clients/{id}', path(id as string))),
    enabled: Boolean(id),
  });
}

/**
 * Names of the clients rows refer to (contacts carry only a client id). Each is read once
 * and shared with the client pages' cache.
 */
export function useClientNames(ids: Array<string | null>): Map<string, string> {
  const unique = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  const answers = useQueries({
    queries: unique.map((id) => ({
      queryKey: [...CLIENTS, 'detail', id],
      queryFn: () => unwrap(api.GET('/api/v1/clients/{id}', path(id))),
      staleTime: 60_000,
    })),
  });
  return new Map(answers.flatMap((answer) => (answer.data ? [[answer.data.id, answer.data.name] as const] : [])));
}

export function useClientActivity(id: string) {
  return useQuery({
    queryKey: [...CLIENTS, 'activity', id],
    queryFn: () => unwrap(api.GET('/api/v1/clients/{id}/activity', path(id))),
  });
}

/** One client as the server has it now: to start over after a 409. */
export const fetchClient = (id: string) => unwrap(api.GET('/api/v1/clients/{id}', path(id)));

export function useCreateClient() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ClientCreate) => unwrap(api.POST('/api/v1/clients', { body })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: [...CLIENTS, 'list'] }),
    meta: { errorsShownInline: true },
  });
}

export function useUpdateClient() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: ClientUpdate & { id: string }) =>
      unwrap(api.PATCH('/api/v1/clients/{id}', { ...path(id), body })),
    onSuccess: (client) => {
      queryClient.setQueryData([...CLIENTS, 'detail', client.id], client);
      void queryClient.invalidateQueries({ queryKey: CLIENTS });
    },
    meta: { errorsShownInline: true },
  });
}

export function useDeleteClient() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/clients/{id}', path(id))),
    onSuccess: (_nothing, id) => {
      queryClient.removeQueries({ queryKey: [...CLIENTS, 'detail', id] });
      // Its contacts lose their client, its communications go.
      void queryClient.invalidateQueries({ queryKey: [...CLIENTS, 'list'] });
      void queryClient.invalidateQueries({ queryKey: ['contacts'] });
      void queryClient.invalidateQueries({ queryKey: ['communications'] });
    },
  });
}
