import { BarChart } from '@mantine/charts';
import { Anchor, Card, Group, Loader, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { JobStatus } from '../../api/use-jobs';
import { useJobCounts } from '../../api/use-jobs';
import { JOB_STATUS_LABELS } from '../work/work-labels';

/** Statuses with work still to do, in board order. */
const OPEN: JobStatus[] = ['new', 'scheduled', 'in_progress', 'completed'];

/** Open jobs by status: a bar chart, with the numbers also written out for screen readers and search. */
export function OpenJobsCard() {
  const counts = useJobCounts({ branchId: null, assigneeId: null });
  const data = OPEN.map((status) => ({
    status: JOB_STATUS_LABELS[status].label,
    jobs: counts.data?.[status] ?? 0,
    color: `${JOB_STATUS_LABELS[status].color}.6`,
  }));
  const total = data.reduce((sum, bar) => sum + bar.jobs, 0);
  return (
    <Card withBorder component="section" aria-labelledby="open-jobs">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="open-jobs">
          Open jobs by status
        </Title>
        <Anchor component={Link} to="/jobs" size="sm">
          Open the board
        </Anchor>
      </Group>
      {counts.isPending ? (
        <Loader size="sm" aria-label="Loading the job counts" />
      ) : counts.isError ? (
        <Text c="red" size="sm">
          The job counts could not be loaded: {counts.error.message}
        </Text>
      ) : total === 0 ? (
        <Text c="dimmed" size="sm">
          No open jobs.
        </Text>
      ) : (
        <>
          <BarChart
            h={180}
            data={data}
            dataKey="status"
            series={[{ name: 'jobs', label: 'Jobs' }]}
            tickLine="none"
            gridAxis="y"
            withTooltip={false}
            yAxisProps={{ allowDecimals: false }}
            barChartProps={{ accessibilityLayer: false }}
            aria-hidden
          />
          <Text component="ul" size="sm" aria-label="Open jobs by status" className="home-counts">
            {data.map((bar) => (
              <li key={bar.status}>
                {bar.status}: <strong>{bar.jobs}</strong>
              </li>
            ))}
          </Text>
        </>
      )}
    </Card>
  );
}
