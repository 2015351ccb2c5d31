import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type components, unwrap } from '#api-client';
import { api } from './client';
import { CLIENTS } from './use-clients';
import { CONTACTS } from './use-contacts';

export type RestrictionReason = components['schemas']['RestrictionApplyDto']['reason'];
export type RestrictionKind = 'client' | 'contact';

interface RestrictionChange {
  id: string;
  /** A reason applies the restriction; null lifts it. */
  reason: RestrictionReason | null;
}

/** Restricting processing of a client or contact (GDPR Art. 18), and lifting it: privacy staff only. */
export function useSetRestriction(kind: RestrictionKind) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: RestrictionChange) => {
      const path = { params: { path: { id } } };
      if (kind === 'contact') {
        return unwrap(
          reason
            ? api.PUT('/api/v1/contacts/{id}/restriction', { ...path, body: { reason } })
            : api.DELETE('/api/v1/contacts/{id}/restriction', path),
        );
      }
      return unwrap(
        reason
          ? api.PUT('/api/v1/clients/{id}/restriction', { ...path, body: { reason } })
          : api.DELETE('/api/v1/clients/{id}/restriction', path),
      );
    },
    // A client's restriction shows on its contacts' pages too.
    onSuccess: () => Promise.all([CONTACTS, CLIENTS].map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
  });
}
