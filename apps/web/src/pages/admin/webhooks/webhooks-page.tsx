import { Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useWebhookActions, useWebhookEndpoints, type WebhookEndpoint } from '../../../api/use-webhooks';
import { ConfirmModal } from '../../../components/confirm-modal';
import { OneTimeSecret } from '../../../components/one-time-secret';
import { formatDateTime } from '../../../i18n/format';
import { DeliveryLog } from './delivery-log';
import { EndpointModal } from './endpoint-modal';

const nameOf = (endpoint: WebhookEndpoint) => endpoint.description || endpoint.url;

/** Outbound webhooks: endpoints, their signing secrets (shown once), test-sends and the delivery log. */
export function WebhooksPage() {
  const endpoints = useWebhookEndpoints();
  const { remove, rotate, test } = useWebhookActions();
  const [editing, setEditing] = useState<WebhookEndpoint | null | 'new'>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<WebhookEndpoint | null>(null);
  const [rotating, setRotating] = useState<WebhookEndpoint | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const items = endpoints.data?.items ?? [];
  const selected = items.find((endpoint) => endpoint.id === selectedId) ?? null;

  return (
    <Stack maw={1100}>
      <Group justify="space-between">
        <Title order={1}>Webhooks</Title>
        <Button onClick={() => setEditing('new')}>Add endpoint</Button>
      </Group>
      <Text c="dimmed" size="sm">
        Integrations learn of privacy events (erasures, restrictions, corrections, completed requests) as signed HTTP
        posts, per the Standard Webhooks specification. Events carry ids and types, never personal data. Failed
        deliveries are retried for about a day.
      </Text>
      {secret && (
        <OneTimeSecret
          title="Copy the signing secret now: it is shown only once"
          label="New signing secret"
          value={secret}
        />
      )}
      <Table.ScrollContainer minWidth={800}>
        <Table aria-label="Webhook endpoints" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Endpoint</Table.Th>
              <Table.Th>Events</Table.Th>
              <Table.Th>State</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((endpoint) => (
              <Table.Tr key={endpoint.id} aria-selected={endpoint.id === selectedId}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {nameOf(endpoint)}
                  </Text>
                  {endpoint.description && (
                    <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                      {endpoint.url}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {endpoint.eventTypes.map((type) => (
                      <Badge key={type} size="xs" variant="light">
                        {type}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Badge color={endpoint.enabled ? 'teal' : 'gray'}>{endpoint.enabled ? 'Enabled' : 'Disabled'}</Badge>
                  {endpoint.previousSecretExpiresAt && new Date(endpoint.previousSecretExpiresAt) > new Date() && (
                    <Text size="xs" c="dimmed">
                      Old secret signs too until {formatDateTime(endpoint.previousSecretExpiresAt)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Button size="xs" variant="light" onClick={() => setSelectedId(endpoint.id)}>
                      Deliveries
                    </Button>
                    <Button
                      size="xs"
                      variant="light"
                      loading={test.isPending && test.variables === endpoint.id}
                      onClick={() =>
                        test.mutate(endpoint.id, {
                          onSuccess: () => {
                            setSelectedId(endpoint.id);
                            notifications.show({ color: 'teal', message: 'Test event sent: see the delivery log.' });
                          },
                        })
                      }
                    >
                      Send test event
                    </Button>
                    <Button size="xs" variant="default" onClick={() => setEditing(endpoint)}>
                      Edit
                    </Button>
                    <Button size="xs" variant="default" onClick={() => setRotating(endpoint)}>
                      Rotate secret
                    </Button>
                    <Button size="xs" color="red" variant="light" onClick={() => setDeleting(endpoint)}>
                      Delete
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {endpoints.isSuccess && items.length === 0 && (
        <Text c="dimmed" size="sm">
          No endpoints yet.
        </Text>
      )}
      {selected && <DeliveryLog endpointId={selected.id} endpointName={nameOf(selected)} />}
      <EndpointModal
        opened={editing !== null}
        endpoint={editing === 'new' ? null : editing}
        onClose={() => setEditing(null)}
        onCreated={setSecret}
      />
      <ConfirmModal
        opened={rotating !== null}
        title={`Rotate the secret of ${rotating ? nameOf(rotating) : 'this endpoint'}?`}
        confirmLabel="Rotate secret"
        busy={rotate.isPending}
        onConfirm={() =>
          rotating &&
          rotate.mutate(rotating.id, {
            onSuccess: (rotated) => {
              setSecret(rotated.secret);
              setRotating(null);
            },
          })
        }
        onClose={() => setRotating(null)}
      >
        A new secret is shown once. For 24 hours deliveries carry a signature with the old secret too, so the
        integration can switch over without missing events.
      </ConfirmModal>
      <ConfirmModal
        opened={deleting !== null}
        title={`Delete ${deleting ? nameOf(deleting) : 'this endpoint'}?`}
        confirmLabel="Delete endpoint"
        busy={remove.isPending}
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting.id, {
            onSuccess: () => {
              if (deleting.id === selectedId) setSelectedId(null);
              setDeleting(null);
            },
          })
        }
        onClose={() => setDeleting(null)}
      >
        It receives nothing more, and its delivery log is deleted with it.
      </ConfirmModal>
    </Stack>
  );
}
