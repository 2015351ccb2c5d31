import { Alert, Group, Loader, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useUsageReport } from '../../../api/use-usage';
import { UsageCharts } from './usage-charts';
import { lastDays, PRESETS, rangeProblem } from './usage-range';
import { UsageTables } from './usage-tables';

/** The usage dashboard: anonymized daily counts of pages visited and features used, for admins. */
export function UsagePage() {
  const [preset, setPreset] = useState<string>('30');
  const [range, setRange] = useState(() => lastDays(30));
  const problem = rangeProblem(range.from, range.to);
  const report = useUsageReport(range, problem === null);
  const choose = (value: string) => {
    setPreset(value);
    setRange(lastDays(Number(value)));
  };
  const edit = (field: 'from' | 'to', value: string) => {
    setPreset('');
    setRange((current) => ({ ...current, [field]: value }));
  };
  const empty = report.data?.days.every((day) => day.pageViews + day.features === 0);
  return (
    <Stack maw={1200}>
      <Title order={1}>Usage</Title>
      <Text size="sm" c="dimmed">
        How the product is used in your organization, counted each night from people who accepted analytics cookies.
        Counts only: no names, addresses or devices are kept, and today is counted tomorrow.
      </Text>
      <Group align="end" wrap="wrap">
        <SegmentedControl aria-label="Period" value={preset} onChange={choose} data={[...PRESETS]} />
        <TextInput
          type="date"
          label="From"
          value={range.from}
          onChange={(event) => edit('from', event.currentTarget.value)}
        />
        <TextInput
          type="date"
          label="To"
          value={range.to}
          onChange={(event) => edit('to', event.currentTarget.value)}
        />
      </Group>
      {problem ? (
        <Alert color="yellow" role="alert">
          {problem}
        </Alert>
      ) : report.isPending ? (
        <Loader size="sm" aria-label="Loading usage" />
      ) : report.isError ? (
        <Alert color="red" role="alert">
          The usage could not be loaded: {report.error.message}
        </Alert>
      ) : empty ? (
        <Alert color="gray" title="No usage counted in this period">
          Counts appear the day after use, and only for people who accepted analytics cookies. Pick a longer period, or
          come back tomorrow.
        </Alert>
      ) : (
        <>
          <UsageCharts report={report.data} />
          <UsageTables report={report.data} />
        </>
      )}
    </Stack>
  );
}
