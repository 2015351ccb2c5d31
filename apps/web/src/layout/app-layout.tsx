import { Anchor, AppShell, Group, NavLink, Text, Title } from '@mantine/core';
import { Outlet, NavLink as RouterLink } from 'react-router';
import { ApiStatus } from './api-status';

export function AppLayout() {
  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 220, breakpoint: 'sm' }} padding="lg">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group gap="xs">
            <img src="/favicon.svg" alt="" width={28} height={28} />
            <Title order={3} fw={700}>
              Steward CRM
            </Title>
          </Group>
          <ApiStatus />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label="Main navigation">
        <NavLink component={RouterLink} to="/sign-in" label="Sign in" />
        <NavLink href="/docs" label="API documentation" description="Swagger UI" />
        <Text size="xs" c="dimmed" mt="auto" p="xs">
          Your data, your rules.{' '}
          <Anchor href="/docs" size="xs">
            API
          </Anchor>
        </Text>
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
