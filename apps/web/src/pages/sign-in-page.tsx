import { Alert, Button, Checkbox, Container, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useReadiness } from '../api/use-health';

/**
 * The sign-in form. Accounts arrive with the identity capability; until then the form
 * shows whether the service and its database are reachable.
 */
export function SignInPage() {
  const readiness = useReadiness();
  return (
    <Container size={420} my={40}>
      <Title ta="center" order={1}>
        Sign in to Steward CRM
      </Title>
      <Text c="dimmed" size="sm" ta="center" mt={5}>
        The CRM that keeps its privacy promises.
      </Text>
      <Paper withBorder shadow="sm" p="lg" mt="lg" component="form" onSubmit={(event) => event.preventDefault()}>
        <Stack>
          {readiness.isSuccess && (
            <Alert color="teal" title="Service online" role="status">
              The API and its database ({readiness.data.checks.database}) are ready.
            </Alert>
          )}
          {readiness.isError && (
            <Alert color="red" title="Service unavailable" role="alert">
              {readiness.error.message}
            </Alert>
          )}
          <TextInput label="Email" type="email" autoComplete="username" required disabled />
          <PasswordInput label="Password" autoComplete="current-password" required disabled />
          <Checkbox label="Keep me signed in" disabled />
          <Button type="submit" disabled fullWidth>
            Sign in
          </Button>
          <Text size="xs" c="dimmed">
            Accounts are not enabled on this server yet.
          </Text>
        </Stack>
      </Paper>
    </Container>
  );
}
