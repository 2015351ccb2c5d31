import { BarChart } from '@mantine/charts';
import { Card, SimpleGrid, Text, Title } from '@mantine/core';
import { usePrivacyRequestStats } from '../../../api/use-privacy-requests';
import { REQUEST_TYPE_LABELS, requestTypeLabel } from '../../../labels';

const COLORS = ['blue.6', 'teal.6', 'red.6', 'grape.6', 'orange.6', 'cyan.6', 'pink.6', 'lime.6', 'indigo.6'];

/** Requests received per month by type, and mean days to close per type; the figures written out too. */
export function RequestsChart() {
  const stats = usePrivacyRequestStats(12);
  const rows = stats.data?.rows ?? [];
  const types = Object.keys(REQUEST_TYPE_LABELS).filter((type) => rows.some((row) => row.type === type));
  const byMonth = new Map<string, Record<string, number | string>>();
  for (const row of rows) {
    const entry = byMonth.get(row.month) ?? { month: row.month };
    entry[row.type] = row.received;
    byMonth.set(row.month, entry);
  }
  const closing = types.map((type) => {
    const closed = rows.filter((row) => row.type === type && row.daysToClose !== null);
    const count = closed.reduce((sum, row) => sum + row.closed, 0);
    const days = count ? closed.reduce((sum, row) => sum + (row.daysToClose ?? 0) * row.closed, 0) / count : null;
    return { type: requestTypeLabel(type), days: days === null ? 0 : Math.round(days * 10) / 10, count };
  });
  return (
    <Card withBorder component="section" aria-labelledby="requests-chart">
      <Title order={2} size="h4" id="requests-chart" mb="sm">
        Requests by type and time to close (12 months)
      </Title>
      {stats.isPending ? (
        <Text size="sm">Loading…</Text>
      ) : stats.isError ? (
        <Text c="red" size="sm">
          The figures could not be loaded: {stats.error.message}
        </Text>
      ) : rows.length === 0 ? (
        <Text c="dimmed" size="sm">
          No verified requests in the last 12 months.
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <BarChart
            h={220}
            data={[...byMonth.values()]}
            dataKey="month"
            type="stacked"
            series={types.map((type, index) => ({
              name: type,
              label: requestTypeLabel(type),
              color: COLORS[index % COLORS.length],
            }))}
            withLegend
            barChartProps={{ accessibilityLayer: false }}
            aria-hidden
          />
          <BarChart
            h={220}
            data={closing}
            dataKey="type"
            unit=" d"
            series={[{ name: 'days', label: 'Mean days to close', color: 'teal.6' }]}
            barChartProps={{ accessibilityLayer: false }}
            aria-hidden
          />
        </SimpleGrid>
      )}
      <Text component="ul" size="sm" aria-label="Requests by type">
        {closing.map((entry) => (
          <li key={entry.type}>
            {entry.type}:{' '}
            {rows.filter((row) => requestTypeLabel(row.type) === entry.type).reduce((s, r) => s + r.received, 0)}{' '}
            received, {entry.count} closed{entry.count ? `, ${entry.days} days to close on average` : ''}
          </li>
        ))}
      </Text>
    </Card>
  );
}
