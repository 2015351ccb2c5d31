import { useQuery } from '@tanstack/react-query';
import { unwrap } from '#api-client';
import { api } from './client';

/** Readiness of the API and its database, refreshed every 30 seconds. */
export function useReadiness() {
  return useQuery({
    queryKey: ['health', 'ready'],
    queryFn: () => unwrap(api.GET('/api/v1/health/ready')),
    refetchInterval: 30_000,
    retry: false,
  });
}
