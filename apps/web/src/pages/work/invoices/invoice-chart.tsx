import { Alert, Box, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { type Invoice, SUMMARY_LIMIT, useInvoiceSummarySource } from '../../../api/use-invoices';
import { formatMoney } from '../money';
import type { MoneyBar } from './invoice-money-bars';

// The charts library loads with the chart, not with every page of the app.
const InvoiceMoneyBars = lazy(() => import('./invoice-money-bars'));

/** Where the money of the invoices is: drafted, owed, overdue, paid (void left out). */
function barsOf(invoices: Invoice[]): MoneyBar[] {
  const bars: MoneyBar[] = [
    { key: 'draft', label: 'Drafts', color: 'gray', minor: 0, count: 0 },
    { key: 'outstanding', label: 'Outstanding', color: 'blue', minor: 0, count: 0 },
    { key: 'overdue', label: 'Overdue', color: 'red', minor: 0, count: 0 },
    { key: 'paid', label: 'Paid', color: 'teal', minor: 0, count: 0 },
  ];
  const add = (key: string, minor: number) => {
    const bar = bars.find((candidate) => candidate.key === key) as MoneyBar;
    bar.minor += minor;
    bar.count += 1;
  };
  for (const invoice of invoices) {
    if (invoice.status === 'draft') add('draft', invoice.totalMinor);
    if (invoice.status === 'issued') add(invoice.overdue ? 'overdue' : 'outstanding', invoice.balanceMinor);
    // Part-payments of issued invoices are money in too.
    if (invoice.paidMinor > 0 && invoice.status !== 'void') add('paid', invoice.paidMinor);
  }
  return bars;
}

/**
 * A bar chart of amounts by state, one per currency (@mantine/charts), with each amount
 * also written out in a list, so a screen reader reads the numbers.
 */
export function InvoiceChart({ clientId }: { clientId: string | null }) {
  const source = useInvoiceSummarySource(clientId);
  if (source.isPending) {
    return (
      <Card withBorder>
        <Loader size="sm" aria-label="Loading the invoice summary" />
      </Card>
    );
  }
  if (source.isError) {
    return (
      <Alert color="red" role="alert" title="Could not load the summary">
        {source.error.message}
      </Alert>
    );
  }
  const { items, complete } = source.data;
  const currencies = [...new Set(items.map((invoice) => invoice.currency))];
  if (currencies.length === 0) return null;
  return (
    <Card withBorder component="section" aria-labelledby="invoice-summary-heading">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id="invoice-summary-heading">
          Where the money is
        </Title>
        <Text size="xs" c="dimmed">
          {complete ? 'All invoices' : `The latest ${SUMMARY_LIMIT} invoices`}
          {clientId ? ' of this client' : ''}
        </Text>
      </Group>
      <Stack gap="md">
        {currencies.map((currency) => {
          const bars = barsOf(items.filter((invoice) => invoice.currency === currency));
          return (
            <Box key={currency}>
              {currencies.length > 1 && (
                <Text size="sm" fw={600} mb={4}>
                  {currency}
                </Text>
              )}
              <Suspense fallback={<Box h={150} />}>
                <InvoiceMoneyBars bars={bars} currency={currency} />
              </Suspense>
              <Group
                component="ul"
                gap="xs"
                p={0}
                m={0}
                mt="xs"
                style={{ listStyle: 'none' }}
                aria-label={`Amounts in ${currency}`}
              >
                {bars.map((bar) => (
                  <Text key={bar.key} component="li" size="sm" miw={150}>
                    {bar.label}: <strong>{formatMoney(bar.minor, currency)}</strong>{' '}
                    <Text span size="xs" c="dimmed">
                      ({bar.count} {bar.count === 1 ? 'invoice' : 'invoices'})
                    </Text>
                  </Text>
                ))}
              </Group>
            </Box>
          );
        })}
      </Stack>
    </Card>
  );
}
