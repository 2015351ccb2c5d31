import { Badge, Button, Card, Group, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { unwrap } from '#api-client';
import { api } from '../api/client';
import { useAuth } from '../auth/auth-context';
import { useFormat } from '../i18n/use-locale';

/** Where you are signed in; sign one device out, or all of them. */
export function SessionsCard() {
  const queryClient = useQueryClient();
  const { t } = useTranslation();
  const { formatDateTime } = useFormat();
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
        <Text fw={600}>{t('security.sessions.title')}</Text>
        <Button size="xs" color="red" variant="light" loading={revokeAll.isPending} onClick={() => revokeAll.mutate()}>
          {t('security.sessions.logOutEverywhere')}
        </Button>
      </Group>
      <Table mt="sm" aria-label={t('security.sessions.table')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('security.sessions.device')}</Table.Th>
            <Table.Th>{t('security.sessions.ip')}</Table.Th>
            <Table.Th>{t('security.sessions.signedIn')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sessions.data?.items.map((session) => (
            <Table.Tr key={session.id}>
              <Table.Td>
                <Stack gap={0}>
                  <Text size="sm" lineClamp={1}>
                    {session.userAgent ?? t('security.sessions.unknownDevice')}
                  </Text>
                  {session.current && (
                    <Badge size="xs" w="fit-content">
                      {t('security.sessions.thisDevice')}
                    </Badge>
                  )}
                </Stack>
              </Table.Td>
              <Table.Td>{session.ip ?? '—'}</Table.Td>
              <Table.Td>
                <time dateTime={session.signedInAt}>{formatDateTime(session.signedInAt)}</time>
              </Table.Td>
              <Table.Td>
                {!session.current && (
                  <Button size="xs" variant="default" onClick={() => revoke.mutate(session.id)}>
                    {t('security.sessions.signOut')}
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
