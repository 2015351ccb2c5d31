import { Injectable } from '@nestjs/common';
import { UsageDemoSeed } from '../analytics/usage-demo.service.js';
import { Clock } from '../common/clock.js';
import { ContactConsentsService } from '../consent/contacts/contact-consents.service.js';
import { ContactsService } from '../crm/clients/contacts.service.js';
import { IdentityService } from '../identity/identity.service.js';
import type { AuthenticatedUser } from '../identity/identity.types.js';
import { demoConsentHistory } from './demo-consents.js';
import { DemoCrmSeedService } from './demo-crm-seed.service.js';
import { DEMO_ORGANIZATION, DEMO_PASSWORD, DEMO_USERS } from './demo-data.js';
import { DemoPrivacySeedService } from './demo-privacy-seed.service.js';

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
    private readonly privacy: DemoPrivacySeedService,
    private readonly contacts: ContactsService,
    private readonly consents: ContactConsentsService,
    private readonly usage: UsageDemoSeed,
    private readonly clock: Clock,
  ) {}

  /** Creates the demo organization once; later runs find it and change nothing. */
  async seed(): Promise<{ created: boolean; signIns: DemoSignIn[] }> {
    const signIns = DEMO_USERS.map(({ role, email }) => ({ role, email, password: DEMO_PASSWORD }));
    const existing = await this.identity.findOrganizationBySlug(DEMO_ORGANIZATION.slug);
    if (existing) {
      // An organization seeded by an earlier version gets the CRM records it lacks.
      await this.seedCrm(existing.id);
      await this.privacy.seed(existing.slug);
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
    await this.privacy.seed(organization.slug);
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
    await this.seedConsents(caller);
    // A few weeks of usage counts, so the usage dashboard is not empty.
    await this.usage.seedIfEmpty(organizationId);
  }

  /** Consent history for the demo contacts, once (an organization with any entry is left alone). */
  private async seedConsents(caller: AuthenticatedUser): Promise<void> {
    if (await this.consents.hasEntries(caller.organizationId)) return;
    const { items } = await this.contacts.list(caller, { limit: 100, sort: 'createdAt' });
    const now = this.clock.now();
    for (const [index, contact] of items.entries()) {
      const history = demoConsentHistory(index, now);
      if (history.length) await this.consents.importHistory(caller, contact.id, history);
    }
  }
}
