import { Center, Loader } from '@mantine/core';
import { Navigate, Outlet, useLocation } from 'react-router';
import { usePolicyAcceptanceRequired } from '../api/policy-gate';
import { usePolicyAcceptanceStatus } from '../api/use-privacy-policy';
import { useAuth } from './auth-context';

const ACCEPT_POLICY = '/privacy/accept';

/** Pages behind it need a signed-in user; others are sent to sign in and brought back. */
export function RequireAuth() {
  const { user } = useAuth();
  const location = useLocation();
  // Asked once a session starts; after that any call refused with policy-acceptance-required raises it.
  const status = usePolicyAcceptanceStatus(Boolean(user) && !user?.mfaEnrolmentRequired);
  const policyRequired = usePolicyAcceptanceRequired();
  if (user === undefined) {
    return (
      <Center h={200}>
        <Loader aria-label="Restoring your session" />
      </Center>
    );
  }
  if (!user) return <Navigate to="/sign-in" replace state={{ from: location.pathname }} />;
  // The organization requires MFA: nothing else opens until it is set up.
  if (user.mfaEnrolmentRequired && location.pathname !== '/security') return <Navigate to="/security" replace />;
  if (policyRequired && location.pathname !== ACCEPT_POLICY) {
    return <Navigate to={ACCEPT_POLICY} replace state={{ from: `${location.pathname}${location.search}` }} />;
  }
  if (status.isLoading && location.pathname !== ACCEPT_POLICY) {
    return (
      <Center h={200}>
        <Loader aria-label="Checking the privacy policy" />
      </Center>
    );
  }
  return <Outlet />;
}
