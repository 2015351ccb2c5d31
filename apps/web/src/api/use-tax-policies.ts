import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiProblem, type components, unwrap } from '#api-client';
import { api } from './client';

export type TaxPolicy = components['schemas']['TaxPolicyResponseDto'];
export type TaxRate = components['schemas']['TaxRateDto'];
export type TaxPolicyInput = components['schemas']['TaxPolicyCreateDto'];

const TAX_POLICIES = ['tax-policies'] as const;

/** Every policy the caller may see: organization-wide first, then per branch, latest first. */
export function useTaxPolicies() {
  return useQuery({
    queryKey: [...TAX_POLICIES, 'list'],
    queryFn: () => unwrap(api.GET('/api/v1/tax-policies')),
  });
}

/**
 * The policy an invoice of the branch dated `date` would use, or null when none is in
 * effect (the API answers 404 then: that is an answer, not a failure).
 */
export function useEffectiveTaxPolicy(branchId: string | null | undefined, date: string | null | undefined) {
  return useQuery({
    queryKey: [...TAX_POLICIES, 'effective', branchId ?? null, date ?? null],
    queryFn: async () => {
      try {
        return await unwrap(
          api.GET('/api/v1/tax-policies/effective', {
            params: { query: { branchId: branchId ?? undefined, date: date ?? undefined } },
          }),
        );
      } catch (error) {
        if (error instanceof ApiProblem && error.problem.status === 404) return null;
        throw error;
      }
    },
    enabled: branchId !== undefined,
  });
}

function useRefreshTaxPolicies() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: TAX_POLICIES });
    // Draft totals are previews priced with the policy in effect.
    void queryClient.invalidateQueries({ queryKey: ['invoices'] });
  };
}

export function useCreateTaxPolicy() {
  const refresh = useRefreshTaxPolicies();
  return useMutation({
    mutationFn: (body: TaxPolicyInput) => unwrap(api.POST('/api/v1/tax-policies', { body })),
    onSuccess: refresh,
    meta: { errorsShownInline: true },
  });
}

export function useUpdateTaxPolicy() {
  const refresh = useRefreshTaxPolicies();
  return useMutation({
    mutationFn: ({ id, ...body }: components['schemas']['TaxPolicyUpdateDto'] & { id: string }) =>
      unwrap(api.PATCH('/api/v1/tax-policies/{id}', { params: { path: { id } }, body })),
    onSuccess: refresh,
    meta: { errorsShownInline: true },
  });
}

export function useDeleteTaxPolicy() {
  const refresh = useRefreshTaxPolicies();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/tax-policies/{id}', { params: { path: { id } } })),
    onSuccess: refresh,
    meta: { errorsShownInline: true },
  });
}

export const fetchTaxPolicy = (id: string) =>
  unwrap(api.GET('/api/v1/tax-policies/{id}', { params: { path: { id } } }));
