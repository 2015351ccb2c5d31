import { Button, Group, Modal, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation();
  const [issueDate, setIssueDate] = useState(draft.issueDate || todayIso());
  const [dueDate, setDueDate] = useState(
    draft.dueDate || isoDate(addDays(fromIsoDate(draft.issueDate || todayIso()), 30)),
  );
  const late = dueDate && issueDate && dueDate < issueDate;
  return (
    <Modal opened onClose={onClose} title={t('issueInvoice.title')} centered>
      <Stack>
        <Text size="sm">
          {totalLabel ? t('issueInvoice.total', { total: totalLabel }) : ''}
          {t('issueInvoice.text')}
        </Text>
        <SimpleGrid cols={2}>
          <TextInput
            label={t('issueInvoice.issueDate')}
            type="date"
            value={issueDate}
            onChange={(event) => setIssueDate(event.currentTarget.value)}
          />
          <TextInput
            label={t('issueInvoice.dueDate')}
            type="date"
            value={dueDate}
            min={issueDate}
            onChange={(event) => setDueDate(event.currentTarget.value)}
            error={late ? t('issueInvoice.dueBeforeIssue') : undefined}
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button loading={busy} disabled={Boolean(late)} onClick={() => onIssue({ issueDate, dueDate })}>
            {t('issueInvoice.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
