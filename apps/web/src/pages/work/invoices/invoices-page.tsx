import { Alert, Anchor, Badge, Button, Center, Group, Loader, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type InvoiceFilters, type InvoiceStatus, useInvoiceList } from '../../../api/use-invoices';
import { usePermissions } from '../../../auth/use-permissions';
import { LoadMoreButton } from '../../../components/load-more-button.js';
import { useFormat } from '../../../i18n/use-locale';
import { ClientPicker } from '../shared/client-picker';
import { INVOICE_STATUS_LABELS } from '../work-labels';
import { InvoiceChart } from './invoice-chart';

type Tab = 'all' | InvoiceStatus | 'overdue';

const TABS: Tab[] = ['all', 'draft', 'issued', 'overdue', 'paid', 'void'];

/** Invoices, newest first: by state and client, with what is owed at a glance. */
export function InvoicesPage() {
  const { can } = usePermissions();
  const { t } = useTranslation();
  const { formatCalendarDate, formatMoney } = useFormat();
  const formatIsoDate = (value: string | null | undefined) => (value ? formatCalendarDate(value) : '—');
  const [tab, setTab] = useState<Tab>('all');
  const [clientId, setClientId] = useState<string | null>(null);
  const filters: InvoiceFilters = {
    status: tab === 'all' || tab === 'overdue' ? null : tab,
    overdue: tab === 'overdue',
    clientId,
  };
  const list = useInvoiceList(filters);
  const invoices = list.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Stack maw={1200}>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>{t('invoices.title')}</Title>
          <Text c="dimmed" size="sm">
            {t('invoices.intro')}
          </Text>
        </div>
        {can('invoices:write') && (
          <Button component={Link} to={clientId ? `/invoices/new?clientId=${clientId}` : '/invoices/new'}>
            {t('invoices.new')}
          </Button>
        )}
      </Group>

      <InvoiceChart clientId={clientId} />

      <Group justify="space-between" align="flex-end">
        <Tabs value={tab} onChange={(value) => setTab((value as Tab) ?? 'all')}>
          <Tabs.List aria-label={t('invoices.statusTabs')}>
            {TABS.map((value) => (
              <Tabs.Tab key={value} value={value}>
                {t(`invoices.tab.${value}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
        </Tabs>
        <ClientPicker
          label={t('invoices.client')}
          placeholder={t('invoices.allClients')}
          value={clientId}
          onChange={(id) => setClientId(id)}
          clearable
          w={260}
        />
      </Group>

      {list.isError && (
        <Alert color="red" title={t('invoices.loadFailed')} role="alert">
          {list.error.message}
        </Alert>
      )}
      {list.isPending ? (
        <Center h={160}>
          <Loader aria-label={t('invoices.loading')} />
        </Center>
      ) : (
        <Table.ScrollContainer minWidth={860}>
          <Table aria-label={t('invoices.table')} striped highlightOnHover aria-busy={list.isFetching}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('invoices.number')}</Table.Th>
                <Table.Th>{t('invoices.billTo')}</Table.Th>
                <Table.Th>{t('invoices.issued')}</Table.Th>
                <Table.Th>{t('invoices.due')}</Table.Th>
                <Table.Th ta="right">{t('invoices.total')}</Table.Th>
                <Table.Th ta="right">{t('invoices.balance')}</Table.Th>
                <Table.Th>{t('invoices.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {invoices.map((invoice) => {
                const status = INVOICE_STATUS_LABELS[invoice.status] ?? { label: invoice.status, color: 'gray' };
                return (
                  <Table.Tr key={invoice.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/invoices/${invoice.id}`} fw={600} size="sm">
                        {invoice.displayNumber}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      {invoice.billTo?.name ?? (
                        <Text span size="sm" c="dimmed">
                          {invoice.deidentified ? t('invoices.erased') : '—'}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{formatIsoDate(invoice.issueDate)}</Table.Td>
                    <Table.Td>{formatIsoDate(invoice.dueDate)}</Table.Td>
                    <Table.Td ta="right">{formatMoney(invoice.totalMinor, invoice.currency)}</Table.Td>
                    <Table.Td ta="right">
                      {invoice.status === 'issued' ? formatMoney(invoice.balanceMinor, invoice.currency) : '—'}
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <Badge color={status.color} variant="light">
                          {status.label}
                        </Badge>
                        {invoice.overdue && (
                          <Badge color="red" variant="filled">
                            {t('invoices.overdue')}
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {list.isSuccess && invoices.length === 0 && (
        <Text c="dimmed" size="sm" ta="center" py="md">
          {tab === 'all' && !clientId ? t('invoices.empty') : t('invoices.noMatch')}
        </Text>
      )}
      <LoadMoreButton list={list} />
    </Stack>
  );
}
