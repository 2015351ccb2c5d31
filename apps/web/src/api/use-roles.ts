import { useQuery } from '@tanstack/react-query';
import { unwrap } from '#api-client';
import { api } from './client';

/** The permission matrix. It changes only with a release, so it is read once. */
export function useRoles(enabled = true) {
  return useQuery({
    queryKey: ['roles'],
    queryFn: () => unwrap(api.GET('/api/v1/roles')),
    enabled,
    staleTime: Number.POSITIVE_INFINITY,
  });
}
