import { Anchor, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useClientNames } from '../../api/use-client-lookup';
import { useOverdueInvoices } from '../../api/use-dashboard';
import { formatIsoDate } from '../work/dates';
import { formatMoney } from '../work/money';

/** Issued invoices past their due date with money still owed. */
export function OverdueInvoicesCard() {
  const overdue = useOverdueInvoices(true);
  const items = overdue.data?.items ?? [];
  const clients = useClientNames(items.map((invoice) => invoice.clientId));
  return (
    <Card withBorder component="section" aria-labelledby="overdue-invoices">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="overdue-invoices">
          Overdue invoices
        </Title>
        <Anchor component={Link} to="/invoices" size="sm">
          All invoices
        </Anchor>
      </Group>
      {overdue.isPending ? (
        <Loader size="sm" aria-label="Loading overdue invoices" />
      ) : overdue.isError ? (
        <Text c="red" size="sm">
          Overdue invoices could not be loaded: {overdue.error.message}
        </Text>
      ) : items.length === 0 ? (
        <Text c="dimmed" size="sm">
          Nothing overdue.
        </Text>
      ) : (
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Overdue invoices">
          {items.map((invoice) => (
            <li key={invoice.id}>
              <Group justify="space-between" wrap="nowrap" mih={44}>
                <div style={{ minWidth: 0 }}>
                  <Anchor component={Link} to={`/invoices/${invoice.id}`} fw={500}>
                    {invoice.displayNumber}
                  </Anchor>
                  <Text size="sm" c="dimmed" truncate>
                    {(invoice.clientId && clients.get(invoice.clientId)) ?? invoice.billTo?.name ?? '—'} · due{' '}
                    {formatIsoDate(invoice.dueDate)}
                  </Text>
                </div>
                <Text fw={600} c="red.8" style={{ whiteSpace: 'nowrap' }}>
                  {formatMoney(invoice.balanceMinor, invoice.currency)}
                </Text>
              </Group>
            </li>
          ))}
        </Stack>
      )}
      {overdue.data?.nextCursor && (
        <Text size="xs" c="dimmed" mt="xs">
          The newest {items.length} are shown; the invoices page lists them all.
        </Text>
      )}
    </Card>
  );
}
