import { BarChart } from '@mantine/charts';
import { Anchor, Card, Group, Loader, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { JobStatus } from '../../api/use-jobs';
import { useJobCounts } from '../../api/use-jobs';
import { useFormat } from '../../i18n/use-locale';
import { JOB_STATUS_LABELS } from '../work/work-labels';

/** Statuses with work still to do, in board order. */
const OPEN: JobStatus[] = ['new', 'scheduled', 'in_progress', 'completed'];

/** Open jobs by status: a bar chart, with the numbers also written out for screen readers and search. */
export function OpenJobsCard() {
  const { t } = useTranslation();
  const { formatNumber } = useFormat();
  const counts = useJobCounts({ branchId: null, assigneeId: null });
  const data = OPEN.map((status) => ({
    status: t(`labels.jobStatus.${status}`),
    jobs: counts.data?.[status] ?? 0,
    color: `${JOB_STATUS_LABELS[status].color}.6`,
  }));
  const total = data.reduce((sum, bar) => sum + bar.jobs, 0);
  return (
    <Card withBorder component="section" aria-labelledby="open-jobs">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="open-jobs">
          {t('home.jobs.title')}
        </Title>
        <Anchor component={Link} to="/jobs" size="sm">
          {t('home.jobs.openBoard')}
        </Anchor>
      </Group>
      {counts.isPending ? (
        <Loader size="sm" aria-label={t('home.jobs.loading')} />
      ) : counts.isError ? (
        <Text c="red" size="sm">
          {t('home.jobs.failed', { message: counts.error.message })}
        </Text>
      ) : total === 0 ? (
        <Text c="dimmed" size="sm">
          {t('home.jobs.empty')}
        </Text>
      ) : (
        <>
          <BarChart
            h={180}
            data={data}
            dataKey="status"
            series={[{ name: 'jobs', label: t('home.jobs.series') }]}
            tickLine="none"
            gridAxis="y"
            withTooltip={false}
            yAxisProps={{ allowDecimals: false, tickFormatter: (value: number) => formatNumber(value) }}
            barChartProps={{ accessibilityLayer: false }}
            aria-hidden
          />
          <Text component="ul" size="sm" aria-label={t('home.jobs.title')} className="home-counts">
            {data.map((bar) => (
              <li key={bar.status}>
                {bar.status}: <strong>{formatNumber(bar.jobs)}</strong>
              </li>
            ))}
          </Text>
        </>
      )}
    </Card>
  );
}
