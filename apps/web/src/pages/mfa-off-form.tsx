import { Alert, Button, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { unwrap } from '#api-client';
import { api } from '../api/client';
import { formProblemOf } from '../api/problems';
import { applyFieldErrors, type FieldMap, useFirstErrorFocus } from '../forms/form-errors';

const FIELDS: FieldMap = {
  password: { label: 'Password' },
  code: { label: 'Code', path: 'code' },
  recoveryCode: { label: 'Recovery code', path: 'code' },
};

/**
 * Turns two-step verification off: the password and a code from the app (or a recovery
 * code, for someone who lost the phone) prove it is the person, not a borrowed session.
 */
export function MfaOffForm({ onDone, onCancel }: { onDone: () => Promise<void>; onCancel: () => void }) {
  const { ref, focusFirstError } = useFirstErrorFocus();
  const [error, setError] = useState<unknown>(null);
  const [elsewhere, setElsewhere] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const form = useForm({
    initialValues: { password: '', code: '' },
    validate: {
      password: (password) => (password ? null : 'Enter your password.'),
      code: (code) =>
        code.trim() ? null : 'Enter the 6-digit code from your authenticator app, or one of your recovery codes.',
    },
  });

  const submit = form.onSubmit(async ({ password, code }) => {
    const trimmed = code.trim().replace(/\s+/g, '');
    setBusy(true);
    setError(null);
    try {
      await unwrap(
        api.POST('/api/v1/auth/mfa/disable', {
          body: /^\d{6}$/.test(trimmed) ? { password, code: trimmed } : { password, recoveryCode: code.trim() },
        }),
      );
      await onDone();
    } catch (caught) {
      setError(caught);
      setElsewhere(applyFieldErrors(form, caught, FIELDS));
      focusFirstError();
    } finally {
      setBusy(false);
    }
  }, focusFirstError);

  const problem = formProblemOf(error);
  return (
    <form ref={ref} onSubmit={submit} noValidate aria-label="Turn off two-step verification">
      <Stack mt="md">
        <Text size="sm">Without it, your password alone opens your account. Confirm it is you to turn it off.</Text>
        {(problem || elsewhere.length > 0) && (
          <Alert color="red" role="alert" title="Two-step verification is still on">
            {problem?.message ?? elsewhere.join(' ')}
          </Alert>
        )}
        <PasswordInput label="Password" autoComplete="current-password" {...form.getInputProps('password')} />
        <TextInput
          label="Code"
          description="The 6 digits your authenticator app shows, or one of your recovery codes."
          autoComplete="one-time-code"
          {...form.getInputProps('code')}
        />
        <Group>
          <Button type="submit" color="red" loading={busy}>
            Turn off
          </Button>
          <Button variant="default" onClick={onCancel}>
            Keep it on
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
