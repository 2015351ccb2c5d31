import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { fieldErrorsOf, formProblemOf } from '../../api/problems';
import { type Contact, fetchContact, useUpdateContact } from '../../api/use-contacts';
import { type ContactDraft, ContactFields, contactDraftOf, contactPatchOf } from './contact-form';
import { StaleAlert } from './stale-alert';

/** Edits a contact with the version it read; a 409 offers to start over from the server's copy. */
export function EditContactModal({ contact, onClose }: { contact: Contact; onClose: () => void }) {
  const update = useUpdateContact();
  const [original, setOriginal] = useState(contact);
  const [draft, setDraft] = useState<ContactDraft>(() => contactDraftOf(contact));
  const [missing, setMissing] = useState<Record<string, string>>({});
  const [reloading, setReloading] = useState(false);

  function submit(event: FormEvent) {
    event.preventDefault();
    const required: Record<string, string> = {};
    if (!draft.fullName.trim()) required.fullName = 'A contact needs a name';
    if (!draft.branchId) required.branchId = 'Choose a branch';
    setMissing(required);
    if (Object.keys(required).length) return;
    const patch = contactPatchOf(original, draft, original.version);
    if (Object.keys(patch).length === 1) return onClose(); // nothing changed
    update.mutate(
      { id: contact.id, ...patch },
      {
        onSuccess: (saved) => {
          notifications.show({ color: 'teal', title: 'Saved', message: saved.fullName });
          onClose();
        },
      },
    );
  }

  async function reload() {
    setReloading(true);
    try {
      const current = await fetchContact(contact.id);
      setOriginal(current);
      setDraft(contactDraftOf(current));
      update.reset();
    } finally {
      setReloading(false);
    }
  }

  const errors = { ...missing, ...fieldErrorsOf(update.error) };
  const problem = formProblemOf(update.error);
  const stale = problem?.problem.status === 409;
  return (
    <Modal opened onClose={onClose} title={`Edit ${contact.fullName}`} size="lg" centered>
      <form onSubmit={submit} noValidate aria-label="Edit contact">
        <Stack>
          {stale ? (
            <StaleAlert what="contact" reloading={reloading} onReload={reload} />
          ) : (
            problem && (
              <Alert color="red" title={problem.problem.title} role="alert">
                {problem.message}
              </Alert>
            )
          )}
          <ContactFields draft={draft} onChange={(changes) => setDraft({ ...draft, ...changes })} errors={errors} />
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
