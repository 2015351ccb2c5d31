import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type components, unwrap } from '#api-client';
import { api } from './client';

export type RetentionRule = components['schemas']['RetentionRuleResponseDto'];
export type RetentionPreview = components['schemas']['RetentionPreviewResponseDto'];
export type RetentionRun = components['schemas']['RetentionRunResponseDto'];

const RETENTION = ['retention'] as const;
const PAGE_SIZE = 20;
/** How often a running run is asked for its progress. */
const POLL_MS = 1000;

/** The rules, each with its period, setting and the sentence the privacy policy states. */
export function useRetentionRules() {
  return useQuery({
    queryKey: [...RETENTION, 'rules'],
    queryFn: () => unwrap(api.GET('/api/v1/retention/rules')),
  });
}

/** The dry run of one rule over the organization, asked afresh each time it opens. */
export function useRetentionPreview(key: string | null) {
  return useQuery({
    queryKey: [...RETENTION, 'preview', key],
    enabled: key !== null,
    staleTime: 0,
    gcTime: 0,
    queryFn: () =>
      unwrap(api.GET('/api/v1/retention/rules/{key}/preview', { params: { path: { key: key as string } } })),
  });
}

/** Purge history, newest first, a page at a time; `rule` null for every rule. */
export function useRetentionRuns(rule: string | null) {
  return useInfiniteQuery({
    queryKey: [...RETENTION, 'runs', rule],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/retention/runs', {
          params: { query: { limit: PAGE_SIZE, cursor: pageParam, rule: rule ?? undefined } },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

/** One run, asked again every second while it is running; the history refreshes when it ends. */
export function useRetentionRun(id: string | null) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: [...RETENTION, 'run', id],
    enabled: id !== null,
    queryFn: async () => {
      const run = await unwrap(api.GET('/api/v1/retention/runs/{id}', { params: { path: { id: id as string } } }));
      if (run.status !== 'running') void queryClient.invalidateQueries({ queryKey: [...RETENTION, 'runs'] });
      return run;
    },
    refetchInterval: (query) => (query.state.data?.status === 'running' ? POLL_MS : false),
  });
}

/** Starts a rule over the organization now (202); a 409 `rule-running` while one runs. */
export function useRunRetentionRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (key: string) => unwrap(api.POST('/api/v1/retention/rules/{key}/runs', { params: { path: { key } } })),
    onSuccess: (run) => {
      queryClient.setQueryData([...RETENTION, 'run', run.id], run);
      void queryClient.invalidateQueries({ queryKey: [...RETENTION, 'runs'] });
    },
    meta: { errorsShownInline: true },
  });
}

/** Sets the organization's own period for a rule (null: back to the platform's). */
export function useSetRetentionPeriod() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ key, value }: { key: string; value: number | null }) =>
      unwrap(api.PUT('/api/v1/retention/rules/{key}/period', { params: { path: { key } }, body: { value } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...RETENTION, 'rules'] }),
    meta: { errorsShownInline: true },
  });
}
