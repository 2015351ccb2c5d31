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
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { formProblemOf } from '../../api/problems';
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
import { applyFieldErrors, type FieldMap, useFirstErrorFocus } from '../../forms/form-errors';
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

const LIST_FIELDS: FieldMap = {
  name: { label: 'Name' },
  kind: { label: 'Kind' },
  branchId: { label: 'Visible to' },
  'filter.tag': { label: 'Tag', path: 'tag' },
  'filter.branchId': { label: 'Branch of the contacts', path: 'filterBranchId' },
  'filter.ownerId': { label: 'Owner', path: 'ownerId' },
  'filter.clientId': { label: 'Client', path: 'clientId' },
};

interface ListForm {
  name: string;
  kind: Kind;
  branchId: string | null;
  tag: string;
  filterBranchId: string | null;
  ownerId: string | null;
  clientId: string | null;
}

/** Makes a list, or renames one (and changes a saved filter's criteria). */
function ContactListModal({ list, onClose }: { list?: ContactList; onClose: () => void }) {
  const access = useCrmAccess();
  const create = useCreateContactList();
  const update = useUpdateContactList();
  const mutation = list ? update : create;
  const form = useForm<ListForm>({
    initialValues: {
      name: list?.name ?? '',
      kind: (list?.kind as Kind) ?? 'static',
      branchId: list ? list.branchId : access.scoped ? access.defaultBranchId : null,
      tag: list?.filter?.tag ?? '',
      filterBranchId: list?.filter?.branchId ?? null,
      ownerId: list?.filter?.ownerId ?? null,
      clientId: list?.filter?.clientId ?? null,
    },
    validate: {
      name: (name) => (name.trim() ? null : 'Name the list.'),
      tag: (tag) => {
        const clean = normaliseTag(tag);
        return clean && !TAG_PATTERN.test(clean) ? 'Use lower-case words with dashes, such as spring-fair.' : null;
      },
      branchId: (branchId) => (!list && access.scoped && !branchId ? 'Choose one of your branches.' : null),
    },
  });
  const { ref, focusFirstError } = useFirstErrorFocus();
  const [elsewhere, setElsewhere] = useState<string[]>([]);
  const { values } = form;
  // The person's branches may arrive after the form opened: a manager or agent gets their own.
  const defaultBranchId = access.defaultBranchId;
  const { setFieldValue, getValues } = form;
  useEffect(() => {
    if (!list && access.scoped && defaultBranchId && !getValues().branchId) setFieldValue('branchId', defaultBranchId);
  }, [list, access.scoped, defaultBranchId, getValues, setFieldValue]);

  const submit = form.onSubmit((values) => {
    setElsewhere([]);
    const cleanTag = normaliseTag(values.tag);
    const name = values.name.trim();
    const filter: ContactListFilter = {
      ...(cleanTag ? { tag: cleanTag } : {}),
      ...(values.filterBranchId ? { branchId: values.filterBranchId } : {}),
      ...(values.ownerId ? { ownerId: values.ownerId } : {}),
      ...(values.clientId ? { clientId: values.clientId } : {}),
    };
    const done = {
      onSuccess: () => {
        notifications.show({ color: 'teal', message: list ? 'List saved.' : `List "${name}" made.` });
        onClose();
      },
      onError: (error: unknown) => {
        setElsewhere(applyFieldErrors(form, error, LIST_FIELDS));
        focusFirstError();
      },
    };
    if (list) {
      update.mutate(
        {
          id: list.id,
          version: list.version,
          ...(name !== list.name ? { name } : {}),
          ...(list.kind === 'saved_filter' ? { filter } : {}),
        },
        done,
      );
    } else {
      create.mutate(
        {
          name,
          kind: values.kind,
          ...(values.branchId ? { branchId: values.branchId } : {}),
          ...(values.kind === 'saved_filter' ? { filter } : {}),
        },
        done,
      );
    }
  }, focusFirstError);

  const problem = formProblemOf(mutation.error);
  const errors = form.errors as Record<string, string | undefined>;
  const branchOptions = access.writableBranches.map((branch) => ({ value: branch.id, label: branch.name }));
  return (
    <Modal opened onClose={onClose} title={list ? `Edit ${list.name}` : 'New contact list'} centered size="lg">
      <form ref={ref} onSubmit={submit} noValidate aria-label={list ? 'Edit contact list' : 'New contact list'}>
        <Stack gap="sm">
          {problem ? (
            <Alert color={problem.problem.status === 409 ? 'yellow' : 'red'} title={problem.problem.title} role="alert">
              {problem.problem.status === 409
                ? 'Someone changed this list meanwhile. Close this form and open it again to see their change.'
                : problem.message}
            </Alert>
          ) : (
            elsewhere.length > 0 && (
              <Alert color="red" title="Not saved" role="alert">
                {elsewhere.join(' ')}
              </Alert>
            )
          )}
          <TextInput label="Name" required data-autofocus maxLength={120} {...form.getInputProps('name')} />
          {!list && (
            <Radio.Group label="Kind" {...form.getInputProps('kind')}>
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
              clearable={!access.scoped}
              required={access.scoped}
              {...form.getInputProps('branchId')}
            />
          )}
          {values.kind === 'saved_filter' && (
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput label="Tag" placeholder="Any tag" {...form.getInputProps('tag')} />
              <Select
                label="Branch of the contacts"
                placeholder="Any branch"
                data={branchOptions}
                clearable
                {...form.getInputProps('filterBranchId')}
              />
              {access.owners && (
                <Select
                  label="Owner"
                  placeholder="Anyone"
                  data={access.owners.map((person) => ({ value: person.id, label: person.name }))}
                  searchable
                  clearable
                  {...form.getInputProps('ownerId')}
                />
              )}
              <ClientPicker
                value={values.clientId}
                onChange={(clientId) => form.setFieldValue('clientId', clientId)}
                error={errors.clientId}
              />
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
