import { useBranches } from '../../api/use-branches';
import { useStaff } from '../../api/use-staff';
import type { Role } from '../../api/use-users';
import { useAuth } from '../../auth/auth-context';
import { usePermissions } from '../../auth/use-permissions';
import { BRANCH_SCOPED_ROLES } from '../../labels';

/**
 * What the signed-in person may do with CRM records, mirroring the API's rules so the
 * SPA offers only what will work: managers and agents work in their branches, and agents
 * change only records they own and communications they logged. The API still decides.
 */
export function useCrmAccess() {
  const { user: me } = useAuth();
  const { can, loading } = usePermissions();
  const branches = useBranches();
  const staff = useStaff();
  const scoped = Boolean(me && BRANCH_SCOPED_ROLES.includes(me.role as Role));
  const isAgent = me?.role === 'agent';

  const allBranches = branches.data?.items ?? [];
  const myBranches = scoped ? allBranches.filter((branch) => me?.branchIds.includes(branch.id)) : allBranches;
  const branchNames = new Map(allBranches.map((branch) => [branch.id, branch.name]));

  return {
    me,
    can,
    loading,
    scoped,
    /** Branches records may be put in: the person's own for managers and agents, every one for the rest. */
    writableBranches: myBranches,
    defaultBranchId: me?.branchIds.find((id) => branchNames.has(id)) ?? myBranches[0]?.id ?? null,
    branchName: (id: string | null) => (id ? (branchNames.get(id) ?? 'Unknown branch') : '—'),
    /** Staff who may own records, for those who may list people (null for agents and viewers). */
    owners: staff.mayList ? staff.members : null,
    /** "You", a colleague's name, or null for those who may not list people. */
    ownerName: (id: string | null): string | null => {
      if (!id) return null;
      if (id === me?.id) return 'You';
      return staff.mayList ? staff.nameOf(id) : null;
    },
    mayChangeRecord: (record: { ownerId: string | null; restricted: boolean }) =>
      can('clients:write') && !record.restricted && (!isAgent || record.ownerId === me?.id),
    /** Would be allowed to change it were it not restricted: edit buttons show, disabled, saying why. */
    mayChangeUnlessRestricted: (record: { ownerId: string | null }) =>
      can('clients:write') && (!isAgent || record.ownerId === me?.id),
    mayChangeCommunication: (entry: { authorId: string | null }) =>
      can('communications:write') && (!isAgent || entry.authorId === me?.id),
    mayChangeList: (list: { ownerId: string | null; branchId: string | null }) =>
      can('clients:write') && !(scoped && !list.branchId) && (!isAgent || list.ownerId === me?.id),
  };
}
