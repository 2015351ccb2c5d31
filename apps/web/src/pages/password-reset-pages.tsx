import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiProblem, unwrap } from '#api-client';
import { api } from '../api/client';
import { AuthFrame } from '../components/auth-frame';

/** Asks for a reset link. Says the same whether or not the email has an account. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await unwrap(api.POST('/api/v1/auth/password-reset', { body: { email } }));
      setSent(true);
    } catch (caught) {
      setError(caught instanceof ApiProblem ? caught.message : t('common.somethingWentWrong'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <AuthFrame title={t('passwordReset.title')}>
      {sent ? (
        <Alert color="teal" role="status" title={t('passwordReset.checkEmail')}>
          {t('passwordReset.sent', { email })}
        </Alert>
      ) : (
        <Stack component="form" onSubmit={submit}>
          <Text size="sm">{t('passwordReset.intro')}</Text>
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          <TextInput
            label={t('common.email')}
            type="email"
            required
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
          />
          <Button type="submit" loading={busy}>
            {t('passwordReset.send')}
          </Button>
        </Stack>
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
  const { t } = useTranslation();
  const token = params.get('token') ?? '';
  const [password, setPassword] = useState('');
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      await unwrap(api.POST('/api/v1/auth/password-reset/confirm', { body: { token, password } }));
      setDone(true);
    } catch (caught) {
      setProblem(caught instanceof ApiProblem ? caught : null);
    } finally {
      setBusy(false);
    }
  }

  const fieldError = problem?.fieldErrors().password;
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
        <Stack component="form" onSubmit={submit}>
          {problem && !fieldError && (
            <Alert color="red" role="alert">
              {problem.message}
            </Alert>
          )}
          <PasswordInput
            label={t('passwordReset.newPassword')}
            description={t('signUp.passwordHint')}
            autoComplete="new-password"
            required
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            error={fieldError}
          />
          <Button type="submit" loading={busy} disabled={!token}>
            {t('passwordReset.setPassword')}
          </Button>
        </Stack>
      )}
    </AuthFrame>
  );
}
