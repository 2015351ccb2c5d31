import { Alert, Button, Checkbox, Group, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { formProblemOf } from '../../../api/problems';
import { type ConsentPurpose, useCreatePurpose, useUpdatePurpose } from '../../../api/use-consents';
import { applyFieldErrors, type FieldMap, useFirstErrorFocus } from '../../../forms/form-errors';

const FIELDS: FieldMap = {
  key: { label: 'Key' },
  name: { label: 'Name' },
  channel: { label: 'Channel' },
  marketing: { label: 'Direct marketing' },
  wording: { label: 'Wording' },
};

const CHANNELS = [
  { value: 'email', label: 'Email' },
  { value: 'sms', label: 'SMS' },
  { value: 'phone', label: 'Phone' },
  { value: 'post', label: 'Post' },
  { value: 'any', label: 'Any channel' },
];

type Channel = 'email' | 'sms' | 'phone' | 'post' | 'any';

/** Add a purpose, or change one (a new wording becomes its next version). */
export function PurposeModal({ purpose, onClose }: { purpose: ConsentPurpose | null; onClose: () => void }) {
  const create = useCreatePurpose();
  const update = useUpdatePurpose();
  const mutation = purpose ? update : create;
  const { ref, focusFirstError } = useFirstErrorFocus();
  const [elsewhere, setElsewhere] = useState<string[]>([]);
  const form = useForm({
    initialValues: {
      key: purpose?.key ?? '',
      name: purpose?.name ?? '',
      channel: (purpose?.channel ?? 'email') as Channel,
      marketing: purpose?.marketing ?? true,
      wording: purpose?.wording.text ?? '',
    },
  });
  const onError = (error: unknown) => {
    setElsewhere(applyFieldErrors(form, error, FIELDS));
    focusFirstError();
  };
  const submit = form.onSubmit((values) => {
    setElsewhere([]);
    const done = (name: string) => {
      notifications.show({ color: 'teal', message: `${name} saved.` });
      onClose();
    };
    if (purpose) {
      update.mutate(
        {
          id: purpose.id,
          version: purpose.version,
          name: values.name,
          channel: values.channel,
          marketing: values.marketing,
          ...(values.wording.trim() !== purpose.wording.text ? { wording: values.wording } : {}),
        },
        { onSuccess: (saved) => done(saved.name), onError },
      );
    } else {
      create.mutate(values, { onSuccess: (saved) => done(saved.name), onError });
    }
  }, focusFirstError);
  const problem = formProblemOf(mutation.error);
  return (
    <Modal opened onClose={onClose} title={purpose ? `Edit ${purpose.name}` : 'Add a consent purpose'} size="lg">
      <form ref={ref} onSubmit={submit} noValidate>
        <Stack gap="sm">
          {(problem || elsewhere.length > 0) && (
            <Alert color="red" title={problem?.problem.title ?? 'Not saved'} role="alert">
              {[problem?.message, ...elsewhere].filter(Boolean).join(' ')}
            </Alert>
          )}
          {!purpose && (
            <TextInput
              label="Key"
              description="Lower-case, with dashes; lists, exports and integrations use it. It cannot change."
              {...form.getInputProps('key')}
            />
          )}
          <TextInput label="Name" {...form.getInputProps('name')} />
          <Select label="Channel" data={CHANNELS} allowDeselect={false} {...form.getInputProps('channel')} />
          <Checkbox
            label="Direct marketing (an objection always stops it)"
            {...form.getInputProps('marketing', { type: 'checkbox' })}
          />
          <Textarea
            label="Wording"
            description={
              purpose ? `Now version ${purpose.wording.version}; a change becomes the next version.` : undefined
            }
            autosize
            minRows={3}
            {...form.getInputProps('wording')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
