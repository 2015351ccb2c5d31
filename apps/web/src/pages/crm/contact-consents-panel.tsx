import { Alert, Badge, Button, Group, Loader, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formProblemOf } from '../../api/problems';
import { type ConsentRecord, fetchConsentReceipt, useContactConsents, useRecordConsent } from '../../api/use-consents';
import { saveFile } from '../../components/save-file';
import { applyFieldErrors, type FieldMap, useFirstErrorFocus } from '../../forms/form-errors';
import { useFormat } from '../../i18n/use-locale';
import {
  CONSENT_SOURCE_LABELS,
  consentSourceLabel,
  LAWFUL_BASIS_LABELS,
  lawfulBasisLabel,
  RECORDABLE_ACTIONS,
  statusOf,
} from './consent-labels';

interface Draft {
  purposeKey: string;
  action: string;
  lawfulBasis: string;
  source: string;
}

/** A contact's consents: the state per purpose, recording a change, the history and the receipt. */
export function ContactConsentsPanel({ contactId, mayWrite }: { contactId: string; mayWrite: boolean }) {
  const consents = useContactConsents(contactId);
  const { t } = useTranslation();
  const { formatDateTime } = useFormat();
  const [downloading, setDownloading] = useState(false);
  if (consents.isPending) return <Loader size="sm" aria-label={t('consentPanel.loading')} />;
  if (consents.isError)
    return (
      <Text c="red" size="sm">
        {t('consentPanel.loadFailed', { message: consents.error.message })}
      </Text>
    );
  const { purposes, history } = consents.data;

  async function downloadReceipt() {
    setDownloading(true);
    try {
      const receipt = await fetchConsentReceipt(contactId);
      saveFile(
        new Blob([JSON.stringify(receipt, null, 2)], { type: 'application/json' }),
        `consent-receipt-${contactId}.json`,
      );
    } catch (error) {
      notifications.show({
        color: 'red',
        message: t('consentPanel.receiptFailed', { message: (error as Error).message }),
      });
    } finally {
      setDownloading(false);
    }
  }

  return (
    <Stack>
      <Group justify="space-between">
        <Text size="sm" c="dimmed" maw={520}>
          {t('consentPanel.intro')}
        </Text>
        <Button size="xs" variant="default" onClick={downloadReceipt} loading={downloading}>
          {t('consentPanel.downloadReceipt')}
        </Button>
      </Group>
      <Table aria-label={t('consentPanel.table')} style={{ overflowWrap: 'anywhere' }}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('consentPanel.purpose')}</Table.Th>
            <Table.Th>{t('consentPanel.state')}</Table.Th>
            <Table.Th visibleFrom="sm">{t('consentPanel.since')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {purposes.map((purpose) => {
            const status = statusOf(purpose.status);
            return (
              <Table.Tr key={purpose.purposeKey} data-purpose={purpose.purposeKey}>
                <Table.Td>
                  {purpose.purposeName}
                  {purpose.archived && (
                    <Text span size="xs" c="dimmed">
                      {t('consentPanel.archived')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Badge color={status.color} variant="light">
                    {status.label}
                  </Badge>
                </Table.Td>
                <Table.Td visibleFrom="sm">{purpose.since ? formatDateTime(purpose.since) : '—'}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {mayWrite && <RecordConsentForm contactId={contactId} purposes={purposes.filter((p) => !p.archived)} />}
      <Title order={3} size="h5">
        {t('consentPanel.history')}
      </Title>
      {history.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('common.nothingRecordedYet')}
        </Text>
      ) : (
        <Stack
          component="ol"
          gap="xs"
          aria-label={t('consentPanel.historyList')}
          style={{ listStyle: 'none', padding: 0 }}
        >
          {[...history].reverse().map((entry) => (
            <Text component="li" size="sm" key={entry.id}>
              <strong>{entry.purposeName}</strong>: {statusOf(entry.action).label.toLowerCase()}
              {entry.lawfulBasis ? ` (${lawfulBasisLabel(entry.lawfulBasis)})` : ''} ·{' '}
              {consentSourceLabel(entry.source)}
              {entry.wordingVersion ? t('consentPanel.wording', { version: entry.wordingVersion }) : ''} ·{' '}
              <Text span c="dimmed" size="sm">
                {formatDateTime(entry.recordedAt)}
              </Text>
            </Text>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function RecordConsentForm({
  contactId,
  purposes,
}: {
  contactId: string;
  purposes: Array<{ purposeKey: string; purposeName: string }>;
}) {
  const record = useRecordConsent(contactId);
  const { t } = useTranslation();
  const fields: FieldMap = {
    purposeKey: { label: t('consentPanel.purpose') },
    action: { label: t('consentPanel.whatTheySaid') },
    lawfulBasis: { label: t('consentPanel.lawfulBasis') },
    source: { label: t('consentPanel.source') },
  };
  const { ref, focusFirstError } = useFirstErrorFocus();
  const [elsewhere, setElsewhere] = useState<string[]>([]);
  const headingId = useId();
  const fresh: Draft = {
    purposeKey: purposes[0]?.purposeKey ?? '',
    action: 'granted',
    lawfulBasis: 'consent',
    source: 'phone',
  };
  const form = useForm<Draft>({ initialValues: fresh });
  const granting = form.values.action === 'granted';

  const submit = form.onSubmit((values) => {
    setElsewhere([]);
    const body: ConsentRecord = {
      purposeKey: values.purposeKey,
      action: values.action as ConsentRecord['action'],
      source: values.source as ConsentRecord['source'],
      ...(values.action === 'granted' ? { lawfulBasis: values.lawfulBasis as ConsentRecord['lawfulBasis'] } : {}),
    };
    record.mutate(body, {
      onSuccess: () => {
        const purpose = purposes.find((p) => p.purposeKey === values.purposeKey)?.purposeName ?? values.purposeKey;
        notifications.show({
          color: 'teal',
          message: t('consentPanel.recorded', { purpose, action: statusOf(values.action).label }),
        });
      },
      onError: (error) => {
        setElsewhere(applyFieldErrors(form, error, fields));
        focusFirstError();
      },
    });
  }, focusFirstError);

  const problem = formProblemOf(record.error);
  return (
    <form ref={ref} onSubmit={submit} noValidate aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={3} size="h5" id={headingId}>
          {t('consentPanel.recordTitle')}
        </Title>
        {(problem || elsewhere.length > 0) && (
          <Alert color="red" title={problem?.problem.title ?? t('consentPanel.notRecorded')} role="alert">
            {[problem?.message, ...elsewhere].filter(Boolean).join(' ')}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label={t('consentPanel.purpose')}
            data={purposes.map((purpose) => ({ value: purpose.purposeKey, label: purpose.purposeName }))}
            allowDeselect={false}
            {...form.getInputProps('purposeKey')}
          />
          <Select
            label={t('consentPanel.whatTheySaid')}
            data={RECORDABLE_ACTIONS.map(({ value }) => ({ value, label: statusOf(value).label }))}
            allowDeselect={false}
            {...form.getInputProps('action')}
          />
          {granting && (
            <Select
              label={t('consentPanel.lawfulBasis')}
              data={Object.keys(LAWFUL_BASIS_LABELS).map((value) => ({ value, label: lawfulBasisLabel(value) }))}
              allowDeselect={false}
              {...form.getInputProps('lawfulBasis')}
            />
          )}
          <Select
            label={t('consentPanel.source')}
            data={Object.keys(CONSENT_SOURCE_LABELS)
              .filter((value) => value !== 'double-opt-in')
              .map((value) => ({ value, label: consentSourceLabel(value) }))}
            allowDeselect={false}
            {...form.getInputProps('source')}
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button type="submit" loading={record.isPending}>
            {t('consentPanel.record')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
