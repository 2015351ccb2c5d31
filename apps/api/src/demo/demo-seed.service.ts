import { Injectable } from '@nestjs/common';
import { IdentityService } from '../identity/identity.service.js';
import { DEMO_ORGANIZATION, DEMO_PASSWORD, DEMO_USERS } from './demo-data.js';

export interface DemoSignIn {
  role: string;
  email: string;
  password: string;
}

@Injectable()
export class DemoSeedService {
  constructor(private readonly identity: IdentityService) {}

  /** Creates the demo organization once; later runs find it and change nothing. */
  async seed(): Promise<{ created: boolean; signIns: DemoSignIn[] }> {
    const signIns = DEMO_USERS.map(({ role, email }) => ({ role, email, password: DEMO_PASSWORD }));
    if (await this.identity.findOrganizationBySlug(DEMO_ORGANIZATION.slug)) return { created: false, signIns };

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
    return { created: true, signIns };
  }
}
