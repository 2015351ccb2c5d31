import { Alert, Center, Code, Loader, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useRoles } from '../../api/use-roles';
import { permissionLabel, roleLabel } from '../../labels';

function Mark({ granted }: { granted: boolean }) {
  return (
    <>
      <span aria-hidden>{granted ? '✓' : '—'}</span>
      <VisuallyHidden>{granted ? 'Yes' : 'No'}</VisuallyHidden>
    </>
  );
}

/** The permission matrix, as the API enforces it: read-only. */
export function RolesPage() {
  const roles = useRoles();
  const items = roles.data?.items ?? [];
  // Every permission some role holds, in the order the API lists them.
  const permissions = [...new Set(items.flatMap((role) => role.permissions))];

  return (
    <Stack maw={1000}>
      <Title order={1}>Roles</Title>
      <Text c="dimmed" size="sm">
        What each role may do. Roles are fixed; give people the least that lets them do their work.
      </Text>
      {roles.isError && (
        <Alert color="red" title="Could not load the roles" role="alert">
          {roles.error.message}
        </Alert>
      )}
      {roles.isPending ? (
        <Center h={120}>
          <Loader aria-label="Loading roles" />
        </Center>
      ) : (
        <Table.ScrollContainer minWidth={700}>
          <Table aria-label="Permissions by role" striped withColumnBorders>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Permission</Table.Th>
                {items.map((role) => (
                  <Table.Th key={role.role} ta="center">
                    {roleLabel(role.role)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {permissions.map((permission) => (
                <Table.Tr key={permission}>
                  <Table.Th scope="row" fw="normal">
                    <Text size="sm">{permissionLabel(permission)}</Text>
                    <Code fz="xs">{permission}</Code>
                  </Table.Th>
                  {items.map((role) => (
                    <Table.Td key={role.role} ta="center">
                      <Mark granted={role.permissions.includes(permission)} />
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
              <Table.Tr>
                <Table.Th scope="row" fw="normal">
                  <Text size="sm">Sees only the records of their own branches</Text>
                </Table.Th>
                {items.map((role) => (
                  <Table.Td key={role.role} ta="center">
                    <Mark granted={role.branchScoped} />
                  </Table.Td>
                ))}
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
