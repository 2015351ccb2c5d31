import { useQuery } from '@tanstack/react-query';
import { unwrap } from '#api-client';
import { useAuth } from '../auth/auth-context';
import { usePermissions } from '../auth/use-permissions';
import { i18n } from '../i18n/i18n';
import { api } from './client';

export interface StaffMember {
  id: string;
  name: string;
  role: string;
  branchIds: string[];
}

/**
 * The people work can be assigned to: the active members the caller may see (GET /users
 * needs users:read; managers see their branches'). Without that permission only the
 * caller is known by name.
 */
export function useStaff() {
  const { user } = useAuth();
  const { can, loading } = usePermissions();
  const mayList = can('users:read');
  const list = useQuery({
    queryKey: ['users', 'staff'],
    queryFn: () => unwrap(api.GET('/api/v1/users', { params: { query: { state: 'active', limit: 100 } } })),
    enabled: mayList,
    staleTime: 60_000,
  });
  const members: StaffMember[] = mayList
    ? (list.data?.items ?? [])
        .filter((person) => person.role !== 'viewer' && person.role !== 'privacy_officer')
        .map((person) => ({ id: person.id, name: person.fullName, role: person.role, branchIds: person.branchIds }))
    : [];
  if (user && !members.some((member) => member.id === user.id)) {
    members.unshift({ id: user.id, name: user.fullName, role: user.role, branchIds: user.branchIds });
  }
  const names = new Map((list.data?.items ?? []).map((person) => [person.id, person.fullName]));
  return {
    members,
    /** A person's name, "You" for the caller, or a neutral word for someone not listed. */
    nameOf: (id: string) =>
      id === user?.id ? i18n.t('staff.you', { name: user.fullName }) : (names.get(id) ?? i18n.t('staff.aColleague')),
    mayList,
    loading: loading || (mayList && list.isPending),
  };
}
