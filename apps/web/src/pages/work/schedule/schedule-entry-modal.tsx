import {
  Alert,
  Button,
  Group,
  List,
  Modal,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { formProblemOf } from '../../../api/problems';
import { useBranches } from '../../../api/use-branches';
import { useClientSummary } from '../../../api/use-client-lookup';
import { useJob, useVisitableJobs } from '../../../api/use-jobs';
import {
  type Clash,
  clashesOf,
  fetchScheduleEntry,
  type ScheduleEntry,
  useCreateScheduleEntry,
  useDeleteScheduleEntry,
  useUpdateScheduleEntry,
} from '../../../api/use-schedule';
import { useStaff } from '../../../api/use-staff';
import { useAuth } from '../../../auth/auth-context';
import { ConfirmModal } from '../../../components/confirm-modal';
import { applyFieldErrors, type FieldMap, useFirstErrorFocus } from '../../../forms/form-errors';
import { formatDay, formatTime, fromLocalInput, sameDay, toLocalInput } from '../dates';
import { ClientPicker } from '../shared/client-picker';
import { jobNumber } from '../work-labels';

type Kind = ScheduleEntry['kind'];

export interface EntryDefaults {
  kind?: Kind;
  jobId?: string | null;
  clientId?: string | null;
  assigneeId?: string | null;
  branchId?: string | null;
  title?: string;
  startsAt?: Date;
  endsAt?: Date;
}

interface EntryForm {
  kind: Kind;
  title: string;
  jobId: string | null;
  clientId: string | null;
  assigneeId: string | null;
  branchId: string | null;
  start: string;
  end: string;
  notes: string;
}

function formOf(entry: ScheduleEntry | null, defaults: EntryDefaults): EntryForm {
  const startsAt = entry ? new Date(entry.startsAt) : (defaults.startsAt ?? new Date());
  const endsAt = entry ? new Date(entry.endsAt) : (defaults.endsAt ?? new Date(startsAt.getTime() + 3_600_000));
  return {
    kind: entry?.kind ?? defaults.kind ?? 'appointment',
    title: entry?.title ?? defaults.title ?? '',
    jobId: entry?.jobId ?? defaults.jobId ?? null,
    clientId: entry?.clientId ?? defaults.clientId ?? null,
    assigneeId: entry?.assigneeId ?? defaults.assigneeId ?? null,
    branchId: entry?.branchId ?? defaults.branchId ?? null,
    start: toLocalInput(startsAt),
    end: toLocalInput(endsAt),
    notes: entry?.notes ?? '',
  };
}

const FIELDS: FieldMap = {
  kind: { label: 'Kind' },
  title: { label: 'Title' },
  jobId: { label: 'Job' },
  clientId: { label: 'Client' },
  assigneeId: { label: 'Assignee' },
  startsAt: { label: 'Starts', path: 'start' },
  endsAt: { label: 'Ends', path: 'end' },
  branchId: { label: 'Branch' },
  notes: { label: 'Notes' },
};

/** "Tue 25 Nov, 09:00–10:30" */
export function timeRange(startsAt: Date, endsAt: Date): string {
  const end = sameDay(startsAt, endsAt) ? formatTime(endsAt) : `${formatDay(endsAt)} ${formatTime(endsAt)}`;
  return `${formatDay(startsAt)}, ${formatTime(startsAt)}–${end}`;
}

/**
 * Books an appointment or a job visit, or changes one. A double booking is refused by the
 * API with the clashing entries: they are shown, and "Book anyway" sends the booking again
 * saying so on purpose (allowDoubleBooking).
 */
export function ScheduleEntryModal({
  entry,
  defaults = {},
  knownEntries = [],
  readOnly = false,
  onClose,
  onSaved,
}: {
  entry: ScheduleEntry | null;
  defaults?: EntryDefaults;
  /** Entries already loaded, to name the clashing ones (the 409 carries only ids and times). */
  knownEntries?: ScheduleEntry[];
  /** For people who may look but not book: the fields show, nothing changes. */
  readOnly?: boolean;
  onClose: () => void;
  onSaved?: (entry: ScheduleEntry) => void;
}) {
  const { user } = useAuth();
  const staff = useStaff();
  const branches = useBranches();
  const create = useCreateScheduleEntry();
  const update = useUpdateScheduleEntry();
  const remove = useDeleteScheduleEntry();
  const form = useForm<EntryForm>({
    initialValues: (() => {
      const initial = formOf(entry, defaults);
      if (!initial.assigneeId && user) initial.assigneeId = user.id;
      if (!initial.branchId && user?.branchIds.length === 1) initial.branchId = user.branchIds[0];
      return initial;
    })(),
    validate: {
      title: (title) => (title.trim() ? null : 'Give the entry a title.'),
      assigneeId: (assigneeId) => (assigneeId ? null : 'Choose whose calendar it goes in.'),
      start: (start) => (fromLocalInput(start) ? null : 'Choose when it starts.'),
      end: (end, values) => {
        const [from, to] = [fromLocalInput(values.start), fromLocalInput(end)];
        if (!to) return 'Choose when it ends.';
        return from && to <= from ? 'The end must be after the start.' : null;
      },
      jobId: (jobId, values) => (!entry && values.kind === 'job_visit' && !jobId ? 'A job visit needs its job.' : null),
      branchId: (branchId, values) =>
        !entry && !values.jobId && !values.clientId && !branchId
          ? 'An appointment with no client or job belongs to a branch.'
          : null,
    },
  });
  const { ref, focusFirstError } = useFirstErrorFocus();
  const [elsewhere, setElsewhere] = useState<string[]>([]);
  const [version, setVersion] = useState(entry?.version);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const values = form.values;
  const visitable = useVisitableJobs(!entry);
  const chosenJob = useJob(values.jobId);
  const jobClient = useClientSummary(chosenJob.data?.clientId);
  const mutation = entry ? update : create;

  const saved = (result: ScheduleEntry, message: string) => {
    notifications.show({ color: 'teal', message });
    onSaved?.(result);
    onClose();
  };

  const refused = (error: unknown) => {
    setElsewhere(applyFieldErrors(form, error, FIELDS));
    focusFirstError();
  };

  function save(allowDoubleBooking = false) {
    if (form.validate().hasErrors) {
      focusFirstError();
      return;
    }
    setElsewhere([]);
    const current = form.getValues();
    const startsAt = fromLocalInput(current.start);
    const endsAt = fromLocalInput(current.end);
    if (!startsAt || !endsAt) return;
    if (entry) {
      update.mutate(
        {
          id: entry.id,
          version: version ?? entry.version,
          title: current.title.trim(),
          notes: current.notes.trim() || null,
          startsAt: startsAt.toISOString(),
          endsAt: endsAt.toISOString(),
          assigneeId: current.assigneeId ?? undefined,
          ...(allowDoubleBooking ? { allowDoubleBooking } : {}),
        },
        { onSuccess: (result) => saved(result, `“${result.title}” saved.`), onError: refused },
      );
    } else {
      create.mutate(
        {
          kind: current.kind,
          title: current.title.trim(),
          jobId: current.jobId ?? undefined,
          clientId: current.jobId ? undefined : (current.clientId ?? undefined),
          assigneeId: current.assigneeId as string,
          startsAt: startsAt.toISOString(),
          endsAt: endsAt.toISOString(),
          notes: current.notes.trim() || undefined,
          branchId: current.jobId || current.clientId ? undefined : (current.branchId ?? undefined),
          ...(allowDoubleBooking ? { allowDoubleBooking } : {}),
        },
        {
          onSuccess: (result) => saved(result, `“${result.title}” booked for ${timeRange(startsAt, endsAt)}.`),
          onError: refused,
        },
      );
    }
  }

  function setStatus(status: ScheduleEntry['status']) {
    if (!entry) return;
    update.mutate(
      { id: entry.id, version: version ?? entry.version, status },
      {
        onSuccess: (result) =>
          saved(
            result,
            status === 'cancelled'
              ? `“${result.title}” cancelled.`
              : status === 'done'
                ? `“${result.title}” marked as done.`
                : `“${result.title}” is planned again.`,
          ),
      },
    );
  }

  const [reloading, setReloading] = useState(false);
  async function reload() {
    if (!entry) return;
    setReloading(true);
    try {
      const fresh = await fetchScheduleEntry(entry.id);
      form.setValues(formOf(fresh, {}));
      form.clearErrors();
      setVersion(fresh.version);
      update.reset();
    } finally {
      setReloading(false);
    }
  }

  const submit = form.onSubmit(() => save(false), focusFirstError);

  const clashes = clashesOf(mutation.error);
  const problem = clashes ? null : formProblemOf(mutation.error);
  const stale = Boolean(entry) && problem?.problem.status === 409;
  const jobs = visitable.data?.items ?? [];
  const jobOptions = jobs.map((job) => ({ value: job.id, label: `${jobNumber(job.number)} · ${job.title}` }));
  if (chosenJob.data && !jobOptions.some((option) => option.value === chosenJob.data.id)) {
    jobOptions.unshift({
      value: chosenJob.data.id,
      label: `${jobNumber(chosenJob.data.number)} · ${chosenJob.data.title}`,
    });
  }
  const assigneeOptions = staff.members.map((member) => ({
    value: member.id,
    label: member.id === user?.id ? `${member.name} (you)` : member.name,
  }));
  if (values.assigneeId && !assigneeOptions.some((option) => option.value === values.assigneeId)) {
    assigneeOptions.push({ value: values.assigneeId, label: staff.nameOf(values.assigneeId) });
  }
  const needsBranch = !entry && !values.jobId && !values.clientId;
  const title = readOnly
    ? entry?.kind === 'job_visit'
      ? 'Visit'
      : 'Appointment'
    : entry
      ? `Edit ${entry.kind === 'job_visit' ? 'visit' : 'appointment'}`
      : values.kind === 'job_visit'
        ? 'Schedule a visit'
        : 'New appointment';

  return (
    <>
      <Modal opened={!confirmDelete} onClose={onClose} title={title} size="lg" centered>
        <form ref={ref} onSubmit={submit} noValidate aria-label={title}>
          <fieldset disabled={readOnly} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
            <Stack>
              {clashes && (
                <ClashAlert
                  clashes={clashes}
                  knownEntries={knownEntries}
                  busy={mutation.isPending}
                  onBookAnyway={() => save(true)}
                  editing={Boolean(entry)}
                />
              )}
              {stale ? (
                <Alert color="yellow" title="Someone changed this entry meanwhile" role="alert">
                  <Stack gap="xs">
                    <Text size="sm">Your change was not saved. Reload to see the entry as it is now.</Text>
                    <Button size="xs" variant="light" w="fit-content" loading={reloading} onClick={() => void reload()}>
                      Reload
                    </Button>
                  </Stack>
                </Alert>
              ) : (
                (problem || elsewhere.length > 0) && (
                  <Alert color="red" title={problem?.problem.title ?? 'Not saved'} role="alert">
                    {problem?.message ?? elsewhere.join(' ')}
                  </Alert>
                )
              )}
              {entry?.status === 'cancelled' && (
                <Alert color="gray" title="Cancelled">
                  This entry was cancelled. It stays in the calendar, greyed out, until it is deleted.
                </Alert>
              )}
              {!entry && (
                <SegmentedControl
                  aria-label="Kind"
                  data={[
                    { value: 'appointment', label: 'Appointment' },
                    { value: 'job_visit', label: 'Job visit' },
                  ]}
                  value={values.kind}
                  onChange={(value) => form.setFieldValue('kind', value as Kind)}
                />
              )}
              <TextInput label="Title" required maxLength={200} {...form.getInputProps('title')} />
              {entry ? (
                entry.jobId && (
                  <TextInput
                    label="Job"
                    readOnly
                    variant="filled"
                    value={chosenJob.data ? `${jobNumber(chosenJob.data.number)} · ${chosenJob.data.title}` : '…'}
                  />
                )
              ) : (
                <Select
                  label="Job"
                  placeholder={values.kind === 'job_visit' ? 'Choose the job' : 'None'}
                  required={values.kind === 'job_visit'}
                  data={jobOptions}
                  {...form.getInputProps('jobId')}
                  onChange={(jobId) => {
                    const job = jobs.find((candidate) => candidate.id === jobId);
                    const current = form.getValues();
                    form.setValues({
                      jobId,
                      clientId: job ? job.clientId : current.clientId,
                      title: current.title || job?.title || '',
                    });
                    form.clearFieldError('jobId');
                  }}
                  searchable
                  clearable={values.kind !== 'job_visit'}
                  nothingFoundMessage={visitable.isPending ? 'Loading jobs…' : 'No open job matches'}
                  description="Open jobs, newest first"
                />
              )}
              {values.jobId || entry ? (
                (values.jobId || entry?.clientId) && (
                  <ClientName
                    clientId={entry ? entry.clientId : (chosenJob.data?.clientId ?? null)}
                    loading={!entry && jobClient.isPending}
                  />
                )
              ) : (
                <ClientPicker
                  label="Client"
                  placeholder="None (an internal appointment)"
                  value={values.clientId}
                  onChange={(clientId) => form.setFieldValue('clientId', clientId)}
                  clearable
                  error={form.errors.clientId as string | undefined}
                />
              )}
              <Select
                label="Assignee"
                description={staff.mayList ? undefined : 'You book your own calendar.'}
                required
                data={assigneeOptions}
                searchable
                allowDeselect={false}
                disabled={!staff.mayList}
                {...form.getInputProps('assigneeId')}
              />
              <SimpleGrid cols={2}>
                <TextInput
                  label="Starts"
                  type="datetime-local"
                  required
                  {...form.getInputProps('start')}
                  onChange={(event) => {
                    const value = event.currentTarget.value;
                    const current = form.getValues();
                    // Moving the start keeps the length of the booking.
                    const before = fromLocalInput(current.start);
                    const after = fromLocalInput(value);
                    const end = fromLocalInput(current.end);
                    const shifted =
                      before && after && end
                        ? toLocalInput(new Date(end.getTime() + after.getTime() - before.getTime()))
                        : current.end;
                    form.setValues({ start: value, end: shifted });
                    form.clearFieldError('start');
                  }}
                />
                <TextInput label="Ends" type="datetime-local" required {...form.getInputProps('end')} />
              </SimpleGrid>
              {needsBranch && (
                <Select
                  label="Branch"
                  description="An appointment with no client or job belongs to a branch."
                  required
                  data={(branches.data?.items ?? []).map((branch) => ({ value: branch.id, label: branch.name }))}
                  {...form.getInputProps('branchId')}
                />
              )}
              <Textarea label="Notes" autosize minRows={2} {...form.getInputProps('notes')} />
              {readOnly ? null : (
                <Group justify="space-between">
                  <Group gap="xs">
                    {entry && entry.status !== 'cancelled' && (
                      <Button
                        variant="light"
                        color="red"
                        onClick={() => setStatus('cancelled')}
                        disabled={update.isPending}
                      >
                        Cancel {entry.kind === 'job_visit' ? 'visit' : 'appointment'}
                      </Button>
                    )}
                    {entry?.status === 'planned' && (
                      <Button
                        variant="light"
                        color="teal"
                        onClick={() => setStatus('done')}
                        disabled={update.isPending}
                      >
                        Mark as done
                      </Button>
                    )}
                    {entry && entry.status !== 'planned' && (
                      <Button variant="light" onClick={() => setStatus('planned')} disabled={update.isPending}>
                        Plan again
                      </Button>
                    )}
                    {entry && (
                      <Button variant="subtle" color="red" onClick={() => setConfirmDelete(true)}>
                        Delete
                      </Button>
                    )}
                  </Group>
                  <Group gap="xs">
                    <Button variant="default" onClick={onClose}>
                      Close
                    </Button>
                    <Button type="submit" loading={mutation.isPending} disabled={stale}>
                      {entry ? 'Save' : 'Book'}
                    </Button>
                  </Group>
                </Group>
              )}
            </Stack>
          </fieldset>
        </form>
      </Modal>
      {entry && (
        <ConfirmModal
          opened={confirmDelete}
          title={`Delete “${entry.title}”?`}
          confirmLabel="Delete"
          busy={remove.isPending}
          onClose={() => setConfirmDelete(false)}
          onConfirm={() =>
            remove.mutate(entry.id, {
              onSuccess: () => {
                notifications.show({ color: 'teal', message: `“${entry.title}” deleted.` });
                onClose();
              },
              onError: (error) => {
                setConfirmDelete(false);
                notifications.show({ color: 'red', title: 'Not deleted', message: error.message });
              },
            })
          }
        >
          It disappears from the calendar. To keep a trace that it was called off, cancel it instead.
        </ConfirmModal>
      )}
    </>
  );
}

function ClientName({ clientId, loading }: { clientId: string | null; loading: boolean }) {
  const client = useClientSummary(clientId);
  return (
    <TextInput
      label="Client"
      readOnly
      variant="filled"
      value={clientId ? (client.data?.name ?? (client.isError ? 'Not available' : '…')) : loading ? '…' : 'None'}
    />
  );
}

function ClashAlert({
  clashes,
  knownEntries,
  busy,
  onBookAnyway,
  editing,
}: {
  clashes: Clash[];
  knownEntries: ScheduleEntry[];
  busy: boolean;
  onBookAnyway: () => void;
  editing: boolean;
}) {
  const titles = new Map(knownEntries.map((known) => [known.id, known.title]));
  return (
    <Alert color="orange" title="Double booking" role="alert">
      <Stack gap="xs">
        <Text size="sm">The assignee already has {clashes.length === 1 ? 'an entry' : 'entries'} at that time:</Text>
        <List size="sm" aria-label="Conflicting entries">
          {clashes.map((clash) => (
            <List.Item key={clash.id}>
              {timeRange(new Date(clash.startsAt), new Date(clash.endsAt))}
              {titles.get(clash.id) ? ` — ${titles.get(clash.id)}` : ''}
            </List.Item>
          ))}
        </List>
        <Text size="sm">Pick another time, or keep both if that is what you mean.</Text>
        <Button size="xs" color="orange" w="fit-content" loading={busy} onClick={onBookAnyway}>
          {editing ? 'Save anyway' : 'Book anyway'}
        </Button>
      </Stack>
    </Alert>
  );
}
