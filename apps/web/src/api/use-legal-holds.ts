import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { type components, unwrap } from '#api-client';
import { api } from './client';

export type LegalHold = components['schemas']['LegalHoldResponseDto'];
export type LegalHoldInput = components['schemas']['LegalHoldCreateDto'];
export type HoldScope = LegalHoldInput['scope'];
/** Which holds a list shows. */
export type HoldState = 'active' | 'released' | 'all';

/** What a hold may name, per scope (the API's registered hold targets). */
export const HOLD_TARGET_KINDS: Record<Exclude<HoldScope, 'organization'>, string[]> = {
  subject: ['client', 'contact', 'user'],
  record: ['invoice', 'job', 'communication', 'visit', 'privacy-request'],
};

const HOLDS = ['legal-holds'] as const;
const PAGE_SIZE = 25;

/** The organization's legal holds, newest first, a page at a time. */
export function useLegalHolds(state: HoldState, targetId?: string) {
  return useInfiniteQuery({
    queryKey: [...HOLDS, 'list', state, targetId ?? null],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/legal-holds', {
          params: {
            query: {
              limit: PAGE_SIZE,
              cursor: pageParam,
              active: state === 'all' ? undefined : state === 'active',
              targetId,
            },
          },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useLegalHoldActions() {
  const queryClient = useQueryClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: HOLDS });
  return {
    create: useMutation({
      mutationFn: (body: LegalHoldInput) => unwrap(api.POST('/api/v1/legal-holds', { body })),
      onSuccess: refresh,
      meta: { errorsShownInline: true },
    }),
    release: useMutation({
      mutationFn: ({ id, reason }: { id: string; reason: string }) =>
        unwrap(api.POST('/api/v1/legal-holds/{id}/release', { params: { path: { id } }, body: { reason } })),
      onSuccess: refresh,
      meta: { errorsShownInline: true },
    }),
  };
}
