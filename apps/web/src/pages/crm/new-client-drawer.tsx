import { Alert, Button, Drawer, Group, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { fieldErrorsOf, formProblemOf } from '../../api/problems';
import { useCreateClient } from '../../api/use-clients';
import { type ClientDraft, ClientFields, createBodyOf, newClientDraft } from './client-form';
import { useCrmAccess } from './use-crm-access';

/** Adds a client and opens its page. */
export function NewClientDrawer({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { defaultBranchId } = useCrmAccess();
  const create = useCreateClient();
  const navigate = useNavigate();
  const [draft, setDraft] = useState<ClientDraft | null>(null);
  const [missing, setMissing] = useState<Record<string, string>>({});
  // The default branch arrives with the branches; until the person picks one, follow it.
  const current = draft ?? newClientDraft(defaultBranchId);

  function close() {
    create.reset();
    setDraft(null);
    setMissing({});
    onClose();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const required: Record<string, string> = {};
    if (!current.name.trim()) required.name = 'Give the client a name';
    if (!current.branchId) required.branchId = 'Choose the branch that serves this client';
    setMissing(required);
    if (Object.keys(required).length) return;
    create.mutate(createBodyOf(current), {
      onSuccess: (client) => {
        notifications.show({ color: 'teal', title: 'Client added', message: client.name });
        close();
        navigate(`/clients/${client.id}`);
      },
    });
  }

  const errors = { ...missing, ...fieldErrorsOf(create.error) };
  const problem = formProblemOf(create.error);
  return (
    <Drawer opened={opened} onClose={close} title="New client" position="right" size="lg">
      <form onSubmit={submit} noValidate aria-label="New client">
        <Stack>
          {problem && (
            <Alert color="red" title={problem.problem.title} role="alert">
              {problem.message}
            </Alert>
          )}
          <ClientFields draft={current} onChange={(changes) => setDraft({ ...current, ...changes })} errors={errors} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Create client
            </Button>
          </Group>
        </Stack>
      </form>
    </Drawer>
  );
}
