import { Center, Loader } from '@mantine/core';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useAuth } from './auth-context';

/** Pages behind it need a signed-in user; others are sent to sign in and brought back. */
export function RequireAuth() {
  const { user } = useAuth();
  const location = useLocation();
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
  return <Outlet />;
}
