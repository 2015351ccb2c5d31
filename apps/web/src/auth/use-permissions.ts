import { useCallback, useMemo } from 'react';
import { useRoles } from '../api/use-roles';
import { useAuth } from './auth-context';

/** A permission of the API's matrix, e.g. `users:write`. */
export type Permission =
  | 'organization:read'
  | 'organization:update'
  | 'branches:read'
  | 'branches:write'
  | 'api-keys:manage'
  | 'users:read'
  | 'users:write'
  | 'clients:read'
  | 'clients:write'
  | 'communications:read'
  | 'communications:write'
  | 'jobs:read'
  | 'jobs:write'
  | 'schedules:read'
  | 'schedules:write'
  | 'invoices:read'
  | 'invoices:write'
  | 'payments:write'
  | 'tax-policies:read'
  | 'tax-policies:write'
  | 'audit:read'
  | 'consents:read'
  | 'consents:write'
  | 'privacy-policy:write'
  | 'webhooks:manage'
  | 'exports:read'
  | 'exports:write'
  | 'requests:read'
  | 'requests:write'
  | 'restrictions:write'
  | 'analytics:read'
  | 'subscription:read'
  | 'subscription:terminate'
  | 'retention:read'
  | 'retention:run'
  | 'retention:configure'
  | 'legal-holds:read'
  | 'legal-holds:write';

/**
 * What the signed-in user may do, read from the API's own matrix (GET /roles) rather than
 * a copy of it here. It decides what the SPA offers; the API decides what is allowed.
 */
export function usePermissions() {
  const { user } = useAuth();
  const roles = useRoles(Boolean(user) && !user?.mfaEnrolmentRequired);
  const held = useMemo(
    () => new Set(roles.data?.items.find((entry) => entry.role === user?.role)?.permissions ?? []),
    [roles.data, user?.role],
  );
  const can = useCallback((permission: Permission) => held.has(permission), [held]);
  return { can, loading: roles.isLoading };
}
