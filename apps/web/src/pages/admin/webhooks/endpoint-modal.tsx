import { Alert, Button, Checkbox, Group, Modal, Stack, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useState } from 'react';
import { formProblemOf } from '../../../api/problems';
import {
  useWebhookActions,
  WEBHOOK_EVENT_LABELS,
  WEBHOOK_EVENT_TYPES,
  type WebhookEndpoint,
} from '../../../api/use-webhooks';
import { applyFieldErrors, type FieldMap, useFirstErrorFocus } from '../../../forms/form-errors';

const FIELDS: FieldMap = {
  url: { label: 'URL' },
  description: { label: 'Description' },
  eventTypes: { label: 'Events' },
};

/** Adds an endpoint (`endpoint` null) or changes one; `onCreated` receives the new secret. */
export function EndpointModal({
  opened,
  endpoint,
  onClose,
  onCreated,
}: {
  opened: boolean;
  endpoint: WebhookEndpoint | null;
  onClose: () => void;
  onCreated: (secret: string) => void;
}) {
  const { create, update } = useWebhookActions();
  const [elsewhere, setElsewhere] = useState<string[]>([]);
  const { ref, focusFirstError } = useFirstErrorFocus();
  const form = useForm({
    initialValues: { url: '', description: '', eventTypes: [] as string[], enabled: true },
    validate: {
      url: (url) => (/^https?:\/\/\S+$/.test(url.trim()) ? null : 'Enter the full address, starting with https://.'),
      eventTypes: (types) => (types.length ? null : 'Choose at least one event to send.'),
    },
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: fills the form when the modal opens
  useEffect(() => {
    if (!opened) return;
    setElsewhere([]);
    create.reset();
    update.reset();
    form.setValues(
      endpoint
        ? {
            url: endpoint.url,
            description: endpoint.description,
            eventTypes: endpoint.eventTypes,
            enabled: endpoint.enabled,
          }
        : { url: '', description: '', eventTypes: [], enabled: true },
    );
  }, [opened, endpoint]);

  const failed = (error: unknown) => {
    setElsewhere(applyFieldErrors(form, error, FIELDS));
    focusFirstError();
  };
  const submit = form.onSubmit((values) => {
    const body = { ...values, url: values.url.trim(), description: values.description.trim() };
    if (endpoint) {
      update.mutate({ id: endpoint.id, version: endpoint.version, ...body }, { onSuccess: onClose, onError: failed });
    } else {
      create.mutate(body, {
        onSuccess: (created) => {
          onCreated(created.secret);
          onClose();
        },
        onError: failed,
      });
    }
  }, focusFirstError);
  const problem = formProblemOf(create.error ?? update.error);

  return (
    <Modal opened={opened} onClose={onClose} title={endpoint ? 'Edit endpoint' : 'Add endpoint'} size="lg" centered>
      <form ref={ref} onSubmit={submit} noValidate>
        <Stack>
          {(problem || elsewhere.length > 0) && (
            <Alert color="red" role="alert" title="The endpoint was not saved">
              {problem?.message ?? elsewhere.join(' ')}
            </Alert>
          )}
          <TextInput
            label="URL"
            description="Where Steward posts the events. Private and internal addresses are refused."
            placeholder="https://integrations.example.com/webhooks"
            required
            {...form.getInputProps('url')}
          />
          <TextInput label="Description" placeholder="Data warehouse sync" {...form.getInputProps('description')} />
          <Checkbox.Group label="Events" required {...form.getInputProps('eventTypes')}>
            <Stack gap={6} mt="xs">
              {WEBHOOK_EVENT_TYPES.map((type) => (
                <Checkbox key={type} value={type} label={`${WEBHOOK_EVENT_LABELS[type]} (${type})`} />
              ))}
            </Stack>
          </Checkbox.Group>
          <Switch label="Enabled" {...form.getInputProps('enabled', { type: 'checkbox' })} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
              {endpoint ? 'Save endpoint' : 'Add endpoint'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
