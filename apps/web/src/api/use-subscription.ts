import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type components, unwrap } from '#api-client';
import { api } from './client';

export type Subscription = components['schemas']['SubscriptionResponseDto'];

const SUBSCRIPTION = ['subscription'] as const;

/** The organization's subscription (owners and admins). */
export function useSubscription(enabled = true) {
  return useQuery({
    queryKey: SUBSCRIPTION,
    enabled,
    queryFn: () => unwrap(api.GET('/api/v1/organization/subscription')),
  });
}

/** Terminate (by typing the organization's name) and restore: owners only. */
export function useSubscriptionActions() {
  const queryClient = useQueryClient();
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: SUBSCRIPTION });
    void queryClient.invalidateQueries({ queryKey: ['organization'] });
  };
  return {
    terminate: useMutation({
      mutationFn: (confirmName: string) =>
        unwrap(api.POST('/api/v1/organization/subscription/terminate', { body: { confirmName } })),
      onSuccess: refresh,
    }),
    restore: useMutation({
      mutationFn: () => unwrap(api.POST('/api/v1/organization/subscription/restore')),
      onSuccess: refresh,
    }),
  };
}
