import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type components, unwrap } from '#api-client';
import { api } from './client';

export type Branch = components['schemas']['BranchResponseDto'];

const BRANCHES = ['branches'] as const;

export function useBranches() {
  return useQuery({ queryKey: BRANCHES, queryFn: () => unwrap(api.GET('/api/v1/branches')) });
}

export function useCreateBranch() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => unwrap(api.POST('/api/v1/branches', { body: { name } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: BRANCHES }),
  });
}

export function useRenameBranch() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; name: string; version: number }) =>
      unwrap(api.PATCH('/api/v1/branches/{id}', { params: { path: { id } }, body })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: BRANCHES }),
    meta: { errorsShownInline: true },
  });
}

export function useDeleteBranch() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/branches/{id}', { params: { path: { id } } })),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: BRANCHES }),
        // People lose the deleted branch.
        queryClient.invalidateQueries({ queryKey: ['users'] }),
      ]),
  });
}
