import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiProblem, type components, unwrap } from '#api-client';
import { api } from './client';
import { jobsChanged } from './use-jobs';

export type ScheduleEntry = components['schemas']['ScheduleEntryResponseDto'];
export type ScheduleEntryInput = components['schemas']['ScheduleEntryCreateDto'];
export type ScheduleEntryChange = components['schemas']['ScheduleEntryUpdateDto'];

export interface ScheduleWindow {
  from: Date;
  to: Date;
  /** A user id or `me`; null for everyone the caller can see. */
  assigneeId?: string | null;
  branchId?: string | null;
  jobId?: string | null;
}

const SCHEDULE = ['schedule'] as const;

/** Entries overlapping [from, to) (at most 62 days), by start time. */
export function useScheduleWindow(window: ScheduleWindow, enabled = true) {
  const query = {
    from: window.from.toISOString(),
    to: window.to.toISOString(),
    assigneeId: window.assigneeId ?? undefined,
    branchId: window.branchId ?? undefined,
    jobId: window.jobId ?? undefined,
  };
  return useQuery({
    queryKey: [...SCHEDULE, 'window', query],
    queryFn: () => unwrap(api.GET('/api/v1/schedule', { params: { query } })),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** An entry of the caller's calendar the booking would overlap, as a 409 names it. */
export interface Clash {
  id: string;
  startsAt: string;
  endsAt: string;
}

/** The clashing entries of a double-booking 409, or null for any other failure. */
export function clashesOf(error: unknown): Clash[] | null {
  if (!(error instanceof ApiProblem) || error.problem.status !== 409) return null;
  const conflicts = (error.problem as { conflicts?: unknown }).conflicts;
  return Array.isArray(conflicts) ? (conflicts as Clash[]) : null;
}

function useRefreshSchedule() {
  const queryClient = useQueryClient();
  return (entry?: ScheduleEntry) => {
    void queryClient.invalidateQueries({ queryKey: SCHEDULE });
    // Booking the first visit of a new job schedules the job.
    if (entry?.jobId) jobsChanged(queryClient);
  };
}

export function useCreateScheduleEntry() {
  const refresh = useRefreshSchedule();
  return useMutation({
    mutationFn: (body: ScheduleEntryInput) => unwrap(api.POST('/api/v1/schedule', { body })),
    onSuccess: refresh,
    meta: { errorsShownInline: true },
  });
}

export function useUpdateScheduleEntry() {
  const refresh = useRefreshSchedule();
  return useMutation({
    mutationFn: ({ id, ...body }: ScheduleEntryChange & { id: string }) =>
      unwrap(api.PATCH('/api/v1/schedule/{id}', { params: { path: { id } }, body })),
    onSuccess: refresh,
    meta: { errorsShownInline: true },
  });
}

export function useDeleteScheduleEntry() {
  const refresh = useRefreshSchedule();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/schedule/{id}', { params: { path: { id } } })),
    onSuccess: () => refresh(),
    meta: { errorsShownInline: true },
  });
}

export const fetchScheduleEntry = (id: string) =>
  unwrap(api.GET('/api/v1/schedule/{id}', { params: { path: { id } } }));
