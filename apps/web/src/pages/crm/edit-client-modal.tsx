import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { fieldErrorsOf, formProblemOf } from '../../api/problems';
import { type Client, fetchClient, useUpdateClient } from '../../api/use-clients';
import { type ClientDraft, ClientFields, clientDraftOf, patchOf } from './client-form';
import { StaleAlert } from './stale-alert';

/**
 * Edits a client. Sends the version it was opened with and only the fields that changed;
 * if someone saved the client meanwhile, the API refuses (409) and the form offers to
 * start over from what the server has now.
 */
export function EditClientModal({ client, onClose }: { client: Client; onClose: () => void }) {
  const update = useUpdateClient();
  const [original, setOriginal] = useState(client);
  const [draft, setDraft] = useState<ClientDraft>(() => clientDraftOf(client));
  const [missing, setMissing] = useState<Record<string, string>>({});
  const [reloading, setReloading] = useState(false);

  function submit(event: FormEvent) {
    event.preventDefault();
    const required: Record<string, string> = {};
    if (!draft.name.trim()) required.name = 'A client needs a name';
    if (!draft.branchId) required.branchId = 'Choose the branch that serves this client';
    setMissing(required);
    if (Object.keys(required).length) return;
    const patch = patchOf(original, draft, original.version);
    if (Object.keys(patch).length === 1) return onClose(); // nothing changed
    update.mutate(
      { id: client.id, ...patch },
      {
        onSuccess: (saved) => {
          notifications.show({ color: 'teal', title: 'Saved', message: saved.name });
          onClose();
        },
      },
    );
  }

  async function reload() {
    setReloading(true);
    try {
      const current = await fetchClient(client.id);
      setOriginal(current);
      setDraft(clientDraftOf(current));
      update.reset();
    } finally {
      setReloading(false);
    }
  }

  const errors = { ...missing, ...fieldErrorsOf(update.error) };
  const problem = formProblemOf(update.error);
  const stale = problem?.problem.status === 409;
  return (
    <Modal opened onClose={onClose} title={`Edit ${client.name}`} size="lg" centered>
      <form onSubmit={submit} noValidate aria-label="Edit client">
        <Stack>
          {stale ? (
            <StaleAlert what="client" reloading={reloading} onReload={reload} />
          ) : (
            problem && (
              <Alert color="red" title={problem.problem.title} role="alert">
                {problem.message}
              </Alert>
            )
          )}
          <ClientFields draft={draft} onChange={(changes) => setDraft({ ...draft, ...changes })} errors={errors} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={update.isPending} disabled={stale}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
