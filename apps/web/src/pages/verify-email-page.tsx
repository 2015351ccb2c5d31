import { Alert, Anchor, Button, Center, Loader, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { fieldErrorsOf } from '../api/problems';
import { useEmailVerification, useResendVerification } from '../api/use-account-links';
import { AuthFrame } from '../components/auth-frame';

/** Opened from the emailed link: confirms the address as soon as the page loads. */
export function VerifyEmailPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const verification = useEmailVerification(token);

  return (
    <AuthFrame title="Confirm your email">
      {verification.isSuccess ? (
        <Alert color="teal" title="Email address confirmed" role="status">
          Your account is ready.{' '}
          <Anchor component={Link} to="/sign-in">
            Sign in
          </Anchor>
          .
        </Alert>
      ) : verification.isError || !token ? (
        <Stack>
          <Alert color="red" title="This link did not work" role="alert">
            {token ? verification.error?.message : 'The link is incomplete: open it again from the email.'}
          </Alert>
          <Text size="sm">Ask for a new link below. Only the newest link works.</Text>
          <ResendVerificationForm />
        </Stack>
      ) : (
        <Center py="md">
          <Loader aria-label="Confirming your email address" />
        </Center>
      )}
    </AuthFrame>
  );
}

/** Asks for another confirmation link. Answers the same whether or not the email has an account. */
export function ResendVerificationForm({ defaultEmail = '' }: { defaultEmail?: string }) {
  const resend = useResendVerification();
  const { t } = useTranslation();
  const [email, setEmail] = useState(defaultEmail);

  function submit(event: FormEvent) {
    event.preventDefault();
    resend.mutate(email);
  }

  if (resend.isSuccess) {
    return (
      <Alert color="teal" role="status" title={t('resendVerification.sentTitle')}>
        {t('resendVerification.sent', { email: resend.variables })}
      </Alert>
    );
  }
  return (
    <Stack component="form" onSubmit={submit} gap="xs">
      <TextInput
        label={t('resendVerification.email')}
        type="email"
        autoComplete="email"
        required
        value={email}
        onChange={(event) => setEmail(event.currentTarget.value)}
        error={fieldErrorsOf(resend.error).email}
      />
      <Button type="submit" variant="light" loading={resend.isPending} w="fit-content">
        {t('resendVerification.submit')}
      </Button>
    </Stack>
  );
}
