import { Alert, Anchor, Button, PinInput, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '#api-client';

interface MfaStepProps {
  onSubmit(factor: { code?: string; recoveryCode?: string }): Promise<void>;
  onCancel(): void;
}

/** Second step of sign-in: the authenticator code, or a recovery code. */
export function MfaStep({ onSubmit, onCancel }: MfaStepProps) {
  const { t } = useTranslation();
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
          ? t('mfa.codeInvalid')
          : (problem?.detail ?? t('common.somethingWentWrong')),
      );
      setCode('');
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <Stack component="form" onSubmit={submit}>
      <Text size="sm">{useRecovery ? t('mfa.recoveryPrompt') : t('mfa.codePrompt')}</Text>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      {useRecovery ? (
        <TextInput
          label={t('mfa.recoveryCode')}
          autoComplete="one-time-code"
          value={recoveryCode}
          onChange={(event) => setRecoveryCode(event.currentTarget.value)}
        />
      ) : (
        <PinInput
          length={6}
          type="number"
          oneTimeCode
          aria-label={t('mfa.verificationCode')}
          value={code}
          onChange={setCode}
          onComplete={() => undefined}
        />
      )}
      <Button type="submit" loading={submitting} disabled={useRecovery ? recoveryCode.length < 8 : code.length !== 6}>
        {t('mfa.verify')}
      </Button>
      <Anchor component="button" type="button" size="sm" onClick={() => setUseRecovery(!useRecovery)}>
        {useRecovery ? t('mfa.useApp') : t('mfa.useRecovery')}
      </Anchor>
      <Anchor component="button" type="button" size="sm" c="dimmed" onClick={onCancel}>
        {t('mfa.startOver')}
      </Anchor>
    </Stack>
  );
}
