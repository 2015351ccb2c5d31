import {
  Alert,
  Anchor,
  Badge,
  Button,
  Center,
  Group,
  Loader,
  Modal,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { fieldErrorsOf, formProblemOf } from '../../api/problems';
import { useClientNames } from '../../api/use-clients';
import {
  type ContactList,
  type ContactListFilter,
  useContactLists,
  useCreateContactList,
  useDeleteContactList,
  useUpdateContactList,
} from '../../api/use-contact-lists';
import { ConfirmModal } from '../../components/confirm-modal';
import { ClientPicker } from './client-picker';
import { normaliseTag, TAG_PATTERN } from './crm-labels';
import { useCrmAccess } from './use-crm-access';

type Kind = 'static' | 'saved_filter';

/** Contact lists: hand-picked ones and saved filters. Opening one shows its people on the contacts page. */
export function ContactListsPage() {
  const access = useCrmAccess();
  const lists = useContactLists();
  const remove = useDeleteContactList();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<ContactList | null>(null);
  const [deleting, setDeleting] = useState<ContactList | null>(null);
  const items = lists.data?.items ?? [];
  const clientNames = useClientNames(items.map((list) => list.filter?.clientId ?? null));

  const describeFilter = (filter: ContactListFilter | null) => {
    const parts = [
      filter?.tag && `tag ${filter.tag}`,
      filter?.branchId && `${access.branchName(filter.branchId)} branch`,
      filter?.ownerId && `owned by ${access.ownerName(filter.ownerId) ?? 'a colleague'}`,
      filter?.clientId && `at ${clientNames.get(filter.clientId) ?? 'a client'}`,
    ].filter(Boolean);
    return parts.length ? `Everyone with ${parts.join(', ')}` : 'Everyone';
  };

  return (
    <Stack maw={1000}>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>Contact lists</Title>
          <Text c="dimmed" size="sm">
            Static lists hold the people you add to them; saved filters always show everyone who matches.
          </Text>
        </div>
        {access.can('clients:write') && <Button onClick={() => setCreating(true)}>New list</Button>}
      </Group>
      {lists.isError && (
        <Alert color="red" title="Could not load the lists" role="alert">
          {lists.error.message}
        </Alert>
      )}
      {lists.isPending ? (
        <Center h={120}>
          <Loader aria-label="Loading contact lists" />
        </Center>
      ) : items.length === 0 ? (
        <Text c="dimmed" size="sm" ta="center" py="md">
          No contact lists yet.{access.can('clients:write') ? ' Make one with "New list".' : ''}
        </Text>
      ) : (
        <Table aria-label="Contact lists" striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Kind</Table.Th>
              <Table.Th>Members</Table.Th>
              <Table.Th>Branch</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((list) => (
              <Table.Tr key={list.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/contacts?listId=${list.id}`} fw={500} size="sm">
                    {list.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={list.kind === 'static' ? 'blue' : 'grape'}>
                    {list.kind === 'static' ? 'Static' : 'Saved filter'}
                  </Badge>
                </Table.Td>
                <Table.Td>{list.kind === 'static' ? (list.memberCount ?? 0) : describeFilter(list.filter)}</Table.Td>
                <Table.Td>{list.branchId ? access.branchName(list.branchId) : 'Whole organization'}</Table.Td>
                <Table.Td>
                  {access.mayChangeList(list) && (
                    <Group gap="xs" justify="flex-end" wrap="nowrap">
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() => setEditing(list)}
                        aria-label={`Edit ${list.name}`}
                      >
                        {list.kind === 'static' ? 'Rename' : 'Edit'}
                      </Button>
                      <Button
                        size="xs"
                        variant="light"
                        color="red"
                        onClick={() => setDeleting(list)}
                        aria-label={`Delete ${list.name}`}
                      >
                        Delete
                      </Button>
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {creating && <ContactListModal onClose={() => setCreating(false)} />}
      {editing && <ContactListModal list={editing} onClose={() => setEditing(null)} key={editing.id} />}
      <ConfirmModal
        opened={deleting !== null}
        title={`Delete ${deleting?.name ?? 'the list'}?`}
        confirmLabel="Delete list"
        busy={remove.isPending}
        onClose={() => setDeleting(null)}
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting.id, {
            onSuccess: () => {
              notifications.show({ color: 'teal', message: `${deleting.name} was deleted.` });
              setDeleting(null);
            },
          })
        }
      >
        The list goes; the contacts on it stay.
      </ConfirmModal>
    </Stack>
  );
}

/** Makes a list, or renames one (and changes a saved filter's criteria). */
function ContactListModal({ list, onClose }: { list?: ContactList; onClose: () => void }) {
  const access = useCrmAccess();
  const create = useCreateContactList();
  const update = useUpdateContactList();
  const mutation = list ? update : create;
  const [name, setName] = useState(list?.name ?? '');
  const [kind, setKind] = useState<Kind>((list?.kind as Kind) ?? 'static');
  const [branchId, setBranchId] = useState<string | null>(
    list ? list.branchId : access.scoped ? access.defaultBranchId : null,
  );
  const [tag, setTag] = useState(list?.filter?.tag ?? '');
  const [filterBranchId, setFilterBranchId] = useState<string | null>(list?.filter?.branchId ?? null);
  const [ownerId, setOwnerId] = useState<string | null>(list?.filter?.ownerId ?? null);
  const [clientId, setClientId] = useState<string | null>(list?.filter?.clientId ?? null);
  const [missing, setMissing] = useState<Record<string, string>>({});
  // The person's branches may arrive after the form opened: a manager or agent gets their own.
  const defaultBranchId = access.defaultBranchId;
  useEffect(() => {
    if (!list && access.scoped && defaultBranchId) setBranchId((current) => current ?? defaultBranchId);
  }, [list, access.scoped, defaultBranchId]);

  function submit(event: FormEvent) {
    event.preventDefault();
    const required: Record<string, string> = {};
    const cleanTag = normaliseTag(tag);
    if (!name.trim()) required.name = 'Name the list';
    if (cleanTag && !TAG_PATTERN.test(cleanTag)) required['filter.tag'] = 'Lower-case words with dashes';
    if (!list && access.scoped && !branchId) required.branchId = 'Choose one of your branches';
    setMissing(required);
    if (Object.keys(required).length) return;
    const filter: ContactListFilter = {
      ...(cleanTag ? { tag: cleanTag } : {}),
      ...(filterBranchId ? { branchId: filterBranchId } : {}),
      ...(ownerId ? { ownerId } : {}),
      ...(clientId ? { clientId } : {}),
    };
    const done = {
      onSuccess: () => {
        notifications.show({ color: 'teal', message: list ? 'List saved.' : `List "${name.trim()}" made.` });
        onClose();
      },
    };
    if (list) {
      update.mutate(
        {
          id: list.id,
          version: list.version,
          ...(name.trim() !== list.name ? { name: name.trim() } : {}),
          ...(list.kind === 'saved_filter' ? { filter } : {}),
        },
        done,
      );
    } else {
      create.mutate(
        {
          name: name.trim(),
          kind,
          ...(branchId ? { branchId } : {}),
          ...(kind === 'saved_filter' ? { filter } : {}),
        },
        done,
      );
    }
  }

  const errors = { ...missing, ...fieldErrorsOf(mutation.error) };
  const problem = formProblemOf(mutation.error);
  const branchOptions = access.writableBranches.map((branch) => ({ value: branch.id, label: branch.name }));
  return (
    <Modal opened onClose={onClose} title={list ? `Edit ${list.name}` : 'New contact list'} centered size="lg">
      <form onSubmit={submit} noValidate aria-label={list ? 'Edit contact list' : 'New contact list'}>
        <Stack gap="sm">
          {problem && (
            <Alert color={problem.problem.status === 409 ? 'yellow' : 'red'} title={problem.problem.title} role="alert">
              {problem.problem.status === 409
                ? 'Someone changed this list meanwhile. Close this form and open it again to see their change.'
                : problem.message}
            </Alert>
          )}
          <TextInput
            label="Name"
            required
            data-autofocus
            maxLength={120}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={errors.name}
          />
          {!list && (
            <Radio.Group label="Kind" value={kind} onChange={(value) => setKind(value as Kind)}>
              <Stack gap={6} mt={6}>
                <Radio value="static" label="Static list" description="You add and remove people by hand" />
                <Radio
                  value="saved_filter"
                  label="Saved filter"
                  description="Everyone matching the criteria below, whenever the list is opened"
                />
              </Stack>
            </Radio.Group>
          )}
          {!list && (
            <Select
              label="Visible to"
              description={
                access.scoped ? 'Lists of managers and agents belong to one of their branches' : 'Who sees the list'
              }
              placeholder="The whole organization"
              data={branchOptions}
              value={branchId}
              onChange={setBranchId}
              clearable={!access.scoped}
              required={access.scoped}
              error={errors.branchId}
            />
          )}
          {kind === 'saved_filter' && (
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput
                label="Tag"
                placeholder="Any tag"
                value={tag}
                onChange={(event) => setTag(event.currentTarget.value)}
                error={errors['filter.tag']}
              />
              <Select
                label="Branch of the contacts"
                placeholder="Any branch"
                data={branchOptions}
                value={filterBranchId}
                onChange={setFilterBranchId}
                clearable
                error={errors['filter.branchId']}
              />
              {access.owners && (
                <Select
                  label="Owner"
                  placeholder="Anyone"
                  data={access.owners.map((person) => ({ value: person.id, label: person.name }))}
                  value={ownerId}
                  onChange={setOwnerId}
                  searchable
                  clearable
                  error={errors['filter.ownerId']}
                />
              )}
              <ClientPicker value={clientId} onChange={setClientId} error={errors['filter.clientId']} />
            </SimpleGrid>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {list ? 'Save' : 'Make list'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
