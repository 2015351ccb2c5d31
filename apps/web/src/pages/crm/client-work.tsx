import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { Link } from 'react-router';
import { type ClientBalance, useClientBalance, useInvoiceList } from '../../api/use-invoices';
import { useClientJobs } from '../../api/use-jobs';
import { LoadMoreButton } from '../../components/load-more-button';
import { formatIsoDate } from '../work/dates';
import { formatMoney } from '../work/money';
import { INVOICE_STATUS_LABELS, JOB_STATUS_LABELS, jobNumber } from '../work/work-labels';

type CurrencyBalance = ClientBalance['currencies'][number];

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

function Figure({ label, value, note, alert }: { label: string; value: string; note: string; alert?: boolean }) {
  return (
    <Paper withBorder p="sm" radius="md">
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <Text fz="xl" fw={700} c={alert ? 'red' : undefined} aria-label={`${label}: ${value}`}>
        {value}
      </Text>
      <Text size="xs" c="dimmed">
        {note}
      </Text>
    </Paper>
  );
}

function CurrencyFigures({ balance, labelled }: { balance: CurrencyBalance; labelled: boolean }) {
  const money = (minor: number) => formatMoney(minor, balance.currency);
  return (
    <Stack gap={6}>
      {labelled && (
        <Text size="sm" fw={600}>
          In {balance.currency}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
        <Figure
          label="Outstanding"
          value={money(balance.outstandingMinor)}
          note={plural(balance.openInvoices, 'open invoice', 'open invoices')}
        />
        <Figure
          label="Overdue"
          value={money(balance.overdueMinor)}
          note={plural(balance.overdueInvoices, 'invoice past its due date', 'invoices past their due date')}
          alert={balance.overdueMinor > 0}
        />
        <Figure
          label="Paid"
          value={money(balance.paidMinor)}
          note={`received; ${plural(balance.paidInvoices, 'invoice', 'invoices')} paid in full`}
        />
      </SimpleGrid>
    </Stack>
  );
}

/** What the client owes, what of it is overdue and what it has paid, per currency. */
export function ClientBalanceCard({ clientId }: { clientId: string }) {
  const balance = useClientBalance(clientId);
  const currencies = balance.data?.currencies ?? [];
  const drafts = currencies.reduce((sum, entry) => sum + entry.drafts, 0);
  return (
    <Card withBorder component="section" aria-labelledby="client-balance-heading">
      <Title order={2} size="h4" id="client-balance-heading" mb="xs">
        Balance
      </Title>
      {balance.isPending ? (
        <Loader size="sm" aria-label="Loading the balance" />
      ) : balance.isError ? (
        <Alert color="red" role="alert" title="Could not load the balance">
          {balance.error.message}
        </Alert>
      ) : currencies.length === 0 ? (
        <Text size="sm" c="dimmed">
          No invoices yet.
        </Text>
      ) : (
        <Stack gap="sm">
          {currencies.map((entry) => (
            <CurrencyFigures key={entry.currency} balance={entry} labelled={currencies.length > 1} />
          ))}
          {drafts > 0 && (
            <Text size="xs" c="dimmed">
              {plural(drafts, 'draft is', 'drafts are')} not counted until issued.
            </Text>
          )}
        </Stack>
      )}
    </Card>
  );
}

/** The client's jobs, newest first, with their status. */
export function ClientJobsCard({ clientId }: { clientId: string }) {
  const jobs = useClientJobs(clientId);
  const items = jobs.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Card withBorder component="section" aria-labelledby="client-jobs-heading">
      <Title order={2} size="h4" id="client-jobs-heading" mb="xs">
        Jobs
      </Title>
      {jobs.isPending ? (
        <Loader size="sm" aria-label="Loading the jobs" />
      ) : jobs.isError ? (
        <Alert color="red" role="alert" title="Could not load the jobs">
          {jobs.error.message}
        </Alert>
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed">
          No jobs for this client yet.
        </Text>
      ) : (
        <Stack gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Jobs for this client">
          {items.map((job) => {
            const status = JOB_STATUS_LABELS[job.status];
            return (
              <li key={job.id}>
                <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
                  <Anchor component={Link} to={`/jobs/${job.id}`} size="sm" fw={500} style={{ minWidth: 0 }}>
                    {jobNumber(job.number)} · {job.title}
                  </Anchor>
                  <Badge color={status.color} variant="light" size="sm" style={{ flexShrink: 0 }}>
                    {status.label}
                  </Badge>
                </Group>
                <Text size="xs" c="dimmed">
                  {job.dueOn ? `Due ${formatIsoDate(job.dueOn)}` : 'No due date'}
                </Text>
              </li>
            );
          })}
        </Stack>
      )}
      <LoadMoreButton list={jobs} label="More jobs" />
    </Card>
  );
}

/** The client's invoices, newest first: status, total, what is still owed and by when. */
export function ClientInvoicesCard({ clientId, mayCreate }: { clientId: string; mayCreate: boolean }) {
  const invoices = useInvoiceList({ status: null, overdue: false, clientId });
  const items = invoices.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Card withBorder component="section" aria-labelledby="client-invoices-heading">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id="client-invoices-heading">
          Invoices
        </Title>
        {mayCreate && (
          <Button size="xs" variant="default" component={Link} to={`/invoices/new?clientId=${clientId}`}>
            New invoice
          </Button>
        )}
      </Group>
      {invoices.isPending ? (
        <Loader size="sm" aria-label="Loading the invoices" />
      ) : invoices.isError ? (
        <Alert color="red" role="alert" title="Could not load the invoices">
          {invoices.error.message}
        </Alert>
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed">
          No invoices for this client yet.
        </Text>
      ) : (
        <Stack gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Invoices of this client">
          {items.map((invoice) => {
            const status = INVOICE_STATUS_LABELS[invoice.status] ?? { label: invoice.status, color: 'gray' };
            const money = (minor: number) => formatMoney(minor, invoice.currency);
            return (
              <li key={invoice.id}>
                <Group justify="space-between" wrap="nowrap" gap="xs">
                  <Anchor component={Link} to={`/invoices/${invoice.id}`} size="sm" fw={600}>
                    {invoice.displayNumber}
                  </Anchor>
                  <Group gap={4} wrap="nowrap">
                    {invoice.overdue && (
                      <Badge color="red" variant="filled" size="sm">
                        Overdue
                      </Badge>
                    )}
                    <Badge color={status.color} variant="light" size="sm">
                      {status.label}
                    </Badge>
                  </Group>
                </Group>
                <Text size="xs" c="dimmed">
                  {money(invoice.totalMinor)}
                  {invoice.status === 'issued'
                    ? ` · ${money(invoice.balanceMinor)} to pay by ${formatIsoDate(invoice.dueDate)}`
                    : invoice.issueDate
                      ? ` · issued ${formatIsoDate(invoice.issueDate)}`
                      : ''}
                </Text>
              </li>
            );
          })}
        </Stack>
      )}
      <LoadMoreButton list={invoices} label="More invoices" />
    </Card>
  );
}
