import { Alert, Anchor, Badge, Button, Center, Group, Loader, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { type InvoiceFilters, type InvoiceStatus, useInvoiceList } from '../../../api/use-invoices';
import { usePermissions } from '../../../auth/use-permissions';
import { LoadMoreButton } from '../../../components/load-more-button.js';
import { formatIsoDate } from '../dates';
import { formatMoney } from '../money';
import { ClientPicker } from '../shared/client-picker';
import { INVOICE_STATUS_LABELS } from '../work-labels';
import { InvoiceChart } from './invoice-chart';

type Tab = 'all' | InvoiceStatus | 'overdue';

const TABS: { value: Tab; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'draft', label: 'Drafts' },
  { value: 'issued', label: 'Issued' },
  { value: 'overdue', label: 'Overdue' },
  { value: 'paid', label: 'Paid' },
  { value: 'void', label: 'Void' },
];

/** Invoices, newest first: by state and client, with what is owed at a glance. */
export function InvoicesPage() {
  const { can } = usePermissions();
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
          <Title order={1}>Invoices</Title>
          <Text c="dimmed" size="sm">
            Drafts, what clients owe, and what they paid.
          </Text>
        </div>
        {can('invoices:write') && (
          <Button component={Link} to={clientId ? `/invoices/new?clientId=${clientId}` : '/invoices/new'}>
            New invoice
          </Button>
        )}
      </Group>

      <InvoiceChart clientId={clientId} />

      <Group justify="space-between" align="flex-end">
        <Tabs value={tab} onChange={(value) => setTab((value as Tab) ?? 'all')}>
          <Tabs.List aria-label="Invoice status">
            {TABS.map((entry) => (
              <Tabs.Tab key={entry.value} value={entry.value}>
                {entry.label}
              </Tabs.Tab>
            ))}
          </Tabs.List>
        </Tabs>
        <ClientPicker
          label="Client"
          placeholder="All clients"
          value={clientId}
          onChange={(id) => setClientId(id)}
          clearable
          w={260}
        />
      </Group>

      {list.isError && (
        <Alert color="red" title="Could not load the invoices" role="alert">
          {list.error.message}
        </Alert>
      )}
      {list.isPending ? (
        <Center h={160}>
          <Loader aria-label="Loading invoices" />
        </Center>
      ) : (
        <Table.ScrollContainer minWidth={860}>
          <Table aria-label="Invoices" striped highlightOnHover aria-busy={list.isFetching}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Number</Table.Th>
                <Table.Th>Bill to</Table.Th>
                <Table.Th>Issued</Table.Th>
                <Table.Th>Due</Table.Th>
                <Table.Th ta="right">Total</Table.Th>
                <Table.Th ta="right">Balance</Table.Th>
                <Table.Th>Status</Table.Th>
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
                          {invoice.deidentified ? 'Erased at the client’s request' : '—'}
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
                            Overdue
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
          {tab === 'all' && !clientId ? 'No invoices yet.' : 'No invoice matches these filters.'}
        </Text>
      )}
      <LoadMoreButton list={list} />
    </Stack>
  );
}
