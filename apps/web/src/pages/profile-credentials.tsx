import { Alert, Badge, Button, Card, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { fieldErrorsOf, problemOf } from '../api/problems';
import { type Profile, useChangePassword, useRequestEmailChange } from '../api/use-profile';

/**
 * A wrong password comes back as a problem without field errors (`invalid-credentials`),
 * but it is about one field: show it there.
 */
function errorsOf(error: unknown, passwordField: string, extra: Record<string, string> = {}) {
  const problem = problemOf(error);
  const fields: Record<string, string> = { ...fieldErrorsOf(error) };
  for (const [from, to] of Object.entries(extra)) if (fields[from]) fields[to] = fields[from];
  if (problem?.problem.code === 'invalid-credentials') fields[passwordField] = problem.message;
  const handled = problem && (problem.problem.errors?.length || problem.problem.code === 'invalid-credentials');
  return { fields, problem: handled ? null : problem };
}

/** A new address takes effect only when the link sent to it is followed. */
export function ChangeEmailCard({ profile }: { profile: Profile }) {
  const request = useRequestEmailChange();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  function submit(event: FormEvent) {
    event.preventDefault();
    request.mutate({ email: email.trim(), password }, { onSuccess: () => setPassword('') });
  }

  const { fields, problem } = errorsOf(request.error, 'password');
  // Someone already uses the address: that is about the email field.
  const taken = problem?.problem.code === 'conflict' ? problem.message : undefined;
  return (
    <Card withBorder component="form" onSubmit={submit} noValidate aria-labelledby="profile-email-title">
      <Group justify="space-between">
        <Text fw={600} id="profile-email-title">
          Email address
        </Text>
        <Badge color={profile.emailVerified ? 'teal' : 'yellow'} variant="light">
          {profile.emailVerified ? 'Confirmed' : 'Not confirmed'}
        </Badge>
      </Group>
      <Text size="sm" c="dimmed" mt={4}>
        You sign in with <strong>{profile.email}</strong>. To change it, we send a link to the new address; nothing
        changes until you follow it.
      </Text>
      {request.isSuccess ? (
        <Alert color="teal" mt="md" title="Check the new inbox" role="status">
          <Stack gap="xs">
            <Text size="sm">
              We sent a link to {request.variables.email}. Follow it within 24 hours to switch your account to that
              address. Until then, keep signing in with {profile.email}; we let that address know too.
            </Text>
            <Button size="xs" variant="default" w="fit-content" onClick={() => request.reset()}>
              Use another address
            </Button>
          </Stack>
        </Alert>
      ) : (
        <Stack mt="md">
          {problem && !taken && (
            <Alert color="red" title={problem.problem.title} role="alert">
              {problem.message}
            </Alert>
          )}
          <TextInput
            label="New email address"
            type="email"
            autoComplete="email"
            required
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
            error={fields.email ?? taken}
          />
          <PasswordInput
            label="Your password"
            description="To confirm it is you."
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            error={fields.password}
          />
          <Button type="submit" loading={request.isPending} w="fit-content">
            Send the confirmation link
          </Button>
        </Stack>
      )}
    </Card>
  );
}

/** Changing the password signs out every other device; this one stays signed in. */
export function ChangePasswordCard() {
  const change = useChangePassword();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');

  function submit(event: FormEvent) {
    event.preventDefault();
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          setCurrentPassword('');
          setNewPassword('');
        },
      },
    );
  }

  // The password rules report the new password as `password`.
  const { fields, problem } = errorsOf(change.error, 'currentPassword', { password: 'newPassword' });
  return (
    <Card withBorder component="form" onSubmit={submit} noValidate aria-labelledby="profile-password-title">
      <Text fw={600} id="profile-password-title">
        Password
      </Text>
      <Stack mt="sm">
        {change.isSuccess && (
          <Alert color="teal" title="Password changed" role="status">
            Your other devices were signed out; this one stays signed in.
          </Alert>
        )}
        {problem && (
          <Alert color="red" title={problem.problem.title} role="alert">
            {problem.message}
          </Alert>
        )}
        <PasswordInput
          label="Current password"
          autoComplete="current-password"
          required
          value={currentPassword}
          onChange={(event) => setCurrentPassword(event.currentTarget.value)}
          error={fields.currentPassword}
        />
        <PasswordInput
          label="New password"
          description="At least 12 characters. A few unrelated words make a strong, memorable password."
          autoComplete="new-password"
          required
          value={newPassword}
          onChange={(event) => setNewPassword(event.currentTarget.value)}
          error={fields.newPassword}
        />
        <Button type="submit" loading={change.isPending} w="fit-content">
          Change password
        </Button>
      </Stack>
    </Card>
  );
}
