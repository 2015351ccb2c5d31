import { AppError } from '../common/app-error.js';
import type { AuthenticatedUser } from './access-tokens.js';
import { BRANCH_SCOPED_ROLES, type Role, roleWithArticle } from './identity.types.js';

/**
 * Who may give whom which access. Least privilege: nobody changes their own access
 * (no self-promotion, and the last owner cannot lock everyone out), only an owner
 * touches an owner or makes one, and a branch-scoped role always has a branch.
 */
export function assertMayChangeAccess(
  caller: AuthenticatedUser,
  target: { id: string; role: Role } | null,
  next: { role: Role; branchIds: string[] },
  organizationBranchIds: ReadonlySet<string>,
): void {
  if (target?.id === caller.userId) {
    throw new AppError('forbidden', 'You cannot change your own role, branches or account state; ask another admin');
  }
  if (target?.role === 'owner' && caller.role !== 'owner') {
    throw new AppError('forbidden', 'Only an owner can change an owner');
  }
  if (next.role === 'owner' && caller.role !== 'owner' && target?.role !== 'owner') {
    throw new AppError('forbidden', 'Only an owner can make someone an owner');
  }
  const unknown = next.branchIds.filter((id) => !organizationBranchIds.has(id));
  if (unknown.length) {
    throw new AppError('validation-failed', 'branchIds holds a branch that does not exist', {
      errors: [{ field: 'branchIds', message: `No such branch: ${unknown.join(', ')}` }],
    });
  }
  if (BRANCH_SCOPED_ROLES.includes(next.role) && next.branchIds.length === 0) {
    const message = `${capitalize(roleWithArticle(next.role))} works in at least one branch`;
    throw new AppError('validation-failed', message, { errors: [{ field: 'branchIds', message }] });
  }
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
