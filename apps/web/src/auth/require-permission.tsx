import { Button, Center, Container, Loader, Text, Title } from '@mantine/core';
import { Link, Outlet } from 'react-router';
import { type Permission, usePermissions } from './use-permissions';

/**
 * Pages behind it need a permission (or any one of several); without it the person is told
 * so, not shown an empty page.
 */
export function RequirePermission({ permission }: { permission: Permission | Permission[] }) {
  const { can, loading } = usePermissions();
  if (loading) {
    return (
      <Center h={200}>
        <Loader aria-label="Checking your access" />
      </Center>
    );
  }
  if ((Array.isArray(permission) ? permission : [permission]).some(can)) return <Outlet />;
  return (
    <Container size={520} my={60} ta="center">
      <Title order={1}>Not available to your role</Title>
      <Text c="dimmed" mt="sm">
        This page needs a permission your role does not hold. An owner or admin of your organization can change your
        role.
      </Text>
      <Button component={Link} to="/" mt="lg" variant="light">
        Back to the start
      </Button>
    </Container>
  );
}
