import '@mantine/charts/styles.css';
import { Badge, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/auth-context';
import { usePermissions } from '../auth/use-permissions';
import { roleLabel } from '../labels';
import { OpenJobsCard } from './home/open-jobs-card';
import { OverdueInvoicesCard } from './home/overdue-invoices-card';
import { RecentActivityCard } from './home/recent-activity-card';
import { TodaysVisitsCard } from './home/todays-visits-card';
import './home/home.css';

/** The day at a glance: each card shows only to those whose role may read what it shows. */
export function HomePage() {
  const { user } = useAuth();
  const { t } = useTranslation();
  const { can } = usePermissions();
  if (!user) return null;
  const cards = [
    can('schedules:read') && <TodaysVisitsCard key="visits" />,
    can('jobs:read') && <OpenJobsCard key="jobs" />,
    can('invoices:read') && <OverdueInvoicesCard key="invoices" />,
    can('communications:read') && <RecentActivityCard key="activity" />,
  ].filter(Boolean);
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t('home.welcome', { name: user.fullName })}</Title>
        <Badge size="lg" variant="light">
          {roleLabel(user.role)}
        </Badge>
      </Group>
      {cards.length > 0 ? (
        <SimpleGrid cols={{ base: 1, md: 2 }}>{cards}</SimpleGrid>
      ) : (
        <Text c="dimmed">
          {t('home.noCards', { email: user.email, jobTitle: user.jobTitle ? ` · ${user.jobTitle}` : '' })}
        </Text>
      )}
    </Stack>
  );
}
