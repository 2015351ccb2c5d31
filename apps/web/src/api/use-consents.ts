import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type components, unwrap } from '#api-client';
import { api } from './client';

export type ContactConsents = components['schemas']['ContactConsentsResponseDto'];
export type ConsentState = components['schemas']['ContactConsentStateDto'];
export type ConsentEntry = components['schemas']['ContactConsentEntryResponseDto'];
export type ConsentRecord = components['schemas']['ContactConsentRecordDto'];
export type ConsentPurpose = components['schemas']['ConsentPurposeResponseDto'];
export type ConsentPurposeDetail = components['schemas']['ConsentPurposeDetailResponseDto'];
export type ConsentPurposeCreate = components['schemas']['ConsentPurposeCreateDto'];
export type ConsentPurposeUpdate = components['schemas']['ConsentPurposeUpdateDto'];
export type ConsentRates = components['schemas']['ConsentRatesResponseDto'];

const CONSENTS = ['consents'] as const;
const PURPOSES = ['consent-purposes'] as const;

/** A contact's state per purpose and ledger. */
export function useContactConsents(contactId: string) {
  return useQuery({
    queryKey: [...CONSENTS, 'contact', contactId],
    queryFn: () => unwrap(api.GET('/api/v1/contacts/{contactId}/consents', { params: { path: { contactId } } })),
  });
}

/** Appends a grant, withdrawal or objection; lists used for the purpose change with it. */
export function useRecordConsent(contactId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ConsentRecord) =>
      unwrap(api.POST('/api/v1/contacts/{contactId}/consents', { params: { path: { contactId } }, body })),
    onSuccess: (data) => {
      queryClient.setQueryData([...CONSENTS, 'contact', contactId], data);
      void queryClient.invalidateQueries({ queryKey: ['contacts', 'list'] });
      void queryClient.invalidateQueries({ queryKey: [...CONSENTS, 'rates'] });
    },
    meta: { errorsShownInline: true },
  });
}

/** The receipt as the API gives it (a JSON document), for download. */
export async function fetchConsentReceipt(contactId: string) {
  return unwrap(api.GET('/api/v1/contacts/{contactId}/consents/receipt', { params: { path: { contactId } } }));
}

export function useConsentPurposes(includeArchived = false) {
  return useQuery({
    queryKey: [...PURPOSES, { includeArchived }],
    queryFn: () => unwrap(api.GET('/api/v1/consent-purposes', { params: { query: { includeArchived } } })),
  });
}

function useRefreshPurposes() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: PURPOSES });
    void queryClient.invalidateQueries({ queryKey: CONSENTS });
  };
}

export function useCreatePurpose() {
  const refresh = useRefreshPurposes();
  return useMutation({
    mutationFn: (body: ConsentPurposeCreate) => unwrap(api.POST('/api/v1/consent-purposes', { body })),
    onSuccess: refresh,
    meta: { errorsShownInline: true },
  });
}

export function useUpdatePurpose() {
  const refresh = useRefreshPurposes();
  return useMutation({
    mutationFn: ({ id, ...body }: ConsentPurposeUpdate & { id: string }) =>
      unwrap(api.PATCH('/api/v1/consent-purposes/{id}', { params: { path: { id } }, body })),
    onSuccess: refresh,
    meta: { errorsShownInline: true },
  });
}

export function useArchivePurpose() {
  const refresh = useRefreshPurposes();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      unwrap(api.POST('/api/v1/consent-purposes/{id}/archive', { params: { path: { id } }, body: { version } })),
    onSuccess: refresh,
  });
}

export function useConsentRates(query: { from: string; to: string; interval: 'day' | 'week' }) {
  return useQuery({
    queryKey: [...CONSENTS, 'rates', query],
    queryFn: () => unwrap(api.GET('/api/v1/consent-rates', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

/** The public confirmation page: records the confirmed entries. */
export function useConfirmConsent() {
  return useMutation({
    mutationFn: (token: string) => unwrap(api.POST('/api/v1/public/consent-confirmations', { body: { token } })),
    meta: { errorsShownInline: true },
  });
}
