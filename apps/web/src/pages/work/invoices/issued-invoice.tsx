import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link } from 'react-router';
import { formProblemOf } from '../../../api/problems';
import { type Invoice, useInvoiceActivity, useInvoicePayments, useVoidInvoice } from '../../../api/use-invoices';
import { useJob } from '../../../api/use-jobs';
import { useStaff } from '../../../api/use-staff';
import { usePermissions } from '../../../auth/use-permissions';
import { ConfirmModal } from '../../../components/confirm-modal';
import { formatIsoDate } from '../dates';
import { formatMoney, formatPercent } from '../money';
import { ActivityLog } from '../shared/activity-log';
import { INVOICE_STATUS_LABELS, jobNumber, PAYMENT_METHOD_LABELS, PRICING_LABELS } from '../work-labels';
import { InvoiceDocumentActions, InvoiceEmailed } from './invoice-document-actions';
import { InvoiceTotals } from './invoice-totals';
import { PaymentModal } from './payment-modal';
import './invoice-print.css';

/** An invoice that is no longer a draft: what it says, what was paid, and what can still happen to it. */
export function IssuedInvoice({ invoice }: { invoice: Invoice }) {
  const { can } = usePermissions();
  const staff = useStaff();
  const payments = useInvoicePayments(invoice.id, invoice.status !== 'draft');
  // An agent (payments:write alone) reaches this invoice through their job; its log is not theirs to read.
  const readsInvoices = can('invoices:read');
  const activity = useInvoiceActivity(readsInvoices ? invoice.id : undefined);
  const job = useJob(invoice.jobId);
  const voidInvoice = useVoidInvoice();
  const [paying, setPaying] = useState(false);
  const [voiding, setVoiding] = useState(false);
  const mayWrite = can('invoices:write');
  const mayTakePayment = mayWrite || can('payments:write');
  const status = INVOICE_STATUS_LABELS[invoice.status] ?? { label: invoice.status, color: 'gray' };
  const money = (minor: number) => formatMoney(minor, invoice.currency);
  const address = invoice.billTo?.address;
  const voidProblem = formProblemOf(voidInvoice.error);

  return (
    <Stack maw={1100} className="invoice-print-root">
      {readsInvoices ? (
        <Anchor component={Link} to="/invoices" size="sm" data-print="hide">
          ← Invoices
        </Anchor>
      ) : (
        invoice.jobId && (
          <Anchor component={Link} to={`/jobs/${invoice.jobId}`} size="sm" data-print="hide">
            ← The job
          </Anchor>
        )
      )}
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>Invoice {invoice.displayNumber}</Title>
          <Group gap="xs" mt={4}>
            <Badge color={status.color} variant="light" size="lg" aria-label={`Status: ${status.label}`}>
              {status.label}
            </Badge>
            {invoice.overdue && (
              <Badge color="red" variant="filled" size="lg">
                Overdue
              </Badge>
            )}
            <Badge variant="outline" color="cyan">
              {PRICING_LABELS[invoice.pricing]?.label ?? invoice.pricing}
            </Badge>
          </Group>
        </div>
        <Group gap="xs" data-print="hide">
          {invoice.status === 'issued' && mayWrite && (
            <Button variant="subtle" color="red" onClick={() => setVoiding(true)}>
              Void invoice
            </Button>
          )}
          {invoice.status === 'issued' && mayTakePayment && (
            <Button onClick={() => setPaying(true)}>Record payment</Button>
          )}
        </Group>
      </Group>
      <InvoiceDocumentActions invoice={invoice} maySend={mayWrite} />
      <InvoiceEmailed invoice={invoice} />

      {voidProblem && (
        <Alert color="red" role="alert" title="The invoice was not voided">
          {voidProblem.message}
        </Alert>
      )}
      {invoice.status === 'draft' && (
        <Alert color="gray" title="Draft">
          This invoice is still a draft. Someone with permission to write invoices can edit and issue it.
        </Alert>
      )}

      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Card withBorder>
          <Text size="xs" c="dimmed" fw={600} tt="uppercase">
            Bill to
          </Text>
          {invoice.billTo ? (
            <>
              {invoice.clientId ? (
                <Anchor component={Link} to={`/clients/${invoice.clientId}`} fw={600}>
                  {invoice.billTo.name}
                </Anchor>
              ) : (
                <Text fw={600}>{invoice.billTo.name}</Text>
              )}
              {invoice.billTo.email && <Text size="sm">{invoice.billTo.email}</Text>}
              {address && (
                <Text size="sm" c="dimmed">
                  {[address.line1, address.line2, address.city, address.postcode, address.country]
                    .filter(Boolean)
                    .join(', ')}
                </Text>
              )}
            </>
          ) : (
            <Text size="sm" c="dimmed">
              {invoice.deidentified
                ? 'The client asked to be erased: the name and address are gone, the amounts are kept as the law requires.'
                : '—'}
            </Text>
          )}
        </Card>
        <Card withBorder>
          <Table variant="vertical" withRowBorders={false}>
            <Table.Tbody>
              <Table.Tr>
                <Table.Th>Issued</Table.Th>
                <Table.Td>{formatIsoDate(invoice.issueDate)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>Due</Table.Th>
                <Table.Td>{formatIsoDate(invoice.dueDate)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>Currency</Table.Th>
                <Table.Td>{invoice.currency}</Table.Td>
              </Table.Tr>
              {invoice.jobId && (
                <Table.Tr>
                  <Table.Th>Job</Table.Th>
                  <Table.Td>
                    {job.data ? (
                      <Anchor component={Link} to={`/jobs/${job.data.id}`}>
                        {jobNumber(job.data.number)} · {job.data.title}
                      </Anchor>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
        </Card>
      </SimpleGrid>

      <Card withBorder component="section" aria-labelledby="issued-lines-heading">
        <Title order={2} size="h4" id="issued-lines-heading" mb="sm">
          Lines
        </Title>
        <Table.ScrollContainer minWidth={700}>
          <Table aria-label="Invoice lines">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Description</Table.Th>
                <Table.Th ta="right">Quantity</Table.Th>
                <Table.Th ta="right">Unit price</Table.Th>
                <Table.Th>Tax</Table.Th>
                <Table.Th ta="right">Net</Table.Th>
                <Table.Th ta="right">Tax amount</Table.Th>
                <Table.Th ta="right">Gross</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {invoice.lines.map((line, index) => (
                // Lines have no id of their own; their order is part of the invoice.
                // biome-ignore lint/suspicious/noArrayIndexKey: fixed order
                <Table.Tr key={index}>
                  <Table.Td>{line.description}</Table.Td>
                  <Table.Td ta="right">{line.quantity}</Table.Td>
                  <Table.Td ta="right">{money(line.unitPriceMinor)}</Table.Td>
                  <Table.Td>
                    {line.taxCode} {formatPercent(line.taxBasisPoints)}%
                  </Table.Td>
                  <Table.Td ta="right">{money(line.netMinor)}</Table.Td>
                  <Table.Td ta="right">{money(line.taxMinor)}</Table.Td>
                  <Table.Td ta="right">{money(line.grossMinor)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <InvoiceTotals
          totals={invoice}
          currency={invoice.currency}
          paidMinor={invoice.status === 'draft' ? undefined : invoice.paidMinor}
          balanceMinor={invoice.status === 'issued' ? invoice.balanceMinor : undefined}
        />
      </Card>

      {invoice.status !== 'draft' && (
        <Card withBorder component="section" aria-labelledby="payments-heading">
          <Group justify="space-between" mb="sm">
            <Title order={2} size="h4" id="payments-heading">
              Payments
            </Title>
          </Group>
          {payments.isPending ? (
            <Loader size="sm" aria-label="Loading payments" />
          ) : payments.isError ? (
            <Alert color="red" role="alert" title="Could not load the payments">
              {payments.error.message}
            </Alert>
          ) : payments.data.items.length === 0 ? (
            <Text size="sm" c="dimmed">
              No payments recorded yet.
            </Text>
          ) : (
            <Table aria-label="Payments">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Paid on</Table.Th>
                  <Table.Th>Method</Table.Th>
                  <Table.Th>Reference</Table.Th>
                  <Table.Th>Recorded by</Table.Th>
                  <Table.Th ta="right">Amount</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {payments.data.items.map((payment) => (
                  <Table.Tr key={payment.id}>
                    <Table.Td>{formatIsoDate(payment.paidOn)}</Table.Td>
                    <Table.Td>{PAYMENT_METHOD_LABELS[payment.method] ?? payment.method}</Table.Td>
                    <Table.Td>{payment.reference ?? '—'}</Table.Td>
                    <Table.Td>{payment.recordedBy ? staff.nameOf(payment.recordedBy) : 'An integration'}</Table.Td>
                    <Table.Td ta="right">{money(payment.amountMinor)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Card>
      )}

      {readsInvoices && (
        <div data-print="hide">
          <ActivityLog query={activity} />
        </div>
      )}

      {paying && <PaymentModal invoice={invoice} onClose={() => setPaying(false)} />}
      <ConfirmModal
        opened={voiding}
        title={`Void ${invoice.displayNumber}?`}
        confirmLabel="Void invoice"
        busy={voidInvoice.isPending}
        onClose={() => setVoiding(false)}
        onConfirm={() =>
          voidInvoice.mutate(
            { id: invoice.id, version: invoice.version },
            {
              onSuccess: (voided) => {
                notifications.show({ color: 'teal', message: `${voided.displayNumber} is void.` });
                setVoiding(false);
              },
              onError: () => setVoiding(false),
            },
          )
        }
      >
        The invoice stays on record (invoices are kept for seven years) but nothing is owed on it any more. This cannot
        be undone: issue a new invoice if it was a mistake.
      </ConfirmModal>
    </Stack>
  );
}
