import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { fieldErrorsOf, formProblemOf } from '../../api/problems';
import { fetchUser, type Role, type User, useUpdateUserAccess } from '../../api/use-users';
import { AccessFields } from './access-fields';

/**
 * Changes a person's role and branches. Sends the version it was opened with: if someone
 * changed the person meanwhile, the API refuses (409) and the form offers to start over
 * from what the server has now.
 */
export function UserAccessModal({
  user,
  onClose,
  mayGrantOwner,
}: {
  user: User;
  onClose: () => void;
  mayGrantOwner: boolean;
}) {
  const updateAccess = useUpdateUserAccess();
  const [role, setRole] = useState(user.role as Role);
  const [branchIds, setBranchIds] = useState(user.branchIds);
  const [version, setVersion] = useState(user.version);
  const [reloading, setReloading] = useState(false);

  function submit(event: FormEvent) {
    event.preventDefault();
    updateAccess.mutate(
      { id: user.id, version, role, branchIds },
      {
        onSuccess: (updated) => {
          notifications.show({ color: 'teal', title: 'Access changed', message: `${updated.fullName}: saved.` });
          onClose();
        },
      },
    );
  }

  async function reload() {
    setReloading(true);
    try {
      const current = await fetchUser(user.id);
      setRole(current.role as Role);
      setBranchIds(current.branchIds);
      setVersion(current.version);
      updateAccess.reset();
    } finally {
      setReloading(false);
    }
  }

  const errors = fieldErrorsOf(updateAccess.error);
  const problem = formProblemOf(updateAccess.error);
  const stale = problem?.problem.status === 409;
  return (
    <Modal opened onClose={onClose} title={`Change access of ${user.fullName}`} centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm" c="dimmed">
            {user.email}. The change applies from their next request.
          </Text>
          {stale ? (
            <Alert color="yellow" title="Someone changed this person meanwhile" role="alert">
              <Stack gap="xs">
                <Text size="sm">Reload to see their current role and branches, then apply your change again.</Text>
                <Button size="xs" variant="light" w="fit-content" loading={reloading} onClick={reload}>
                  Reload
                </Button>
              </Stack>
            </Alert>
          ) : (
            problem && (
              <Alert color="red" title={problem.problem.title} role="alert">
                {problem.message}
              </Alert>
            )
          )}
          <AccessFields
            role={role}
            branchIds={branchIds}
            onRoleChange={setRole}
            onBranchIdsChange={setBranchIds}
            mayGrantOwner={mayGrantOwner}
            errors={errors}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={updateAccess.isPending} disabled={stale}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
