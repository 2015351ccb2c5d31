import { AppShell, Button, Group, NavLink, Text, Title } from '@mantine/core';
import { Outlet, NavLink as RouterLink, useNavigate } from 'react-router';
import { useAuth } from '../auth/auth-context';
import { ApiStatus } from './api-status';

export function AppLayout() {
  const { user, signOut } = useAuth();
  const navigate = useNavigate();
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
          <Group gap="sm">
            <ApiStatus />
            {user && (
              <>
                <Text size="sm" aria-label="Signed in user">
                  {user.fullName}
                </Text>
                <Button
                  size="xs"
                  variant="default"
                  onClick={async () => {
                    await signOut();
                    navigate('/sign-in');
                  }}
                >
                  Sign out
                </Button>
              </>
            )}
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label="Main navigation">
        {user ? (
          <>
            <NavLink component={RouterLink} to="/" label="Home" end />
            <NavLink component={RouterLink} to="/security" label="Security" />
            {(user.role === 'owner' || user.role === 'admin') && (
              <NavLink component={RouterLink} to="/api-keys" label="API keys" />
            )}
          </>
        ) : (
          <NavLink component={RouterLink} to="/sign-in" label="Sign in" />
        )}
        <NavLink href="/docs" label="API documentation" description="Swagger UI" />
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
