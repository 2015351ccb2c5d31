import { ActionIcon, Anchor, Badge, Card, Group, Menu, Stack, Text } from '@mantine/core';
import type { CSSProperties, PointerEventHandler, ReactNode } from 'react';
import { Link } from 'react-router';
import { useClientSummary } from '../../../api/use-client-lookup';
import type { Job } from '../../../api/use-jobs';
import { formatIsoDate, todayIso } from '../dates';
import { JOB_PRIORITY_LABELS, JOB_TRANSITIONS, jobNumber, MOVE_LABELS } from '../work-labels';
import { useMoveJob } from './use-move-job';

const OPEN = ['new', 'scheduled', 'in_progress'];

/** A job on the board: what it is, for whom, who does it and by when, and where it can go next. */
export function JobCard({
  job,
  nameOf,
  mayWrite,
  mayInvoice,
  handle,
  cardRef,
  cardProps,
}: {
  job: Job;
  nameOf: (userId: string) => string;
  mayWrite: boolean;
  mayInvoice: boolean;
  /** A drag handle, on a board that moves cards by drag and drop. */
  handle?: ReactNode;
  cardRef?: (element: HTMLElement | null) => void;
  cardProps?: { onPointerDown?: PointerEventHandler; style?: CSSProperties };
}) {
  const client = useClientSummary(job.clientId);
  const { move, pendingFor } = useMoveJob();
  const next = JOB_TRANSITIONS[job.status];
  const forward = next.find((status) => status !== 'cancelled' && status !== 'invoiced');
  const priority = JOB_PRIORITY_LABELS[job.priority];
  const late = job.dueOn !== null && job.dueOn < todayIso() && OPEN.includes(job.status);
  const label = `Job ${jobNumber(job.number)}: ${job.title}`;
  return (
    <Card
      withBorder
      padding="sm"
      radius="md"
      component="article"
      aria-label={label}
      ref={cardRef}
      onPointerDown={cardProps?.onPointerDown}
      style={cardProps?.style}
    >
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Group gap={4} wrap="nowrap">
            {handle}
            <Text size="xs" c="dimmed" fw={600}>
              {jobNumber(job.number)}
            </Text>
          </Group>
          <Group gap={4} wrap="nowrap">
            {job.priority !== 'normal' && (
              <Badge size="xs" color={priority.color} variant="light">
                {priority.label}
              </Badge>
            )}
            {mayWrite && (next.length > 0 || (job.status === 'completed' && mayInvoice)) && (
              <Menu position="bottom-end" withinPortal>
                <Menu.Target>
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    size="sm"
                    aria-label={`Move job ${jobNumber(job.number)}`}
                    loading={pendingFor === job.id}
                  >
                    <span aria-hidden>⋯</span>
                  </ActionIcon>
                </Menu.Target>
                <Menu.Dropdown>
                  {job.status === 'completed' && mayInvoice && (
                    <Menu.Item component={Link} to={`/invoices/new?clientId=${job.clientId}&jobId=${job.id}`}>
                      Create invoice
                    </Menu.Item>
                  )}
                  {next.map((status) => (
                    <Menu.Item
                      key={status}
                      color={status === 'cancelled' ? 'red' : undefined}
                      onClick={() => move(job, status)}
                    >
                      {MOVE_LABELS[status]}
                    </Menu.Item>
                  ))}
                </Menu.Dropdown>
              </Menu>
            )}
          </Group>
        </Group>
        <Anchor component={Link} to={`/jobs/${job.id}`} fw={600} size="sm" lineClamp={2}>
          {job.title}
        </Anchor>
        <Text size="sm" c={client.isError ? 'dimmed' : undefined} lineClamp={1}>
          {client.data?.name ?? (client.isError ? 'Client not available' : '…')}
        </Text>
        {job.assignedUserIds.length > 0 && (
          <Text size="xs" c="dimmed" lineClamp={2}>
            {job.assignedUserIds.map(nameOf).join(', ')}
          </Text>
        )}
        <Group justify="space-between" gap="xs">
          <Text size="xs" c={late ? 'red' : 'dimmed'} fw={late ? 600 : undefined}>
            {job.dueOn ? `${late ? 'Overdue · ' : 'Due '}${formatIsoDate(job.dueOn)}` : 'No due date'}
          </Text>
          {mayWrite && forward && (
            <Anchor
              component="button"
              type="button"
              size="xs"
              onClick={() => move(job, forward)}
              aria-label={`${MOVE_LABELS[forward]}: job ${jobNumber(job.number)}`}
            >
              {MOVE_LABELS[forward]} →
            </Anchor>
          )}
        </Group>
      </Stack>
    </Card>
  );
}
