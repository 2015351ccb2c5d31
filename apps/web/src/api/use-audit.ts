import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type components, toApiProblem, unwrap } from '#api-client';
import { api } from './client';

export type AuditEntry = components['schemas']['AuditEntryResponseDto'];
export type AuditOutcome = AuditEntry['outcome'];
export type AuditVerification = components['schemas']['AuditVerificationResponseDto'];
export type AuditBrokenLink = components['schemas']['AuditBrokenLinkDto'];
export type SecurityEvent = components['schemas']['SecurityEventResponseDto'];

/** The filters GET /audit/entries and its export share. */
export interface AuditFilters {
  /** Instants (ISO 8601 with a zone): entries at or after `from`, before `to`. */
  from?: string;
  to?: string;
  actorId?: string;
  /** One action (`auth.sign_in`) or a family ending in a dot (`auth.`). */
  action?: string;
  targetType?: string;
  targetId?: string;
  outcome?: AuditOutcome;
}

export type AuditExportFormat = 'csv' | 'json';

const AUDIT = ['audit'] as const;
const PAGE_SIZE = 50;

/** The trail, newest first, a page at a time ("Older entries" follows the cursor). */
export function useAuditEntries(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: [...AUDIT, 'entries', filters],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/audit/entries', { params: { query: { ...filters, limit: PAGE_SIZE, cursor: pageParam } } }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    // A new filter keeps the table in place until the new answer arrives.
    placeholderData: keepPreviousData,
  });
}

/** Every action the trail records; it changes only with a release. */
export function useAuditActions() {
  return useQuery({
    queryKey: [...AUDIT, 'actions'],
    queryFn: () => unwrap(api.GET('/api/v1/audit/actions')),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Exports and checks are themselves recorded: the list shows them once reloaded. */
function useRefreshEntries() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: [...AUDIT, 'entries'] });
}

export function useVerifyAuditTrail() {
  const refresh = useRefreshEntries();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/audit/verify')),
    onSuccess: refresh,
    meta: { errorsShownInline: true },
  });
}

/**
 * The filtered trail as a file. Read through the API client, which carries the bearer
 * token a plain link could not.
 */
export function useExportAuditEntries() {
  const refresh = useRefreshEntries();
  return useMutation({
    mutationFn: ({ filters, format }: { filters: AuditFilters; format: AuditExportFormat }) =>
      fetchAuditExport(filters, format),
    onSuccess: refresh,
  });
}

async function fetchAuditExport(
  filters: AuditFilters,
  format: AuditExportFormat,
): Promise<{ blob: Blob; fileName: string }> {
  let result: Awaited<ReturnType<typeof requestExport>>;
  try {
    result = await requestExport(filters, format);
  } catch (error) {
    throw toApiProblem(error);
  }
  const { data, error, response } = result;
  if (error !== undefined || !response.ok || !data) throw toApiProblem(error, response);
  const fileName =
    /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ??
    `audit-${new Date().toISOString().slice(0, 10)}.${format}`;
  return { blob: data as unknown as Blob, fileName };
}

const requestExport = (filters: AuditFilters, format: AuditExportFormat) =>
  api.GET('/api/v1/audit/entries/export', { params: { query: { ...filters, format } }, parseAs: 'blob' });

/** One entry by its position in the chain, or null when the trail has no such entry (purged, or a bad link). */
export function useAuditEntry(seq: string | null) {
  return useQuery({
    queryKey: [...AUDIT, 'entry', seq],
    queryFn: async (): Promise<AuditEntry | null> => {
      if (!seq || !/^\d{1,15}$/.test(seq)) return null; // a hand-edited link: no entry has that position
      const { data, response } = await api.GET('/api/v1/audit/entries/{seq}', {
        params: { path: { seq: Number(seq) } },
      });
      if (response.status === 404) return null;
      if (!data) throw new Error(`Could not load entry #${seq} (${response.status})`);
      return data;
    },
    enabled: seq !== null,
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
}

/** Sign-ins, failed attempts with the caller's address, and changes to their account's security. */
export function useSecurityEvents() {
  return useQuery({
    queryKey: ['profile', 'security-events'],
    queryFn: () => unwrap(api.GET('/api/v1/profile/security-events')),
  });
}
