import { Alert, Button, Center, Container, Group, Loader, Paper, Text, Title } from '@mantine/core';
import { useLocation, useNavigate } from 'react-router';
import { problemOf } from '../../api/problems';
import { useAcceptPolicy, usePublishedPolicy } from '../../api/use-privacy-policy';
import { useAuth } from '../../auth/auth-context';
import { PolicyDocumentView } from './policy-document';

/**
 * `/privacy/accept`: the updated platform policy, what changed, and the one button that
 * lets the person work on. RequireAuth sends them here whenever the API asks for it, with
 * where they were in `state.from`.
 */
export function AcceptPolicyPage() {
  const policy = usePublishedPolicy(undefined);
  const accept = useAcceptPolicy();
  const { signOut } = useAuth();
  const navigate = useNavigate();
  const from = (useLocation().state as { from?: string } | null)?.from ?? '/';
  if (policy.isPending) {
    return (
      <Center h={200}>
        <Loader aria-label="Loading the privacy policy" />
      </Center>
    );
  }
  if (policy.isError) {
    return (
      <Alert color="red" title="The policy could not be loaded">
        {problemOf(policy.error)?.message}
      </Alert>
    );
  }
  const stale = problemOf(accept.error)?.problem.status === 409;
  return (
    <Container size="md" px={0}>
      <Title order={1}>Review the updated privacy policy</Title>
      <Text mt="xs">The privacy policy has changed. Please read it and accept it to continue working.</Text>
      <Paper withBorder p="md" mt="md">
        <Title order={2} fz="h4">
          What changed
        </Title>
        <Text mt={4}>{policy.data.changeNote ?? 'This is the first published version of the policy.'}</Text>
      </Paper>
      <Paper withBorder p={{ base: 'sm', sm: 'lg' }} mt="md">
        <PolicyDocumentView title={policy.data.title} version={policy.data} headingLevel={3} />
      </Paper>
      {accept.isError && (
        <Alert color="red" mt="md" title={stale ? 'The policy changed again while you read it' : 'Not accepted'}>
          {stale ? 'Reload the page to read the newest version.' : problemOf(accept.error)?.message}
        </Alert>
      )}
      <Group mt="lg" mb="xl">
        <Button
          loading={accept.isPending}
          onClick={() => accept.mutate(policy.data.number, { onSuccess: () => navigate(from, { replace: true }) })}
        >
          I have read and accept the privacy policy
        </Button>
        <Button
          variant="default"
          onClick={async () => {
            await signOut();
            navigate('/sign-in');
          }}
        >
          Sign out
        </Button>
      </Group>
    </Container>
  );
}
