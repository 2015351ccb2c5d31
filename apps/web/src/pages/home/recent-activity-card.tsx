import { Anchor, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useClientNames } from '../../api/use-client-lookup';
import { useRecentCommunications } from '../../api/use-dashboard';
import { useFormat } from '../../i18n/use-locale';
import { communicationKindLabel, directionLabel } from '../crm/crm-labels';

/** The latest calls, emails, meetings and notes logged across the caller's clients. */
export function RecentActivityCard() {
  const { t } = useTranslation();
  const { formatRelative, formatDateTime } = useFormat();
  const recent = useRecentCommunications(true);
  const items = recent.data?.items ?? [];
  const clients = useClientNames(items.map((entry) => entry.clientId));
  return (
    <Card withBorder component="section" aria-labelledby="recent-activity">
      <Title order={2} size="h4" id="recent-activity" mb="sm">
        {t('home.activity.title')}
      </Title>
      {recent.isPending ? (
        <Loader size="sm" aria-label={t('home.activity.loading')} />
      ) : recent.isError ? (
        <Text c="red" size="sm">
          {t('home.activity.failed', { message: recent.error.message })}
        </Text>
      ) : items.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('home.activity.empty')}
        </Text>
      ) : (
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('home.activity.title')}>
          {items.map((entry) => {
            const client = entry.clientId ? clients.get(entry.clientId) : undefined;
            const what = `${communicationKindLabel(entry.kind)} (${directionLabel(entry.direction).toLowerCase()})`;
            return (
              <li key={entry.id}>
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  <div style={{ minWidth: 0 }}>
                    <Text fw={500} truncate>
                      {entry.subject ?? what}
                    </Text>
                    <Text size="sm" c="dimmed">
                      {what}
                      {entry.authorName ? t('home.activity.by', { name: entry.authorName }) : ''}
                      {client && entry.clientId && (
                        <>
                          {' · '}
                          <Anchor component={Link} to={`/clients/${entry.clientId}`} inherit underline="always">
                            {client}
                          </Anchor>
                        </>
                      )}
                    </Text>
                  </div>
                  <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }} title={formatDateTime(entry.occurredAt)}>
                    <time dateTime={entry.occurredAt}>{formatRelative(entry.occurredAt)}</time>
                  </Text>
                </Group>
              </li>
            );
          })}
        </Stack>
      )}
    </Card>
  );
}
