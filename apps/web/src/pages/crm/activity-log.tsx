import { Alert, Center, Loader, Table, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { Activity } from '../../api/use-clients';
import { actionLabel, fieldLabel, formatDateTime } from './crm-labels';

const actorOf = (entry: Activity) =>
  entry.actorName ?? (entry.actorKind === 'api_key' ? 'An integration' : 'A former colleague');

/** Who created and changed a record, and which fields: never the values (they are personal data). */
export function ActivityLog({ activity }: { activity: UseQueryResult<{ items: Activity[] }, Error> }) {
  if (activity.isPending) {
    return (
      <Center h={100}>
        <Loader size="sm" aria-label="Loading the activity log" />
      </Center>
    );
  }
  if (activity.isError) {
    return (
      <Alert color="red" title="Could not load the activity log" role="alert">
        {activity.error.message}
      </Alert>
    );
  }
  if (activity.data.items.length === 0) {
    return (
      <Text c="dimmed" size="sm">
        Nothing recorded yet.
      </Text>
    );
  }
  return (
    <Table aria-label="Activity log" striped>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>When</Table.Th>
          <Table.Th>Who</Table.Th>
          <Table.Th>What</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {activity.data.items.map((entry) => (
          <Table.Tr key={entry.id}>
            <Table.Td>{formatDateTime(entry.at)}</Table.Td>
            <Table.Td>{actorOf(entry)}</Table.Td>
            <Table.Td>
              {actionLabel(entry.action)}
              {entry.fields.length > 0 && ` ${entry.fields.map(fieldLabel).join(', ')}`}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
