import { Alert, Center, Loader, Table, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Activity } from '../../api/use-clients';
import { useFormat } from '../../i18n/use-locale';
import { actionLabel, fieldLabel } from './crm-labels';

const actorOf = (entry: Activity, t: TFunction) =>
  entry.actorName ??
  (entry.actorKind === 'api_key' ? t('activityLog.anIntegration') : t('activityLog.aFormerColleague'));

/** Who created and changed a record, and which fields: never the values (they are personal data). */
export function ActivityLog({ activity }: { activity: UseQueryResult<{ items: Activity[] }, Error> }) {
  const { t } = useTranslation();
  const { formatDateTime } = useFormat();
  if (activity.isPending) {
    return (
      <Center h={100}>
        <Loader size="sm" aria-label={t('activityLog.loading')} />
      </Center>
    );
  }
  if (activity.isError) {
    return (
      <Alert color="red" title={t('activityLog.loadFailed')} role="alert">
        {activity.error.message}
      </Alert>
    );
  }
  if (activity.data.items.length === 0) {
    return (
      <Text c="dimmed" size="sm">
        {t('common.nothingRecordedYet')}
      </Text>
    );
  }
  return (
    <Table aria-label={t('activityLog.table')} striped>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('activityLog.when')}</Table.Th>
          <Table.Th>{t('activityLog.who')}</Table.Th>
          <Table.Th>{t('activityLog.what')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {activity.data.items.map((entry) => (
          <Table.Tr key={entry.id}>
            <Table.Td>
              <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
            </Table.Td>
            <Table.Td>{actorOf(entry, t)}</Table.Td>
            <Table.Td>
              {actionLabel(entry.action)}
              {entry.fields.length > 0 && ` ${entry.fields.map(fieldLabel).join(', ')}`}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
