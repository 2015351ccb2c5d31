import { Badge, Button, Code, Group, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { RetentionRun } from '../../../api/use-retention';
import { formatNumber } from '../../../i18n/format';
import { formatDateTime } from '../../crm/crm-labels';
import {
  downloadReceipt,
  durationText,
  purgedTotal,
  RUN_STATUS_LABELS,
  rowsText,
  TRIGGER_LABELS,
} from './retention-words';

/** A run's receipt for the organization: what it deleted per category, what holds kept, and when. */
export function RunReceipt({ run, period }: { run: RetentionRun; period: string }) {
  const status = RUN_STATUS_LABELS[run.status];
  const categories = Object.entries(run.purged);
  return (
    <>
      <Table aria-label="Run receipt" withRowBorders={false} verticalSpacing={4}>
        <Table.Tbody>
          <Row label="Status">
            <Badge color={status.color} variant="light">
              {status.label}
            </Badge>
          </Row>
          <Row label="Deleted">{rowsText(purgedTotal(run))}</Row>
          <Row label="Kept by legal holds">{rowsText(run.held)}</Row>
          <Row label="Period in force">
            {period} (<Code>{run.setting}</Code>)
          </Row>
          <Row label="Cut-off">{formatDateTime(run.cutoff)}</Row>
          <Row label="Trigger">{TRIGGER_LABELS[run.trigger]}</Row>
          <Row label="Started">{formatDateTime(run.startedAt)}</Row>
          <Row label="Duration">{durationText(run.durationMs)}</Row>
        </Table.Tbody>
      </Table>
      {categories.length > 0 && <PurgedPerCategory run={run} />}
      <Group justify="flex-end" mt="sm">
        <Button size="xs" variant="default" onClick={() => downloadReceipt(run)}>
          Download receipt (JSON)
        </Button>
      </Group>
    </>
  );
}

export function PurgedPerCategory({ run }: { run: RetentionRun }) {
  const categories = Object.entries(run.purged);
  if (!categories.length) {
    return (
      <Text size="sm" c="dimmed">
        Nothing was deleted in your organization.
      </Text>
    );
  }
  return (
    <Table aria-label="Deleted per category" withTableBorder>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Category</Table.Th>
          <Table.Th ta="right">Deleted</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {categories.map(([category, count]) => (
          <Table.Tr key={category}>
            <Table.Td>
              <Code>{category}</Code>
            </Table.Td>
            <Table.Td ta="right">{formatNumber(count)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th w={170} fw={500} c="dimmed">
        {label}
      </Table.Th>
      <Table.Td>{children}</Table.Td>
    </Table.Tr>
  );
}
