import { Alert, Badge, Card, Loader, Table, Text } from '@mantine/core';
import { type SecurityEvent, useSecurityEvents } from '../api/use-audit';
import { auditActionLabel, OUTCOME_LABELS } from '../labels';
import { deviceOf } from '../user-agent';

const when = (value: string) => new Date(value).toLocaleString();

/** You did it, or someone tried (or an administrator acted) on your account. */
const whoOf = (event: SecurityEvent) =>
  event.byYou ? 'By you' : event.outcome === 'success' ? 'On your account' : 'Attempt on your account';

/** The account's recent sign-ins and security changes, so a person spots what was not them. */
export function SecurityEventsCard() {
  const events = useSecurityEvents();
  return (
    <Card withBorder>
      <Text fw={600}>Recent security activity</Text>
      <Text size="sm" c="dimmed" mt={4}>
        Sign-ins, failed attempts with your email address, and changes to your password, two-step verification and API
        keys. If something here was not you, change your password and log out everywhere.
      </Text>
      {events.isPending ? (
        <Loader size="sm" mt="sm" aria-label="Loading your security activity" />
      ) : events.isError ? (
        <Alert color="red" mt="sm" title="Could not load your security activity" role="alert">
          {events.error.message}
        </Alert>
      ) : events.data.items.length === 0 ? (
        <Text size="sm" c="dimmed" mt="sm">
          Nothing recorded yet.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={600} mt="sm">
          <Table aria-label="Recent security activity">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>When</Table.Th>
                <Table.Th>Event</Table.Th>
                <Table.Th>Result</Table.Th>
                <Table.Th>IP address</Table.Th>
                <Table.Th>Device</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {events.data.items.map((event) => {
                const outcome = OUTCOME_LABELS[event.outcome];
                return (
                  <Table.Tr key={event.seq}>
                    <Table.Td>{when(event.at)}</Table.Td>
                    <Table.Td>
                      <Text size="sm">{auditActionLabel(event.action)}</Text>
                      <Text size="xs" c={event.byYou ? 'dimmed' : 'orange.8'} fw={event.byYou ? undefined : 600}>
                        {whoOf(event)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge color={outcome?.color ?? 'gray'} variant="light">
                        {outcome?.label ?? event.outcome}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{event.ip ?? '—'}</Table.Td>
                    <Table.Td title={event.userAgent ?? undefined}>{deviceOf(event.userAgent)}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
