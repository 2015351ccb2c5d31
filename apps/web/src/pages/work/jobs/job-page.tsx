import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Center,
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
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { problemOf } from '../../../api/problems';
import { useBranches } from '../../../api/use-branches';
import { useClientSummary } from '../../../api/use-client-lookup';
import { useJobInvoices } from '../../../api/use-invoices';
import { type Job, useDeleteJob, useJob, useJobActivity } from '../../../api/use-jobs';
import { type ScheduleEntry, useScheduleWindow } from '../../../api/use-schedule';
import { useStaff } from '../../../api/use-staff';
import { useAuth } from '../../../auth/auth-context';
import { usePermissions } from '../../../auth/use-permissions';
import { ConfirmModal } from '../../../components/confirm-modal';
import { useFormat } from '../../../i18n/use-locale';
import { usePageTitle } from '../../../layout/page-title';
import { addDays, atTime, isoDate, startOfDay } from '../dates';
import { ScheduleEntryModal, timeRange } from '../schedule/schedule-entry-modal';
import { ActivityLog } from '../shared/activity-log';
import {
  DELETABLE_JOB_STATUSES,
  INVOICE_STATUS_LABELS,
  JOB_PRIORITY_LABELS,
  JOB_STATUS_LABELS,
  JOB_TRANSITIONS,
  jobNumber,
  MOVE_LABELS,
  VISITABLE_JOB_STATUSES,
} from '../work-labels';
import { JobFormModal } from './job-form-modal';
import { useMoveJob } from './use-move-job';

/** One job: what, for whom, where; its workflow, its visits and its history. */
export function JobPage() {
  const { id = '' } = useParams();
  const job = useJob(id);
  const { t } = useTranslation();
  usePageTitle(job.data ? t('job.pageTitle', { title: job.data.title, number: job.data.number }) : t('job.title'));
  if (job.isPending) {
    return (
      <Center h={200}>
        <Loader aria-label={t('job.loading')} />
      </Center>
    );
  }
  if (job.isError) {
    const notFound = problemOf(job.error)?.problem.status === 404;
    return (
      <Stack maw={600}>
        <Title order={1}>{notFound ? t('job.notFound') : t('job.loadFailed')}</Title>
        <Text c="dimmed">{notFound ? t('job.notFoundText') : job.error.message}</Text>
        <Button component={Link} to="/jobs" variant="light" w="fit-content">
          {t('job.backToJobs')}
        </Button>
      </Stack>
    );
  }
  return <JobDetails job={job.data} />;
}

function JobDetails({ job }: { job: Job }) {
  const { can } = usePermissions();
  const { user } = useAuth();
  const navigate = useNavigate();
  const { t } = useTranslation();
  const { formatCalendarDate, formatDateTime } = useFormat();
  const formatIsoDate = (value: string | null) => (value ? formatCalendarDate(value) : '—');
  const client = useClientSummary(job.clientId);
  const branches = useBranches();
  const staff = useStaff();
  const activity = useJobActivity(job.id);
  const { move, pending } = useMoveJob({ quiet: true });
  const remove = useDeleteJob();
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [booking, setBooking] = useState(false);
  const [visit, setVisit] = useState<ScheduleEntry | null>(null);
  const mayWrite = can('jobs:write');
  const status = JOB_STATUS_LABELS[job.status];
  const priority = JOB_PRIORITY_LABELS[job.priority];
  const branchName = branches.data?.items.find((branch) => branch.id === job.branchId)?.name;
  const address = job.siteAddress
    ? [job.siteAddress.line1, job.siteAddress.line2, job.siteAddress.city, job.siteAddress.postcode]
        .filter(Boolean)
        .join(', ')
    : null;
  const mayBook = can('schedules:write') && VISITABLE_JOB_STATUSES.includes(job.status);
  const agentNotOnJob = user?.role === 'agent' && !job.assignedUserIds.includes(user.id);

  function bookingDefaults() {
    // 09:00 tomorrow on the reader's clock (their profile's zone, not the browser's).
    const startsAt = atTime(addDays(startOfDay(new Date()), 1), 9);
    const assigneeId =
      user && job.assignedUserIds.includes(user.id) ? user.id : (job.assignedUserIds[0] ?? user?.id ?? null);
    return {
      kind: 'job_visit' as const,
      jobId: job.id,
      clientId: job.clientId,
      title: job.title,
      assigneeId,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 2 * 3_600_000),
    };
  }

  return (
    <Stack maw={1000}>
      <Anchor component={Link} to="/jobs" size="sm">
        {t('job.jobsLink')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <div>
          <Text c="dimmed" size="sm" fw={600}>
            {t('job.number', { number: jobNumber(job.number) })}
          </Text>
          <Title order={1}>{job.title}</Title>
          <Group gap="xs" mt={6}>
            <Badge color={status.color} variant="light" size="lg">
              {status.label}
            </Badge>
            <Badge color={priority.color} variant="outline">
              {t('job.priority', { priority: priority.label })}
            </Badge>
          </Group>
        </div>
        <Group gap="xs">
          {job.status === 'completed' && can('invoices:write') && (
            <Button component={Link} to={`/invoices/new?clientId=${job.clientId}&jobId=${job.id}`}>
              {t('job.createInvoice')}
            </Button>
          )}
          {mayWrite && (
            <Button variant="default" onClick={() => setEditing(true)}>
              {t('common.edit')}
            </Button>
          )}
          {mayWrite && DELETABLE_JOB_STATUSES.includes(job.status) && (
            <Button variant="subtle" color="red" onClick={() => setDeleting(true)}>
              {t('common.delete')}
            </Button>
          )}
        </Group>
      </Group>

      {mayWrite && JOB_TRANSITIONS[job.status].length > 0 && (
        <Card withBorder component="section" aria-label={t('job.workflow')}>
          <Group justify="space-between">
            <Text size="sm">
              {job.status === 'completed'
                ? t('job.completedHint')
                : job.status === 'new'
                  ? t('job.newHint')
                  : t('job.moveHint')}
            </Text>
            <Group gap="xs">
              {JOB_TRANSITIONS[job.status].map((next) => (
                <Button
                  key={next}
                  variant={next === 'cancelled' ? 'subtle' : next === 'invoiced' ? 'default' : 'filled'}
                  color={next === 'cancelled' ? 'red' : undefined}
                  loading={pending}
                  onClick={() => move(job, next)}
                >
                  {MOVE_LABELS[next]}
                </Button>
              ))}
            </Group>
          </Group>
        </Card>
      )}

      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder component="section" aria-labelledby="job-details-heading">
          <Title order={2} size="h4" id="job-details-heading" mb="sm">
            {t('job.details')}
          </Title>
          <Table variant="vertical" layout="fixed" withRowBorders={false}>
            <Table.Tbody>
              <Detail label={t('job.client')}>
                {client.data ? (
                  <Anchor component={Link} to={`/clients/${job.clientId}`}>
                    {client.data.name}
                  </Anchor>
                ) : client.isError ? (
                  t('job.notAvailable')
                ) : (
                  '…'
                )}
              </Detail>
              <Detail label={t('job.siteAddress')}>{address ?? t('job.clientsAddress')}</Detail>
              <Detail label={t('job.assignees')}>
                {job.assignedUserIds.length ? job.assignedUserIds.map(staff.nameOf).join(', ') : t('job.nobodyYet')}
              </Detail>
              <Detail label={t('job.due')}>{formatIsoDate(job.dueOn)}</Detail>
              <Detail label={t('job.branch')}>{branchName ?? '…'}</Detail>
              <Detail label={t('job.opened')}>{formatDateTime(job.createdAt)}</Detail>
              {job.completedAt && <Detail label={t('job.completed')}>{formatDateTime(job.completedAt)}</Detail>}
            </Table.Tbody>
          </Table>
          {job.description && (
            <Text size="sm" mt="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {job.description}
            </Text>
          )}
        </Card>
        <JobVisits
          job={job}
          mayBook={mayBook && !agentNotOnJob}
          nameOf={staff.nameOf}
          onBook={() => setBooking(true)}
          onOpen={setVisit}
        />
      </SimpleGrid>

      {(can('invoices:read') || can('payments:write')) && <JobInvoices job={job} />}

      <ActivityLog query={activity} />

      {editing && <JobFormModal job={job} onClose={() => setEditing(false)} onSaved={() => setEditing(false)} />}
      {booking && <ScheduleEntryModal entry={null} defaults={bookingDefaults()} onClose={() => setBooking(false)} />}
      {visit && (
        <ScheduleEntryModal
          key={visit.id}
          entry={visit}
          readOnly={!can('schedules:write')}
          onClose={() => setVisit(null)}
        />
      )}
      <ConfirmModal
        opened={deleting}
        title={t('job.deleteTitle', { number: jobNumber(job.number) })}
        confirmLabel={t('job.deleteConfirm')}
        busy={remove.isPending}
        onClose={() => setDeleting(false)}
        onConfirm={() =>
          remove.mutate(job.id, {
            onSuccess: () => {
              notifications.show({ color: 'teal', message: t('job.deleted', { number: jobNumber(job.number) }) });
              navigate('/jobs');
            },
            onError: (error) => {
              setDeleting(false);
              notifications.show({ color: 'red', title: t('job.notDeleted'), message: error.message });
            },
          })
        }
      >
        {t('job.deleteText')}
      </ConfirmModal>
    </Stack>
  );
}

/** The job's invoices with what is still owed: where an agent on site goes to take a payment. */
function JobInvoices({ job }: { job: Job }) {
  const invoices = useJobInvoices(job.id);
  const { t } = useTranslation();
  const { formatCalendarDate, formatMoney } = useFormat();
  const items = invoices.data?.items ?? [];
  return (
    <Card withBorder component="section" aria-labelledby="job-invoices-heading">
      <Title order={2} size="h4" id="job-invoices-heading" mb="sm">
        {t('job.invoices')}
      </Title>
      {invoices.isPending ? (
        <Loader size="sm" aria-label={t('job.loadingInvoices')} />
      ) : invoices.isError ? (
        <Alert color="red" role="alert" title={t('job.invoicesFailed')}>
          {invoices.error.message}
        </Alert>
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('job.noInvoice')}
        </Text>
      ) : (
        <Stack gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('job.invoicesList')}>
          {items.map((invoice) => {
            const status = INVOICE_STATUS_LABELS[invoice.status] ?? { label: invoice.status, color: 'gray' };
            return (
              <li key={invoice.id}>
                <Group justify="space-between" wrap="nowrap" gap="xs">
                  <Anchor component={Link} to={`/invoices/${invoice.id}`} fw={600} size="sm">
                    {invoice.displayNumber}
                  </Anchor>
                  <Badge color={status.color} variant="light" size="sm">
                    {status.label}
                  </Badge>
                </Group>
                <Text size="xs" c="dimmed">
                  {formatMoney(invoice.totalMinor, invoice.currency)}
                  {invoice.status === 'issued'
                    ? t('job.toPay', {
                        amount: formatMoney(invoice.balanceMinor, invoice.currency),
                        date: invoice.dueDate ? formatCalendarDate(invoice.dueDate) : '—',
                      })
                    : ''}
                </Text>
              </li>
            );
          })}
        </Stack>
      )}
    </Card>
  );
}

function Detail({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th w={130}>{label}</Table.Th>
      <Table.Td>{children}</Table.Td>
    </Table.Tr>
  );
}

/** The API lists visits by time window (62 days at most): the job page pages through windows. */
const VISIT_WINDOW_DAYS = 62;

function JobVisits({
  job,
  mayBook,
  nameOf,
  onBook,
  onOpen,
}: {
  job: Job;
  mayBook: boolean;
  nameOf: (id: string) => string;
  onBook: () => void;
  onOpen: (visit: ScheduleEntry) => void;
}) {
  const [from, setFrom] = useState(() => addDays(startOfDay(new Date()), -14));
  const to = addDays(from, VISIT_WINDOW_DAYS);
  const visits = useScheduleWindow({ from, to, jobId: job.id });
  const { t } = useTranslation();
  const { formatCalendarDate } = useFormat();
  const items = visits.data?.items ?? [];
  return (
    <Card withBorder component="section" aria-labelledby="job-visits-heading">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="job-visits-heading">
          {t('job.visits')}
        </Title>
        {mayBook && (
          <Button size="xs" onClick={onBook}>
            {t('job.scheduleVisit')}
          </Button>
        )}
      </Group>
      <Group justify="space-between" mb="xs">
        <Button
          size="compact-xs"
          variant="subtle"
          onClick={() => setFrom((current) => addDays(current, -VISIT_WINDOW_DAYS))}
        >
          {t('job.earlier')}
        </Button>
        <Text size="xs" c="dimmed">
          {formatCalendarDate(isoDate(from))} – {formatCalendarDate(isoDate(addDays(to, -1)))}
        </Text>
        <Button
          size="compact-xs"
          variant="subtle"
          onClick={() => setFrom((current) => addDays(current, VISIT_WINDOW_DAYS))}
        >
          {t('job.later')}
        </Button>
      </Group>
      {visits.isPending ? (
        <Loader size="sm" aria-label={t('job.loadingVisits')} />
      ) : visits.isError ? (
        <Alert color="red" role="alert" title={t('job.visitsFailed')}>
          {visits.error.message}
        </Alert>
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('job.noVisits')}
        </Text>
      ) : (
        <Stack gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('job.visits')}>
          {items.map((visit) => (
            <li key={visit.id}>
              <Anchor
                component="button"
                type="button"
                size="sm"
                onClick={() => onOpen(visit)}
                td={visit.status === 'cancelled' ? 'line-through' : undefined}
              >
                {timeRange(new Date(visit.startsAt), new Date(visit.endsAt))}
              </Anchor>
              <Text size="xs" c="dimmed">
                {visit.title} · {nameOf(visit.assigneeId)}
                {visit.status !== 'planned'
                  ? ` · ${visit.status === 'done' ? t('job.visitDone') : t('job.visitCancelled')}`
                  : ''}
              </Text>
            </li>
          ))}
        </Stack>
      )}
    </Card>
  );
}
