import { Alert, Badge, Button, Group, Loader, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useId, useState } from 'react';
import { formProblemOf } from '../../api/problems';
import { type ConsentRecord, fetchConsentReceipt, useContactConsents, useRecordConsent } from '../../api/use-consents';
import { saveFile } from '../../components/save-file';
import { applyFieldErrors, type FieldMap, useFirstErrorFocus } from '../../forms/form-errors';
import { CONSENT_SOURCE_LABELS, LAWFUL_BASIS_LABELS, RECORDABLE_ACTIONS, statusOf } from './consent-labels';
import { formatDateTime } from './crm-labels';

const FIELDS: FieldMap = {
  purposeKey: { label: 'Purpose' },
  action: { label: 'What they said' },
  lawfulBasis: { label: 'Lawful basis' },
  source: { label: 'Source' },
};

interface Draft {
  purposeKey: string;
  action: string;
  lawfulBasis: string;
  source: string;
}

/** A contact's consents: the state per purpose, recording a change, the history and the receipt. */
export function ContactConsentsPanel({ contactId, mayWrite }: { contactId: string; mayWrite: boolean }) {
  const consents = useContactConsents(contactId);
  const [downloading, setDownloading] = useState(false);
  if (consents.isPending) return <Loader size="sm" aria-label="Loading consents" />;
  if (consents.isError)
    return (
      <Text c="red" size="sm">
        The consents could not be loaded: {consents.error.message}
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
      notifications.show({ color: 'red', message: `The receipt could not be made: ${(error as Error).message}` });
    } finally {
      setDownloading(false);
    }
  }

  return (
    <Stack>
      <Group justify="space-between">
        <Text size="sm" c="dimmed" maw={520}>
          The latest entry of each purpose decides. Marketing lists and exports leave out anyone without a valid basis.
        </Text>
        <Button size="xs" variant="default" onClick={downloadReceipt} loading={downloading}>
          Download receipt (JSON)
        </Button>
      </Group>
      <Table aria-label="Consent by purpose" style={{ overflowWrap: 'anywhere' }}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Purpose</Table.Th>
            <Table.Th>State</Table.Th>
            <Table.Th visibleFrom="sm">Since</Table.Th>
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
                      {' '}
                      (archived)
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
        History
      </Title>
      {history.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nothing recorded yet.
        </Text>
      ) : (
        <Stack component="ol" gap="xs" aria-label="Consent history" style={{ listStyle: 'none', padding: 0 }}>
          {[...history].reverse().map((entry) => (
            <Text component="li" size="sm" key={entry.id}>
              <strong>{entry.purposeName}</strong>: {statusOf(entry.action).label.toLowerCase()}
              {entry.lawfulBasis ? ` (${LAWFUL_BASIS_LABELS[entry.lawfulBasis] ?? entry.lawfulBasis})` : ''} ·{' '}
              {CONSENT_SOURCE_LABELS[entry.source] ?? entry.source}
              {entry.wordingVersion ? ` · wording v${entry.wordingVersion}` : ''} ·{' '}
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
        notifications.show({ color: 'teal', message: `${purpose}: ${values.action} recorded.` });
      },
      onError: (error) => {
        setElsewhere(applyFieldErrors(form, error, FIELDS));
        focusFirstError();
      },
    });
  }, focusFirstError);

  const problem = formProblemOf(record.error);
  return (
    <form ref={ref} onSubmit={submit} noValidate aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={3} size="h5" id={headingId}>
          Record what they said
        </Title>
        {(problem || elsewhere.length > 0) && (
          <Alert color="red" title={problem?.problem.title ?? 'Not recorded'} role="alert">
            {[problem?.message, ...elsewhere].filter(Boolean).join(' ')}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label="Purpose"
            data={purposes.map((purpose) => ({ value: purpose.purposeKey, label: purpose.purposeName }))}
            allowDeselect={false}
            {...form.getInputProps('purposeKey')}
          />
          <Select
            label="What they said"
            data={RECORDABLE_ACTIONS}
            allowDeselect={false}
            {...form.getInputProps('action')}
          />
          {granting && (
            <Select
              label="Lawful basis"
              data={Object.entries(LAWFUL_BASIS_LABELS).map(([value, label]) => ({ value, label }))}
              allowDeselect={false}
              {...form.getInputProps('lawfulBasis')}
            />
          )}
          <Select
            label="Source"
            data={Object.entries(CONSENT_SOURCE_LABELS)
              .filter(([value]) => value !== 'double-opt-in')
              .map(([value, label]) => ({ value, label }))}
            allowDeselect={false}
            {...form.getInputProps('source')}
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button type="submit" loading={record.isPending}>
            Record
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
