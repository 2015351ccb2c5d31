import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { fieldErrorsOf, formProblemOf } from '../../api/problems';
import type { Client } from '../../api/use-clients';
import { useCreateContact } from '../../api/use-contacts';
import { type ContactDraft, ContactFields, createContactBodyOf, newContactDraft } from './contact-form';
import { useCrmAccess } from './use-crm-access';

/** Adds a contact; from a client's page, at that client (and stays there), otherwise opens the new contact. */
export function NewContactModal({
  opened,
  onClose,
  client,
}: {
  opened: boolean;
  onClose: () => void;
  client?: Client;
}) {
  const { defaultBranchId } = useCrmAccess();
  const create = useCreateContact();
  const navigate = useNavigate();
  const [draft, setDraft] = useState<ContactDraft | null>(null);
  const [missing, setMissing] = useState<Record<string, string>>({});
  const current = draft ?? newContactDraft(client?.id ?? null, defaultBranchId);

  function close() {
    create.reset();
    setDraft(null);
    setMissing({});
    onClose();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const required: Record<string, string> = {};
    if (!current.fullName.trim()) required.fullName = 'Give their name';
    if (!current.clientId && !current.branchId) required.branchId = 'Choose a branch (or a client)';
    setMissing(required);
    if (Object.keys(required).length) return;
    create.mutate(createContactBodyOf(current), {
      onSuccess: (contact) => {
        notifications.show({ color: 'teal', title: 'Contact added', message: contact.fullName });
        close();
        if (!client) navigate(`/contacts/${contact.id}`);
      },
    });
  }

  const errors = { ...missing, ...fieldErrorsOf(create.error) };
  const problem = formProblemOf(create.error);
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={client ? `New contact at ${client.name}` : 'New contact'}
      size="lg"
      centered
    >
      <form onSubmit={submit} noValidate aria-label="New contact">
        <Stack>
          {problem && (
            <Alert color="red" title={problem.problem.title} role="alert">
              {problem.message}
            </Alert>
          )}
          <ContactFields
            draft={current}
            onChange={(changes) => setDraft({ ...current, ...changes })}
            errors={errors}
            clientFixed={Boolean(client)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Add contact
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
