import {
  Alert,
  Badge,
  Button,
  Center,
  Group,
  Loader,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useBranches } from '../../api/use-branches';
import { type Role, type User, type UserState, useUserList } from '../../api/use-users';
import { useAuth } from '../../auth/auth-context';
import { usePermissions } from '../../auth/use-permissions';
import { LoadMoreButton } from '../../components/load-more-button.js';
import { formatDateTime } from '../../i18n/format';
import { BRANCH_SCOPED_ROLES, ROLE_LABELS, ROLES, roleLabel, STATE_LABELS } from '../../labels';
import { InviteUserModal } from './invite-user-modal';
import { UserAccessModal } from './user-access-modal';
import { UserRowActions } from './user-row-actions';

const when = (value: string | null) => (value ? formatDateTime(value) : 'Never');

/** The people of the organization: find them, invite more, change their access. */
export function UsersPage() {
  const { user: me } = useAuth();
  const { can } = usePermissions();
  const branches = useBranches();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 300);
  const [role, setRole] = useState<Role | null>(null);
  const [state, setState] = useState<UserState | null>(null);
  const [branchId, setBranchId] = useState<string | null>(null);
  const list = useUserList({ q, role, state, branchId });
  const [inviting, setInviting] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);

  const mayWrite = can('users:write');
  const callerIsOwner = me?.role === 'owner';
  const branchNames = new Map((branches.data?.items ?? []).map((branch) => [branch.id, branch.name]));
  const people = list.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = Boolean(q.trim() || role || state || branchId);

  return (
    <Stack maw={1100}>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>Users</Title>
          <Text c="dimmed" size="sm">
            {mayWrite
              ? 'Everyone in your organization. Invite colleagues and decide what each may do.'
              : 'The people you work with. Only owners and admins change access.'}
          </Text>
        </div>
        {mayWrite && <Button onClick={() => setInviting(true)}>Invite someone</Button>}
      </Group>

      <Group align="flex-end" role="search" aria-label="Filter users">
        <TextInput
          label="Search"
          placeholder="Name or email"
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          w={240}
        />
        <Select
          label="Role"
          placeholder="Any role"
          data={ROLES.map((value) => ({ value, label: ROLE_LABELS[value] }))}
          value={role}
          onChange={(value) => setRole(value as Role | null)}
          clearable
          w={180}
        />
        <Select
          label="State"
          placeholder="Any state"
          data={Object.entries(STATE_LABELS).map(([value, { label }]) => ({ value, label }))}
          value={state}
          onChange={(value) => setState(value as UserState | null)}
          clearable
          w={160}
        />
        <Select
          label="Branch"
          placeholder="Any branch"
          data={(branches.data?.items ?? []).map((branch) => ({ value: branch.id, label: branch.name }))}
          value={branchId}
          onChange={setBranchId}
          clearable
          searchable
          w={200}
        />
      </Group>

      {list.isError && (
        <Alert color="red" title="Could not load the people" role="alert">
          {list.error.message}
        </Alert>
      )}
      {list.isPending ? (
        <Center h={160}>
          <Loader aria-label="Loading users" />
        </Center>
      ) : (
        <Table aria-label="Users" striped highlightOnHover aria-busy={list.isFetching}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Role</Table.Th>
              <Table.Th>Branches</Table.Th>
              <Table.Th>State</Table.Th>
              <Table.Th>Last sign-in</Table.Th>
              <Table.Th>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {people.map((person) => {
              const stateLabel = STATE_LABELS[person.state as UserState];
              const mayChange = mayWrite && person.id !== me?.id && (person.role !== 'owner' || callerIsOwner);
              return (
                <Table.Tr key={person.id}>
                  <Table.Td>
                    <Group gap={6}>
                      <Text size="sm" fw={500}>
                        {person.fullName}
                      </Text>
                      {person.id === me?.id && (
                        <Badge size="xs" variant="outline">
                          You
                        </Badge>
                      )}
                    </Group>
                    <Text size="xs" c="dimmed">
                      {person.email}
                      {person.jobTitle ? ` · ${person.jobTitle}` : ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>{roleLabel(person.role)}</Table.Td>
                  <Table.Td>
                    {person.branchIds.length
                      ? person.branchIds.map((id) => branchNames.get(id) ?? 'Unknown branch').join(', ')
                      : '—'}
                  </Table.Td>
                  <Table.Td>
                    <Badge color={stateLabel?.color ?? 'gray'} variant="light">
                      {stateLabel?.label ?? person.state}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{person.state === 'invited' ? '—' : when(person.lastSignInAt)}</Table.Td>
                  <Table.Td>
                    {mayChange && <UserRowActions person={person} onEditAccess={() => setEditing(person)} />}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      {list.isSuccess && people.length === 0 && (
        <Text c="dimmed" size="sm" ta="center" py="md">
          {filtered
            ? 'No one matches these filters.'
            : me && BRANCH_SCOPED_ROLES.includes(me.role as Role)
              ? 'No one shares a branch with you yet.'
              : 'No one here yet.'}
        </Text>
      )}
      <LoadMoreButton list={list} />

      {mayWrite && (
        <InviteUserModal opened={inviting} onClose={() => setInviting(false)} mayGrantOwner={callerIsOwner} />
      )}
      {editing && (
        <UserAccessModal
          user={editing}
          onClose={() => setEditing(null)}
          mayGrantOwner={callerIsOwner}
          key={editing.id}
        />
      )}
    </Stack>
  );
}
