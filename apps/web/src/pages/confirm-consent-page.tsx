import { Alert, Loader, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useSearchParams } from 'react-router';
import { formProblemOf } from '../api/problems';
import { useConfirmConsent } from '../api/use-consents';
import { AuthFrame } from '../components/auth-frame';

/** Where the double opt-in email's link lands: confirms once, then says what was confirmed. */
export function ConfirmConsentPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const confirm = useConfirmConsent();
  const sent = useRef(false);
  useEffect(() => {
    if (sent.current || !token) return;
    sent.current = true;
    confirm.mutate(token);
  }, [token, confirm]);
  const problem = formProblemOf(confirm.error);
  return (
    <AuthFrame title="Confirm your choices">
      <Stack>
        {!token && <Alert color="red">This link is incomplete. Open the link from the email again.</Alert>}
        {confirm.isPending && <Loader size="sm" aria-label="Confirming" />}
        {problem && (
          <Alert color="red" title={problem.problem.title} role="alert">
            {problem.message}
          </Alert>
        )}
        {confirm.data && (
          <>
            <Title order={2} size="h4">
              Thank you, confirmed
            </Title>
            <Text>You agreed to: {confirm.data.confirmed.join(', ')}.</Text>
            <Text size="sm" c="dimmed">
              You can withdraw at any time by telling us, or with the unsubscribe link in what we send.
            </Text>
          </>
        )}
      </Stack>
    </AuthFrame>
  );
}
