import { Alert, Box, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { type Invoice, SUMMARY_LIMIT, useInvoiceSummarySource } from '../../../api/use-invoices';
import { formatMoney } from '../money';
import '../work.css';

interface Bar {
  key: string;
  label: string;
  color: string;
  minor: number;
  count: number;
}

/** Where the money of the invoices is: drafted, owed, overdue, paid (void left out). */
function barsOf(invoices: Invoice[]): Bar[] {
  const bars: Bar[] = [
    { key: 'draft', label: 'Drafts', color: 'gray', minor: 0, count: 0 },
    { key: 'outstanding', label: 'Outstanding', color: 'blue', minor: 0, count: 0 },
    { key: 'overdue', label: 'Overdue', color: 'red', minor: 0, count: 0 },
    { key: 'paid', label: 'Paid', color: 'teal', minor: 0, count: 0 },
  ];
  const add = (key: string, minor: number) => {
    const bar = bars.find((candidate) => candidate.key === key) as Bar;
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
 * A bar chart of amounts by state, one per currency, in plain accessible markup: each bar
 * is a row of a list with its amount written out, so a screen reader reads the numbers.
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
          const largest = Math.max(...bars.map((bar) => bar.minor), 1);
          return (
            <Box key={currency}>
              {currencies.length > 1 && (
                <Text size="sm" fw={600} mb={4}>
                  {currency}
                </Text>
              )}
              <Stack
                gap={6}
                component="ul"
                p={0}
                m={0}
                style={{ listStyle: 'none' }}
                aria-label={`Amounts in ${currency}`}
              >
                {bars.map((bar) => (
                  <Group key={bar.key} component="li" gap="sm" wrap="nowrap">
                    <Text size="sm" w={100} style={{ flexShrink: 0 }}>
                      {bar.label}
                    </Text>
                    <Box style={{ flex: 1 }} h={18} bg="var(--mantine-color-default-hover)" aria-hidden>
                      <Box
                        className="work-bar"
                        h="100%"
                        w={`${(bar.minor / largest) * 100}%`}
                        bg={`var(--mantine-color-${bar.color}-filled)`}
                        style={{ borderRadius: 3 }}
                      />
                    </Box>
                    <Text size="sm" w={130} ta="right" fw={500} style={{ flexShrink: 0 }}>
                      {formatMoney(bar.minor, currency)}
                    </Text>
                    <Text size="xs" c="dimmed" w={80} style={{ flexShrink: 0 }}>
                      {bar.count} {bar.count === 1 ? 'invoice' : 'invoices'}
                    </Text>
                  </Group>
                ))}
              </Stack>
            </Box>
          );
        })}
      </Stack>
    </Card>
  );
}
