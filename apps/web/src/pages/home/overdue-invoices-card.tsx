import { Anchor, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useClientNames } from '../../api/use-client-lookup';
import { useOverdueInvoices } from '../../api/use-dashboard';
import { useFormat } from '../../i18n/use-locale';

/** Issued invoices past their due date with money still owed. */
export function OverdueInvoicesCard() {
  const { t } = useTranslation();
  const { formatCalendarDate, formatMoney } = useFormat();
  const overdue = useOverdueInvoices(true);
  const items = overdue.data?.items ?? [];
  const clients = useClientNames(items.map((invoice) => invoice.clientId));
  return (
    <Card withBorder component="section" aria-labelledby="overdue-invoices">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="overdue-invoices">
          {t('home.overdue.title')}
        </Title>
        <Anchor component={Link} to="/invoices" size="sm">
          {t('home.overdue.all')}
        </Anchor>
      </Group>
      {overdue.isPending ? (
        <Loader size="sm" aria-label={t('home.overdue.loading')} />
      ) : overdue.isError ? (
        <Text c="red" size="sm">
          {t('home.overdue.failed', { message: overdue.error.message })}
        </Text>
      ) : items.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('home.overdue.empty')}
        </Text>
      ) : (
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('home.overdue.title')}>
          {items.map((invoice) => (
            <li key={invoice.id}>
              <Group justify="space-between" wrap="nowrap" mih={44}>
                <div style={{ minWidth: 0 }}>
                  <Anchor component={Link} to={`/invoices/${invoice.id}`} fw={500}>
                    {invoice.displayNumber}
                  </Anchor>
                  <Text size="sm" c="dimmed" truncate>
                    {t('home.overdue.due', {
                      client: (invoice.clientId && clients.get(invoice.clientId)) ?? invoice.billTo?.name ?? '—',
                      date: invoice.dueDate ? formatCalendarDate(invoice.dueDate) : '—',
                    })}
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
          {t('home.overdue.newest', { count: items.length })}
        </Text>
      )}
    </Card>
  );
}
