import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Container,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { isEmail, isNotEmpty, useForm } from '@mantine/form';
import { useState } from 'react';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { ApiProblem } from '#api-client';
import { useResendVerification } from '../api/use-account-links';
import { useReadiness } from '../api/use-health';
import { useAuth } from '../auth/auth-context';
import { applyFieldErrors, type FieldMap, useFirstErrorFocus } from '../forms/form-errors';
import { MfaStep } from './mfa-step';

const FIELDS: FieldMap = { email: { label: 'Email' }, password: { label: 'Password' } };

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
  const form = useForm({
    initialValues: { email: state.email ?? '', password: '', keepSignedIn: false },
    validate: {
      email: isEmail('Enter your email address, such as name@example.com.'),
      password: isNotEmpty('Enter your password.'),
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
      applyFieldErrors(form, error, FIELDS);
      focusFirstError();
    } finally {
      setSubmitting(false);
    }
  }, focusFirstError);
  return (
    <Container size={420} my={40}>
      <Title ta="center" order={1}>
        Sign in to Steward CRM
      </Title>
      <Text c="dimmed" size="sm" ta="center" mt={5}>
        The CRM that keeps its privacy promises.
      </Text>
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
              <Alert color="red" title="Service unavailable" role="alert">
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
                  <Text size="sm">Follow the link we emailed to {email} to confirm the address, then sign in.</Text>
                  {resend.isSuccess ? (
                    <Text size="sm" role="status">
                      A new link is on its way to {resend.variables}. Earlier links no longer work.
                    </Text>
                  ) : (
                    <Button
                      size="xs"
                      variant="light"
                      w="fit-content"
                      loading={resend.isPending}
                      onClick={() => resend.mutate(email)}
                    >
                      Send a new link
                    </Button>
                  )}
                </Stack>
              </Alert>
            ) : (
              problem &&
              !problem.problem.errors?.length && (
                <Alert color="red" title={problem.problem.title} role="alert">
                  {problem.problem.code === 'invalid-credentials'
                    ? 'Check your email and password and try again.'
                    : problem.message}
                </Alert>
              )
            )}
            <TextInput label="Email" type="email" autoComplete="username" required {...form.getInputProps('email')} />
            <PasswordInput
              label="Password"
              autoComplete="current-password"
              required
              {...form.getInputProps('password')}
            />
            <Checkbox
              label="Keep me signed in"
              description="Stay signed in on this device for 30 days. Leave unchecked on shared computers."
              {...form.getInputProps('keepSignedIn', { type: 'checkbox' })}
            />
            <Button type="submit" loading={submitting} fullWidth>
              Sign in
            </Button>
            <Anchor component={Link} to="/forgot-password" size="sm" ta="center">
              Forgot your password?
            </Anchor>
            <Text size="sm" ta="center">
              New to Steward CRM?{' '}
              <Anchor component={Link} to="/sign-up">
                Create an account
              </Anchor>
            </Text>
            <Anchor component={Link} to="/privacy" size="sm" ta="center">
              Privacy policy
            </Anchor>
          </Stack>
        </Paper>
      )}
    </Container>
  );
}
