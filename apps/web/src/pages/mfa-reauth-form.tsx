import { Alert, Button, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { unwrap } from '#api-client';
import { api } from '../api/client';
import { formProblemOf } from '../api/problems';
import { applyFieldErrors, type FieldMap, useFirstErrorFocus } from '../forms/form-errors';

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
  const { t } = useTranslation();
  const fields: FieldMap = {
    password: { label: t('common.password') },
    code: { label: t('security.off.code'), path: 'code' },
    recoveryCode: { label: t('mfa.recoveryCode'), path: 'code' },
  };
  const { ref, focusFirstError } = useFirstErrorFocus();
  const [error, setError] = useState<unknown>(null);
  const [elsewhere, setElsewhere] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const form = useForm({
    initialValues: { password: '', code: '' },
    validate: {
      password: (password) => (password ? null : t('security.off.passwordMissing')),
      code: (code) => {
        const digits = code.trim().replace(/\s+/g, '');
        if (recoveryCodes) {
          return digits ? null : t('security.off.codeMissing');
        }
        return /^\d{6}$/.test(digits) ? null : t('security.reauth.appCodeMissing');
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
      setElsewhere(applyFieldErrors(form, caught, fields));
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
        <PasswordInput
          label={t('common.password')}
          autoComplete="current-password"
          {...form.getInputProps('password')}
        />
        <TextInput
          label={t('security.off.code')}
          description={recoveryCodes ? t('security.off.codeHint') : t('security.reauth.appCodeHint')}
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
  const { t } = useTranslation();
  return (
    <MfaReauthForm
      name={t('security.off.form')}
      intro={t('security.off.intro')}
      submitLabel={t('security.off.turnOff')}
      cancelLabel={t('security.off.keepOn')}
      refusedTitle={t('security.off.stillOn')}
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
  const { t } = useTranslation();
  return (
    <MfaReauthForm
      name={t('security.newCodes.form')}
      intro={t('security.newCodes.intro')}
      submitLabel={t('security.newCodes.submit')}
      cancelLabel={t('common.cancel')}
      refusedTitle={t('security.newCodes.refused')}
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
