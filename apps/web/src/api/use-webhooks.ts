import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type components, unwrap } from '#api-client';
import { api } from './client';

export type WebhookEndpoint = components['schemas']['WebhookEndpointResponseDto'];
export type WebhookEndpointInput = components['schemas']['WebhookEndpointCreateDto'];
export type WebhookDelivery = components['schemas']['WebhookDeliveryResponseDto'];
export type DeliveryStatus = 'pending' | 'succeeded' | 'failed';

/** Events an endpoint may subscribe to, with the words people see. */
export const WEBHOOK_EVENT_LABELS: Record<string, string> = {
  'subject.erased': 'A person’s data was erased',
  'subject.restricted': 'Processing of a person’s data was restricted or released',
  'subject.rectified': 'A person’s data was corrected',
  'request.completed': 'A data-subject request was completed',
};
export const WEBHOOK_EVENT_TYPES = Object.keys(WEBHOOK_EVENT_LABELS);

const WEBHOOKS = ['webhooks'] as const;
const PAGE_SIZE = 20;
const path = (id: string) => ({ params: { path: { id } } });

export function useWebhookEndpoints() {
  return useQuery({
    queryKey: [...WEBHOOKS, 'endpoints'],
    queryFn: () => unwrap(api.GET('/api/v1/webhooks/endpoints')),
  });
}

/** An endpoint's delivery log, newest first, a page at a time. */
export function useWebhookDeliveries(endpointId: string | null, status: DeliveryStatus | null) {
  return useInfiniteQuery({
    queryKey: [...WEBHOOKS, 'deliveries', endpointId, status],
    enabled: endpointId !== null,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/webhooks/endpoints/{id}/deliveries', {
          params: {
            path: { id: endpointId as string },
            query: { limit: PAGE_SIZE, cursor: pageParam, status: status ?? undefined },
          },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

function useRefresh() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: WEBHOOKS });
  };
}

export function useWebhookActions() {
  const refresh = useRefresh();
  return {
    create: useMutation({
      mutationFn: (body: WebhookEndpointInput) => unwrap(api.POST('/api/v1/webhooks/endpoints', { body })),
      onSuccess: refresh,
      meta: { errorsShownInline: true },
    }),
    update: useMutation({
      mutationFn: ({ id, ...body }: WebhookEndpointInput & { id: string; version: number }) =>
        unwrap(api.PATCH('/api/v1/webhooks/endpoints/{id}', { ...path(id), body })),
      onSuccess: refresh,
      meta: { errorsShownInline: true },
    }),
    remove: useMutation({
      mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/webhooks/endpoints/{id}', path(id))),
      onSuccess: refresh,
    }),
    rotate: useMutation({
      mutationFn: (id: string) => unwrap(api.POST('/api/v1/webhooks/endpoints/{id}/rotate-secret', path(id))),
      onSuccess: refresh,
    }),
    test: useMutation({
      mutationFn: (id: string) => unwrap(api.POST('/api/v1/webhooks/endpoints/{id}/test', path(id))),
      onSuccess: refresh,
    }),
    retry: useMutation({
      mutationFn: (deliveryId: string) =>
        unwrap(api.POST('/api/v1/webhooks/deliveries/{deliveryId}/retry', { params: { path: { deliveryId } } })),
      onSuccess: refresh,
    }),
  };
}
