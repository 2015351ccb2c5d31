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
import { usePageTitle } from '../../../layout/page-title';
import { addDays, formatDateTime, formatIsoDate, isoDate, startOfDay } from '../dates';
import { formatMoney } from '../money';
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
  usePageTitle(job.data ? `${job.data.title} (job #${job.data.number})` : 'Job');
  if (job.isPending) {
    return (
      <Center h={200}>
        <Loader aria-label="Loading the job" />
      </Center>
    );
  }
  if (job.isError) {
    const notFound = problemOf(job.error)?.problem.status === 404;
    return (
      <Stack maw={600}>
        <Title order={1}>{notFound ? 'Job not found' : 'Could not load the job'}</Title>
        <Text c="dimmed">
          {notFound ? 'It may have been deleted, or it belongs to a branch you do not work in.' : job.error.message}
        </Text>
        <Button component={Link} to="/jobs" variant="light" w="fit-content">
          Back to the jobs
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
    const startsAt = addDays(startOfDay(new Date()), 1);
    startsAt.setHours(9);
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
        ← Jobs
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <div>
          <Text c="dimmed" size="sm" fw={600}>
            Job {jobNumber(job.number)}
          </Text>
          <Title order={1}>{job.title}</Title>
          <Group gap="xs" mt={6}>
            <Badge color={status.color} variant="light" size="lg">
              {status.label}
            </Badge>
            <Badge color={priority.color} variant="outline">
              {priority.label} priority
            </Badge>
          </Group>
        </div>
        <Group gap="xs">
          {job.status === 'completed' && can('invoices:write') && (
            <Button component={Link} to={`/invoices/new?clientId=${job.clientId}&jobId=${job.id}`}>
              Create invoice
            </Button>
          )}
          {mayWrite && (
            <Button variant="default" onClick={() => setEditing(true)}>
              Edit
            </Button>
          )}
          {mayWrite && DELETABLE_JOB_STATUSES.includes(job.status) && (
            <Button variant="subtle" color="red" onClick={() => setDeleting(true)}>
              Delete
            </Button>
          )}
        </Group>
      </Group>

      {mayWrite && JOB_TRANSITIONS[job.status].length > 0 && (
        <Card withBorder component="section" aria-label="Workflow">
          <Group justify="space-between">
            <Text size="sm">
              {job.status === 'completed'
                ? 'Issuing its invoice moves the job to invoiced.'
                : job.status === 'new'
                  ? 'Booking the first visit schedules the job.'
                  : 'Move the job on when the work does.'}
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
            Details
          </Title>
          <Table variant="vertical" layout="fixed" withRowBorders={false}>
            <Table.Tbody>
              <Detail label="Client">
                {client.data ? (
                  <Anchor component={Link} to={`/clients/${job.clientId}`}>
                    {client.data.name}
                  </Anchor>
                ) : client.isError ? (
                  'Not available'
                ) : (
                  '…'
                )}
              </Detail>
              <Detail label="Site address">{address ?? 'The client’s own address'}</Detail>
              <Detail label="Assignees">
                {job.assignedUserIds.length ? job.assignedUserIds.map(staff.nameOf).join(', ') : 'Nobody yet'}
              </Detail>
              <Detail label="Due">{formatIsoDate(job.dueOn)}</Detail>
              <Detail label="Branch">{branchName ?? '…'}</Detail>
              <Detail label="Opened">{formatDateTime(job.createdAt)}</Detail>
              {job.completedAt && <Detail label="Completed">{formatDateTime(job.completedAt)}</Detail>}
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
        title={`Delete job ${jobNumber(job.number)}?`}
        confirmLabel="Delete job"
        busy={remove.isPending}
        onClose={() => setDeleting(false)}
        onConfirm={() =>
          remove.mutate(job.id, {
            onSuccess: () => {
              notifications.show({ color: 'teal', message: `Job ${jobNumber(job.number)} deleted.` });
              navigate('/jobs');
            },
            onError: (error) => {
              setDeleting(false);
              notifications.show({ color: 'red', title: 'The job was not deleted', message: error.message });
            },
          })
        }
      >
        The job and its visits are deleted. Only new or cancelled jobs can be; work that happened stays on record.
      </ConfirmModal>
    </Stack>
  );
}

/** The job's invoices with what is still owed: where an agent on site goes to take a payment. */
function JobInvoices({ job }: { job: Job }) {
  const invoices = useJobInvoices(job.id);
  const items = invoices.data?.items ?? [];
  return (
    <Card withBorder component="section" aria-labelledby="job-invoices-heading">
      <Title order={2} size="h4" id="job-invoices-heading" mb="sm">
        Invoices
      </Title>
      {invoices.isPending ? (
        <Loader size="sm" aria-label="Loading the invoices" />
      ) : invoices.isError ? (
        <Alert color="red" role="alert" title="Could not load the invoices">
          {invoices.error.message}
        </Alert>
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed">
          No invoice for this job yet.
        </Text>
      ) : (
        <Stack gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Invoices of this job">
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
                    ? ` · ${formatMoney(invoice.balanceMinor, invoice.currency)} to pay, due ${formatIsoDate(invoice.dueDate)}`
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
  const items = visits.data?.items ?? [];
  return (
    <Card withBorder component="section" aria-labelledby="job-visits-heading">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="job-visits-heading">
          Visits
        </Title>
        {mayBook && (
          <Button size="xs" onClick={onBook}>
            Schedule a visit
          </Button>
        )}
      </Group>
      <Group justify="space-between" mb="xs">
        <Button
          size="compact-xs"
          variant="subtle"
          onClick={() => setFrom((current) => addDays(current, -VISIT_WINDOW_DAYS))}
        >
          ‹ Earlier
        </Button>
        <Text size="xs" c="dimmed">
          {formatIsoDate(isoDate(from))} – {formatIsoDate(isoDate(addDays(to, -1)))}
        </Text>
        <Button
          size="compact-xs"
          variant="subtle"
          onClick={() => setFrom((current) => addDays(current, VISIT_WINDOW_DAYS))}
        >
          Later ›
        </Button>
      </Group>
      {visits.isPending ? (
        <Loader size="sm" aria-label="Loading visits" />
      ) : visits.isError ? (
        <Alert color="red" role="alert" title="Could not load the visits">
          {visits.error.message}
        </Alert>
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed">
          No visits in this period.
        </Text>
      ) : (
        <Stack gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Visits">
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
                {visit.status !== 'planned' ? ` · ${visit.status === 'done' ? 'done' : 'cancelled'}` : ''}
              </Text>
            </li>
          ))}
        </Stack>
      )}
    </Card>
  );
}
