import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Container,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { isEmail, isNotEmpty, useForm } from '@mantine/form';
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { ApiProblem } from '#api-client';
import { useResendVerification } from '../api/use-account-links';
import { useReadiness } from '../api/use-health';
import { useAuth } from '../auth/auth-context';
import { applyFieldErrors, type FieldMap, useFirstErrorFocus } from '../forms/form-errors';
import { LanguagePicker } from '../i18n/language-picker';
import { MfaStep } from './mfa-step';

/** What another page may hand the sign-in page: where to return, a notice, the email to fill in. */
interface SignInState {
  from?: string;
  notice?: string;
  email?: string;
}

export function SignInPage() {
  const auth = useAuth();
  const readiness = useReadiness();
  const navigate = useNavigate();
  const location = useLocation();
  const state = (location.state as SignInState | null) ?? {};
  const { t } = useTranslation();
  const fields: FieldMap = { email: { label: t('common.email') }, password: { label: t('common.password') } };
  const form = useForm({
    initialValues: { email: state.email ?? '', password: '', keepSignedIn: false },
    validate: {
      email: (value) => isEmail(t('signIn.emailInvalid'))(value),
      password: (value) => isNotEmpty(t('signIn.passwordMissing'))(value),
    },
  });
  const { ref, focusFirstError } = useFirstErrorFocus();
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [mfaToken, setMfaToken] = useState<string | null>(null);
  const resend = useResendVerification();

  const from = state.from ?? '/';
  if (auth.user) return <Navigate to={from} replace />;
  const email = form.values.email;

  const submit = form.onSubmit(async ({ email, password, keepSignedIn }) => {
    setSubmitting(true);
    setProblem(null);
    resend.reset();
    try {
      const outcome = await auth.signIn(email, password, keepSignedIn);
      if (outcome.status === 'mfa-required') setMfaToken(outcome.mfaToken);
      else navigate(from, { replace: true });
    } catch (error) {
      setProblem(error instanceof ApiProblem ? error : null);
      applyFieldErrors(form, error, fields);
      focusFirstError();
    } finally {
      setSubmitting(false);
    }
  }, focusFirstError);
  return (
    <Container size={420} my={40}>
      <Title ta="center" order={1}>
        {t('signIn.title')}
      </Title>
      <Text c="dimmed" size="sm" ta="center" mt={5}>
        {t('signIn.tagline')}
      </Text>
      <Group justify="center" mt="sm">
        <LanguagePicker />
      </Group>
      {mfaToken ? (
        <Paper withBorder shadow="sm" p="lg" mt="lg">
          <MfaStep
            onSubmit={async (factor) => {
              await auth.completeMfa(mfaToken, factor);
              navigate(from, { replace: true });
            }}
            onCancel={() => {
              setMfaToken(null);
              form.setFieldValue('password', '');
            }}
          />
        </Paper>
      ) : (
        <Paper withBorder shadow="sm" p="lg" mt="lg" component="form" ref={ref} onSubmit={submit} noValidate>
          <Stack>
            {readiness.isError && (
              <Alert color="red" title={t('signIn.serviceUnavailable')} role="alert">
                {readiness.error.message}
              </Alert>
            )}
            {state.notice && !problem && (
              <Alert color="teal" role="status">
                {state.notice}
              </Alert>
            )}
            {problem?.problem.code === 'email-not-verified' ? (
              <Alert color="yellow" title={problem.problem.title} role="alert">
                <Stack gap="xs">
                  <Text size="sm">{t('signIn.confirmEmail', { email })}</Text>
                  {resend.isSuccess ? (
                    <Text size="sm" role="status">
                      {t('signIn.newLinkSent', { email: resend.variables })}
                    </Text>
                  ) : (
                    <Button
                      size="xs"
                      variant="light"
                      w="fit-content"
                      loading={resend.isPending}
                      onClick={() => resend.mutate(email)}
                    >
                      {t('signIn.sendNewLink')}
                    </Button>
                  )}
                </Stack>
              </Alert>
            ) : (
              problem &&
              !problem.problem.errors?.length && (
                <Alert color="red" title={problem.problem.title} role="alert">
                  {problem.problem.code === 'invalid-credentials' ? t('signIn.checkCredentials') : problem.message}
                </Alert>
              )
            )}
            <TextInput
              label={t('common.email')}
              type="email"
              autoComplete="username"
              required
              {...form.getInputProps('email')}
            />
            <PasswordInput
              label={t('common.password')}
              autoComplete="current-password"
              required
              {...form.getInputProps('password')}
            />
            <Checkbox
              label={t('signIn.keepSignedIn')}
              description={t('signIn.keepSignedInHint')}
              {...form.getInputProps('keepSignedIn', { type: 'checkbox' })}
            />
            <Button type="submit" loading={submitting} fullWidth>
              {t('signIn.submit')}
            </Button>
            <Anchor component={Link} to="/forgot-password" size="sm" ta="center">
              {t('signIn.forgotPassword')}
            </Anchor>
            <Text size="sm" ta="center">
              <Trans i18nKey="signIn.newHere" components={{ anchor: <Anchor component={Link} to="/sign-up" /> }} />
            </Text>
            <Anchor component={Link} to="/privacy" size="sm" ta="center">
              {t('signIn.privacyPolicy')}
            </Anchor>
          </Stack>
        </Paper>
      )}
    </Container>
  );
}
