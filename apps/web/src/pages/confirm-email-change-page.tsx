import { Alert, Anchor, Center, Loader } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useEmailChangeConfirmation } from '../api/use-account-links';
import { useAuth } from '../auth/auth-context';
import { AuthFrame } from '../components/auth-frame';

/** Opened from the link sent to the new address: the account moves to it on load. */
export function ConfirmEmailChangePage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const confirmation = useEmailChangeConfirmation(token);
  const { user, reloadUser } = useAuth();
  const queryClient = useQueryClient();
  const signedIn = Boolean(user);

  // Signed in on this browser: show the new address at once.
  useEffect(() => {
    if (!confirmation.isSuccess || !signedIn) return;
    void reloadUser();
    void queryClient.invalidateQueries({ queryKey: ['profile'] });
  }, [confirmation.isSuccess, signedIn, reloadUser, queryClient]);

  return (
    <AuthFrame title="Confirm your new email">
      {confirmation.isSuccess ? (
        <Alert color="teal" title="Email address changed" role="status">
          Your account now uses this address: sign in with it from now on.{' '}
          {signedIn ? (
            <Anchor component={Link} to="/profile">
              Back to your profile
            </Anchor>
          ) : (
            <Anchor component={Link} to="/sign-in">
              Sign in
            </Anchor>
          )}
        </Alert>
      ) : confirmation.isError || !token ? (
        <Alert color="red" title="This link did not work" role="alert">
          {token ? confirmation.error?.message : 'The link is incomplete: open it again from the email.'} Your account
          keeps its current address; you can ask for the change again on your profile page.
        </Alert>
      ) : (
        <Center py="md">
          <Loader aria-label="Confirming your new email address" />
        </Center>
      )}
    </AuthFrame>
  );
}
