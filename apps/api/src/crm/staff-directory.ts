import { Injectable } from '@nestjs/common';
import { AppError } from '../common/app-error.js';
import { IdentityService } from '../identity/identity.service.js';
import { branchScopeOfRole, type Role } from '../identity/identity.types.js';

const invalid = (field: string, message: string) =>
  new AppError('validation-failed', `${field}: ${message}`, { errors: [{ field, message }] });

/** The CRM's view of the organization's branches and people, through identity's service. */
@Injectable()
export class StaffDirectory {
  constructor(private readonly identity: IdentityService) {}

  async assertBranch(organizationId: string, branchId: string, field = 'branchId'): Promise<void> {
    const branches = await this.identity.listBranches(organizationId);
    if (!branches.some((branch) => branch.id === branchId)) throw invalid(field, 'no such branch in your organization');
  }

  /**
   * Each id must be an active member of the organization (owners, assignees, authors).
   * With `branchId`, each must also be able to see a record of that branch: work assigned
   * to a manager or agent of another branch would sit in their calendar unseen.
   */
  async assertStaff(organizationId: string, userIds: string[], field: string, branchId?: string): Promise<void> {
    for (const id of new Set(userIds)) {
      const user = await this.identity.getUser(organizationId, id);
      if (user?.state !== 'active') throw invalid(field, `${id} is not an active member of your organization`);
      const scope = branchScopeOfRole(user.role, user.branchIds);
      if (branchId && scope && !scope.includes(branchId)) {
        throw invalid(
          field,
          `${user.fullName} does not work in this record's branch and could not see it; choose someone from that branch, or add the branch to their account first`,
        );
      }
    }
  }

  /** Someone of the organization, in any state (a filter by owner may name a former colleague). */
  async assertMember(organizationId: string, userId: string, field: string): Promise<void> {
    if (!(await this.identity.getUser(organizationId, userId)))
      throw invalid(field, 'no such person in your organization');
  }

  /** Whether a role holds a permission of the matrix (for rules that narrow a route by what else one holds). */
  roleHolds(role: Role, permission: Parameters<IdentityService['roleHolds']>[1]): boolean {
    return this.identity.roleHolds(role, permission);
  }

  /** The organization's name, as documents sent to clients carry it. */
  async organizationName(organizationId: string): Promise<string> {
    return (await this.identity.findOrganization(organizationId))?.name ?? '';
  }

  /** Names for display (activity logs, assignees); unknown ids are left out. */
  names(organizationId: string, userIds: Array<string | null>): Promise<Map<string, string>> {
    return this.identity.namesOf(organizationId, userIds);
  }
}
