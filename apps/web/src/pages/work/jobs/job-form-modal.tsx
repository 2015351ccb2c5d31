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
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { components } from '#api-client';
import { formProblemOf } from '../../../api/problems';
import { useClientSummary } from '../../../api/use-client-lookup';
import { fetchJob, type Job, type JobPriority, useCreateJob, useUpdateJob } from '../../../api/use-jobs';
import { useStaff } from '../../../api/use-staff';
import { useAuth } from '../../../auth/auth-context';
import { applyFieldErrors, type FieldMap, useFirstErrorFocus } from '../../../forms/form-errors';
import { i18n } from '../../../i18n/i18n';
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

/** The API's fields of a job as the form labels them, in the reader's language. */
const fields = (): FieldMap => ({
  clientId: { label: i18n.t('jobForm.client') },
  title: { label: i18n.t('jobForm.title') },
  'siteAddress.line1': { label: i18n.t('jobForm.street'), path: 'line1' },
  'siteAddress.city': { label: i18n.t('jobForm.town'), path: 'city' },
  'siteAddress.postcode': { label: i18n.t('jobForm.postcode'), path: 'postcode' },
  description: { label: i18n.t('jobForm.description') },
  priority: { label: i18n.t('jobForm.priority') },
  dueOn: { label: i18n.t('jobForm.dueDate') },
  assignedUserIds: { label: i18n.t('jobForm.assignees') },
});

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
  const { t } = useTranslation();
  const staff = useStaff();
  const create = useCreateJob();
  const update = useUpdateJob();
  const client = useClientSummary(job?.clientId);
  const form = useForm<JobForm>({
    initialValues: formOf(job, initialClientId),
    validate: {
      clientId: (clientId) => (clientId ? null : i18n.t('jobForm.clientMissing')),
      title: (title) => (title.trim() ? null : i18n.t('jobForm.titleMissing')),
    },
  });
  const { ref, focusFirstError } = useFirstErrorFocus();
  const [elsewhere, setElsewhere] = useState<string[]>([]);
  const [version, setVersion] = useState(job?.version);
  const mutation = job ? update : create;
  const values = form.values;

  const submit = form.onSubmit((values) => {
    setElsewhere([]);
    const common = {
      title: values.title.trim(),
      siteAddress: addressOf(values, job?.siteAddress),
      description: values.description.trim() || null,
      priority: values.priority,
      dueOn: values.dueOn || null,
    };
    const done = {
      onSuccess: (saved: Job) => {
        notifications.show({
          color: 'teal',
          message: t(job ? 'jobForm.saved' : 'jobForm.opened', { number: jobNumber(saved.number) }),
        });
        onSaved(saved);
      },
      onError: (error: unknown) => {
        setElsewhere(applyFieldErrors(form, error, fields()));
        focusFirstError();
      },
    };
    if (job) {
      update.mutate(
        {
          id: job.id,
          version: version ?? job.version,
          ...common,
          assignedUserIds: staff.mayList ? values.assignedUserIds : undefined,
        },
        done,
      );
    } else {
      create.mutate(
        {
          clientId: values.clientId as string,
          ...common,
          dueOn: values.dueOn || undefined,
          siteAddress: common.siteAddress ?? undefined,
          description: common.description ?? undefined,
          assignedUserIds: staff.mayList ? values.assignedUserIds : undefined,
        },
        done,
      );
    }
  }, focusFirstError);

  const [reloading, setReloading] = useState(false);
  async function reload() {
    if (!job) return;
    setReloading(true);
    try {
      const fresh = await fetchJob(job.id);
      form.setValues(formOf(fresh, null));
      form.clearErrors();
      setVersion(fresh.version);
      update.reset();
    } finally {
      setReloading(false);
    }
  }

  const problem = formProblemOf(mutation.error);
  const stale = Boolean(job) && problem?.problem.status === 409;
  const assigneeOptions = staff.members.map((member) => ({
    value: member.id,
    label: member.id === user?.id ? t('jobForm.you', { name: member.name }) : member.name,
  }));
  for (const id of values.assignedUserIds) {
    if (!assigneeOptions.some((option) => option.value === id))
      assigneeOptions.push({ value: id, label: staff.nameOf(id) });
  }

  return (
    <Modal
      opened
      onClose={onClose}
      title={job ? t('jobForm.editTitle', { number: jobNumber(job.number) }) : t('jobForm.newTitle')}
      size="lg"
      centered
    >
      <form ref={ref} onSubmit={submit} noValidate>
        <Stack>
          {stale ? (
            <Alert color="yellow" title={t('jobForm.staleTitle')} role="alert">
              <Stack gap="xs">
                <Text size="sm">{t('jobForm.staleText')}</Text>
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
          {elsewhere.length > 0 && (
            <Alert color="red" title={t('jobForm.notSaved')} role="alert">
              {elsewhere.join(' ')}
            </Alert>
          )}
          {job ? (
            <TextInput label={t('jobForm.client')} value={client.data?.name ?? '…'} readOnly variant="filled" />
          ) : (
            <ClientPicker
              value={values.clientId}
              onChange={(clientId) => form.setFieldValue('clientId', clientId)}
              required
              error={form.errors.clientId as string | undefined}
            />
          )}
          <TextInput
            label={t('jobForm.title')}
            placeholder={t('jobForm.titlePlaceholder')}
            required
            maxLength={200}
            {...form.getInputProps('title')}
          />
          <Fieldset
            legend={t('job.siteAddress')}
            variant="unstyled"
            styles={{ legend: { fontWeight: 500, fontSize: 14 } }}
          >
            <Text size="xs" c="dimmed" mb={6}>
              {t('jobForm.siteHint')}
            </Text>
            <Stack gap="xs">
              <TextInput label={t('jobForm.street')} {...form.getInputProps('line1')} />
              <SimpleGrid cols={{ base: 1, xs: 2 }}>
                <TextInput label={t('jobForm.town')} {...form.getInputProps('city')} />
                <TextInput label={t('jobForm.postcode')} {...form.getInputProps('postcode')} />
              </SimpleGrid>
            </Stack>
          </Fieldset>
          <Textarea label={t('jobForm.description')} autosize minRows={3} {...form.getInputProps('description')} />
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <Select
              label={t('jobForm.priority')}
              data={JOB_PRIORITIES.map((value) => ({ value, label: JOB_PRIORITY_LABELS[value].label }))}
              allowDeselect={false}
              {...form.getInputProps('priority')}
            />
            <TextInput label={t('jobForm.dueDate')} type="date" {...form.getInputProps('dueOn')} />
          </SimpleGrid>
          {staff.mayList ? (
            <MultiSelect
              label={t('jobForm.assignees')}
              placeholder={values.assignedUserIds.length ? undefined : t('jobForm.nobodyYet')}
              data={assigneeOptions}
              searchable
              clearable
              {...form.getInputProps('assignedUserIds')}
            />
          ) : (
            <Text size="sm" c="dimmed">
              {job ? t('jobForm.assigneesByManager') : t('jobForm.youAssigned')}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending} disabled={stale}>
              {job ? t('jobForm.save') : t('jobForm.open')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
