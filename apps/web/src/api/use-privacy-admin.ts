import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type components, unwrap } from '#api-client';
import { api } from './client';

/** `notice`: the organization's own notice; `platform`: the platform policy (the operator's staff only). */
export type PolicyDocumentKind = 'notice' | 'platform';
export type PolicyDraft = components['schemas']['PolicyDraftResponseDto'];
export type PolicySection = components['schemas']['PolicySectionDto'];
export type Processor = components['schemas']['ProcessorResponseDto'];
export type ProcessorInput = components['schemas']['ProcessorInputDto'];
export type PrivacyContact = components['schemas']['PrivacyContactDto'];

const path = (document: PolicyDocumentKind) => ({ params: { path: { document } } });
const draftKey = (document: PolicyDocumentKind) => ['privacy-admin', document, 'draft'] as const;

export function usePolicyDraft(document: PolicyDocumentKind) {
  return useQuery({
    queryKey: draftKey(document),
    queryFn: () => unwrap(api.GET('/api/v1/privacy/documents/{document}/draft', path(document))),
  });
}

/** Every change to a document's facts or text: its draft, and what the public pages show. */
function useRefreshDocument(document: PolicyDocumentKind) {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: ['privacy-admin', document] });
    await queryClient.invalidateQueries({ queryKey: ['privacy'] });
  };
}

export function useStartDraft(document: PolicyDocumentKind) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/privacy/documents/{document}/draft', path(document))),
    onSuccess: (draft) => queryClient.setQueryData(draftKey(document), { draft }),
  });
}

export function useSaveDraft(document: PolicyDocumentKind) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: components['schemas']['PolicyDraftUpdateDto']) =>
      unwrap(api.PUT('/api/v1/privacy/documents/{document}/draft', { ...path(document), body })),
    onSuccess: (draft) => queryClient.setQueryData(draftKey(document), { draft }),
    meta: { errorsShownInline: true },
  });
}

export function useDiscardDraft(document: PolicyDocumentKind) {
  const refresh = useRefreshDocument(document);
  return useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/v1/privacy/documents/{document}/draft', path(document))),
    onSuccess: refresh,
  });
}

export function usePublishDraft(document: PolicyDocumentKind) {
  const refresh = useRefreshDocument(document);
  return useMutation({
    mutationFn: (body: components['schemas']['PolicyPublishDto']) =>
      unwrap(api.POST('/api/v1/privacy/documents/{document}/draft/publish', { ...path(document), body })),
    onSuccess: refresh,
    meta: { errorsShownInline: true },
  });
}

export function useProcessors(document: PolicyDocumentKind) {
  return useQuery({
    queryKey: ['privacy-admin', document, 'processors'],
    queryFn: () => unwrap(api.GET('/api/v1/privacy/documents/{document}/processors', path(document))),
  });
}

export function useSaveProcessor(document: PolicyDocumentKind) {
  const refresh = useRefreshDocument(document);
  return useMutation({
    mutationFn: ({ id, version, ...body }: ProcessorInput & { id?: string; version?: number }) =>
      unwrap(
        id && version !== undefined
          ? api.PUT('/api/v1/privacy/documents/{document}/processors/{id}', {
              params: { path: { document, id } },
              body: { ...body, version },
            })
          : api.POST('/api/v1/privacy/documents/{document}/processors', { ...path(document), body }),
      ),
    onSuccess: refresh,
    meta: { errorsShownInline: true },
  });
}

export function useRemoveProcessor(document: PolicyDocumentKind) {
  const refresh = useRefreshDocument(document);
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(
        api.DELETE('/api/v1/privacy/documents/{document}/processors/{id}', { params: { path: { document, id } } }),
      ),
    onSuccess: refresh,
  });
}

export function usePrivacyContact(document: PolicyDocumentKind) {
  return useQuery({
    queryKey: ['privacy-admin', document, 'contact'],
    queryFn: () => unwrap(api.GET('/api/v1/privacy/documents/{document}/contact', path(document))),
  });
}

export function useSavePrivacyContact(document: PolicyDocumentKind) {
  const refresh = useRefreshDocument(document);
  return useMutation({
    mutationFn: (body: PrivacyContact) =>
      unwrap(api.PUT('/api/v1/privacy/documents/{document}/contact', { ...path(document), body })),
    onSuccess: refresh,
    meta: { errorsShownInline: true },
  });
}

/** The signed-in person's organization: its slug addresses its public notice. */
export function useOwnOrganization() {
  return useQuery({ queryKey: ['organization'], queryFn: () => unwrap(api.GET('/api/v1/organization')) });
}
