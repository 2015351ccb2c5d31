import { Alert, Button, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { unwrap } from '#api-client';
import { api } from '../api/client';
import { formProblemOf } from '../api/problems';
import { applyFieldErrors, type FieldMap, useFirstErrorFocus } from '../forms/form-errors';

/**
 * Turns two-step verification off: the password and a code from the app (or a recovery
 * code, for someone who lost the phone) prove it is the person, not a borrowed session.
 */
export function MfaOffForm({ onDone, onCancel }: { onDone: () => Promise<void>; onCancel: () => void }) {
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
      code: (code) => (code.trim() ? null : t('security.off.codeMissing')),
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
      setElsewhere(applyFieldErrors(form, caught, fields));
      focusFirstError();
    } finally {
      setBusy(false);
    }
  }, focusFirstError);

  const problem = formProblemOf(error);
  return (
    <form ref={ref} onSubmit={submit} noValidate aria-label={t('security.off.form')}>
      <Stack mt="md">
        <Text size="sm">{t('security.off.intro')}</Text>
        {(problem || elsewhere.length > 0) && (
          <Alert color="red" role="alert" title={t('security.off.stillOn')}>
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
          description={t('security.off.codeHint')}
          autoComplete="one-time-code"
          {...form.getInputProps('code')}
        />
        <Group>
          <Button type="submit" color="red" loading={busy}>
            {t('security.off.turnOff')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('security.off.keepOn')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
