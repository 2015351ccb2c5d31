import { Alert, Button, Card, Center, Group, Loader, Modal, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { fieldErrorsOf, formProblemOf } from '../../api/problems';
import { type Branch, useBranches, useCreateBranch, useDeleteBranch, useRenameBranch } from '../../api/use-branches';
import { usePermissions } from '../../auth/use-permissions';
import { ConfirmModal } from '../../components/confirm-modal';

/** The branches of the organization: where people work, and what managers and agents see. */
export function BranchesPage() {
  const { can } = usePermissions();
  const branches = useBranches();
  const remove = useDeleteBranch();
  const [renaming, setRenaming] = useState<Branch | null>(null);
  const [deleting, setDeleting] = useState<Branch | null>(null);
  const mayWrite = can('branches:write');
  const items = branches.data?.items ?? [];

  return (
    <Stack maw={760}>
      <Title order={1}>Branches</Title>
      <Text c="dimmed" size="sm">
        Managers and agents see only the records of the branches they work in.
      </Text>
      {mayWrite && <AddBranchCard />}
      {branches.isError && (
        <Alert color="red" title="Could not load the branches" role="alert">
          {branches.error.message}
        </Alert>
      )}
      {branches.isPending ? (
        <Center h={120}>
          <Loader aria-label="Loading branches" />
        </Center>
      ) : (
        <Table aria-label="Branches" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              {mayWrite && <Table.Th />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((branch) => (
              <Table.Tr key={branch.id}>
                <Table.Td>{branch.name}</Table.Td>
                {mayWrite && (
                  <Table.Td>
                    <Group gap="xs" justify="flex-end">
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() => setRenaming(branch)}
                        aria-label={`Rename ${branch.name}`}
                      >
                        Rename
                      </Button>
                      <Button
                        size="xs"
                        color="red"
                        variant="light"
                        onClick={() => setDeleting(branch)}
                        aria-label={`Delete ${branch.name}`}
                      >
                        Delete
                      </Button>
                    </Group>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {branches.isSuccess && items.length === 0 && (
        <Text c="dimmed" size="sm" ta="center" py="md">
          No branches yet.{mayWrite ? ' Add the first one above.' : ''}
        </Text>
      )}
      {renaming && <RenameBranchModal branch={renaming} onClose={() => setRenaming(null)} key={renaming.id} />}
      <ConfirmModal
        opened={deleting !== null}
        title={`Delete ${deleting?.name ?? 'the branch'}?`}
        confirmLabel="Delete branch"
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
        The people who work there keep their other branches. A manager or agent left without a branch sees no branch
        records until given one.
      </ConfirmModal>
    </Stack>
  );
}

function AddBranchCard() {
  const create = useCreateBranch();
  const [name, setName] = useState('');

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate(name.trim(), { onSuccess: () => setName('') });
  }

  return (
    <Card withBorder component="form" onSubmit={submit} noValidate>
      <Group align="flex-start">
        <TextInput
          label="New branch"
          placeholder="Leeds"
          required
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={fieldErrorsOf(create.error).name}
          style={{ flex: 1 }}
        />
        <Button type="submit" loading={create.isPending} disabled={!name.trim()} mt={25}>
          Add branch
        </Button>
      </Group>
    </Card>
  );
}

/** Sends the version it read: a rename that crossed someone else's is refused, not lost. */
function RenameBranchModal({ branch, onClose }: { branch: Branch; onClose: () => void }) {
  const rename = useRenameBranch();
  const [name, setName] = useState(branch.name);

  function submit(event: FormEvent) {
    event.preventDefault();
    rename.mutate({ id: branch.id, name: name.trim(), version: branch.version }, { onSuccess: onClose });
  }

  const problem = formProblemOf(rename.error);
  return (
    <Modal opened onClose={onClose} title={`Rename ${branch.name}`} centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          {problem && (
            <Alert color={problem.problem.status === 409 ? 'yellow' : 'red'} title={problem.problem.title} role="alert">
              {problem.problem.status === 409
                ? 'Someone changed this branch meanwhile. Close this, check the list, and rename it again.'
                : problem.message}
            </Alert>
          )}
          <TextInput
            label="Name"
            required
            data-autofocus
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={fieldErrorsOf(rename.error).name}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={rename.isPending} disabled={!name.trim()}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
