import { useMutation, useQuery } from '@tanstack/react-query';
import { type components, unwrap } from '#api-client';
import { api } from './client';

export type SignUp = components['schemas']['SignUpDto'];
export type InvitationAcceptance = components['schemas']['InvitationAcceptDto'];

/** Sign-up, email confirmation and invitations: the calls made before anyone is signed in. */

export function useSignUp() {
  return useMutation({
    mutationFn: (body: SignUp) => unwrap(api.POST('/api/v1/auth/sign-up', { body })),
    meta: { errorsShownInline: true },
  });
}

export function useResendVerification() {
  return useMutation({
    mutationFn: (email: string) => unwrap(api.POST('/api/v1/auth/verify-email/resend', { body: { email } })),
  });
}

/**
 * Uses up an emailed single-use link once. A query keyed by the token and never stale, not
 * an effect: however often React mounts the page (StrictMode mounts it twice in
 * development), the token is sent once, and a second send would fail as "already used".
 */
function useLinkConfirmation(kind: string, token: string, confirm: () => Promise<unknown>) {
  return useQuery({
    queryKey: ['account-link', kind, token],
    queryFn: async () => {
      await confirm();
      return true;
    },
    enabled: token.length > 0,
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
  });
}

export const useEmailVerification = (token: string) =>
  useLinkConfirmation('verify-email', token, () => unwrap(api.POST('/api/v1/auth/verify-email', { body: { token } })));

export const useEmailChangeConfirmation = (token: string) =>
  useLinkConfirmation('email-change', token, () =>
    unwrap(api.POST('/api/v1/auth/email-change/confirm', { body: { token } })),
  );

/** What an invitation link is for. Reading it does not use the link up. */
export function useInvitationPreview(token: string) {
  return useQuery({
    queryKey: ['invitation-preview', token],
    queryFn: () => unwrap(api.POST('/api/v1/auth/invitations/preview', { body: { token } })),
    enabled: token.length > 0,
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useAcceptInvitation() {
  return useMutation({
    mutationFn: (body: InvitationAcceptance) => unwrap(api.POST('/api/v1/auth/invitations/accept', { body })),
    meta: { errorsShownInline: true },
  });
}
