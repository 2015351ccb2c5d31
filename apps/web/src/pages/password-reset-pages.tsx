import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { isEmail, useForm } from '@mantine/form';
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { unwrap } from '#api-client';
import { api } from '../api/client';
import { formProblemOf, problemOf } from '../api/problems';
import { AuthFrame } from '../components/auth-frame';
import { applyFieldErrors, type FieldMap, useFirstErrorFocus } from '../forms/form-errors';
import { newPasswordRule } from '../forms/rules';

/** Messages that name no field of the form, or a problem that is not about a field. */
function refusalOf(error: unknown, elsewhere: string[], unexpected: string): string | null {
  if (!error) return null;
  if (!problemOf(error)) return unexpected;
  return formProblemOf(error)?.message ?? (elsewhere.length ? elsewhere.join(' ') : null);
}

/** Asks for a reset link. Says the same whether or not the email has an account. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: { email: '' },
    validate: { email: (value) => isEmail(t('passwordReset.emailInvalid'))(value) },
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
      setElsewhere(applyFieldErrors(form, caught, { email: { label: t('common.email') } }));
      focusFirstError();
    } finally {
      setBusy(false);
    }
  }, focusFirstError);

  const refusal = refusalOf(error, elsewhere, t('common.somethingWentWrong'));
  return (
    <AuthFrame title={t('passwordReset.title')}>
      {sentTo ? (
        <Alert color="teal" role="status" title={t('passwordReset.checkEmail')}>
          {t('passwordReset.sent', { email: sentTo })}
        </Alert>
      ) : (
        <form ref={ref} onSubmit={submit} noValidate aria-label={t('passwordReset.title')}>
          <Stack>
            <Text size="sm">{t('passwordReset.intro')}</Text>
            {refusal && (
              <Alert color="red" role="alert">
                {refusal}
              </Alert>
            )}
            <TextInput
              label={t('common.email')}
              type="email"
              autoComplete="username"
              required
              {...form.getInputProps('email')}
            />
            <Button type="submit" loading={busy}>
              {t('passwordReset.send')}
            </Button>
          </Stack>
        </form>
      )}
      <Anchor component={Link} to="/sign-in" size="sm" mt="md" display="block">
        {t('passwordReset.backToSignIn')}
      </Anchor>
    </AuthFrame>
  );
}

/** Opened from the emailed link: choose the new password. */
export function ResetPasswordPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const { t } = useTranslation();
  const fields: FieldMap = { password: { label: t('passwordReset.newPassword') } };
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
      setElsewhere(applyFieldErrors(form, caught, fields));
      focusFirstError();
    } finally {
      setBusy(false);
    }
  }, focusFirstError);

  const refusal = refusalOf(error, elsewhere, t('common.somethingWentWrong'));
  return (
    <AuthFrame title={t('passwordReset.chooseTitle')}>
      {done ? (
        <Alert color="teal" role="status" title={t('passwordReset.changedTitle')}>
          <Trans
            i18nKey="passwordReset.changedText"
            components={{ anchor: <Anchor component={Link} to="/sign-in" /> }}
          />
        </Alert>
      ) : (
        <form ref={ref} onSubmit={submit} noValidate aria-label={t('passwordReset.chooseTitle')}>
          <Stack>
            {refusal && (
              <Alert color="red" role="alert">
                {refusal}
              </Alert>
            )}
            <PasswordInput
              label={t('passwordReset.newPassword')}
              description={t('signUp.passwordHint')}
              autoComplete="new-password"
              required
              {...form.getInputProps('password')}
            />
            <Button type="submit" loading={busy} disabled={!token}>
              {t('passwordReset.setPassword')}
            </Button>
          </Stack>
        </form>
      )}
    </AuthFrame>
  );
}
