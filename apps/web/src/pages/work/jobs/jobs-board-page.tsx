import { DndContext, type DragEndEvent, DragOverlay } from '@dnd-kit/core';
import {
  Alert,
  Badge,
  Box,
  Button,
  Collapse,
  Group,
  Loader,
  MultiSelect,
  NativeSelect,
  Paper,
  ScrollArea,
  Select,
  Stack,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { type CSSProperties, useState } from 'react';
import { useNavigate } from 'react-router';
import { useBranches } from '../../../api/use-branches';
import {
  type Job,
  type JobFilters,
  type JobPriority,
  type JobStatus,
  useJobColumn,
  useJobCounts,
} from '../../../api/use-jobs';
import { useStaff } from '../../../api/use-staff';
import { useAuth } from '../../../auth/auth-context';
import { usePermissions } from '../../../auth/use-permissions';
import { JOB_PRIORITIES, JOB_PRIORITY_LABELS, JOB_STATUS_LABELS, JOB_TRANSITIONS } from '../work-labels';
import {
  boardAnnouncements,
  boardCollisions,
  type DraggedJob,
  dropOf,
  screenReaderInstructions,
  useBoardSensors,
  useDraggableJob,
  useDropColumn,
} from './job-board-dnd';
import { JobCard } from './job-card';
import { JobFormModal } from './job-form-modal';
import { useMoveJob } from './use-move-job';

const COLUMNS: JobStatus[] = ['new', 'scheduled', 'in_progress', 'completed', 'invoiced'];
const COLUMN_WIDTH = 256;

/**
 * The jobs board: one column per status of the workflow, cancelled jobs folded away; cards
 * move by drag and drop. On a phone, one column at a time with a status picker.
 */
export function JobsBoardPage() {
  const { can } = usePermissions();
  const { user } = useAuth();
  const navigate = useNavigate();
  const branches = useBranches();
  const staff = useStaff();
  const [branchId, setBranchId] = useState<string | null>(null);
  const [assigneeId, setAssigneeId] = useState<string | null>(null);
  const [priorities, setPriorities] = useState<JobPriority[]>([]);
  const [creating, setCreating] = useState(false);
  // A phone shows one column at a time, chosen with a picker, rather than a board to scroll sideways.
  const phone = useMediaQuery('(max-width: 35.99em)', false, { getInitialValueInEffect: false });
  const filters: JobFilters = { branchId, assigneeId, priorities };
  const counts = useJobCounts({ branchId, assigneeId });
  const mayWrite = can('jobs:write');
  const mayInvoice = can('invoices:write');

  const assigneeOptions = [
    { value: 'me', label: 'Mine' },
    ...staff.members
      .filter((member) => member.id !== user?.id)
      .map((member) => ({ value: member.id, label: member.name })),
  ];
  // The board's counts know no priority: with one chosen, columns say what they hold.
  const countOf = (status: JobStatus) => (priorities.length ? undefined : counts.data?.[status]);

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>Jobs</Title>
          <Text c="dimmed" size="sm">
            Work for clients, from the first call to the invoice.
          </Text>
        </div>
        {mayWrite && <Button onClick={() => setCreating(true)}>New job</Button>}
      </Group>

      <Group align="flex-end" role="search" aria-label="Filter jobs">
        <Select
          label="Branch"
          placeholder="All branches"
          data={(branches.data?.items ?? []).map((branch) => ({ value: branch.id, label: branch.name }))}
          value={branchId}
          onChange={setBranchId}
          clearable
          searchable
          w={200}
        />
        <Select
          label="Assignee"
          placeholder="Anyone"
          data={assigneeOptions}
          value={assigneeId}
          onChange={setAssigneeId}
          clearable
          searchable
          w={220}
        />
        <MultiSelect
          label="Priority"
          placeholder={priorities.length ? undefined : 'Any priority'}
          data={JOB_PRIORITIES.map((value) => ({ value, label: JOB_PRIORITY_LABELS[value].label }))}
          value={priorities}
          onChange={(value) => setPriorities(value as JobPriority[])}
          clearable
          w={260}
        />
      </Group>

      {phone ? (
        <PhoneBoard
          filters={filters}
          countOf={countOf}
          nameOf={staff.nameOf}
          mayWrite={mayWrite}
          mayInvoice={mayInvoice}
        />
      ) : (
        <DesktopBoard
          filters={filters}
          countOf={countOf}
          nameOf={staff.nameOf}
          mayWrite={mayWrite}
          mayInvoice={mayInvoice}
        />
      )}

      {creating && (
        <JobFormModal job={null} onClose={() => setCreating(false)} onSaved={(job) => navigate(`/jobs/${job.id}`)} />
      )}
    </Stack>
  );
}

interface BoardProps {
  filters: JobFilters;
  countOf: (status: JobStatus) => number | undefined;
  nameOf: (userId: string) => string;
  mayWrite: boolean;
  mayInvoice: boolean;
}

/**
 * Columns side by side; cards move between them by drag and drop (pointer, or keyboard from
 * a card's handle), only where the workflow allows. An allowed drop shows the card in its
 * new column at once and asks the API; a refused one snaps back with the reason.
 */
function DesktopBoard({ filters, countOf, nameOf, mayWrite, mayInvoice }: BoardProps) {
  const queryClient = useQueryClient();
  const sensors = useBoardSensors();
  const { move } = useMoveJob();
  const [showCancelled, setShowCancelled] = useState(false);
  const [dragged, setDragged] = useState<Job | null>(null);
  /** Jobs dropped on a new column whose move is on its way: shown there until the columns reload. */
  const [moving, setMoving] = useState<Record<string, Job>>({});
  const cancelledDrop = useDropColumn('cancelled', dragged);
  const settle = (id: string) =>
    void queryClient
      .refetchQueries({ queryKey: ['jobs', 'list'], type: 'active' })
      .finally(() => setMoving(({ [id]: _settled, ...rest }) => rest));

  function onDragEnd(event: DragEndEvent) {
    setDragged(null);
    const drop = dropOf(event);
    if (!drop) return;
    const { job, to } = drop;
    if (JOB_TRANSITIONS[job.status].includes(to))
      setMoving((current) => ({ ...current, [job.id]: { ...job, status: to } }));
    move(job, to, { onSettled: () => settle(job.id) });
  }

  const column = (status: JobStatus, headless = false) => {
    const props = {
      status,
      filters,
      count: countOf(status),
      nameOf,
      mayWrite,
      mayInvoice,
      headless,
      draggable: mayWrite,
      moving,
    };
    // The folded Cancelled column is a drop target as a whole (its header too), not its list.
    return headless ? (
      <JobColumn key={status} {...props} />
    ) : (
      <DroppableJobColumn key={status} {...props} dragged={dragged} />
    );
  };

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={boardCollisions}
      accessibility={{ announcements: boardAnnouncements, screenReaderInstructions }}
      onDragStart={(event) => setDragged((event.active.data.current as DraggedJob).job)}
      onDragCancel={() => setDragged(null)}
      onDragEnd={onDragEnd}
    >
      <ScrollArea type="auto" offsetScrollbars>
        <Group align="stretch" wrap="nowrap" gap="md" pb="sm">
          {COLUMNS.map((status) => column(status))}
          <Box
            ref={cancelledDrop.setNodeRef}
            w={showCancelled ? COLUMN_WIDTH : 150}
            style={{ flexShrink: 0, alignSelf: 'flex-start', borderRadius: 8, ...cancelledDrop.style }}
          >
            <UnstyledButton
              onClick={() => setShowCancelled((shown) => !shown)}
              aria-expanded={showCancelled}
              aria-controls="cancelled-jobs"
              w="100%"
            >
              <Paper withBorder p="xs" radius="md" bg="var(--mantine-color-default-hover)">
                <Group justify="space-between" gap="xs" wrap="nowrap">
                  <Text fw={600} size="sm">
                    {showCancelled ? '▾' : '▸'} Cancelled
                  </Text>
                  {countOf('cancelled') !== undefined && (
                    <Badge size="sm" variant="light" color="red">
                      {countOf('cancelled')}
                    </Badge>
                  )}
                </Group>
              </Paper>
            </UnstyledButton>
            <Collapse expanded={showCancelled} id="cancelled-jobs" keepMounted={false}>
              {column('cancelled', true)}
            </Collapse>
          </Box>
        </Group>
      </ScrollArea>
      <DragOverlay dropAnimation={null}>
        {dragged ? <JobCard job={dragged} nameOf={nameOf} mayWrite={false} mayInvoice={false} /> : null}
      </DragOverlay>
    </DndContext>
  );
}

const ALL_STATUSES: JobStatus[] = [...COLUMNS, 'cancelled'];

/** A phone: one column at a time, the status chosen with the phone's own picker. */
function PhoneBoard({ filters, countOf, nameOf, mayWrite, mayInvoice }: BoardProps) {
  const [status, setStatus] = useState<JobStatus>('new');
  return (
    <Stack gap="sm">
      <NativeSelect
        label="Status"
        description="Jobs in one status at a time"
        value={status}
        onChange={(event) => setStatus(event.currentTarget.value as JobStatus)}
        data={ALL_STATUSES.map((value) => {
          const count = countOf(value);
          const { label } = JOB_STATUS_LABELS[value];
          return { value, label: count === undefined ? label : `${label} (${count})` };
        })}
      />
      <JobColumn
        status={status}
        filters={filters}
        count={countOf(status)}
        nameOf={nameOf}
        mayWrite={mayWrite}
        mayInvoice={mayInvoice}
        width="100%"
      />
    </Stack>
  );
}

interface JobColumnProps {
  status: JobStatus;
  filters: JobFilters;
  count: number | undefined;
  nameOf: (userId: string) => string;
  mayWrite: boolean;
  mayInvoice: boolean;
  headless?: boolean;
  width?: number | string;
  /** Cards can be dragged to other columns. */
  draggable?: boolean;
  /** Jobs dropped elsewhere whose move is on its way (see DesktopBoard). */
  moving?: Record<string, Job>;
  dropRef?: (element: HTMLElement | null) => void;
  dropStyle?: CSSProperties;
}

/** A column of the desktop board that takes dropped cards. */
function DroppableJobColumn({ dragged, ...props }: JobColumnProps & { dragged: Job | null }) {
  const drop = useDropColumn(props.status, dragged);
  return <JobColumn {...props} dropRef={drop.setNodeRef} dropStyle={drop.style} />;
}

function JobColumn({
  status,
  filters,
  count,
  nameOf,
  mayWrite,
  mayInvoice,
  headless,
  width = COLUMN_WIDTH,
  draggable = false,
  moving = {},
  dropRef,
  dropStyle,
}: JobColumnProps) {
  const column = useJobColumn(status, filters);
  const loaded = column.data?.pages.flatMap((page) => page.items) ?? [];
  // Jobs on their way elsewhere leave at once; jobs on their way here show at once.
  const arriving = Object.values(moving).filter(
    (job) => job.status === status && !loaded.some((item) => item.id === job.id),
  );
  const jobs = [...arriving, ...loaded.filter((job) => !moving[job.id] || moving[job.id].status === status)];
  const { label, color } = JOB_STATUS_LABELS[status];
  const headingId = `jobs-column-${status}`;
  return (
    <Paper
      component="section"
      ref={dropRef}
      aria-labelledby={headless ? undefined : headingId}
      aria-label={headless ? `${label} jobs` : undefined}
      aria-busy={column.isFetching}
      withBorder={!headless}
      p={headless ? 0 : 'xs'}
      pt={headless ? 'xs' : undefined}
      radius="md"
      w={width}
      bg={headless ? undefined : 'var(--mantine-color-default-hover)'}
      style={{ flexShrink: 0, ...dropStyle }}
    >
      {!headless && (
        <Group justify="space-between" mb="xs" px={4}>
          <Title order={2} size="sm" id={headingId}>
            {label}
          </Title>
          {count !== undefined && (
            <Badge size="sm" variant="light" color={color} aria-label={`${count} jobs`}>
              {count}
            </Badge>
          )}
        </Group>
      )}
      <Stack gap="xs">
        {column.isPending ? (
          <Loader size="sm" mx="auto" my="md" aria-label={`Loading ${label.toLowerCase()} jobs`} />
        ) : column.isError ? (
          <Alert color="red" role="alert" title="Could not load these jobs">
            {column.error.message}
          </Alert>
        ) : jobs.length === 0 ? (
          <Text size="sm" c="dimmed" ta="center" py="md">
            No jobs here
          </Text>
        ) : (
          jobs.map((job) =>
            draggable ? (
              <DraggableJobCard key={job.id} job={job} nameOf={nameOf} mayInvoice={mayInvoice} />
            ) : (
              <JobCard key={job.id} job={job} nameOf={nameOf} mayWrite={mayWrite} mayInvoice={mayInvoice} />
            ),
          )
        )}
        {column.hasNextPage && (
          <Button
            variant="subtle"
            size="xs"
            loading={column.isFetchingNextPage}
            onClick={() => void column.fetchNextPage()}
          >
            Load more
          </Button>
        )}
      </Stack>
    </Paper>
  );
}

function DraggableJobCard({
  job,
  nameOf,
  mayInvoice,
}: {
  job: Job;
  nameOf: (userId: string) => string;
  mayInvoice: boolean;
}) {
  const drag = useDraggableJob(job);
  return (
    <JobCard
      job={job}
      nameOf={nameOf}
      mayWrite
      mayInvoice={mayInvoice}
      handle={drag.handle}
      cardRef={drag.ref}
      cardProps={drag.cardProps}
    />
  );
}
