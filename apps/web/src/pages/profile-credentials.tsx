import { Alert, Badge, Button, Card, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
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
  const { t } = useTranslation();
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
          {t('profile.emailTitle')}
        </Text>
        <Badge color={profile.emailVerified ? 'teal' : 'yellow'} variant="light">
          {profile.emailVerified ? t('profile.confirmed') : t('profile.notConfirmed')}
        </Badge>
      </Group>
      <Text size="sm" c="dimmed" mt={4}>
        <Trans i18nKey="profile.emailIntro" values={{ email: profile.email }} components={{ strong: <strong /> }} />
      </Text>
      {request.isSuccess ? (
        <Alert color="teal" mt="md" title={t('profile.checkNewInbox')} role="status">
          <Stack gap="xs">
            <Text size="sm">{t('profile.emailSent', { email: request.variables.email, current: profile.email })}</Text>
            <Button size="xs" variant="default" w="fit-content" onClick={() => request.reset()}>
              {t('profile.useAnother')}
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
            label={t('profile.newEmail')}
            type="email"
            autoComplete="email"
            required
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
            error={fields.email ?? taken}
          />
          <PasswordInput
            label={t('profile.yourPassword')}
            description={t('profile.yourPasswordHint')}
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            error={fields.password}
          />
          <Button type="submit" loading={request.isPending} w="fit-content">
            {t('profile.sendConfirmation')}
          </Button>
        </Stack>
      )}
    </Card>
  );
}

/** Changing the password signs out every other device; this one stays signed in. */
export function ChangePasswordCard() {
  const change = useChangePassword();
  const { t } = useTranslation();
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
        {t('profile.passwordTitle')}
      </Text>
      <Stack mt="sm">
        {change.isSuccess && (
          <Alert color="teal" title={t('profile.passwordChanged')} role="status">
            {t('profile.passwordChangedText')}
          </Alert>
        )}
        {problem && (
          <Alert color="red" title={problem.problem.title} role="alert">
            {problem.message}
          </Alert>
        )}
        <PasswordInput
          label={t('profile.currentPassword')}
          autoComplete="current-password"
          required
          value={currentPassword}
          onChange={(event) => setCurrentPassword(event.currentTarget.value)}
          error={fields.currentPassword}
        />
        <PasswordInput
          label={t('profile.newPassword')}
          description={t('signUp.passwordHint')}
          autoComplete="new-password"
          required
          value={newPassword}
          onChange={(event) => setNewPassword(event.currentTarget.value)}
          error={fields.newPassword}
        />
        <Button type="submit" loading={change.isPending} w="fit-content">
          {t('profile.changePassword')}
        </Button>
      </Stack>
    </Card>
  );
}
