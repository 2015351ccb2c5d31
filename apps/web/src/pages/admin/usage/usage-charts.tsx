import { BarChart, LineChart } from '@mantine/charts';
import { Card, SimpleGrid, Text, Title } from '@mantine/core';
import type { UsageReport } from '../../../api/use-usage';

/** Page views and features used per day, and visits per day; the totals written out too. */
export function UsageCharts({ report }: { report: UsageReport }) {
  const long = report.days.length > 62;
  const data = report.days.map((day) => ({ ...day, label: long ? day.day : day.day.slice(5) }));
  const total = (key: 'pageViews' | 'features' | 'sessions') => report.days.reduce((sum, day) => sum + day[key], 0);
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      <Card withBorder component="section" aria-labelledby="usage-over-time">
        <Title order={2} size="h4" id="usage-over-time" mb="sm">
          Pages visited and features used
        </Title>
        <LineChart
          h={240}
          data={data}
          dataKey="label"
          series={[
            { name: 'pageViews', label: 'Page views', color: 'blue.6' },
            { name: 'features', label: 'Features used', color: 'teal.6' },
          ]}
          withLegend
          curveType="linear"
          withDots={!long}
          lineChartProps={{ accessibilityLayer: false }}
          aria-hidden
        />
        <Text size="sm" mt="xs">
          {total('pageViews')} page views and {total('features')} uses of features in this period.
        </Text>
      </Card>
      <Card withBorder component="section" aria-labelledby="usage-visits">
        <Title order={2} size="h4" id="usage-visits" mb="sm">
          Visits per day
        </Title>
        <BarChart
          h={240}
          data={data}
          dataKey="label"
          series={[{ name: 'sessions', label: 'Visits', color: 'grape.6' }]}
          barChartProps={{ accessibilityLayer: false }}
          aria-hidden
        />
        <Text size="sm" mt="xs">
          {total('sessions')} visits in this period. A visit is one browser on one day; who visited is never known.
        </Text>
      </Card>
    </SimpleGrid>
  );
}
