import { Alert, Button, Card, Center, Group, Loader, Modal, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { formProblemOf } from '../../api/problems';
import { type Branch, useBranches, useCreateBranch, useDeleteBranch, useRenameBranch } from '../../api/use-branches';
import { usePermissions } from '../../auth/use-permissions';
import { ConfirmModal } from '../../components/confirm-modal';
import { applyFieldErrors, type FieldMap, useFirstErrorFocus } from '../../forms/form-errors';

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

const BRANCH_FIELDS: FieldMap = { name: { label: 'Name' } };
const nameRule = (name: string) => (name.trim() ? null : 'Name the branch, such as the town it works from.');

function AddBranchCard() {
  const create = useCreateBranch();
  const form = useForm({ initialValues: { name: '' }, validate: { name: nameRule } });
  const { ref, focusFirstError } = useFirstErrorFocus();
  const [elsewhere, setElsewhere] = useState<string[]>([]);

  const submit = form.onSubmit(({ name }) => {
    setElsewhere([]);
    create.mutate(name.trim(), {
      onSuccess: () => form.reset(),
      onError: (error) => {
        setElsewhere(applyFieldErrors(form, error, { ...BRANCH_FIELDS, name: { label: 'New branch' } }));
        focusFirstError();
      },
    });
  }, focusFirstError);

  const problem = formProblemOf(create.error);
  return (
    <Card withBorder>
      <form ref={ref} onSubmit={submit} noValidate aria-label="Add a branch">
        <Stack gap="xs">
          {(problem || elsewhere.length > 0) && (
            <Alert color="red" title={problem?.problem.title ?? 'Not added'} role="alert">
              {problem?.message ?? elsewhere.join(' ')}
            </Alert>
          )}
          <Group align="flex-start">
            <TextInput
              label="New branch"
              placeholder="Leeds"
              required
              maxLength={120}
              style={{ flex: 1 }}
              {...form.getInputProps('name')}
            />
            <Button type="submit" loading={create.isPending} mt={25}>
              Add branch
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

/** Sends the version it read: a rename that crossed someone else's is refused, not lost. */
function RenameBranchModal({ branch, onClose }: { branch: Branch; onClose: () => void }) {
  const rename = useRenameBranch();
  const form = useForm({ initialValues: { name: branch.name }, validate: { name: nameRule } });
  const { ref, focusFirstError } = useFirstErrorFocus();
  const [elsewhere, setElsewhere] = useState<string[]>([]);

  const submit = form.onSubmit(({ name }) => {
    setElsewhere([]);
    rename.mutate(
      { id: branch.id, name: name.trim(), version: branch.version },
      {
        onSuccess: onClose,
        onError: (error) => {
          setElsewhere(applyFieldErrors(form, error, BRANCH_FIELDS));
          focusFirstError();
        },
      },
    );
  }, focusFirstError);

  const problem = formProblemOf(rename.error);
  return (
    <Modal opened onClose={onClose} title={`Rename ${branch.name}`} centered>
      <form ref={ref} onSubmit={submit} noValidate aria-label={`Rename ${branch.name}`}>
        <Stack>
          {problem ? (
            <Alert color={problem.problem.status === 409 ? 'yellow' : 'red'} title={problem.problem.title} role="alert">
              {problem.problem.status === 409
                ? 'Someone changed this branch meanwhile. Close this, check the list, and rename it again.'
                : problem.message}
            </Alert>
          ) : (
            elsewhere.length > 0 && (
              <Alert color="red" title="Not renamed" role="alert">
                {elsewhere.join(' ')}
              </Alert>
            )
          )}
          <TextInput label="Name" required data-autofocus maxLength={120} {...form.getInputProps('name')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={rename.isPending}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
