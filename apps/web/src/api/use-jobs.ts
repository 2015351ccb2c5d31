import {
  keepPreviousData,
  type QueryClient,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { type components, unwrap } from '#api-client';
import { api } from './client';

export type Job = components['schemas']['JobResponseDto'];
export type JobStatus = Job['status'];
export type JobPriority = Job['priority'];
export type JobInput = components['schemas']['JobCreateDto'];
export type JobChange = components['schemas']['JobUpdateDto'];

export interface JobFilters {
  branchId: string | null;
  /** A user id, `me`, or null for anyone. */
  assigneeId: string | null;
  priorities: JobPriority[];
}

const JOBS = ['jobs'] as const;
const COLUMN_PAGE = 20;

/** One column of the board: the jobs in a status, newest first, a page at a time. */
export function useJobColumn(status: JobStatus, filters: JobFilters, enabled = true) {
  return useInfiniteQuery({
    queryKey: [...JOBS, 'list', status, filters],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/jobs', {
          params: {
            query: {
              limit: COLUMN_PAGE,
              cursor: pageParam,
              status: [status],
              priority: filters.priorities.length ? filters.priorities : undefined,
              branchId: filters.branchId ?? undefined,
              assigneeId: filters.assigneeId ?? undefined,
            },
          },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** One client's jobs, newest first, a page at a time (for the client's page). */
export function useClientJobs(clientId: string, enabled = true) {
  return useInfiniteQuery({
    queryKey: [...JOBS, 'client', clientId],
    queryFn: ({ pageParam }) =>
      unwrap(api.GET('/api/v1/jobs', { params: { query: { limit: 10, cursor: pageParam, clientId } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    enabled,
  });
}

/** How many jobs are in each status (the board endpoint's counts; it knows no priority filter). */
export function useJobCounts(filters: Pick<JobFilters, 'branchId' | 'assigneeId'>) {
  return useQuery({
    queryKey: [...JOBS, 'board', filters],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/jobs/board', {
          params: { query: { branchId: filters.branchId ?? undefined, assigneeId: filters.assigneeId ?? undefined } },
        }),
      ),
    select: (board) => board.counts,
  });
}

/** Jobs that can still get visits, newest first: for pickers. */
export function useVisitableJobs(enabled = true) {
  return useQuery({
    queryKey: [...JOBS, 'visitable'],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/jobs', {
          params: { query: { limit: 100, status: ['new', 'scheduled', 'in_progress', 'completed'] } },
        }),
      ),
    enabled,
  });
}

export function useJob(id: string | null | undefined) {
  return useQuery({
    queryKey: [...JOBS, 'one', id],
    queryFn: () => unwrap(api.GET('/api/v1/jobs/{id}', { params: { path: { id: id as string } } })),
    enabled: Boolean(id),
  });
}

export function useJobActivity(id: string) {
  return useQuery({
    queryKey: [...JOBS, 'activity', id],
    queryFn: () => unwrap(api.GET('/api/v1/jobs/{id}/activity', { params: { path: { id } } })),
  });
}

/**
 * After a job changed, here or as a side effect elsewhere (a first visit schedules it, an invoice
 * bills it). Board columns not on screen are dropped rather than marked stale: a stale column
 * would show the job in its old status beside its new one until it refetched.
 */
export function jobsChanged(queryClient: QueryClient): void {
  queryClient.removeQueries({ queryKey: [...JOBS, 'list'], type: 'inactive' });
  void queryClient.invalidateQueries({ queryKey: JOBS });
}

function useRefreshJobs() {
  const queryClient = useQueryClient();
  return (job?: Job) => {
    if (job) queryClient.setQueryData([...JOBS, 'one', job.id], job);
    jobsChanged(queryClient);
  };
}

const path = (id: string) => ({ params: { path: { id } } });

export function useCreateJob() {
  const refresh = useRefreshJobs();
  return useMutation({
    mutationFn: (body: JobInput) => unwrap(api.POST('/api/v1/jobs', { body })),
    onSuccess: refresh,
    meta: { errorsShownInline: true },
  });
}

export function useUpdateJob() {
  const refresh = useRefreshJobs();
  return useMutation({
    mutationFn: ({ id, ...body }: JobChange & { id: string }) =>
      unwrap(api.PATCH('/api/v1/jobs/{id}', { ...path(id), body })),
    onSuccess: refresh,
    meta: { errorsShownInline: true },
  });
}

export function useChangeJobStatus() {
  const refresh = useRefreshJobs();
  return useMutation({
    mutationFn: ({ id, version, status }: { id: string; version: number; status: JobStatus }) =>
      unwrap(api.POST('/api/v1/jobs/{id}/status', { ...path(id), body: { version, status } })),
    onSuccess: refresh,
    // A 409 leaves the job as someone else made it: show what is true now.
    onError: () => refresh(),
    meta: { errorsShownInline: true },
  });
}

export function useDeleteJob() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/jobs/{id}', path(id))),
    onSuccess: (_nothing, id) => {
      queryClient.removeQueries({ queryKey: [...JOBS, 'one', id] });
      jobsChanged(queryClient);
      void queryClient.invalidateQueries({ queryKey: ['schedule'] });
    },
    meta: { errorsShownInline: true },
  });
}

/** One job as the server has it now: to start over after a 409. */
export const fetchJob = (id: string) => unwrap(api.GET('/api/v1/jobs/{id}', { params: { path: { id } } }));
