import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type components, unwrap } from '#api-client';
import { api } from './client';

export type UsageReport = components['schemas']['UsageReportResponseDto'];
export type UsageName = components['schemas']['UsageNameResponseDto'];

export interface UsageQuery {
  /** First and last UTC day (YYYY-MM-DD), inclusive. */
  from: string;
  to: string;
}

/** The organization's daily usage counts over a range (admins; anonymized, rolled up nightly). */
export function useUsageReport(query: UsageQuery, enabled = true) {
  return useQuery({
    queryKey: ['usage', query],
    queryFn: () => unwrap(api.GET('/api/v1/analytics/usage', { params: { query } })),
    placeholderData: keepPreviousData,
    enabled,
  });
}
