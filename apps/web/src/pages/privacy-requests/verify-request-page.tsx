import { Alert, Loader, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useSearchParams } from 'react-router';
import { formProblemOf } from '../../api/problems';
import { useVerifyPrivacyRequest } from '../../api/use-privacy-requests';
import { AuthFrame } from '../../components/auth-frame';
import { formatDate } from '../../i18n/format';
import { requestTypeLabel } from '../../labels';

/** Where the public request's emailed link lands: verifies once, then says by when the answer comes. */
export function VerifyRequestPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const verify = useVerifyPrivacyRequest();
  const sent = useRef(false);
  useEffect(() => {
    if (sent.current || !token) return;
    sent.current = true;
    verify.mutate(token);
  }, [token, verify]);
  const problem = formProblemOf(verify.error);
  return (
    <AuthFrame title="Confirm your privacy request">
      <Stack>
        {!token && <Alert color="red">This link is incomplete. Open the link from the email again.</Alert>}
        {verify.isPending && <Loader size="sm" aria-label="Confirming" />}
        {problem && (
          <Alert color="red" title={problem.problem.title} role="alert">
            {problem.message}
          </Alert>
        )}
        {verify.data && (
          <>
            <Title order={2} size="h4">
              Thank you, your request is confirmed
            </Title>
            <Text>
              {verify.data.organizationName} received your request ({requestTypeLabel(verify.data.type)}) and will
              answer by <strong>{formatDate(verify.data.dueAt)}</strong>. We also sent you this by email.
            </Text>
          </>
        )}
      </Stack>
    </AuthFrame>
  );
}
