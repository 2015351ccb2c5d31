import { Anchor, Badge, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useClientNames } from '../../api/use-client-lookup';
import { useScheduleWindow } from '../../api/use-schedule';
import { addDays, startOfDay } from '../../i18n/calendar';
import { useFormat, useLocaleSettings } from '../../i18n/use-locale';

/** The signed-in person's calendar for today, each visit opening its job. */
export function TodaysVisitsCard() {
  const { t } = useTranslation();
  const { formatTime } = useFormat();
  // Today is the reader's day in their profile's zone: a new zone is a new day.
  const { timeZone } = useLocaleSettings();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the zone changes what startOfDay returns
  const today = useMemo(() => {
    const from = startOfDay(new Date());
    return { from, to: addDays(from, 1), assigneeId: 'me' };
  }, [timeZone]);
  const entries = useScheduleWindow(today);
  const items = (entries.data?.items ?? []).filter((entry) => entry.status !== 'cancelled');
  const clients = useClientNames(items.map((entry) => entry.clientId));
  return (
    <Card withBorder component="section" aria-labelledby="todays-visits">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="todays-visits">
          {t('home.visits.title')}
        </Title>
        <Anchor component={Link} to="/schedule" size="sm">
          {t('home.visits.openCalendar')}
        </Anchor>
      </Group>
      {entries.isPending ? (
        <Loader size="sm" aria-label={t('home.visits.loading')} />
      ) : entries.isError ? (
        <Text c="red" size="sm">
          {t('home.visits.failed', { message: entries.error.message })}
        </Text>
      ) : items.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('home.visits.empty')}
        </Text>
      ) : (
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('home.visits.title')}>
          {items.map((entry) => {
            const time = `${formatTime(entry.startsAt)}–${formatTime(entry.endsAt)}`;
            const client = entry.clientId ? clients.get(entry.clientId) : undefined;
            return (
              <li key={entry.id}>
                <Group gap="sm" wrap="nowrap" align="flex-start" mih={44}>
                  <Badge variant="light" miw={96} style={{ flexShrink: 0 }}>
                    {time}
                  </Badge>
                  <div style={{ minWidth: 0 }}>
                    {entry.jobId ? (
                      <Anchor component={Link} to={`/jobs/${entry.jobId}`} fw={500}>
                        {entry.title}
                      </Anchor>
                    ) : (
                      <Text fw={500}>{entry.title}</Text>
                    )}
                    {client && (
                      <Text size="sm" c="dimmed" truncate>
                        {client}
                      </Text>
                    )}
                  </div>
                </Group>
              </li>
            );
          })}
        </Stack>
      )}
    </Card>
  );
}
