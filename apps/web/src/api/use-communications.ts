import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { type components, unwrap } from '#api-client';
import { api } from './client';

export type Communication = components['schemas']['CommunicationResponseDto'];
export type CommunicationCreate = components['schemas']['CommunicationCreateDto'];
export type CommunicationUpdate = components['schemas']['CommunicationUpdateDto'];
export type CommunicationKind = CommunicationCreate['kind'];
export type Direction = CommunicationCreate['direction'];

/** Whose timeline: a client's (its contacts' communications included) or one person's. */
export type TimelineOf = { clientId: string } | { contactId: string };

export const COMMUNICATIONS = ['communications'] as const;
const PAGE_SIZE = 20;

/** Calls, emails, meetings and notes, newest first, a page at a time. */
export function useTimeline(of: TimelineOf) {
  return useInfiniteQuery({
    queryKey: [...COMMUNICATIONS, of],
    queryFn: ({ pageParam }) =>
      unwrap(api.GET('/api/v1/communications', { params: { query: { ...of, limit: PAGE_SIZE, cursor: pageParam } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

/** A new entry moves "last activity" of its client and contact: those reload too. */
function useRefreshTimelines() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: COMMUNICATIONS });
    void queryClient.invalidateQueries({ queryKey: ['clients'] });
    void queryClient.invalidateQueries({ queryKey: ['contacts'] });
  };
}

export function useLogCommunication() {
  const refresh = useRefreshTimelines();
  return useMutation({
    mutationFn: (body: CommunicationCreate) => unwrap(api.POST('/api/v1/communications', { body })),
    onSuccess: refresh,
    meta: { errorsShownInline: true },
  });
}

export function useUpdateCommunication() {
  const refresh = useRefreshTimelines();
  return useMutation({
    mutationFn: ({ id, ...body }: CommunicationUpdate & { id: string }) =>
      unwrap(api.PATCH('/api/v1/communications/{id}', { params: { path: { id } }, body })),
    onSuccess: refresh,
    meta: { errorsShownInline: true },
  });
}

export function useDeleteCommunication() {
  const refresh = useRefreshTimelines();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/communications/{id}', { params: { path: { id } } })),
    onSuccess: refresh,
  });
}
