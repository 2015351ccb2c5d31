import { Alert, Badge, Card, Loader, Table, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { type SecurityEvent, useSecurityEvents } from '../api/use-audit';
import { useFormat } from '../i18n/use-locale';
import { OUTCOME_LABELS, outcomeLabel, securityActionLabel } from '../labels';
import { deviceOf } from '../user-agent';

/** You did it, or someone tried (or an administrator acted) on your account. */
const whoOf = (event: SecurityEvent, t: TFunction) =>
  event.byYou
    ? t('security.events.byYou')
    : event.outcome === 'success'
      ? t('security.events.onYourAccount')
      : t('security.events.attempt');

/** The account's recent sign-ins and security changes, so a person spots what was not them. */
export function SecurityEventsCard() {
  const events = useSecurityEvents();
  const { t } = useTranslation();
  const { formatDateTime } = useFormat();
  return (
    <Card withBorder>
      <Text fw={600}>{t('security.events.title')}</Text>
      <Text size="sm" c="dimmed" mt={4}>
        {t('security.events.intro')}
      </Text>
      {events.isPending ? (
        <Loader size="sm" mt="sm" aria-label={t('security.events.loading')} />
      ) : events.isError ? (
        <Alert color="red" mt="sm" title={t('security.events.loadFailed')} role="alert">
          {events.error.message}
        </Alert>
      ) : events.data.items.length === 0 ? (
        <Text size="sm" c="dimmed" mt="sm">
          {t('common.nothingRecordedYet')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={600} mt="sm">
          <Table aria-label={t('security.events.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('security.events.when')}</Table.Th>
                <Table.Th>{t('security.events.event')}</Table.Th>
                <Table.Th>{t('security.events.result')}</Table.Th>
                <Table.Th>{t('security.events.ip')}</Table.Th>
                <Table.Th>{t('security.events.device')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {events.data.items.map((event) => {
                const outcome = OUTCOME_LABELS[event.outcome];
                return (
                  <Table.Tr key={event.seq}>
                    <Table.Td>
                      <time dateTime={event.at}>{formatDateTime(event.at)}</time>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{securityActionLabel(event.action)}</Text>
                      <Text size="xs" c={event.byYou ? 'dimmed' : 'orange.8'} fw={event.byYou ? undefined : 600}>
                        {whoOf(event, t)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge color={outcome?.color ?? 'gray'} variant="light">
                        {outcomeLabel(event.outcome)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{event.ip ?? '—'}</Table.Td>
                    <Table.Td title={event.userAgent ?? undefined}>{deviceOf(event.userAgent)}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
