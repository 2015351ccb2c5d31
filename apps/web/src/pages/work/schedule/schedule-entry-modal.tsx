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
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
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

const fieldsOf = (t: TFunction): FieldMap => ({
  kind: { label: t('scheduleEntry.kind') },
  title: { label: t('scheduleEntry.title') },
  jobId: { label: t('scheduleEntry.job') },
  clientId: { label: t('scheduleEntry.client') },
  assigneeId: { label: t('scheduleEntry.assignee') },
  startsAt: { label: t('scheduleEntry.starts'), path: 'start' },
  endsAt: { label: t('scheduleEntry.ends'), path: 'end' },
  branchId: { label: t('scheduleEntry.branch') },
  notes: { label: t('scheduleEntry.notes') },
});

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
  const { t } = useTranslation();
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
      title: (title) => (title.trim() ? null : t('scheduleEntry.titleMissing')),
      assigneeId: (assigneeId) => (assigneeId ? null : t('scheduleEntry.assigneeMissing')),
      start: (start) => (fromLocalInput(start) ? null : t('scheduleEntry.startMissing')),
      end: (end, values) => {
        const [from, to] = [fromLocalInput(values.start), fromLocalInput(end)];
        if (!to) return t('scheduleEntry.endMissing');
        return from && to <= from ? t('scheduleEntry.endBeforeStart') : null;
      },
      jobId: (jobId, values) =>
        !entry && values.kind === 'job_visit' && !jobId ? t('scheduleEntry.jobMissing') : null,
      branchId: (branchId, values) =>
        !entry && !values.jobId && !values.clientId && !branchId ? t('scheduleEntry.branchMissing') : null,
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
    setElsewhere(applyFieldErrors(form, error, fieldsOf(t)));
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
        { onSuccess: (result) => saved(result, t('scheduleEntry.saved', { title: result.title })), onError: refused },
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
          onSuccess: (result) =>
            saved(result, t('scheduleEntry.booked', { title: result.title, when: timeRange(startsAt, endsAt) })),
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
              ? t('scheduleEntry.cancelled', { title: result.title })
              : status === 'done'
                ? t('scheduleEntry.done', { title: result.title })
                : t('scheduleEntry.planned', { title: result.title }),
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
    label: member.id === user?.id ? t('scheduleEntry.you', { name: member.name }) : member.name,
  }));
  if (values.assigneeId && !assigneeOptions.some((option) => option.value === values.assigneeId)) {
    assigneeOptions.push({ value: values.assigneeId, label: staff.nameOf(values.assigneeId) });
  }
  const needsBranch = !entry && !values.jobId && !values.clientId;
  const title = readOnly
    ? entry?.kind === 'job_visit'
      ? t('scheduleEntry.visit')
      : t('scheduleEntry.appointment')
    : entry
      ? entry.kind === 'job_visit'
        ? t('scheduleEntry.editVisit')
        : t('scheduleEntry.editAppointment')
      : values.kind === 'job_visit'
        ? t('scheduleEntry.scheduleVisit')
        : t('scheduleEntry.newAppointment');

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
                <Alert color="yellow" title={t('scheduleEntry.staleTitle')} role="alert">
                  <Stack gap="xs">
                    <Text size="sm">{t('scheduleEntry.staleText')}</Text>
                    <Button size="xs" variant="light" w="fit-content" loading={reloading} onClick={() => void reload()}>
                      {t('common.reload')}
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
                <Alert color="gray" title={t('scheduleEntry.cancelledTitle')}>
                  {t('scheduleEntry.cancelledText')}
                </Alert>
              )}
              {!entry && (
                <SegmentedControl
                  aria-label={t('scheduleEntry.kind')}
                  data={[
                    { value: 'appointment', label: t('scheduleEntry.appointment') },
                    { value: 'job_visit', label: t('scheduleEntry.jobVisit') },
                  ]}
                  value={values.kind}
                  onChange={(value) => form.setFieldValue('kind', value as Kind)}
                />
              )}
              <TextInput label={t('scheduleEntry.title')} required maxLength={200} {...form.getInputProps('title')} />
              {entry ? (
                entry.jobId && (
                  <TextInput
                    label={t('scheduleEntry.job')}
                    readOnly
                    variant="filled"
                    value={chosenJob.data ? `${jobNumber(chosenJob.data.number)} · ${chosenJob.data.title}` : '…'}
                  />
                )
              ) : (
                <Select
                  label={t('scheduleEntry.job')}
                  placeholder={values.kind === 'job_visit' ? t('scheduleEntry.chooseJob') : t('scheduleEntry.none')}
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
                  nothingFoundMessage={visitable.isPending ? t('scheduleEntry.loadingJobs') : t('scheduleEntry.noJob')}
                  description={t('scheduleEntry.openJobs')}
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
                  label={t('scheduleEntry.client')}
                  placeholder={t('scheduleEntry.noClient')}
                  value={values.clientId}
                  onChange={(clientId) => form.setFieldValue('clientId', clientId)}
                  clearable
                  error={form.errors.clientId as string | undefined}
                />
              )}
              <Select
                label={t('scheduleEntry.assignee')}
                description={staff.mayList ? undefined : t('scheduleEntry.ownCalendar')}
                required
                data={assigneeOptions}
                searchable
                allowDeselect={false}
                disabled={!staff.mayList}
                {...form.getInputProps('assigneeId')}
              />
              <SimpleGrid cols={2}>
                <TextInput
                  label={t('scheduleEntry.starts')}
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
                <TextInput
                  label={t('scheduleEntry.ends')}
                  type="datetime-local"
                  required
                  {...form.getInputProps('end')}
                />
              </SimpleGrid>
              {needsBranch && (
                <Select
                  label={t('scheduleEntry.branch')}
                  description={t('scheduleEntry.branchHint')}
                  required
                  data={(branches.data?.items ?? []).map((branch) => ({ value: branch.id, label: branch.name }))}
                  {...form.getInputProps('branchId')}
                />
              )}
              <Textarea label={t('scheduleEntry.notes')} autosize minRows={2} {...form.getInputProps('notes')} />
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
                        {entry.kind === 'job_visit'
                          ? t('scheduleEntry.cancelVisit')
                          : t('scheduleEntry.cancelAppointment')}
                      </Button>
                    )}
                    {entry?.status === 'planned' && (
                      <Button
                        variant="light"
                        color="teal"
                        onClick={() => setStatus('done')}
                        disabled={update.isPending}
                      >
                        {t('scheduleEntry.markDone')}
                      </Button>
                    )}
                    {entry && entry.status !== 'planned' && (
                      <Button variant="light" onClick={() => setStatus('planned')} disabled={update.isPending}>
                        {t('scheduleEntry.planAgain')}
                      </Button>
                    )}
                    {entry && (
                      <Button variant="subtle" color="red" onClick={() => setConfirmDelete(true)}>
                        {t('common.delete')}
                      </Button>
                    )}
                  </Group>
                  <Group gap="xs">
                    <Button variant="default" onClick={onClose}>
                      {t('scheduleEntry.close')}
                    </Button>
                    <Button type="submit" loading={mutation.isPending} disabled={stale}>
                      {entry ? t('common.save') : t('scheduleEntry.book')}
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
          title={t('scheduleEntry.deleteTitle', { title: entry.title })}
          confirmLabel={t('common.delete')}
          busy={remove.isPending}
          onClose={() => setConfirmDelete(false)}
          onConfirm={() =>
            remove.mutate(entry.id, {
              onSuccess: () => {
                notifications.show({ color: 'teal', message: t('scheduleEntry.deleted', { title: entry.title }) });
                onClose();
              },
              onError: (error) => {
                setConfirmDelete(false);
                notifications.show({ color: 'red', title: t('scheduleEntry.notDeleted'), message: error.message });
              },
            })
          }
        >
          {t('scheduleEntry.deleteText')}
        </ConfirmModal>
      )}
    </>
  );
}

function ClientName({ clientId, loading }: { clientId: string | null; loading: boolean }) {
  const { t } = useTranslation();
  const client = useClientSummary(clientId);
  return (
    <TextInput
      label={t('scheduleEntry.client')}
      readOnly
      variant="filled"
      value={
        clientId
          ? (client.data?.name ?? (client.isError ? t('scheduleEntry.notAvailable') : '…'))
          : loading
            ? '…'
            : t('scheduleEntry.none')
      }
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
  const { t } = useTranslation();
  const titles = new Map(knownEntries.map((known) => [known.id, known.title]));
  return (
    <Alert color="orange" title={t('scheduleEntry.doubleBooking')} role="alert">
      <Stack gap="xs">
        <Text size="sm">{t('scheduleEntry.clash', { count: clashes.length })}</Text>
        <List size="sm" aria-label={t('scheduleEntry.conflicting')}>
          {clashes.map((clash) => (
            <List.Item key={clash.id}>
              {timeRange(new Date(clash.startsAt), new Date(clash.endsAt))}
              {titles.get(clash.id) ? ` — ${titles.get(clash.id)}` : ''}
            </List.Item>
          ))}
        </List>
        <Text size="sm">Pick another time, or keep both if that is what you mean.</Text>
        <Button size="xs" color="orange" w="fit-content" loading={busy} onClick={onBookAnyway}>
          {editing ? t('scheduleEntry.saveAnyway') : t('scheduleEntry.bookAnyway')}
        </Button>
      </Stack>
    </Alert>
  );
}
