import { Injectable } from '@nestjs/common';
import { IdentityService } from '../identity/identity.service.js';
import type { AuthenticatedUser } from '../identity/identity.types.js';
import { DemoCrmSeedService } from './demo-crm-seed.service.js';
import { DEMO_ORGANIZATION, DEMO_PASSWORD, DEMO_USERS } from './demo-data.js';

export interface DemoSignIn {
  role: string;
  email: string;
  password: string;
}

@Injectable()
export class DemoSeedService {
  constructor(
    private readonly identity: IdentityService,
    private readonly crm: DemoCrmSeedService,
  ) {}

  /** Creates the demo organization once; later runs find it and change nothing. */
  async seed(): Promise<{ created: boolean; signIns: DemoSignIn[] }> {
    const signIns = DEMO_USERS.map(({ role, email }) => ({ role, email, password: DEMO_PASSWORD }));
    const existing = await this.identity.findOrganizationBySlug(DEMO_ORGANIZATION.slug);
    if (existing) {
      // An organization seeded by an earlier version gets the CRM records it lacks.
      await this.seedCrm(existing.id);
      return { created: false, signIns };
    }

    const [owner, ...others] = DEMO_USERS;
    const { organization } = await this.identity.createOrganization(DEMO_ORGANIZATION.name, {
      profile: { email: owner.email, fullName: owner.fullName, jobTitle: owner.jobTitle, phone: null, company: null },
      password: DEMO_PASSWORD,
      emailVerified: true,
      ageConfirmed: true,
    });
    const branches = new Map<string, string>();
    for (const name of DEMO_ORGANIZATION.branches) {
      branches.set(name, (await this.identity.createBranch(organization.id, name)).id);
    }
    for (const user of others) {
      await this.identity.createUser(organization.id, {
        profile: { email: user.email, fullName: user.fullName, jobTitle: user.jobTitle, phone: null, company: null },
        role: user.role,
        branchIds: user.branch ? [branches.get(user.branch) as string] : [],
        password: DEMO_PASSWORD,
        emailVerified: true,
        ageConfirmed: true,
      });
    }
    await this.seedCrm(organization.id);
    return { created: true, signIns };
  }

  private async seedCrm(organizationId: string): Promise<void> {
    const users = await this.identity.listUsers(organizationId);
    const owner = users.find((user) => user.role === 'owner');
    if (!owner) return;
    const branches = new Map(
      (await this.identity.listBranches(organizationId)).map((branch) => [branch.name, branch.id]),
    );
    const caller: AuthenticatedUser = {
      kind: 'user',
      userId: owner.id,
      organizationId,
      role: 'owner',
      branchIds: [],
      sessionId: 'demo-seed',
      mfaEnrolmentRequired: false,
    };
    const agent = users.find((user) => user.role === 'agent') ?? owner;
    await this.crm.seedIfEmpty(caller, agent.id, branches);
  }
}
