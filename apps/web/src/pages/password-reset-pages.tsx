import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ApiProblem, unwrap } from '#api-client';
import { api } from '../api/client';
import { AuthFrame } from '../components/auth-frame';

/** Asks for a reset link. Says the same whether or not the email has an account. */
export function ForgotPasswordPage() {
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await unwrap(api.POST('/api/v1/auth/password-reset', { body: { email } }));
      setSent(true);
    } catch (caught) {
      setError(caught instanceof ApiProblem ? caught.message : 'Something went wrong; try again.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <AuthFrame title="Reset your password">
      {sent ? (
        <Alert color="teal" role="status" title="Check your email">
          If {email} has an account, a link to choose a new password is on its way. It works for 60 minutes.
        </Alert>
      ) : (
        <Stack component="form" onSubmit={submit}>
          <Text size="sm">Enter the email you sign in with and we will send you a link.</Text>
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          <TextInput
            label="Email"
            type="email"
            required
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
          />
          <Button type="submit" loading={busy}>
            Send the link
          </Button>
        </Stack>
      )}
      <Anchor component={Link} to="/sign-in" size="sm" mt="md" display="block">
        Back to sign in
      </Anchor>
    </AuthFrame>
  );
}

/** Opened from the emailed link: choose the new password. */
export function ResetPasswordPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [password, setPassword] = useState('');
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      await unwrap(api.POST('/api/v1/auth/password-reset/confirm', { body: { token, password } }));
      setDone(true);
    } catch (caught) {
      setProblem(caught instanceof ApiProblem ? caught : null);
    } finally {
      setBusy(false);
    }
  }

  const fieldError = problem?.fieldErrors().password;
  return (
    <AuthFrame title="Choose a new password">
      {done ? (
        <Alert color="teal" role="status" title="Password changed">
          You were signed out everywhere.{' '}
          <Anchor component={Link} to="/sign-in">
            Sign in with your new password
          </Anchor>
          .
        </Alert>
      ) : (
        <Stack component="form" onSubmit={submit}>
          {problem && !fieldError && (
            <Alert color="red" role="alert">
              {problem.message}
            </Alert>
          )}
          <PasswordInput
            label="New password"
            description="At least 12 characters. A few unrelated words make a strong, memorable password."
            autoComplete="new-password"
            required
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            error={fieldError}
          />
          <Button type="submit" loading={busy} disabled={!token}>
            Set the new password
          </Button>
        </Stack>
      )}
    </AuthFrame>
  );
}
