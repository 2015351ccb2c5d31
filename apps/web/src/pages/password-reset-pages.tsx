import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { isEmail, useForm } from '@mantine/form';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { unwrap } from '#api-client';
import { api } from '../api/client';
import { formProblemOf, problemOf } from '../api/problems';
import { AuthFrame } from '../components/auth-frame';
import { applyFieldErrors, type FieldMap, useFirstErrorFocus } from '../forms/form-errors';
import { newPasswordRule } from '../forms/rules';

/** Messages that name no field of the form, or a problem that is not about a field. */
function refusalOf(error: unknown, elsewhere: string[]): string | null {
  if (!error) return null;
  if (!problemOf(error)) return 'Something went wrong; try again.';
  return formProblemOf(error)?.message ?? (elsewhere.length ? elsewhere.join(' ') : null);
}

/** Asks for a reset link. Says the same whether or not the email has an account. */
export function ForgotPasswordPage() {
  const form = useForm({
    initialValues: { email: '' },
    validate: { email: isEmail('Enter the email address you sign in with, such as name@example.com.') },
  });
  const { ref, focusFirstError } = useFirstErrorFocus();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [elsewhere, setElsewhere] = useState<string[]>([]);

  const submit = form.onSubmit(async ({ email }) => {
    setBusy(true);
    setError(null);
    try {
      await unwrap(api.POST('/api/v1/auth/password-reset', { body: { email: email.trim() } }));
      setSentTo(email.trim());
    } catch (caught) {
      setError(caught);
      setElsewhere(applyFieldErrors(form, caught, { email: { label: 'Email' } }));
      focusFirstError();
    } finally {
      setBusy(false);
    }
  }, focusFirstError);

  const refusal = refusalOf(error, elsewhere);
  return (
    <AuthFrame title="Reset your password">
      {sentTo ? (
        <Alert color="teal" role="status" title="Check your email">
          If {sentTo} has an account, a link to choose a new password is on its way. It works for 60 minutes.
        </Alert>
      ) : (
        <form ref={ref} onSubmit={submit} noValidate aria-label="Reset your password">
          <Stack>
            <Text size="sm">Enter the email you sign in with and we will send you a link.</Text>
            {refusal && (
              <Alert color="red" role="alert">
                {refusal}
              </Alert>
            )}
            <TextInput label="Email" type="email" autoComplete="username" required {...form.getInputProps('email')} />
            <Button type="submit" loading={busy}>
              Send the link
            </Button>
          </Stack>
        </form>
      )}
      <Anchor component={Link} to="/sign-in" size="sm" mt="md" display="block">
        Back to sign in
      </Anchor>
    </AuthFrame>
  );
}

const NEW_PASSWORD_FIELDS: FieldMap = { password: { label: 'New password' } };

/** Opened from the emailed link: choose the new password. */
export function ResetPasswordPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const form = useForm({ initialValues: { password: '' }, validate: { password: newPasswordRule } });
  const { ref, focusFirstError } = useFirstErrorFocus();
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [elsewhere, setElsewhere] = useState<string[]>([]);

  const submit = form.onSubmit(async ({ password }) => {
    setBusy(true);
    setError(null);
    try {
      await unwrap(api.POST('/api/v1/auth/password-reset/confirm', { body: { token, password } }));
      setDone(true);
    } catch (caught) {
      setError(caught);
      setElsewhere(applyFieldErrors(form, caught, NEW_PASSWORD_FIELDS));
      focusFirstError();
    } finally {
      setBusy(false);
    }
  }, focusFirstError);

  const refusal = refusalOf(error, elsewhere);
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
        <form ref={ref} onSubmit={submit} noValidate aria-label="Choose a new password">
          <Stack>
            {refusal && (
              <Alert color="red" role="alert">
                {refusal}
              </Alert>
            )}
            <PasswordInput
              label="New password"
              description="At least 12 characters. A few unrelated words make a strong, memorable password."
              autoComplete="new-password"
              required
              {...form.getInputProps('password')}
            />
            <Button type="submit" loading={busy} disabled={!token}>
              Set the new password
            </Button>
          </Stack>
        </form>
      )}
    </AuthFrame>
  );
}
