import { Alert, Button, Group, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { isEmail, isNotEmpty, useForm } from '@mantine/form';
import { useNavigate } from 'react-router';
import { formProblemOf } from '../../../api/problems';
import { type PrivacyRequestLog, useLogPrivacyRequest } from '../../../api/use-privacy-requests';
import { applyFieldErrors, type FieldMap, useFirstErrorFocus } from '../../../forms/form-errors';
import { REQUEST_CHANNEL_LABELS, REQUEST_TYPE_LABELS } from '../../../labels';
import {
  CORRECTION_ERROR_FIELDS,
  type CorrectionRow,
  CorrectionsInput,
  correctionsOf,
} from '../../privacy-requests/corrections-input';

const FIELDS: FieldMap = {
  type: { label: 'Type' },
  channel: { label: 'Received by' },
  email: { label: 'Requester email' },
  fullName: { label: 'Requester name' },
  message: { label: 'What they asked' },
  identityCheck: { label: 'How identity was checked' },
  ...CORRECTION_ERROR_FIELDS,
};

/** An officer logs a request received by email, phone, post or in person. */
export function LogRequestModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const logRequest = useLogPrivacyRequest();
  const navigate = useNavigate();
  const { ref, focusFirstError } = useFirstErrorFocus();
  const form = useForm({
    initialValues: {
      type: '',
      channel: 'email',
      email: '',
      fullName: '',
      message: '',
      identityCheck: '',
      corrections: [{ field: '', value: '' }] as CorrectionRow[],
    },
    validate: {
      type: isNotEmpty('Choose the type.'),
      email: isEmail('Enter the requester’s email address.'),
      fullName: isNotEmpty('Enter the requester’s name.'),
      identityCheck: isNotEmpty('Say how the requester’s identity was checked.'),
    },
  });
  const problem = formProblemOf(logRequest.error);
  const submit = form.onSubmit(async (values) => {
    try {
      const { corrections, ...rest } = values;
      const created = await logRequest.mutateAsync({
        ...rest,
        ...(values.type === 'rectification' ? { corrections: correctionsOf(corrections) } : {}),
        type: values.type as PrivacyRequestLog['type'],
        channel: values.channel as PrivacyRequestLog['channel'],
        message: values.message || undefined,
      });
      form.reset();
      onClose();
      navigate(`/admin/privacy-requests/${created.id}`);
    } catch (error) {
      applyFieldErrors(form, error, FIELDS);
      focusFirstError();
    }
  }, focusFirstError);
  return (
    <Modal opened={opened} onClose={onClose} title="Log a privacy request" size="lg">
      <form ref={ref} onSubmit={submit} noValidate>
        <Stack>
          {problem && (
            <Alert color="red" role="alert">
              {problem.message}
            </Alert>
          )}
          <Select
            label="Type"
            withAsterisk
            data={Object.entries(REQUEST_TYPE_LABELS).map(([value, words]) => ({ value, label: words.label }))}
            {...form.getInputProps('type')}
          />
          <Select
            label="Received by"
            withAsterisk
            data={['email', 'phone', 'post', 'in_person'].map((value) => ({
              value,
              label: REQUEST_CHANNEL_LABELS[value],
            }))}
            {...form.getInputProps('channel')}
          />
          <TextInput label="Requester name" withAsterisk {...form.getInputProps('fullName')} />
          <TextInput label="Requester email" type="email" withAsterisk {...form.getInputProps('email')} />
          {form.values.type === 'rectification' && <CorrectionsInput form={form} />}
          <Textarea label="What they asked" autosize minRows={2} {...form.getInputProps('message')} />
          <Textarea
            label="How identity was checked"
            withAsterisk
            autosize
            minRows={2}
            {...form.getInputProps('identityCheck')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={logRequest.isPending}>
              Log request
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
