import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { type components, unwrap } from '#api-client';
import { api } from './client';

/**
 * Clients as jobs, visits and invoices refer to them: found by words for pickers, and by
 * id for their names. Keys live under ['clients'] so that whoever changes a client
 * refreshes these too.
 */
export type ClientSummary = components['schemas']['ClientResponseDto'];

/** Clients whose names, emails or companies hold the words typed (newest first). */
export function useClientSearch(q: string, enabled = true) {
  return useQuery({
    queryKey: ['clients', 'lookup', 'search', q.trim()],
    queryFn: () => unwrap(api.GET('/api/v1/clients', { params: { query: { q: q.trim() || undefined, limit: 20 } } })),
    placeholderData: keepPreviousData,
    enabled,
  });
}

const clientQuery = (id: string) => ({
  queryKey: ['clients', 'lookup', 'one', id],
  queryFn: () => unwrap(api.GET('/api/v1/clients/{id}', { params: { path: { id } } })),
  staleTime: 60_000,
  retry: false,
});

export function useClientSummary(id: string | null | undefined) {
  return useQuery({ ...clientQuery(id ?? ''), enabled: Boolean(id) });
}

/** Names of several clients (one cached request each; the API has no batch lookup). */
export function useClientNames(ids: Array<string | null | undefined>): Map<string, string> {
  const unique = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  const results = useQueries({ queries: unique.map(clientQuery) });
  const names = new Map<string, string>();
  results.forEach((result, index) => {
    if (result.data) names.set(unique[index], result.data.name);
  });
  return names;
}
