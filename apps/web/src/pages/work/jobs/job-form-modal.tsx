import {
  Alert,
  Button,
  Fieldset,
  Group,
  Modal,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import type { components } from '#api-client';
import { fieldErrorsOf, formProblemOf } from '../../../api/problems';
import { useClientSummary } from '../../../api/use-client-lookup';
import { fetchJob, type Job, type JobPriority, useCreateJob, useUpdateJob } from '../../../api/use-jobs';
import { useStaff } from '../../../api/use-staff';
import { useAuth } from '../../../auth/auth-context';
import { ClientPicker } from '../shared/client-picker';
import { JOB_PRIORITIES, JOB_PRIORITY_LABELS, jobNumber } from '../work-labels';

type Address = components['schemas']['AddressDto'];

interface JobForm {
  clientId: string | null;
  title: string;
  line1: string;
  city: string;
  postcode: string;
  description: string;
  priority: JobPriority;
  assignedUserIds: string[];
  dueOn: string;
}

const formOf = (job: Job | null, clientId: string | null): JobForm => ({
  clientId: job?.clientId ?? clientId,
  title: job?.title ?? '',
  line1: job?.siteAddress?.line1 ?? '',
  city: job?.siteAddress?.city ?? '',
  postcode: job?.siteAddress?.postcode ?? '',
  description: job?.description ?? '',
  priority: job?.priority ?? 'normal',
  assignedUserIds: job?.assignedUserIds ?? [],
  dueOn: job?.dueOn ?? '',
});

function addressOf(form: JobForm, previous: Address | null | undefined): Address | null {
  const address: Address = {
    ...previous,
    line1: form.line1.trim(),
    city: form.city.trim(),
    postcode: form.postcode.trim(),
  };
  for (const key of Object.keys(address) as (keyof Address)[]) if (!address[key]) delete address[key];
  return Object.keys(address).length ? address : null;
}

/**
 * Opens a job for a client, or changes one (sending the version it was opened with; a 409
 * offers to start over from the job as it is now).
 */
export function JobFormModal({
  job,
  initialClientId = null,
  onClose,
  onSaved,
}: {
  job: Job | null;
  initialClientId?: string | null;
  onClose: () => void;
  onSaved: (job: Job) => void;
}) {
  const { user } = useAuth();
  const staff = useStaff();
  const create = useCreateJob();
  const update = useUpdateJob();
  const client = useClientSummary(job?.clientId);
  const [form, setForm] = useState<JobForm>(() => formOf(job, initialClientId));
  const [version, setVersion] = useState(job?.version);
  const [missing, setMissing] = useState<Record<string, string>>({});
  const mutation = job ? update : create;
  const set = <Key extends keyof JobForm>(key: Key, value: JobForm[Key]) =>
    setForm((current) => ({ ...current, [key]: value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!form.clientId) problems.clientId = 'Choose the client the work is for';
    if (!form.title.trim()) problems.title = 'Say what the job is';
    setMissing(problems);
    if (Object.keys(problems).length) return;
    const common = {
      title: form.title.trim(),
      siteAddress: addressOf(form, job?.siteAddress),
      description: form.description.trim() || null,
      priority: form.priority,
      dueOn: form.dueOn || null,
    };
    const done = {
      onSuccess: (saved: Job) => {
        notifications.show({
          color: 'teal',
          message: job ? `Job ${jobNumber(saved.number)} saved.` : `Job ${jobNumber(saved.number)} opened.`,
        });
        onSaved(saved);
      },
    };
    if (job) {
      update.mutate(
        {
          id: job.id,
          version: version ?? job.version,
          ...common,
          assignedUserIds: staff.mayList ? form.assignedUserIds : undefined,
        },
        done,
      );
    } else {
      create.mutate(
        {
          clientId: form.clientId as string,
          ...common,
          dueOn: form.dueOn || undefined,
          siteAddress: common.siteAddress ?? undefined,
          description: common.description ?? undefined,
          assignedUserIds: staff.mayList ? form.assignedUserIds : undefined,
        },
        done,
      );
    }
  }

  const [reloading, setReloading] = useState(false);
  async function reload() {
    if (!job) return;
    setReloading(true);
    try {
      const fresh = await fetchJob(job.id);
      setForm(formOf(fresh, null));
      setVersion(fresh.version);
      update.reset();
    } finally {
      setReloading(false);
    }
  }

  const errors = { ...fieldErrorsOf(mutation.error), ...missing };
  const problem = formProblemOf(mutation.error);
  const stale = Boolean(job) && problem?.problem.status === 409;
  const assigneeOptions = staff.members.map((member) => ({
    value: member.id,
    label: member.id === user?.id ? `${member.name} (you)` : member.name,
  }));
  for (const id of form.assignedUserIds) {
    if (!assigneeOptions.some((option) => option.value === id))
      assigneeOptions.push({ value: id, label: staff.nameOf(id) });
  }

  return (
    <Modal opened onClose={onClose} title={job ? `Edit job ${jobNumber(job.number)}` : 'New job'} size="lg" centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          {stale ? (
            <Alert color="yellow" title="Someone changed this job meanwhile" role="alert">
              <Stack gap="xs">
                <Text size="sm">
                  Your changes were not saved. Reload to see the job as it is now, then make your change again.
                </Text>
                <Button size="xs" variant="light" w="fit-content" loading={reloading} onClick={() => void reload()}>
                  Reload
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
          {job ? (
            <TextInput label="Client" value={client.data?.name ?? '…'} readOnly variant="filled" />
          ) : (
            <ClientPicker
              value={form.clientId}
              onChange={(clientId) => set('clientId', clientId)}
              required
              error={errors.clientId}
            />
          )}
          <TextInput
            label="Title"
            placeholder="Replace boiler pressure valve"
            required
            maxLength={200}
            value={form.title}
            onChange={(event) => set('title', event.currentTarget.value)}
            error={errors.title}
          />
          <Fieldset legend="Site address" variant="unstyled" styles={{ legend: { fontWeight: 500, fontSize: 14 } }}>
            <Text size="xs" c="dimmed" mb={6}>
              Where the work happens, when not at the client’s own address.
            </Text>
            <Stack gap="xs">
              <TextInput
                label="Street"
                value={form.line1}
                onChange={(event) => set('line1', event.currentTarget.value)}
                error={errors['siteAddress.line1']}
              />
              <SimpleGrid cols={2}>
                <TextInput
                  label="Town or city"
                  value={form.city}
                  onChange={(event) => set('city', event.currentTarget.value)}
                  error={errors['siteAddress.city']}
                />
                <TextInput
                  label="Postcode"
                  value={form.postcode}
                  onChange={(event) => set('postcode', event.currentTarget.value)}
                  error={errors['siteAddress.postcode']}
                />
              </SimpleGrid>
            </Stack>
          </Fieldset>
          <Textarea
            label="Description"
            autosize
            minRows={3}
            value={form.description}
            onChange={(event) => set('description', event.currentTarget.value)}
            error={errors.description}
          />
          <SimpleGrid cols={2}>
            <Select
              label="Priority"
              data={JOB_PRIORITIES.map((value) => ({ value, label: JOB_PRIORITY_LABELS[value].label }))}
              value={form.priority}
              onChange={(value) => value && set('priority', value as JobPriority)}
              allowDeselect={false}
              error={errors.priority}
            />
            <TextInput
              label="Due date"
              type="date"
              value={form.dueOn}
              onChange={(event) => set('dueOn', event.currentTarget.value)}
              error={errors.dueOn}
            />
          </SimpleGrid>
          {staff.mayList ? (
            <MultiSelect
              label="Assignees"
              placeholder={form.assignedUserIds.length ? undefined : 'Nobody yet'}
              data={assigneeOptions}
              value={form.assignedUserIds}
              onChange={(value) => set('assignedUserIds', value)}
              searchable
              clearable
              error={errors.assignedUserIds}
            />
          ) : (
            <Text size="sm" c="dimmed">
              {job ? 'Assignees are changed by a manager.' : 'You will be assigned to this job.'}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={mutation.isPending} disabled={stale}>
              {job ? 'Save job' : 'Open job'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
