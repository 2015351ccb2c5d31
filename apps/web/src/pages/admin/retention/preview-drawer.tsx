import { Alert, Button, Code, Drawer, Group, List, Loader, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { type RetentionRule, useRetentionPreview } from '../../../api/use-retention';
import { formatNumber } from '../../../i18n/format';
import { formatDateTime } from '../../crm/crm-labels';
import { rowsText } from './retention-words';

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={600}>
        {value}
      </Text>
    </Stack>
  );
}

/** The dry run of a rule: what a run would purge now, what holds keep, and what expires next. Purges nothing. */
export function PreviewDrawer({
  rule,
  mayRun,
  onClose,
  onRun,
}: {
  rule: RetentionRule | null;
  mayRun: boolean;
  onClose: () => void;
  onRun: (rule: RetentionRule) => void;
}) {
  const preview = useRetentionPreview(rule?.key ?? null);
  const data = preview.data;
  return (
    <Drawer
      opened={rule !== null}
      onClose={onClose}
      position="right"
      size="lg"
      title={rule ? `Dry run: ${rule.title}` : 'Dry run'}
      closeButtonProps={{ 'aria-label': 'Close the dry run' }}
    >
      {preview.isError ? (
        <Alert color="red" role="alert">
          The dry run failed: {preview.error.message}
        </Alert>
      ) : !data ? (
        <Loader size="sm" aria-label="Counting what the rule would delete" />
      ) : (
        <Stack>
          <Text size="sm" c="dimmed">
            A dry run deletes nothing. It counts what a run would delete in your organization now: what started before{' '}
            {formatDateTime(data.cutoff)}.
          </Text>
          <SimpleGrid cols={2}>
            <Figure label="Eligible now" value={rowsText(data.eligible)} />
            <Figure label="Kept by legal holds" value={rowsText(data.held)} />
          </SimpleGrid>
          {data.categories.length > 0 && (
            <Table aria-label="Per category" withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Category</Table.Th>
                  <Table.Th ta="right">Eligible</Table.Th>
                  <Table.Th ta="right">Held</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.categories.map((category) => (
                  <Table.Tr key={category.category}>
                    <Table.Td>
                      <Code>{category.category}</Code>
                    </Table.Td>
                    <Table.Td ta="right">{formatNumber(category.eligible)}</Table.Td>
                    <Table.Td ta="right">{formatNumber(category.held)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          <div>
            <Title order={3} size="h5">
              A few of the rows a run would delete
            </Title>
            {data.sampleIds.length ? (
              <List size="sm" aria-label="Sample ids">
                {data.sampleIds.map((id) => (
                  <List.Item key={id}>
                    <Code style={{ overflowWrap: 'anywhere' }}>{id}</Code>
                  </List.Item>
                ))}
              </List>
            ) : (
              <Text size="sm" c="dimmed">
                None: nothing is past the period.
              </Text>
            )}
          </div>
          <div>
            <Title order={3} size="h5">
              Next to expire
            </Title>
            {data.nextExpiries.length ? (
              <List size="sm" aria-label="Next expiries">
                {data.nextExpiries.map((at, index) => (
                  // Several rows may expire at the same instant.
                  // biome-ignore lint/suspicious/noArrayIndexKey: dates repeat; the list never reorders
                  <List.Item key={index}>
                    <time dateTime={at}>{formatDateTime(at)}</time>
                  </List.Item>
                ))}
              </List>
            ) : (
              <Text size="sm" c="dimmed">
                Nothing kept now is due to expire.
              </Text>
            )}
          </div>
          {mayRun && rule && (
            <Group justify="flex-end">
              <Button variant="light" color="red" disabled={data.eligible === 0} onClick={() => onRun(rule)}>
                Run now
              </Button>
            </Group>
          )}
        </Stack>
      )}
    </Drawer>
  );
}
