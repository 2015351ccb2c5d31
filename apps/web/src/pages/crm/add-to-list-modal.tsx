import { Alert, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { fieldErrorsOf, formProblemOf } from '../../api/problems';
import { useAddContactListMembers, useContactLists } from '../../api/use-contact-lists';
import { useCrmAccess } from './use-crm-access';

/** Adds the selected contacts to one of the static lists the person may change. */
export function AddToListModal({
  contactIds,
  onClose,
  onAdded,
}: {
  contactIds: string[];
  onClose: () => void;
  onAdded: () => void;
}) {
  const access = useCrmAccess();
  const lists = useContactLists();
  const add = useAddContactListMembers();
  const [listId, setListId] = useState<string | null>(null);
  const options = (lists.data?.items ?? [])
    .filter((list) => list.kind === 'static' && access.mayChangeList(list))
    .map((list) => ({ value: list.id, label: `${list.name} (${list.memberCount ?? 0})` }));

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!listId) return;
    const name = options.find((option) => option.value === listId)?.label;
    add.mutate(
      { id: listId, contactIds },
      {
        onSuccess: ({ added }) => {
          const already = contactIds.length - added;
          notifications.show({
            color: 'teal',
            title: `Added to ${name}`,
            message: `${added} added${already ? `, ${already} already on the list` : ''}.`,
          });
          onAdded();
        },
      },
    );
  }

  const problem = formProblemOf(add.error);
  const errors = fieldErrorsOf(add.error);
  return (
    <Modal opened onClose={onClose} title="Add to a contact list" centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">
            {contactIds.length} {contactIds.length === 1 ? 'contact' : 'contacts'} selected.
          </Text>
          {problem && (
            <Alert color="red" title={problem.problem.title} role="alert">
              {problem.message}
            </Alert>
          )}
          {lists.isSuccess && options.length === 0 ? (
            <Text size="sm" c="dimmed">
              There is no static list you can change.{' '}
              <Link to="/contact-lists">Make one on the contact lists page.</Link>
            </Text>
          ) : (
            <Select
              label="List"
              placeholder="Choose a static list"
              data={options}
              value={listId}
              onChange={setListId}
              searchable
              data-autofocus
              error={errors.contactIds}
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={add.isPending} disabled={!listId}>
              Add to list
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
