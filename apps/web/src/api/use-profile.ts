import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type components, unwrap } from '#api-client';
import { api } from './client';

export type Profile = components['schemas']['ProfileResponseDto'];
export type ProfileUpdate = components['schemas']['ProfileUpdateDto'];

const PROFILE = ['profile'] as const;

export function useProfile(enabled = true) {
  return useQuery({ queryKey: PROFILE, queryFn: () => unwrap(api.GET('/api/v1/profile')), enabled });
}

export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ProfileUpdate) => unwrap(api.PATCH('/api/v1/profile', { body })),
    onSuccess: (profile) => queryClient.setQueryData(PROFILE, profile),
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: components['schemas']['PasswordChangeDto']) =>
      unwrap(api.POST('/api/v1/profile/password', { body })),
    meta: { errorsShownInline: true },
  });
}

export function useRequestEmailChange() {
  return useMutation({
    mutationFn: (body: components['schemas']['EmailChangeDto']) => unwrap(api.POST('/api/v1/profile/email', { body })),
    meta: { errorsShownInline: true },
  });
}
