import { Button, Group, Modal, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { addDays, fromIsoDate, isoDate, todayIso } from '../dates';
import type { Draft } from './invoice-draft';

/** "Issue this invoice?": the last look at the dates before the totals are frozen. */
export function IssueModal({
  draft,
  totalLabel,
  busy,
  onClose,
  onIssue,
}: {
  draft: Draft;
  totalLabel?: string;
  busy: boolean;
  onClose: () => void;
  onIssue: (dates: { issueDate: string; dueDate: string }) => void;
}) {
  const [issueDate, setIssueDate] = useState(draft.issueDate || todayIso());
  const [dueDate, setDueDate] = useState(
    draft.dueDate || isoDate(addDays(fromIsoDate(draft.issueDate || todayIso()), 30)),
  );
  const late = dueDate && issueDate && dueDate < issueDate;
  return (
    <Modal opened onClose={onClose} title="Issue this invoice?" centered>
      <Stack>
        <Text size="sm">
          {totalLabel ? `It will be issued for ${totalLabel}. ` : ''}Once issued, its lines and totals are frozen with
          the tax policy in effect on the issue date: it can no longer be edited, only paid or voided.
        </Text>
        <SimpleGrid cols={2}>
          <TextInput
            label="Issue date"
            type="date"
            value={issueDate}
            onChange={(event) => setIssueDate(event.currentTarget.value)}
          />
          <TextInput
            label="Due date"
            type="date"
            value={dueDate}
            min={issueDate}
            onChange={(event) => setDueDate(event.currentTarget.value)}
            error={late ? 'The due date cannot be before the issue date' : undefined}
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button loading={busy} disabled={Boolean(late)} onClick={() => onIssue({ issueDate, dueDate })}>
            Issue invoice
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
