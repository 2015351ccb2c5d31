import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type components, toApiProblem, unwrap } from '#api-client';
import { api } from './client';

export type DataExport = components['schemas']['DataExportResponseDto'];

const MY_EXPORTS = ['me', 'data-exports'] as const;
/** While an export is being built its status is polled this often. */
const POLL_MS = 1_000;

const inProgress = (item: DataExport | undefined) => item?.status === 'queued' || item?.status === 'building';

/** Your data exports, newest first; polled while the newest one is being prepared. */
export function useMyDataExports() {
  return useQuery({
    queryKey: MY_EXPORTS,
    queryFn: () => unwrap(api.GET('/api/v1/me/data-exports')),
    refetchInterval: (query) => (inProgress(query.state.data?.items[0]) ? POLL_MS : false),
  });
}

export function useStartMyDataExport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/me/data-export')),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: MY_EXPORTS }),
  });
}

/** Fetches the ZIP of one of your exports, with the file name the API gives it. */
export function useDownloadMyDataExport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string): Promise<{ blob: Blob; fileName: string }> => {
      let result: Awaited<ReturnType<typeof requestDownload>>;
      try {
        result = await requestDownload(id);
      } catch (error) {
        throw toApiProblem(error);
      }
      const { data, error, response } = result;
      if (error !== undefined || !response.ok || !data) throw toApiProblem(error, response);
      const fileName =
        /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? `data-export-${id}.zip`;
      return { blob: data as unknown as Blob, fileName };
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: MY_EXPORTS }),
  });
}

const requestDownload = (id: string) =>
  api.GET('/api/v1/me/data-exports/{id}/download', { params: { path: { id } }, parseAs: 'blob' });
