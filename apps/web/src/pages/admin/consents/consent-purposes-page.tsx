import { Alert, Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { type ConsentPurpose, useArchivePurpose, useConsentPurposes } from '../../../api/use-consents';
import { usePermissions } from '../../../auth/use-permissions';
import { ConfirmModal } from '../../../components/confirm-modal';
import { ConsentRatesChart } from './consent-rates-chart';
import { PurposeModal } from './purpose-modal';

/** Consents: the rates chart for everyone who reads consents, and the purposes for privacy admins. */
export function ConsentPurposesPage() {
  const { can } = usePermissions();
  const admin = can('privacy-policy:write');
  const purposes = useConsentPurposes(true);
  const archive = useArchivePurpose();
  const [editing, setEditing] = useState<ConsentPurpose | 'new' | null>(null);
  const [archiving, setArchiving] = useState<ConsentPurpose | null>(null);
  return (
    <Stack maw={1100}>
      <Title order={1}>Consents</Title>
      <ConsentRatesChart />
      <Card withBorder component="section" aria-labelledby="purposes-heading">
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h4" id="purposes-heading">
            Purposes
          </Title>
          {admin && (
            <Button size="xs" onClick={() => setEditing('new')}>
              Add purpose
            </Button>
          )}
        </Group>
        <Text size="sm" c="dimmed" mb="sm">
          What you ask contacts to agree to. Changing a wording keeps the earlier versions: each consent points at the
          exact words the person saw.
        </Text>
        {purposes.isError && (
          <Alert color="red" role="alert">
            The purposes could not be loaded: {purposes.error.message}
          </Alert>
        )}
        <Table aria-label="Consent purposes" style={{ overflowWrap: 'anywhere' }}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Purpose</Table.Th>
              <Table.Th visibleFrom="sm">Channel</Table.Th>
              <Table.Th visibleFrom="sm">Wording</Table.Th>
              {admin && <Table.Th aria-label="Actions" />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(purposes.data?.items ?? []).map((purpose) => (
              <Table.Tr key={purpose.id} data-purpose={purpose.key}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {purpose.name}
                  </Text>
                  <Group gap={4}>
                    <Text size="xs" c="dimmed">
                      {purpose.key}
                    </Text>
                    {purpose.marketing && (
                      <Badge size="xs" variant="light">
                        Marketing
                      </Badge>
                    )}
                    {purpose.archivedAt && (
                      <Badge size="xs" color="gray">
                        Archived
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td visibleFrom="sm">{purpose.channel}</Table.Td>
                <Table.Td visibleFrom="sm">
                  <Text size="sm">{purpose.wording.text}</Text>
                  <Text size="xs" c="dimmed">
                    Version {purpose.wording.version}
                  </Text>
                </Table.Td>
                {admin && (
                  <Table.Td>
                    {!purpose.archivedAt && (
                      <Group gap="xs" wrap="nowrap">
                        <Button size="xs" variant="default" onClick={() => setEditing(purpose)}>
                          Edit
                        </Button>
                        <Button size="xs" variant="light" color="gray" onClick={() => setArchiving(purpose)}>
                          Archive
                        </Button>
                      </Group>
                    )}
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
      {editing && <PurposeModal purpose={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      <ConfirmModal
        opened={archiving !== null}
        title={`Archive ${archiving?.name ?? ''}?`}
        confirmLabel="Archive purpose"
        busy={archive.isPending}
        onClose={() => setArchiving(null)}
        onConfirm={() =>
          archiving &&
          archive.mutate(
            { id: archiving.id, version: archiving.version },
            {
              onSuccess: () => {
                notifications.show({ color: 'teal', message: `${archiving.name} was archived.` });
                setArchiving(null);
              },
            },
          )
        }
      >
        Nothing new can be granted for it. Everything already recorded stays, with the wording people saw.
      </ConfirmModal>
    </Stack>
  );
}
