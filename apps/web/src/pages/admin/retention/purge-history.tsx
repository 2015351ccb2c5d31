import { Badge, Button, Group, Select, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { Fragment, useState } from 'react';
import { type RetentionRule, type RetentionRun, useRetentionRuns } from '../../../api/use-retention';
import { LoadMoreButton } from '../../../components/load-more-button';
import { formatNumber } from '../../../i18n/format';
import { formatDateTime } from '../../crm/crm-labels';
import {
  downloadReceipt,
  durationText,
  periodText,
  purgedTotal,
  RUN_STATUS_LABELS,
  TRIGGER_LABELS,
} from './retention-words';
import { PurgedPerCategory } from './run-receipt';

const COLUMNS = 9;

/** Every run that touched the organization, newest first, with its receipt. */
export function PurgeHistory({ rules }: { rules: RetentionRule[] }) {
  const [rule, setRule] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const runs = useRetentionRuns(rule);
  const items = runs.data?.pages.flatMap((page) => page.items) ?? [];
  const total = runs.data?.pages[0]?.total;
  const byKey = new Map(rules.map((entry) => [entry.key, entry]));
  const period = (run: RetentionRun) => {
    const known = byKey.get(run.rule);
    return known ? periodText(run.settingValue, known.unit) : String(run.settingValue);
  };

  return (
    <Stack>
      <Group justify="space-between" align="end">
        <Title order={2} size="h3">
          Purge history
        </Title>
        <Group gap="xs" align="end">
          <Select
            label="Rule"
            placeholder="Every rule"
            clearable
            data={rules.map((entry) => ({ value: entry.key, label: entry.title }))}
            value={rule}
            onChange={setRule}
            w={260}
          />
          <Button variant="default" loading={runs.isRefetching} onClick={() => void runs.refetch()}>
            Refresh
          </Button>
        </Group>
      </Group>
      <Text size="sm" c="dimmed">
        Each run fixes its cut-off when it starts and counts what it deleted in your organization. Scheduled runs cover
        every organization; yours shows your counts only.
        {total !== undefined && ` ${formatNumber(total)} ${total === 1 ? 'run' : 'runs'}.`}
      </Text>
      <Table.ScrollContainer minWidth={900}>
        <Table aria-label="Purge history" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Started</Table.Th>
              <Table.Th>Rule</Table.Th>
              <Table.Th>Trigger</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th ta="right">Deleted</Table.Th>
              <Table.Th ta="right">Held</Table.Th>
              <Table.Th>Period (cut-off)</Table.Th>
              <Table.Th>Duration</Table.Th>
              <Table.Th>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((run) => {
              const status = RUN_STATUS_LABELS[run.status];
              const expanded = open === run.id;
              const title = byKey.get(run.rule)?.title ?? run.rule;
              return (
                <Fragment key={run.id}>
                  <Table.Tr>
                    <Table.Td>{formatDateTime(run.startedAt)}</Table.Td>
                    <Table.Td>{title}</Table.Td>
                    <Table.Td>{TRIGGER_LABELS[run.trigger]}</Table.Td>
                    <Table.Td>
                      <Badge color={status.color} variant="light">
                        {status.label}
                      </Badge>
                    </Table.Td>
                    <Table.Td ta="right">{formatNumber(purgedTotal(run))}</Table.Td>
                    <Table.Td ta="right">{formatNumber(run.held)}</Table.Td>
                    <Table.Td>
                      {period(run)}
                      <Text size="xs" c="dimmed">
                        before {formatDateTime(run.cutoff)}
                      </Text>
                    </Table.Td>
                    <Table.Td>{durationText(run.durationMs)}</Table.Td>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        <Button
                          size="xs"
                          variant="subtle"
                          aria-expanded={expanded}
                          aria-controls={`run-${run.id}`}
                          onClick={() => setOpen(expanded ? null : run.id)}
                        >
                          {expanded ? 'Hide details' : 'Details'}
                        </Button>
                        <Button size="xs" variant="default" onClick={() => downloadReceipt(run)}>
                          Download receipt
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                  {expanded && (
                    <Table.Tr id={`run-${run.id}`}>
                      <Table.Td colSpan={COLUMNS}>
                        <PurgedPerCategory run={run} />
                      </Table.Td>
                    </Table.Tr>
                  )}
                </Fragment>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {runs.isSuccess && items.length === 0 && (
        <Text c="dimmed" size="sm">
          No runs yet{rule ? ' of this rule' : ''}. Scheduled runs appear here after their first night.
        </Text>
      )}
      <LoadMoreButton list={runs} />
    </Stack>
  );
}
