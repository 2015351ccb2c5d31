import { Alert, Button, Group, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { problemOf } from '../../../api/problems';
import {
  type PolicyDocumentKind,
  type Processor,
  useProcessors,
  useRemoveProcessor,
} from '../../../api/use-privacy-admin';
import { ConfirmModal } from '../../../components/confirm-modal';
import { ProcessorModal } from './processor-modal';

/** The processors the document lists: facts, so changing them changes the draft's statements. */
export function ProcessorsEditor({ document }: { document: PolicyDocumentKind }) {
  const processors = useProcessors(document);
  const remove = useRemoveProcessor(document);
  const [editing, setEditing] = useState<Processor | 'new' | null>(null);
  const [removing, setRemoving] = useState<Processor | null>(null);
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3}>Processors</Title>
        <Button variant="light" onClick={() => setEditing('new')}>
          Add a processor
        </Button>
      </Group>
      {processors.isError && <Alert color="red">{problemOf(processors.error)?.message}</Alert>}
      {processors.data?.items.length === 0 && <Text c="dimmed">No processors listed yet.</Text>}
      {processors.data && processors.data.items.length > 0 && (
        <Table.ScrollContainer minWidth={560}>
          <Table aria-label="Processors">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Purpose</Table.Th>
                <Table.Th>Data</Table.Th>
                <Table.Th>Location and safeguard</Table.Th>
                <Table.Th>DPA</Table.Th>
                <Table.Th>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {processors.data.items.map((processor) => (
                <Table.Tr key={processor.id}>
                  <Table.Td>{processor.name}</Table.Td>
                  <Table.Td>{processor.purpose}</Table.Td>
                  <Table.Td>{processor.dataCategories.join(', ')}</Table.Td>
                  <Table.Td>
                    {processor.location}; {processor.safeguard}
                  </Table.Td>
                  <Table.Td>{processor.dpaDate ?? '—'}</Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Button size="xs" variant="subtle" onClick={() => setEditing(processor)}>
                        Change
                      </Button>
                      <Button size="xs" variant="subtle" color="red" onClick={() => setRemoving(processor)}>
                        Remove
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing && (
        <ProcessorModal
          document={document}
          processor={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
      <ConfirmModal
        opened={removing !== null}
        title={`Remove ${removing?.name ?? 'processor'}?`}
        confirmLabel="Remove processor"
        busy={remove.isPending}
        onConfirm={() => removing && remove.mutate(removing.id, { onSuccess: () => setRemoving(null) })}
        onClose={() => setRemoving(null)}
      >
        The draft will no longer list it; readers see the change once you publish.
      </ConfirmModal>
    </Stack>
  );
}
