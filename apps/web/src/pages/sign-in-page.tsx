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
import { type FormEvent, useState } from 'react';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { ApiProblem } from '#api-client';
import { useReadiness } from '../api/use-health';
import { useAuth } from '../auth/auth-context';
import { MfaStep } from './mfa-step';

export function SignInPage() {
  const auth = useAuth();
  const readiness = useReadiness();
  const navigate = useNavigate();
  const location = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [keepSignedIn, setKeepSignedIn] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [mfaToken, setMfaToken] = useState<string | null>(null);

  const from = (location.state as { from?: string } | null)?.from ?? '/';
  if (auth.user) return <Navigate to={from} replace />;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitting(true);
    setProblem(null);
    try {
      const outcome = await auth.signIn(email, password, keepSignedIn);
      if (outcome.status === 'mfa-required') setMfaToken(outcome.mfaToken);
      else navigate(from, { replace: true });
    } catch (error) {
      setProblem(error instanceof ApiProblem ? error : null);
    } finally {
      setSubmitting(false);
    }
  }

  const fieldErrors = problem?.fieldErrors() ?? {};
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
              setPassword('');
            }}
          />
        </Paper>
      ) : (
        <Paper withBorder shadow="sm" p="lg" mt="lg" component="form" onSubmit={submit} noValidate>
          <Stack>
            {readiness.isError && (
              <Alert color="red" title="Service unavailable" role="alert">
                {readiness.error.message}
              </Alert>
            )}
            {problem && !problem.problem.errors?.length && (
              <Alert color="red" title={problem.problem.title} role="alert">
                {problem.problem.code === 'invalid-credentials'
                  ? 'Check your email and password and try again.'
                  : problem.message}
              </Alert>
            )}
            <TextInput
              label="Email"
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(event) => setEmail(event.currentTarget.value)}
              error={fieldErrors.email}
            />
            <PasswordInput
              label="Password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.currentTarget.value)}
              error={fieldErrors.password}
            />
            <Checkbox
              label="Keep me signed in"
              description="Stay signed in on this device for 30 days. Leave unchecked on shared computers."
              checked={keepSignedIn}
              onChange={(event) => setKeepSignedIn(event.currentTarget.checked)}
            />
            <Button type="submit" loading={submitting} fullWidth>
              Sign in
            </Button>
            <Anchor component={Link} to="/forgot-password" size="sm" ta="center">
              Forgot your password?
            </Anchor>
          </Stack>
        </Paper>
      )}
    </Container>
  );
}
