import { Alert, Anchor, Button, PinInput, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { ApiProblem } from '#api-client';

interface MfaStepProps {
  onSubmit(factor: { code?: string; recoveryCode?: string }): Promise<void>;
  onCancel(): void;
}

/** Second step of sign-in: the authenticator code, or a recovery code. */
export function MfaStep({ onSubmit, onCancel }: MfaStepProps) {
  const [useRecovery, setUseRecovery] = useState(false);
  const [code, setCode] = useState('');
  const [recoveryCode, setRecoveryCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    setSubmitting(true);
    setError(null);
    try {
      await onSubmit(useRecovery ? { recoveryCode } : { code });
    } catch (caught) {
      const problem = caught instanceof ApiProblem ? caught.problem : undefined;
      setError(
        problem?.code === 'mfa-code-invalid'
          ? 'That code did not work. Codes change every 30 seconds and each works once.'
          : (problem?.detail ?? 'Something went wrong; try again.'),
      );
      setCode('');
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <Stack component="form" onSubmit={submit}>
      <Text size="sm">
        {useRecovery
          ? 'Enter one of the recovery codes you saved when you set up two-step verification.'
          : 'Enter the 6-digit code from your authenticator app.'}
      </Text>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      {useRecovery ? (
        <TextInput
          label="Recovery code"
          autoComplete="one-time-code"
          value={recoveryCode}
          onChange={(event) => setRecoveryCode(event.currentTarget.value)}
        />
      ) : (
        <PinInput
          length={6}
          type="number"
          oneTimeCode
          aria-label="Verification code"
          value={code}
          onChange={setCode}
          onComplete={() => undefined}
        />
      )}
      <Button type="submit" loading={submitting} disabled={useRecovery ? recoveryCode.length < 8 : code.length !== 6}>
        Verify
      </Button>
      <Anchor component="button" type="button" size="sm" onClick={() => setUseRecovery(!useRecovery)}>
        {useRecovery ? 'Use a code from the app instead' : 'Use a recovery code instead'}
      </Anchor>
      <Anchor component="button" type="button" size="sm" c="dimmed" onClick={onCancel}>
        Start over
      </Anchor>
    </Stack>
  );
}
