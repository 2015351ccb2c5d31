import { Injectable } from '@nestjs/common';
import { AppError } from '../common/app-error.js';
import { IdentityService } from '../identity/identity.service.js';

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

  /** Each id must be an active member of the organization (owners, assignees, authors). */
  async assertStaff(organizationId: string, userIds: string[], field: string): Promise<void> {
    for (const id of new Set(userIds)) {
      const user = await this.identity.getUser(organizationId, id);
      if (user?.state !== 'active') throw invalid(field, `${id} is not an active member of your organization`);
    }
  }

  /** Names for display (activity logs, assignees); unknown ids are left out. */
  names(organizationId: string, userIds: Array<string | null>): Promise<Map<string, string>> {
    return this.identity.namesOf(organizationId, userIds);
  }
}
