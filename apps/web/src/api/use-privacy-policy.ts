import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type components, unwrap } from '#api-client';
import { api } from './client';
import { setPolicyAcceptanceRequired } from './policy-gate';

export type PolicyDocument = components['schemas']['PolicyDocumentResponseDto'];
export type PolicyVersion = components['schemas']['PolicyVersionResponseDto'];
export type PolicyHistoryItem = components['schemas']['PolicyHistoryItemDto'];

/** `undefined` slug: the platform's policy; otherwise that organization's notice. */
export function usePublishedPolicy(slug: string | undefined) {
  return useQuery({
    queryKey: ['privacy', slug ?? 'platform', 'current'],
    queryFn: () =>
      unwrap(
        slug
          ? api.GET('/api/v1/privacy/organizations/{slug}/notice', { params: { path: { slug } } })
          : api.GET('/api/v1/privacy/policy'),
      ),
  });
}

export function usePolicyHistory(slug: string | undefined) {
  return useQuery({
    queryKey: ['privacy', slug ?? 'platform', 'versions'],
    queryFn: () =>
      unwrap(
        slug
          ? api.GET('/api/v1/privacy/organizations/{slug}/notice/versions', { params: { path: { slug } } })
          : api.GET('/api/v1/privacy/policy/versions'),
      ),
  });
}

export function usePolicyVersion(slug: string | undefined, number: number) {
  return useQuery({
    queryKey: ['privacy', slug ?? 'platform', 'versions', number],
    queryFn: () =>
      unwrap(
        slug
          ? api.GET('/api/v1/privacy/organizations/{slug}/notice/versions/{number}', {
              params: { path: { slug, number } },
            })
          : api.GET('/api/v1/privacy/policy/versions/{number}', { params: { path: { number } } }),
      ),
    enabled: Number.isInteger(number) && number > 0,
  });
}

/** The signed-in person's acceptance of the platform policy. */
export function usePolicyAcceptanceStatus(enabled: boolean) {
  return useQuery({
    queryKey: ['me', 'privacy-policy'],
    queryFn: async () => {
      const status = await unwrap(api.GET('/api/v1/me/privacy-policy'));
      setPolicyAcceptanceRequired(status.required);
      return status;
    },
    enabled,
  });
}

export function useAcceptPolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (number: number) => unwrap(api.POST('/api/v1/me/privacy-policy/acceptance', { body: { number } })),
    onSuccess: async (status) => {
      queryClient.setQueryData(['me', 'privacy-policy'], status);
      setPolicyAcceptanceRequired(status.required);
      // What was refused while the policy waited loads again.
      await queryClient.invalidateQueries({ predicate: (query) => query.state.status === 'error' });
    },
  });
}
