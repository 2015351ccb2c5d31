import { LineChart } from '@mantine/charts';
import { Card, Group, Loader, SegmentedControl, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useConsentRates } from '../../../api/use-consents';

const COLORS = ['teal.6', 'blue.6', 'grape.6', 'orange.6', 'cyan.6', 'pink.6', 'lime.6', 'indigo.6'];
const DAY_MS = 86_400_000;
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** Share of asked contacts with a valid basis, per purpose over time; the latest figures written out too. */
export function ConsentRatesChart() {
  const [span, setSpan] = useState<'30' | '90' | '365'>('30');
  const to = isoDay(new Date());
  const from = isoDay(new Date(Date.now() - (Number(span) - 1) * DAY_MS));
  const rates = useConsentRates({ from, to, interval: span === '30' ? 'day' : 'week' });
  const purposes = rates.data?.purposes ?? [];
  const byPeriod = new Map<string, Record<string, number | string | null>>();
  for (const point of rates.data?.points ?? []) {
    const row = byPeriod.get(point.periodStart) ?? { period: point.periodStart.slice(5) };
    row[point.purposeKey] = point.rate === null ? null : Math.round(point.rate * 100);
    byPeriod.set(point.periodStart, row);
  }
  const data = [...byPeriod.values()];
  const lastPeriod = rates.data?.points.at(-1)?.periodStart;
  const current = (rates.data?.points ?? []).filter((point) => point.periodStart === lastPeriod);
  return (
    <Card withBorder component="section" aria-labelledby="consent-rates">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="consent-rates">
          Consent rates by purpose
        </Title>
        <SegmentedControl
          size="xs"
          aria-label="Time span"
          value={span}
          onChange={(value) => setSpan(value as typeof span)}
          data={[
            { value: '30', label: '30 days' },
            { value: '90', label: '90 days' },
            { value: '365', label: 'Year' },
          ]}
        />
      </Group>
      {rates.isPending ? (
        <Loader size="sm" aria-label="Loading consent rates" />
      ) : rates.isError ? (
        <Text c="red" size="sm">
          The consent rates could not be loaded: {rates.error.message}
        </Text>
      ) : (
        <>
          <LineChart
            h={220}
            data={data}
            dataKey="period"
            unit="%"
            yAxisProps={{ domain: [0, 100] }}
            series={purposes.map((purpose, index) => ({
              name: purpose.key,
              label: purpose.name,
              color: COLORS[index % COLORS.length],
            }))}
            withLegend
            connectNulls
            curveType="linear"
            withDots={false}
            lineChartProps={{ accessibilityLayer: false }}
            aria-hidden
          />
          <Text size="sm" c="dimmed" mt="xs">
            Of the contacts asked about a purpose, the share whose latest answer is a grant or a confirmed opt-in.
          </Text>
          <Text component="ul" size="sm" aria-label="Current consent rates">
            {current.map((point) => (
              <li key={point.purposeKey}>
                {purposes.find((purpose) => purpose.key === point.purposeKey)?.name ?? point.purposeKey}:{' '}
                <strong>{point.validContacts}</strong> of {point.recordedContacts}
                {point.rate === null ? '' : ` (${Math.round(point.rate * 100)} %)`}
              </li>
            ))}
          </Text>
        </>
      )}
    </Card>
  );
}
