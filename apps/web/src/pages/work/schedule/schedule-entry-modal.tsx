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
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf, formProblemOf } from '../../../api/problems';
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
  const { t } = useTranslation();
  const staff = useStaff();
  const branches = useBranches();
  const create = useCreateScheduleEntry();
  const update = useUpdateScheduleEntry();
  const remove = useDeleteScheduleEntry();
  const [form, setForm] = useState<EntryForm>(() => {
    const initial = formOf(entry, defaults);
    if (!initial.assigneeId && user) initial.assigneeId = user.id;
    if (!initial.branchId && user?.branchIds.length === 1) initial.branchId = user.branchIds[0];
    return initial;
  });
  const [version, setVersion] = useState(entry?.version);
  const [missing, setMissing] = useState<Record<string, string>>({});
  const [confirmDelete, setConfirmDelete] = useState(false);
  const visitable = useVisitableJobs(!entry);
  const chosenJob = useJob(form.jobId);
  const jobClient = useClientSummary(chosenJob.data?.clientId);
  const mutation = entry ? update : create;
  const set = <Key extends keyof EntryForm>(key: Key, value: EntryForm[Key]) =>
    setForm((current) => ({ ...current, [key]: value }));

  const startsAt = fromLocalInput(form.start);
  const endsAt = fromLocalInput(form.end);

  function validate(): boolean {
    const problems: Record<string, string> = {};
    if (!form.title.trim()) problems.title = t('scheduleEntry.titleMissing');
    if (!form.assigneeId) problems.assigneeId = t('scheduleEntry.assigneeMissing');
    if (!startsAt) problems.startsAt = t('scheduleEntry.startMissing');
    if (!endsAt) problems.endsAt = t('scheduleEntry.endMissing');
    else if (startsAt && endsAt <= startsAt) problems.endsAt = t('scheduleEntry.endBeforeStart');
    if (!entry && form.kind === 'job_visit' && !form.jobId) problems.jobId = t('scheduleEntry.jobMissing');
    if (!entry && !form.jobId && !form.clientId && !form.branchId) {
      problems.branchId = t('scheduleEntry.branchMissing');
    }
    setMissing(problems);
    return Object.keys(problems).length === 0;
  }

  const saved = (result: ScheduleEntry, message: string) => {
    notifications.show({ color: 'teal', message });
    onSaved?.(result);
    onClose();
  };

  function save(allowDoubleBooking = false) {
    if (!validate() || !startsAt || !endsAt) return;
    if (entry) {
      update.mutate(
        {
          id: entry.id,
          version: version ?? entry.version,
          title: form.title.trim(),
          notes: form.notes.trim() || null,
          startsAt: startsAt.toISOString(),
          endsAt: endsAt.toISOString(),
          assigneeId: form.assigneeId ?? undefined,
          ...(allowDoubleBooking ? { allowDoubleBooking } : {}),
        },
        { onSuccess: (result) => saved(result, t('scheduleEntry.saved', { title: result.title })) },
      );
    } else {
      create.mutate(
        {
          kind: form.kind,
          title: form.title.trim(),
          jobId: form.jobId ?? undefined,
          clientId: form.jobId ? undefined : (form.clientId ?? undefined),
          assigneeId: form.assigneeId as string,
          startsAt: startsAt.toISOString(),
          endsAt: endsAt.toISOString(),
          notes: form.notes.trim() || undefined,
          branchId: form.jobId || form.clientId ? undefined : (form.branchId ?? undefined),
          ...(allowDoubleBooking ? { allowDoubleBooking } : {}),
        },
        {
          onSuccess: (result) =>
            saved(result, t('scheduleEntry.booked', { title: result.title, when: timeRange(startsAt, endsAt) })),
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
      setForm(formOf(fresh, {}));
      setVersion(fresh.version);
      update.reset();
    } finally {
      setReloading(false);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    save(false);
  }

  const clashes = clashesOf(mutation.error);
  const errors = { ...fieldErrorsOf(mutation.error), ...missing };
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
  if (form.assigneeId && !assigneeOptions.some((option) => option.value === form.assigneeId)) {
    assigneeOptions.push({ value: form.assigneeId, label: staff.nameOf(form.assigneeId) });
  }
  const needsBranch = !entry && !form.jobId && !form.clientId;
  const title = readOnly
    ? entry?.kind === 'job_visit'
      ? t('scheduleEntry.visit')
      : t('scheduleEntry.appointment')
    : entry
      ? entry.kind === 'job_visit'
        ? t('scheduleEntry.editVisit')
        : t('scheduleEntry.editAppointment')
      : form.kind === 'job_visit'
        ? t('scheduleEntry.scheduleVisit')
        : t('scheduleEntry.newAppointment');

  return (
    <>
      <Modal opened={!confirmDelete} onClose={onClose} title={title} size="lg" centered>
        <form onSubmit={submit} noValidate>
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
                problem && (
                  <Alert color="red" title={problem.problem.title} role="alert">
                    {problem.message}
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
                  value={form.kind}
                  onChange={(value) => set('kind', value as Kind)}
                />
              )}
              <TextInput
                label={t('scheduleEntry.title')}
                required
                maxLength={200}
                value={form.title}
                onChange={(event) => set('title', event.currentTarget.value)}
                error={errors.title}
              />
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
                  placeholder={form.kind === 'job_visit' ? t('scheduleEntry.chooseJob') : t('scheduleEntry.none')}
                  required={form.kind === 'job_visit'}
                  data={jobOptions}
                  value={form.jobId}
                  onChange={(jobId) => {
                    const job = jobs.find((candidate) => candidate.id === jobId);
                    setForm((current) => ({
                      ...current,
                      jobId,
                      clientId: job ? job.clientId : current.clientId,
                      title: current.title || job?.title || '',
                    }));
                  }}
                  searchable
                  clearable={form.kind !== 'job_visit'}
                  nothingFoundMessage={visitable.isPending ? t('scheduleEntry.loadingJobs') : t('scheduleEntry.noJob')}
                  description={t('scheduleEntry.openJobs')}
                  error={errors.jobId}
                />
              )}
              {form.jobId || entry ? (
                (form.jobId || entry?.clientId) && (
                  <ClientName
                    clientId={entry ? entry.clientId : (chosenJob.data?.clientId ?? null)}
                    loading={!entry && jobClient.isPending}
                  />
                )
              ) : (
                <ClientPicker
                  label={t('scheduleEntry.client')}
                  placeholder={t('scheduleEntry.noClient')}
                  value={form.clientId}
                  onChange={(clientId) => set('clientId', clientId)}
                  clearable
                  error={errors.clientId}
                />
              )}
              <Select
                label={t('scheduleEntry.assignee')}
                description={staff.mayList ? undefined : t('scheduleEntry.ownCalendar')}
                required
                data={assigneeOptions}
                value={form.assigneeId}
                onChange={(value) => set('assigneeId', value)}
                searchable
                allowDeselect={false}
                disabled={!staff.mayList}
                error={errors.assigneeId}
              />
              <SimpleGrid cols={2}>
                <TextInput
                  label={t('scheduleEntry.starts')}
                  type="datetime-local"
                  required
                  value={form.start}
                  onChange={(event) => {
                    const value = event.currentTarget.value;
                    setForm((current) => {
                      // Moving the start keeps the length of the booking.
                      const before = fromLocalInput(current.start);
                      const after = fromLocalInput(value);
                      const end = fromLocalInput(current.end);
                      const shifted =
                        before && after && end
                          ? toLocalInput(new Date(end.getTime() + after.getTime() - before.getTime()))
                          : current.end;
                      return { ...current, start: value, end: shifted };
                    });
                  }}
                  error={errors.startsAt}
                />
                <TextInput
                  label={t('scheduleEntry.ends')}
                  type="datetime-local"
                  required
                  value={form.end}
                  onChange={(event) => set('end', event.currentTarget.value)}
                  error={errors.endsAt}
                />
              </SimpleGrid>
              {needsBranch && (
                <Select
                  label={t('scheduleEntry.branch')}
                  description={t('scheduleEntry.branchHint')}
                  required
                  data={(branches.data?.items ?? []).map((branch) => ({ value: branch.id, label: branch.name }))}
                  value={form.branchId}
                  onChange={(value) => set('branchId', value)}
                  error={errors.branchId}
                />
              )}
              <Textarea
                label={t('scheduleEntry.notes')}
                autosize
                minRows={2}
                value={form.notes}
                onChange={(event) => set('notes', event.currentTarget.value)}
                error={errors.notes}
              />
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
  const client = useClientSummary(clientId);
  const { t } = useTranslation();
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
  const titles = new Map(knownEntries.map((known) => [known.id, known.title]));
  const { t } = useTranslation();
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
        <Text size="sm">{t('scheduleEntry.pickAnother')}</Text>
        <Button size="xs" color="orange" w="fit-content" loading={busy} onClick={onBookAnyway}>
          {editing ? t('scheduleEntry.saveAnyway') : t('scheduleEntry.bookAnyway')}
        </Button>
      </Stack>
    </Alert>
  );
}
