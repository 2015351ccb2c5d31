import { Anchor, MultiSelect, Select, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useBranches } from '../../api/use-branches';
import type { Role } from '../../api/use-users';
import { BRANCH_SCOPED_ROLES, ROLE_LABELS, ROLES } from '../../labels';

/** Role and branches, as the invite and the change-access forms ask for them. */
export function AccessFields({
  role,
  branchIds,
  onRoleChange,
  onBranchIdsChange,
  mayGrantOwner,
  errors,
}: {
  role: Role;
  branchIds: string[];
  onRoleChange: (role: Role) => void;
  onBranchIdsChange: (branchIds: string[]) => void;
  /** Only an owner makes someone an owner. */
  mayGrantOwner: boolean;
  errors: Record<string, string>;
}) {
  const branches = useBranches();
  const roles = ROLES.filter((option) => option !== 'owner' || mayGrantOwner || role === 'owner');
  const scoped = BRANCH_SCOPED_ROLES.includes(role);
  const options = (branches.data?.items ?? []).map((branch) => ({ value: branch.id, label: branch.name }));
  return (
    <>
      <Select
        label="Role"
        data={roles.map((value) => ({ value, label: ROLE_LABELS[value] }))}
        value={role}
        onChange={(value) => value && onRoleChange(value as Role)}
        allowDeselect={false}
        error={errors.role}
      />
      <MultiSelect
        label="Branches"
        description={
          scoped
            ? `A ${ROLE_LABELS[role].toLowerCase()} sees only the records of their branches and needs at least one.`
            : 'Where this person works. Their role lets them see every branch.'
        }
        placeholder={options.length ? 'Pick branches' : undefined}
        data={options}
        value={branchIds}
        onChange={onBranchIdsChange}
        searchable
        error={errors.branchIds}
        disabled={branches.isPending}
      />
      {branches.isSuccess && options.length === 0 && (
        <Text size="sm" c="dimmed">
          There are no branches yet.{' '}
          <Anchor component={Link} to="/admin/branches">
            Add one first
          </Anchor>
          .
        </Text>
      )}
    </>
  );
}
