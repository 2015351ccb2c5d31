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
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type ClientBalance, useClientBalance, useInvoiceList } from '../../api/use-invoices';
import { useClientJobs } from '../../api/use-jobs';
import { LoadMoreButton } from '../../components/load-more-button';
import { useFormat } from '../../i18n/use-locale';
import { INVOICE_STATUS_LABELS, JOB_STATUS_LABELS, jobNumber } from '../work/work-labels';

type CurrencyBalance = ClientBalance['currencies'][number];

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
  const { t } = useTranslation();
  const { formatMoney } = useFormat();
  const money = (minor: number) => formatMoney(minor, balance.currency);
  return (
    <Stack gap={6}>
      {labelled && (
        <Text size="sm" fw={600}>
          {t('client.balance.inCurrency', { currency: balance.currency })}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
        <Figure
          label={t('client.balance.outstanding')}
          value={money(balance.outstandingMinor)}
          note={t('client.balance.openInvoices', { count: balance.openInvoices })}
        />
        <Figure
          label={t('client.balance.overdue')}
          value={money(balance.overdueMinor)}
          note={t('client.balance.overdueInvoices', { count: balance.overdueInvoices })}
          alert={balance.overdueMinor > 0}
        />
        <Figure
          label={t('client.balance.paid')}
          value={money(balance.paidMinor)}
          note={t('client.balance.paidInvoices', { count: balance.paidInvoices })}
        />
      </SimpleGrid>
    </Stack>
  );
}

/** What the client owes, what of it is overdue and what it has paid, per currency. */
export function ClientBalanceCard({ clientId }: { clientId: string }) {
  const balance = useClientBalance(clientId);
  const { t } = useTranslation();
  const currencies = balance.data?.currencies ?? [];
  const drafts = currencies.reduce((sum, entry) => sum + entry.drafts, 0);
  return (
    <Card withBorder component="section" aria-labelledby="client-balance-heading">
      <Title order={2} size="h4" id="client-balance-heading" mb="xs">
        {t('client.balance.title')}
      </Title>
      {balance.isPending ? (
        <Loader size="sm" aria-label={t('client.balance.loading')} />
      ) : balance.isError ? (
        <Alert color="red" role="alert" title={t('client.balance.loadFailed')}>
          {balance.error.message}
        </Alert>
      ) : currencies.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('client.balance.noInvoices')}
        </Text>
      ) : (
        <Stack gap="sm">
          {currencies.map((entry) => (
            <CurrencyFigures key={entry.currency} balance={entry} labelled={currencies.length > 1} />
          ))}
          {drafts > 0 && (
            <Text size="xs" c="dimmed">
              {t('client.balance.drafts', { count: drafts })}
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
  const { t } = useTranslation();
  const { formatCalendarDate } = useFormat();
  const items = jobs.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Card withBorder component="section" aria-labelledby="client-jobs-heading">
      <Title order={2} size="h4" id="client-jobs-heading" mb="xs">
        {t('client.jobs.title')}
      </Title>
      {jobs.isPending ? (
        <Loader size="sm" aria-label={t('client.jobs.loading')} />
      ) : jobs.isError ? (
        <Alert color="red" role="alert" title={t('client.jobs.loadFailed')}>
          {jobs.error.message}
        </Alert>
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('client.jobs.empty')}
        </Text>
      ) : (
        <Stack gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('client.jobs.list')}>
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
                  {job.dueOn
                    ? t('client.jobs.due', { date: formatCalendarDate(job.dueOn) })
                    : t('client.jobs.noDueDate')}
                </Text>
              </li>
            );
          })}
        </Stack>
      )}
      <LoadMoreButton list={jobs} label={t('client.jobs.more')} />
    </Card>
  );
}

/** The client's invoices, newest first: status, total, what is still owed and by when. */
export function ClientInvoicesCard({ clientId, mayCreate }: { clientId: string; mayCreate: boolean }) {
  const invoices = useInvoiceList({ status: null, overdue: false, clientId });
  const items = invoices.data?.pages.flatMap((page) => page.items) ?? [];
  const { t } = useTranslation();
  const { formatCalendarDate, formatMoney } = useFormat();
  return (
    <Card withBorder component="section" aria-labelledby="client-invoices-heading">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id="client-invoices-heading">
          {t('client.invoices.title')}
        </Title>
        {mayCreate && (
          <Button size="xs" variant="default" component={Link} to={`/invoices/new?clientId=${clientId}`}>
            {t('client.invoices.new')}
          </Button>
        )}
      </Group>
      {invoices.isPending ? (
        <Loader size="sm" aria-label={t('client.invoices.loading')} />
      ) : invoices.isError ? (
        <Alert color="red" role="alert" title={t('client.invoices.loadFailed')}>
          {invoices.error.message}
        </Alert>
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('client.invoices.empty')}
        </Text>
      ) : (
        <Stack gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('client.invoices.list')}>
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
                        {t('client.invoices.overdue')}
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
                    ? t('client.invoices.toPay', {
                        amount: money(invoice.balanceMinor),
                        date: invoice.dueDate ? formatCalendarDate(invoice.dueDate) : '—',
                      })
                    : invoice.issueDate
                      ? t('client.invoices.issued', { date: formatCalendarDate(invoice.issueDate) })
                      : ''}
                </Text>
              </li>
            );
          })}
        </Stack>
      )}
      <LoadMoreButton list={invoices} label={t('client.invoices.more')} />
    </Card>
  );
}
