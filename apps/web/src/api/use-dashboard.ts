import { useQuery } from '@tanstack/react-query';
import { unwrap } from '#api-client';
import { api } from './client';

/**
 * The home page's reads, each on an existing list endpoint: the API has no dashboard
 * endpoint (nor totals), so each card asks for a small first page.
 */
const DASHBOARD = ['dashboard'] as const;
const SHOWN = 5;

/** The oldest-due overdue invoices first would need a sort the API lacks: newest first, a few. */
export function useOverdueInvoices(enabled: boolean) {
  return useQuery({
    queryKey: [...DASHBOARD, 'overdue-invoices'],
    queryFn: () => unwrap(api.GET('/api/v1/invoices', { params: { query: { overdue: true, limit: SHOWN } } })),
    enabled,
  });
}

/** The latest calls, emails, meetings and notes across the clients the caller may read. */
export function useRecentCommunications(enabled: boolean) {
  return useQuery({
    queryKey: [...DASHBOARD, 'recent-communications'],
    queryFn: () => unwrap(api.GET('/api/v1/communications', { params: { query: { limit: SHOWN } } })),
    enabled,
  });
}
