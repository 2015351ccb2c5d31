import { Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useAuth } from '../auth/auth-context';

const ROLE_LABELS: Record<string, string> = {
  owner: 'Owner',
  admin: 'Administrator',
  privacy_officer: 'Privacy officer',
  manager: 'Manager',
  agent: 'Agent',
  viewer: 'Viewer',
};

export function HomePage() {
  const { user } = useAuth();
  if (!user) return null;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>Welcome back, {user.fullName}</Title>
        <Badge size="lg" variant="light">
          {ROLE_LABELS[user.role] ?? user.role}
        </Badge>
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <Text fw={600}>Your account</Text>
          <Text size="sm" c="dimmed">
            Signed in as {user.email}
            {user.jobTitle ? ` · ${user.jobTitle}` : ''}
          </Text>
        </Card>
        <Card withBorder>
          <Text fw={600}>Your data stays yours</Text>
          <Text size="sm" c="dimmed">
            Personal fields are encrypted at rest with a key of their own; erasing a person destroys that key.
          </Text>
        </Card>
      </SimpleGrid>
    </Stack>
  );
}
