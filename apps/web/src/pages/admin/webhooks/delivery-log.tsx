import { Badge, Button, Group, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import {
  type DeliveryStatus,
  useWebhookActions,
  useWebhookDeliveries,
  type WebhookDelivery,
} from '../../../api/use-webhooks';
import { LoadMoreButton } from '../../../components/load-more-button';
import { formatDateTime } from '../../../i18n/format';

export const DELIVERY_STATUS_LABELS: Record<string, { label: string; color: string }> = {
  pending: { label: 'Retrying', color: 'yellow' },
  succeeded: { label: 'Delivered', color: 'teal' },
  failed: { label: 'Failed', color: 'red' },
};

const when = (value: string | null) => (value ? formatDateTime(value) : '—');

function lastOutcome(delivery: WebhookDelivery): string {
  const last = delivery.attempts.at(-1);
  if (!last) return 'Not tried yet';
  return last.error ?? `HTTP ${last.httpStatus}`;
}

/** The deliveries of one endpoint, newest first, with a manual retry for settled ones. */
export function DeliveryLog({ endpointId, endpointName }: { endpointId: string; endpointName: string }) {
  const [status, setStatus] = useState<DeliveryStatus | 'all'>('all');
  const deliveries = useWebhookDeliveries(endpointId, status === 'all' ? null : status);
  const { retry } = useWebhookActions();
  const items = deliveries.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2} size="h3">
          Delivery log: {endpointName}
        </Title>
        <Group gap="xs">
          <Button
            size="xs"
            variant="default"
            loading={deliveries.isRefetching}
            onClick={() => void deliveries.refetch()}
          >
            Refresh
          </Button>
          <SegmentedControl
            aria-label="Show deliveries"
            size="xs"
            value={status}
            onChange={(value) => setStatus(value as DeliveryStatus | 'all')}
            data={[
              { value: 'all', label: 'All' },
              { value: 'succeeded', label: 'Delivered' },
              { value: 'pending', label: 'Retrying' },
              { value: 'failed', label: 'Failed' },
            ]}
          />
        </Group>
      </Group>
      <Table.ScrollContainer minWidth={760}>
        <Table aria-label="Delivery log" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Event</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Attempts</Table.Th>
              <Table.Th>Last answer</Table.Th>
              <Table.Th>Next attempt</Table.Th>
              <Table.Th>Created</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((delivery) => {
              const badge = DELIVERY_STATUS_LABELS[delivery.status] ?? { label: delivery.status, color: 'gray' };
              return (
                <Table.Tr key={delivery.id}>
                  <Table.Td>
                    <Text size="sm">{delivery.eventType}</Text>
                    <Text size="xs" c="dimmed" ff="monospace">
                      {delivery.eventId}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={badge.color} variant="light">
                      {badge.label}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{delivery.attemptCount}</Table.Td>
                  <Table.Td>{lastOutcome(delivery)}</Table.Td>
                  <Table.Td>{when(delivery.nextAttemptAt)}</Table.Td>
                  <Table.Td>{when(delivery.createdAt)}</Table.Td>
                  <Table.Td>
                    {delivery.status !== 'pending' && (
                      <Button
                        size="xs"
                        variant="light"
                        loading={retry.isPending && retry.variables === delivery.id}
                        onClick={() => retry.mutate(delivery.id)}
                      >
                        Retry
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {deliveries.isSuccess && items.length === 0 && (
        <Text c="dimmed" size="sm">
          No deliveries yet. Use “Send test event” to try the endpoint.
        </Text>
      )}
      <LoadMoreButton list={deliveries} />
    </Stack>
  );
}
