import { Alert, Box, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { type Invoice, SUMMARY_LIMIT, useInvoiceSummarySource } from '../../../api/use-invoices';
import { i18n } from '../../../i18n/i18n';
import { useFormat } from '../../../i18n/use-locale';
import type { MoneyBar } from './invoice-money-bars';

// The charts library loads with the chart, not with every page of the app.
const InvoiceMoneyBars = lazy(() => import('./invoice-money-bars'));

/** Where the money of the invoices is: drafted, owed, overdue, paid (void left out). */
function barsOf(invoices: Invoice[]): MoneyBar[] {
  const bars: MoneyBar[] = [
    { key: 'draft', label: i18n.t('invoiceChart.drafts'), color: 'gray', minor: 0, count: 0 },
    { key: 'outstanding', label: i18n.t('invoiceChart.outstanding'), color: 'blue', minor: 0, count: 0 },
    { key: 'overdue', label: i18n.t('invoiceChart.overdue'), color: 'red', minor: 0, count: 0 },
    { key: 'paid', label: i18n.t('invoiceChart.paid'), color: 'teal', minor: 0, count: 0 },
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
  const { t } = useTranslation();
  const { formatMoney } = useFormat();
  if (source.isPending) {
    return (
      <Card withBorder>
        <Loader size="sm" aria-label={t('invoiceChart.loading')} />
      </Card>
    );
  }
  if (source.isError) {
    return (
      <Alert color="red" role="alert" title={t('invoiceChart.loadFailed')}>
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
          {t('invoiceChart.title')}
        </Title>
        <Text size="xs" c="dimmed">
          {complete ? t('invoiceChart.all') : t('invoiceChart.latest', { count: SUMMARY_LIMIT })}
          {clientId ? t('invoiceChart.ofClient') : ''}
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
                aria-label={t('invoiceChart.amountsIn', { currency })}
              >
                {bars.map((bar) => (
                  <Text key={bar.key} component="li" size="sm" miw={150}>
                    {bar.label}: <strong>{formatMoney(bar.minor, currency)}</strong>{' '}
                    <Text span size="xs" c="dimmed">
                      {t('invoiceChart.count', { count: bar.count })}
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
