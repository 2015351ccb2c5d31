import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type components, toApiProblem, unwrap } from '#api-client';
import { api } from './client';

export type Contact = components['schemas']['ContactResponseDto'];
export type ContactCreate = components['schemas']['ContactCreateDto'];
export type ContactUpdate = components['schemas']['ContactUpdateDto'];
export type ContactImportOutcome = components['schemas']['ContactImportResponseDto'];
export type ImportRowError = components['schemas']['ImportErrorDto'];

export interface ContactFilters {
  /** Already checked with `searchable()`: the API refuses a search without a two-letter word. */
  q?: string;
  tag?: string;
  branchId?: string;
  ownerId?: string;
  clientId?: string;
  listId?: string;
}

export const CONTACTS = ['contacts'] as const;
const PAGE_SIZE = 25;

const path = (id: string) => ({ params: { path: { id } } });

/** Contacts, newest first, a page at a time ("Load more" follows the cursor). */
export function useContactList(filters: ContactFilters, { pageSize = PAGE_SIZE, enabled = true } = {}) {
  return useInfiniteQuery({
    queryKey: [...CONTACTS, 'list', filters, pageSize],
    queryFn: ({ pageParam }) =>
      unwrap(api.GET('/api/v1/contacts', { params: { query: { ...filters, limit: pageSize, cursor: pageParam } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useContact(id: string) {
  return useQuery({
    queryKey: [...CONTACTS, 'detail', id],
    queryFn: () => unwrap(api.GET('/api/v1/contacts/{id}', path(id))),
  });
}

export function useContactActivity(id: string) {
  return useQuery({
    queryKey: [...CONTACTS, 'activity', id],
    queryFn: () => unwrap(api.GET('/api/v1/contacts/{id}/activity', path(id))),
  });
}

/** One contact as the server has them now: to start over after a 409. */
export const fetchContact = (id: string) => unwrap(api.GET('/api/v1/contacts/{id}', path(id)));

export function useCreateContact() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ContactCreate) => unwrap(api.POST('/api/v1/contacts', { body })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: [...CONTACTS, 'list'] }),
    meta: { errorsShownInline: true },
  });
}

export function useUpdateContact() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: ContactUpdate & { id: string }) =>
      unwrap(api.PATCH('/api/v1/contacts/{id}', { ...path(id), body })),
    onSuccess: (contact) => {
      queryClient.setQueryData([...CONTACTS, 'detail', contact.id], contact);
      void queryClient.invalidateQueries({ queryKey: CONTACTS });
    },
    meta: { errorsShownInline: true },
  });
}

export function useDeleteContact() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/contacts/{id}', path(id))),
    onSuccess: (_nothing, id) => {
      queryClient.removeQueries({ queryKey: [...CONTACTS, 'detail', id] });
      void queryClient.invalidateQueries({ queryKey: [...CONTACTS, 'list'] });
      // Their communications go; static lists lose a member.
      void queryClient.invalidateQueries({ queryKey: ['communications'] });
      void queryClient.invalidateQueries({ queryKey: ['contact-lists'] });
    },
  });
}

/**
 * Sends one chunk of a CSV file. `firstRow` is the row number of the chunk's header in the
 * whole file, so the API's row errors name rows of the file the person has.
 */
export const importContactsChunk = (csv: string, firstRow: number, dryRun: boolean) =>
  unwrap(
    api.POST('/api/v1/contacts/import', {
      params: { query: { firstRow, dryRun } },
      body: csv,
      headers: { 'content-type': 'text/csv' },
      bodySerializer: (body: string) => body,
    }),
  );

/** After an import: new people in every list. */
export function useRefreshContacts() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: CONTACTS });
}

/**
 * The filtered contacts as a CSV file. Read through the API client, which carries the
 * bearer token a plain link could not.
 */
export async function fetchContactsCsv(filters: ContactFilters): Promise<{ blob: Blob; fileName: string }> {
  let result: Awaited<ReturnType<typeof requestExport>>;
  try {
    result = await requestExport(filters);
  } catch (error) {
    throw toApiProblem(error);
  }
  const { data, error, response } = result;
  if (error !== undefined || !response.ok || !data) throw toApiProblem(error, response);
  const fileName =
    /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ??
    `contacts-${new Date().toISOString().slice(0, 10)}.csv`;
  return { blob: data as unknown as Blob, fileName };
}

const requestExport = (filters: ContactFilters) =>
  api.GET('/api/v1/contacts/export', { params: { query: filters }, parseAs: 'blob' });
