import {
  Alert,
  Badge,
  Box,
  Button,
  Collapse,
  Group,
  Loader,
  MultiSelect,
  Paper,
  ScrollArea,
  Select,
  Stack,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useBranches } from '../../../api/use-branches';
import { type JobFilters, type JobPriority, type JobStatus, useJobColumn, useJobCounts } from '../../../api/use-jobs';
import { useStaff } from '../../../api/use-staff';
import { useAuth } from '../../../auth/auth-context';
import { usePermissions } from '../../../auth/use-permissions';
import { JOB_PRIORITIES, JOB_PRIORITY_LABELS, JOB_STATUS_LABELS } from '../work-labels';
import { JobCard } from './job-card';
import { JobFormModal } from './job-form-modal';

const COLUMNS: JobStatus[] = ['new', 'scheduled', 'in_progress', 'completed', 'invoiced'];
const COLUMN_WIDTH = 256;

/** The jobs board: one column per status of the workflow, cancelled jobs folded away. */
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
  const [showCancelled, setShowCancelled] = useState(false);
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

      <ScrollArea type="auto" offsetScrollbars>
        <Group align="flex-start" wrap="nowrap" gap="md" pb="sm">
          {COLUMNS.map((status) => (
            <JobColumn
              key={status}
              status={status}
              filters={filters}
              count={countOf(status)}
              nameOf={staff.nameOf}
              mayWrite={mayWrite}
              mayInvoice={mayInvoice}
            />
          ))}
          <Box w={showCancelled ? COLUMN_WIDTH : 150} style={{ flexShrink: 0 }}>
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
              <JobColumn
                status="cancelled"
                filters={filters}
                count={countOf('cancelled')}
                nameOf={staff.nameOf}
                mayWrite={mayWrite}
                mayInvoice={mayInvoice}
                headless
              />
            </Collapse>
          </Box>
        </Group>
      </ScrollArea>

      {creating && (
        <JobFormModal job={null} onClose={() => setCreating(false)} onSaved={(job) => navigate(`/jobs/${job.id}`)} />
      )}
    </Stack>
  );
}

function JobColumn({
  status,
  filters,
  count,
  nameOf,
  mayWrite,
  mayInvoice,
  headless,
}: {
  status: JobStatus;
  filters: JobFilters;
  count: number | undefined;
  nameOf: (userId: string) => string;
  mayWrite: boolean;
  mayInvoice: boolean;
  headless?: boolean;
}) {
  const column = useJobColumn(status, filters);
  const jobs = column.data?.pages.flatMap((page) => page.items) ?? [];
  const { label, color } = JOB_STATUS_LABELS[status];
  const headingId = `jobs-column-${status}`;
  return (
    <Paper
      component="section"
      aria-labelledby={headless ? undefined : headingId}
      aria-label={headless ? `${label} jobs` : undefined}
      aria-busy={column.isFetching}
      withBorder={!headless}
      p={headless ? 0 : 'xs'}
      pt={headless ? 'xs' : undefined}
      radius="md"
      w={COLUMN_WIDTH}
      bg={headless ? undefined : 'var(--mantine-color-default-hover)'}
      style={{ flexShrink: 0 }}
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
          jobs.map((job) => (
            <JobCard key={job.id} job={job} nameOf={nameOf} mayWrite={mayWrite} mayInvoice={mayInvoice} />
          ))
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
