import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { formProblemOf } from '../../api/problems';
import { fetchUser, type Role, type User, useUpdateUserAccess } from '../../api/use-users';
import { applyFieldErrors, type FieldMap, useFirstErrorFocus } from '../../forms/form-errors';
import { AccessFields } from './access-fields';

const FIELDS: FieldMap = { role: { label: 'Role' }, branchIds: { label: 'Branches' } };

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
  const form = useForm({ initialValues: { role: user.role as Role, branchIds: user.branchIds } });
  const { ref, focusFirstError } = useFirstErrorFocus();
  const [elsewhere, setElsewhere] = useState<string[]>([]);
  const [version, setVersion] = useState(user.version);
  const [reloading, setReloading] = useState(false);

  const submit = form.onSubmit(({ role, branchIds }) => {
    setElsewhere([]);
    updateAccess.mutate(
      { id: user.id, version, role, branchIds },
      {
        onSuccess: (updated) => {
          notifications.show({ color: 'teal', title: 'Access changed', message: `${updated.fullName}: saved.` });
          onClose();
        },
        onError: (error) => {
          setElsewhere(applyFieldErrors(form, error, FIELDS));
          focusFirstError();
        },
      },
    );
  }, focusFirstError);

  async function reload() {
    setReloading(true);
    try {
      const current = await fetchUser(user.id);
      form.setValues({ role: current.role as Role, branchIds: current.branchIds });
      form.clearErrors();
      setVersion(current.version);
      updateAccess.reset();
    } finally {
      setReloading(false);
    }
  }

  const problem = formProblemOf(updateAccess.error);
  const stale = problem?.problem.status === 409;
  return (
    <Modal opened onClose={onClose} title={`Change access of ${user.fullName}`} centered>
      <form ref={ref} onSubmit={submit} noValidate aria-label={`Change access of ${user.fullName}`}>
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
            (problem || elsewhere.length > 0) && (
              <Alert color="red" title={problem?.problem.title ?? 'Not saved'} role="alert">
                {problem?.message ?? elsewhere.join(' ')}
              </Alert>
            )
          )}
          <AccessFields
            role={form.values.role}
            branchIds={form.values.branchIds}
            onRoleChange={(role) => form.setFieldValue('role', role)}
            onBranchIdsChange={(branchIds) => form.setFieldValue('branchIds', branchIds)}
            mayGrantOwner={mayGrantOwner}
            errors={form.errors as Record<string, string>}
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
