import { Alert, Card, Loader, Stack, Text, Timeline, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { components } from '#api-client';
import { i18n } from '../../../i18n/i18n';
import { useFormat } from '../../../i18n/use-locale';
import { fieldLabel } from '../work-labels';

type Activity = components['schemas']['ActivityResponseDto'];

const ACTIONS = ['created', 'updated', 'deleted'] as const;

function describe(entry: Activity): string {
  const who =
    entry.actorName ?? i18n.t(entry.actorKind === 'api_key' ? 'workActivity.anIntegration' : 'workActivity.someone');
  const fields = entry.fields.length ? `: ${entry.fields.map(fieldLabel).join(', ')}` : '';
  const known = ACTIONS.find((action) => action === entry.action);
  return known
    ? i18n.t(`workActivity.${known}`, { who, fields })
    : i18n.t('workActivity.other', { action: entry.action, who, fields });
}

/** Who did what to a record, newest first; field names only, never their values. */
export function ActivityLog({
  query,
}: {
  query: { data?: { items: Activity[] }; isPending: boolean; isError: boolean; error: Error | null };
}) {
  const { t } = useTranslation();
  const { formatDateTime } = useFormat();
  return (
    <Card withBorder component="section" aria-labelledby="activity-heading">
      <Title order={2} size="h4" id="activity-heading" mb="sm">
        {t('workActivity.title')}
      </Title>
      {query.isPending ? (
        <Loader size="sm" aria-label={t('workActivity.loading')} />
      ) : query.isError ? (
        <Alert color="red" role="alert" title={t('workActivity.loadFailed')}>
          {query.error?.message}
        </Alert>
      ) : query.data?.items.length ? (
        <Timeline bulletSize={12} lineWidth={2} aria-label={t('workActivity.title')}>
          {[...query.data.items]
            .sort((a, b) => b.at.localeCompare(a.at))
            .map((entry) => (
              <Timeline.Item key={entry.id}>
                <Text size="sm">{describe(entry)}</Text>
                <Text size="xs" c="dimmed">
                  {formatDateTime(entry.at)}
                </Text>
              </Timeline.Item>
            ))}
        </Timeline>
      ) : (
        <Stack>
          <Text size="sm" c="dimmed">
            {t('common.nothingRecordedYet')}
          </Text>
        </Stack>
      )}
    </Card>
  );
}
