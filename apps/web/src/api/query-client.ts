import { notifications } from '@mantine/notifications';
import { MutationCache, QueryClient } from '@tanstack/react-query';
import { ApiProblem } from '#api-client';

declare module '@tanstack/react-query' {
  interface Register {
    mutationMeta: {
      /** The form shows this mutation's failures itself (an alert, a field): no toast as well. */
      errorsShownInline?: boolean;
    };
  }
}

/**
 * One place that turns failed calls into what a person sees: a toast with the API's
 * own words and the request id to quote. Forms read field errors from the ApiProblem.
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry: (failures, error) => failures < 2 && !(error instanceof ApiProblem && error.problem.status < 500),
      refetchOnWindowFocus: false,
    },
  },
  mutationCache: new MutationCache({
    onError: (error, _variables, _context, mutation) => {
      if (mutation.meta?.errorsShownInline) return;
      const problem = error instanceof ApiProblem ? error.problem : undefined;
      if (problem?.errors?.length) return; // shown beside the fields
      notifications.show({
        color: 'red',
        title: problem?.title ?? 'Something went wrong',
        message: problem?.requestId ? `${problem.detail} (reference ${problem.requestId})` : (problem?.detail ?? ''),
      });
    },
  }),
});
