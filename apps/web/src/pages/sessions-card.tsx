import { Badge, Button, Card, Group, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { unwrap } from '#api-client';
import { api } from '../api/client';
import { useAuth } from '../auth/auth-context';

const when = (value: string) => new Date(value).toLocaleString();

/** Where you are signed in; sign one device out, or all of them. */
export function SessionsCard() {
  const queryClient = useQueryClient();
  const { signOut } = useAuth();
  const navigate = useNavigate();
  const sessions = useQuery({
    queryKey: ['auth', 'sessions'],
    queryFn: () => unwrap(api.GET('/api/v1/auth/sessions')),
  });
  const revoke = useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/auth/sessions/{id}', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['auth', 'sessions'] }),
  });
  const revokeAll = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/auth/sessions/revoke-all')),
    onSuccess: async () => {
      await signOut().catch(() => undefined);
      navigate('/sign-in');
    },
  });

  return (
    <Card withBorder>
      <Group justify="space-between">
        <Text fw={600}>Where you are signed in</Text>
        <Button size="xs" color="red" variant="light" loading={revokeAll.isPending} onClick={() => revokeAll.mutate()}>
          Log out everywhere
        </Button>
      </Group>
      <Table mt="sm" aria-label="Your sessions">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Device</Table.Th>
            <Table.Th>IP address</Table.Th>
            <Table.Th>Signed in</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sessions.data?.items.map((session) => (
            <Table.Tr key={session.id}>
              <Table.Td>
                <Stack gap={0}>
                  <Text size="sm" lineClamp={1}>
                    {session.userAgent ?? 'Unknown device'}
                  </Text>
                  {session.current && (
                    <Badge size="xs" w="fit-content">
                      This device
                    </Badge>
                  )}
                </Stack>
              </Table.Td>
              <Table.Td>{session.ip ?? '—'}</Table.Td>
              <Table.Td>{when(session.signedInAt)}</Table.Td>
              <Table.Td>
                {!session.current && (
                  <Button size="xs" variant="default" onClick={() => revoke.mutate(session.id)}>
                    Sign out
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}
