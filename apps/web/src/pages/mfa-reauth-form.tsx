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

type Factor = { code: string } | { recoveryCode: string };

/**
 * The password and a second factor, asked again before a change to two-step verification
 * itself: they prove it is the person, not a borrowed session. `recoveryCodes` says whether
 * a recovery code may stand in for the app's code (someone who lost the phone).
 */
function MfaReauthForm({
  name,
  intro,
  submitLabel,
  cancelLabel,
  refusedTitle,
  danger,
  recoveryCodes,
  send,
  onCancel,
}: {
  name: string;
  intro: string;
  submitLabel: string;
  cancelLabel: string;
  refusedTitle: string;
  danger?: boolean;
  recoveryCodes: boolean;
  send: (password: string, factor: Factor) => Promise<void>;
  onCancel: () => void;
}) {
  const { ref, focusFirstError } = useFirstErrorFocus();
  const [error, setError] = useState<unknown>(null);
  const [elsewhere, setElsewhere] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const form = useForm({
    initialValues: { password: '', code: '' },
    validate: {
      password: (password) => (password ? null : 'Enter your password.'),
      code: (code) => {
        const digits = code.trim().replace(/\s+/g, '');
        if (recoveryCodes) {
          return digits ? null : 'Enter the 6-digit code from your authenticator app, or one of your recovery codes.';
        }
        return /^\d{6}$/.test(digits) ? null : 'Enter the 6-digit code your authenticator app shows now.';
      },
    },
  });

  const submit = form.onSubmit(async ({ password, code }) => {
    const trimmed = code.trim().replace(/\s+/g, '');
    setBusy(true);
    setError(null);
    setElsewhere([]);
    try {
      await send(password, /^\d{6}$/.test(trimmed) ? { code: trimmed } : { recoveryCode: code.trim() });
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
    <form ref={ref} onSubmit={submit} noValidate aria-label={name}>
      <Stack mt="md">
        <Text size="sm">{intro}</Text>
        {(problem || elsewhere.length > 0) && (
          <Alert color="red" role="alert" title={refusedTitle}>
            {problem?.message ?? elsewhere.join(' ')}
          </Alert>
        )}
        <PasswordInput label="Password" autoComplete="current-password" {...form.getInputProps('password')} />
        <TextInput
          label="Code"
          description={
            recoveryCodes
              ? 'The 6 digits your authenticator app shows, or one of your recovery codes.'
              : 'The 6 digits your authenticator app shows.'
          }
          autoComplete="one-time-code"
          {...form.getInputProps('code')}
        />
        <Group>
          <Button type="submit" color={danger ? 'red' : undefined} loading={busy}>
            {submitLabel}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {cancelLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Turns two-step verification off, with the password and a code (or a recovery code). */
export function MfaOffForm({ onDone, onCancel }: { onDone: () => Promise<void>; onCancel: () => void }) {
  return (
    <MfaReauthForm
      name="Turn off two-step verification"
      intro="Without it, your password alone opens your account. Confirm it is you to turn it off."
      submitLabel="Turn off"
      cancelLabel="Keep it on"
      refusedTitle="Two-step verification is still on"
      danger
      recoveryCodes
      send={async (password, factor) => {
        await unwrap(api.POST('/api/v1/auth/mfa/disable', { body: { password, ...factor } }));
        await onDone();
      }}
      onCancel={onCancel}
    />
  );
}

/**
 * A new set of recovery codes, for someone who used some up or fears they were seen. The
 * app's current code is required: a recovery code cannot mint more of its kind.
 */
export function NewRecoveryCodesForm({
  onDone,
  onCancel,
}: {
  onDone: (codes: string[]) => void;
  onCancel: () => void;
}) {
  return (
    <MfaReauthForm
      name="Make new recovery codes"
      intro="Your current recovery codes stop working and ten new ones are shown once. Confirm it is you first."
      submitLabel="Make new codes"
      cancelLabel="Cancel"
      refusedTitle="No new codes were made"
      recoveryCodes={false}
      send={async (password, factor) => {
        const code = 'code' in factor ? factor.code : '';
        const answer = await unwrap(api.POST('/api/v1/auth/mfa/recovery-codes', { body: { password, code } }));
        onDone(answer.recoveryCodes);
      }}
      onCancel={onCancel}
    />
  );
}
