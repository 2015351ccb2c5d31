import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import type { AuditActor } from '../audit/audit.types.js';
import { AppError } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { type Transaction, TransactionService } from '../database/transaction.service.js';
import { ApiKeysRepository } from './api-keys.repository.js';
import type { BranchEntity } from './entities/branch.entity.js';
import type { OrganizationEntity } from './entities/organization.entity.js';
import type { UserEntity } from './entities/user.entity.js';
import { emailTaken, weakPassword } from './identity.errors.js';
import type { Role, UserState } from './identity.types.js';
import { OrganizationSetupService } from './organization-setup.service.js';
import { OrganizationsRepository } from './organizations.repository.js';
import { hashPassword, passwordProblems } from './password-policy.js';
import { type Permission, roleHolds } from './permissions.js';
import { SessionsRepository } from './sessions.repository.js';
import { type UserProfile, UserProfileCipher } from './user-profile.cipher.js';
import { type NewUser, UsersRepository } from './users.repository.js';

export interface NewUserInput {
  profile: UserProfile;
  role: Role;
  branchIds?: string[];
  password?: string;
  state?: UserState;
  emailVerified?: boolean;
  ageConfirmed?: boolean;
}

export interface UserView extends UserProfile {
  id: string;
  organizationId: string;
  role: Role;
  branchIds: string[];
  state: UserState;
  mfaEnabled: boolean;
  emailVerified: boolean;
  preferences: Record<string, string>;
  lastSignInAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

@Injectable()
export class IdentityService {
  constructor(
    private readonly transactions: TransactionService,
    private readonly organizations: OrganizationsRepository,
    private readonly users: UsersRepository,
    private readonly cipher: UserProfileCipher,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly setup: OrganizationSetupService,
    private readonly sessions: SessionsRepository,
    private readonly apiKeys: ApiKeysRepository,
  ) {}

  /** A new tenant and its owner, together or not at all. */
  async createOrganization(
    name: string,
    owner: Omit<NewUserInput, 'role'>,
    settings: Partial<Pick<OrganizationEntity, 'minUserAge' | 'mfaRequired' | 'dataRegion'>> = {},
  ): Promise<{ organization: OrganizationEntity; owner: UserView }> {
    // Hashing, sealing and checks happen before the transaction opens: a transaction must
    // not wait on queries outside it (on embedded PGlite, with one backend, it would deadlock).
    const prepared = await this.prepareUser({ ...owner, role: 'owner' });
    const slug = await this.uniqueSlug(name);
    return this.transactions.run(async (tx) => {
      const organization = await this.organizations.insert({ name, slug, ...settings }, tx);
      const user = await this.users.insert({ ...prepared, organizationId: organization.id }, tx);
      await this.setup.run(organization.id, tx);
      this.audit.record(tx, {
        organizationId: organization.id,
        action: 'organization.created',
        targetType: 'organization',
        targetId: organization.id,
        details: { owner: user.id },
      });
      return { organization, owner: await this.toView(user) };
    });
  }

  createBranch(organizationId: string, name: string, tx?: Transaction): Promise<BranchEntity> {
    return this.organizations.insertBranch(organizationId, name, tx);
  }

  listBranches(organizationId: string): Promise<BranchEntity[]> {
    return this.organizations.listBranches(organizationId);
  }

  /** A new person (an invitation, or a demo account), recorded in the organization's trail. */
  async createUser(organizationId: string, input: NewUserInput): Promise<UserView> {
    const prepared = await this.prepareUser(input, organizationId);
    const user = await this.transactions.run(async (tx) => {
      const inserted = await this.users.insert({ ...prepared, organizationId }, tx);
      this.audit.record(tx, {
        organizationId,
        action: inserted.state === 'invited' ? 'user.invited' : 'user.created',
        targetType: 'user',
        targetId: inserted.id,
        details: { role: inserted.role, branchIds: inserted.branchIds },
      });
      return inserted;
    });
    return this.toView(user);
  }

  /** Everything a new user row needs but its organization: checked, hashed and sealed. */
  private async prepareUser(input: NewUserInput, organizationId?: string): Promise<Omit<NewUser, 'organizationId'>> {
    const emailIndex = this.cipher.emailIndex(input.profile.email);
    if (organizationId && (await this.users.findInOrganizationByEmailIndex(organizationId, emailIndex))) {
      throw emailTaken('Someone in this organization already has this email, or has been invited with it');
    }
    // An invitation asks only about the inviting organization's own people: whether the
    // address has an account elsewhere is not the inviter's to learn (see InvitationsService).
    if (input.state !== 'invited' && (await this.users.findAccountByEmailIndex(emailIndex))) throw emailTaken();
    let passwordHash: string | null = null;
    if (input.password !== undefined) {
      const problems = passwordProblems(input.password, { email: input.profile.email });
      if (problems.length) throw weakPassword(problems);
      passwordHash = await hashPassword(input.password);
    }
    const id = randomUUID();
    const now = this.clock.now();
    return {
      id,
      role: input.role,
      branchIds: input.branchIds ?? [],
      state: input.state ?? 'active',
      ...(await this.cipher.seal(id, input.profile)),
      preferences: {},
      passwordHash,
      ageConfirmedAt: input.ageConfirmed ? now : null,
      emailVerifiedAt: input.emailVerified ? now : null,
    };
  }

  async listUsers(organizationId: string): Promise<UserView[]> {
    const users = await this.users.listInOrganization(organizationId);
    return Promise.all(users.map((user) => this.toView(user)));
  }

  async getUser(organizationId: string, id: string): Promise<UserView | null> {
    const user = await this.users.findInOrganization(organizationId, id);
    return user ? this.toView(user) : null;
  }

  /** Display names of some of the organization's people, in one query (activity logs, timelines, the audit viewer). */
  async namesOf(organizationId: string, ids: Iterable<string | null>): Promise<Map<string, string>> {
    const wanted = [...new Set([...ids].filter((id): id is string => id !== null))];
    return this.cipher.names(await this.users.findNames(organizationId, wanted));
  }

  /** Abandoned sign-ups: organizations older than `before` whose people never confirmed an email. */
  listUnconfirmedOrganizations(before: Date, limit = 500): Promise<string[]> {
    return this.organizations.listUnconfirmedBefore(before, limit);
  }

  /** True while the organization is still such an abandoned sign-up. */
  async isUnconfirmedOrganization(id: string, before: Date): Promise<boolean> {
    return (await this.organizations.listUnconfirmedBefore(before, 1, id)).length === 1;
  }

  findOrganization(id: string): Promise<OrganizationEntity | null> {
    return this.organizations.findById(id);
  }

  /** Whether a role holds a permission of the matrix (e.g. who may be assigned privacy requests). */
  roleHolds(role: Role, permission: Permission): boolean {
    return roleHolds(role, permission);
  }

  /** The user of the organization with this email (blind index): how a data-subject request finds its requester. */
  async userIdByEmail(organizationId: string, email: string): Promise<string | null> {
    const user = await this.users.findInOrganizationByEmailIndex(organizationId, this.cipher.emailIndex(email));
    return user?.id ?? null;
  }

  /**
   * A correction a data-subject request asked for, applied by a privacy officer: the profile
   * fields change in one transaction with an audit entry naming the fields (never the values).
   * Email is not offered:
   * a new address is confirmed by its owner through the profile's email change.
   */
  async rectifyUser(
    organizationId: string,
    id: string,
    patch: Partial<Pick<UserProfile, 'fullName' | 'phone' | 'jobTitle' | 'company'>>,
    actor: AuditActor,
  ): Promise<void> {
    const user = await this.users.findInOrganization(organizationId, id);
    if (!user) throw new AppError('not-found', 'No such user');
    const next = { ...(await this.cipher.open(user)), ...patch };
    const sealed = await this.cipher.seal(user.id, next);
    const fields = Object.keys(patch);
    await this.transactions.run(async (tx) => {
      await this.users.updateProfile(
        organizationId,
        id,
        {
          fullNameEnc: sealed.fullNameEnc,
          phoneEnc: sealed.phoneEnc,
          jobTitleEnc: sealed.jobTitleEnc,
          companyEnc: sealed.companyEnc,
        },
        tx,
      );
      this.audit.record(tx, {
        organizationId,
        action: 'user.profile_updated',
        actor,
        targetType: 'user',
        targetId: id,
        details: { fields, rectification: true },
      });
    });
  }

  /** 409 when the user is the organization's only active owner: it would be left without one. */
  async assertMayLeave(organizationId: string, id: string, tx?: Transaction): Promise<void> {
    const user = await this.users.findInOrganization(organizationId, id);
    if (user?.role === 'owner' && (await this.users.otherActiveOwners(organizationId, id, tx)) === 0) {
      throw new AppError(
        'conflict',
        "The organization's only owner cannot be erased: make someone else an owner first, or close the organization",
      );
    }
  }

  /**
   * A user who asked to be erased stops at once: in one transaction the account is disabled,
   * every session (and so every refresh and access token) and every API key they created is
   * revoked, and an audit entry written; `within` runs in the same transaction (the request's
   * history and the delayed erasure job). An already disabled account stays disabled.
   */
  async deactivateForErasure(
    organizationId: string,
    id: string,
    actor: AuditActor,
    within?: (tx: Transaction) => Promise<unknown>,
  ): Promise<void> {
    await this.transactions.run(async (tx) => {
      await this.assertMayLeave(organizationId, id, tx);
      await this.users.changeState(organizationId, id, ['active', 'disabled'], 'disabled', tx);
      await this.sessions.revokeForUser(organizationId, id, tx);
      const apiKeys = await this.apiKeys.revokeCreatedBy(organizationId, id, tx);
      this.audit.record(tx, {
        organizationId,
        action: 'user.deactivated_for_erasure',
        actor,
        targetType: 'user',
        targetId: id,
        details: { apiKeys },
      });
      await within?.(tx);
    });
  }

  findOrganizationBySlug(slug: string): Promise<OrganizationEntity | null> {
    return this.organizations.findBySlug(slug);
  }

  async toView(user: UserEntity): Promise<UserView> {
    return {
      id: user.id,
      organizationId: user.organizationId,
      role: user.role,
      branchIds: user.branchIds,
      state: user.state,
      mfaEnabled: user.mfaEnabledAt !== null,
      emailVerified: user.emailVerifiedAt !== null,
      preferences: user.preferences,
      lastSignInAt: user.lastSignInAt,
      createdAt: user.createdAt,
      updatedAt: user.updatedAt,
      version: user.version,
      ...(await this.cipher.open(user)),
    };
  }

  private async uniqueSlug(name: string): Promise<string> {
    const base =
      name
        .normalize('NFKD')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '')
        .slice(0, 60) || 'organization';
    for (let attempt = 0; ; attempt++) {
      const slug = attempt === 0 ? base : `${base}-${attempt + 1}`;
      if (!(await this.organizations.findBySlug(slug))) return slug;
    }
  }
}
