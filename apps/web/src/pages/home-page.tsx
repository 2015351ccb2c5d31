import { Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useAuth } from '../auth/auth-context';
import { roleLabel } from '../labels';

export function HomePage() {
  const { user } = useAuth();
  if (!user) return null;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>Welcome back, {user.fullName}</Title>
        <Badge size="lg" variant="light">
          {roleLabel(user.role)}
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
