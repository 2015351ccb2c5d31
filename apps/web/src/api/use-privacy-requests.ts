import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type components, unwrap } from '#api-client';
import { api } from './client';

export type PrivacyRequestSummary = components['schemas']['PrivacyRequestSummaryDto'];
export type PrivacyRequestDetail = components['schemas']['PrivacyRequestDetailDto'];
export type PrivacyRequestEvent = components['schemas']['PrivacyRequestEventDto'];
export type PublicPrivacyRequest = components['schemas']['PublicPrivacyRequestDto'];
export type PrivacyRequestLog = components['schemas']['PrivacyRequestLogDto'];
export type MyPrivacyRequest = components['schemas']['MyPrivacyRequestResponseDto'];
export type MyPrivacyRequestCreate = components['schemas']['MyPrivacyRequestCreateDto'];
export type PrivacyRequestStatsRow = components['schemas']['PrivacyRequestStatsRowDto'];
export type MatchedSubject = components['schemas']['MatchedSubjectDto'];
export type ProposedCorrection = components['schemas']['ProposedCorrectionDto'];
export type CorrectionReview = components['schemas']['CorrectionReviewDto'];

export interface PrivacyRequestFilters {
  status?: PrivacyRequestSummary['status'];
  type?: PrivacyRequestSummary['type'];
  assigneeId?: string;
  overdue?: boolean;
  q?: string;
}

const REQUESTS = ['privacy-requests'] as const;
const PAGE_SIZE = 50;

/** The public form: the same 202 whatever the email. */
export function useSubmitPublicPrivacyRequest(slug: string) {
  return useMutation({
    mutationFn: (body: PublicPrivacyRequest) =>
      unwrap(api.POST('/api/v1/public/organizations/{slug}/privacy-requests', { params: { path: { slug } }, body })),
    meta: { errorsShownInline: true },
  });
}

/** Where the emailed link lands. */
export function useVerifyPrivacyRequest() {
  return useMutation({
    mutationFn: (token: string) => unwrap(api.POST('/api/v1/public/privacy-requests/verify', { body: { token } })),
    meta: { errorsShownInline: true },
  });
}

export function useMyPrivacyRequests() {
  return useQuery({
    queryKey: [...REQUESTS, 'mine'],
    queryFn: () => unwrap(api.GET('/api/v1/me/privacy-requests')),
  });
}

export function useCreateMyPrivacyRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MyPrivacyRequestCreate) => unwrap(api.POST('/api/v1/me/privacy-requests', { body })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: [...REQUESTS, 'mine'] }),
    meta: { errorsShownInline: true },
  });
}

/** The requester withdraws their own open request. */
export function useCancelMyPrivacyRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(api.POST('/api/v1/me/privacy-requests/{id}/cancel', { params: { path: { id } } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: [...REQUESTS, 'mine'] }),
  });
}

/** The desk's list, page by page. */
export function usePrivacyRequests(filters: PrivacyRequestFilters) {
  return useInfiniteQuery({
    queryKey: [...REQUESTS, 'list', filters],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/privacy-requests', { params: { query: { ...filters, limit: PAGE_SIZE, cursor: pageParam } } }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function usePrivacyRequest(id: string) {
  return useQuery({
    queryKey: [...REQUESTS, 'detail', id],
    queryFn: () => unwrap(api.GET('/api/v1/privacy-requests/{id}', { params: { path: { id } } })),
  });
}

export function usePrivacyRequestStats(months = 12) {
  return useQuery({
    queryKey: [...REQUESTS, 'stats', months],
    queryFn: () => unwrap(api.GET('/api/v1/privacy-requests/stats', { params: { query: { months } } })),
  });
}

export function useLogPrivacyRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PrivacyRequestLog) => unwrap(api.POST('/api/v1/privacy-requests', { body })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: REQUESTS }),
    meta: { errorsShownInline: true },
  });
}

/** One action of the desk; every one answers the request as it now is. */
export type PrivacyRequestAction =
  | { action: 'start' | 'await-requester' | 'complete' | 'cancel'; version: number }
  | { action: 'assign'; version: number; assigneeId: string | null }
  | { action: 'matches'; version: number; subjects: MatchedSubject[] }
  | { action: 'extend'; version: number; months: number; reason: string }
  | { action: 'reject'; version: number; reason: string }
  | { action: 'corrections'; version: number; field: ProposedCorrection['field']; decision: 'apply' | 'keep' };

export function usePrivacyRequestAction(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ action, ...body }: PrivacyRequestAction) => {
      const path = { params: { path: { id } } };
      switch (action) {
        case 'start':
          return unwrap(
            api.POST('/api/v1/privacy-requests/{id}/start', { ...path, body: body as { version: number } }),
          );
        case 'await-requester':
          return unwrap(
            api.POST('/api/v1/privacy-requests/{id}/await-requester', { ...path, body: body as { version: number } }),
          );
        case 'complete':
          return unwrap(
            api.POST('/api/v1/privacy-requests/{id}/complete', { ...path, body: body as { version: number } }),
          );
        case 'cancel':
          return unwrap(
            api.POST('/api/v1/privacy-requests/{id}/cancel', { ...path, body: body as { version: number } }),
          );
        case 'assign':
          return unwrap(
            api.POST('/api/v1/privacy-requests/{id}/assign', {
              ...path,
              body: body as components['schemas']['PrivacyRequestAssignDto'],
            }),
          );
        case 'matches':
          return unwrap(
            api.POST('/api/v1/privacy-requests/{id}/matches', {
              ...path,
              body: body as components['schemas']['PrivacyRequestMatchDto'],
            }),
          );
        case 'extend':
          return unwrap(
            api.POST('/api/v1/privacy-requests/{id}/extend', {
              ...path,
              body: body as components['schemas']['PrivacyRequestExtendDto'],
            }),
          );
        case 'reject':
          return unwrap(
            api.POST('/api/v1/privacy-requests/{id}/reject', {
              ...path,
              body: body as components['schemas']['PrivacyRequestRejectDto'],
            }),
          );
        case 'corrections':
          return unwrap(
            api.POST('/api/v1/privacy-requests/{id}/corrections', {
              ...path,
              body: body as components['schemas']['PrivacyRequestCorrectionDecisionDto'],
            }),
          );
      }
    },
    onSuccess: (data) => {
      queryClient.setQueryData([...REQUESTS, 'detail', id], data);
      void queryClient.invalidateQueries({ queryKey: [...REQUESTS, 'list'] });
      void queryClient.invalidateQueries({ queryKey: [...REQUESTS, 'stats'] });
    },
    meta: { errorsShownInline: true },
  });
}
