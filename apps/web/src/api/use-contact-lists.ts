import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type components, unwrap } from '#api-client';
import { api } from './client';

export type ContactList = components['schemas']['ContactListItemResponseDto'];
export type ContactListCreate = components['schemas']['ContactListCreateDto'];
export type ContactListUpdate = components['schemas']['ContactListUpdateDto'];
export type ContactListFilter = components['schemas']['ContactFilterDto'];

export const CONTACT_LISTS = ['contact-lists'] as const;

const path = (id: string) => ({ params: { path: { id } } });

/** Every list the caller can see (static ones with their member counts, saved filters). */
export function useContactLists(enabled = true) {
  return useQuery({
    queryKey: CONTACT_LISTS,
    queryFn: () => unwrap(api.GET('/api/v1/contact-lists')),
    enabled,
  });
}

export function useContactListDetail(id: string | undefined) {
  return useQuery({
    queryKey: [...CONTACT_LISTS, 'detail', id],
    queryFn: () => unwrap(api.GET('/api/v1/contact-lists/{id}', path(id as string))),
    enabled: Boolean(id),
  });
}

function useRefreshLists() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: CONTACT_LISTS });
    // A list's members are read as contacts (GET /contacts?listId=).
    void queryClient.invalidateQueries({ queryKey: ['contacts', 'list'] });
  };
}

export function useCreateContactList() {
  const refresh = useRefreshLists();
  return useMutation({
    mutationFn: (body: ContactListCreate) => unwrap(api.POST('/api/v1/contact-lists', { body })),
    onSuccess: refresh,
    meta: { errorsShownInline: true },
  });
}

export function useUpdateContactList() {
  const refresh = useRefreshLists();
  return useMutation({
    mutationFn: ({ id, ...body }: ContactListUpdate & { id: string }) =>
      unwrap(api.PATCH('/api/v1/contact-lists/{id}', { ...path(id), body })),
    onSuccess: refresh,
    meta: { errorsShownInline: true },
  });
}

export function useDeleteContactList() {
  const refresh = useRefreshLists();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/contact-lists/{id}', path(id))),
    onSuccess: refresh,
  });
}

export function useAddContactListMembers() {
  const refresh = useRefreshLists();
  return useMutation({
    mutationFn: ({ id, contactIds }: { id: string; contactIds: string[] }) =>
      unwrap(api.POST('/api/v1/contact-lists/{id}/members', { ...path(id), body: { contactIds } })),
    onSuccess: refresh,
    meta: { errorsShownInline: true },
  });
}

export function useRemoveContactListMember() {
  const refresh = useRefreshLists();
  return useMutation({
    mutationFn: ({ id, contactId }: { id: string; contactId: string }) =>
      unwrap(api.DELETE('/api/v1/contact-lists/{id}/members/{contactId}', { params: { path: { id, contactId } } })),
    onSuccess: refresh,
  });
}
