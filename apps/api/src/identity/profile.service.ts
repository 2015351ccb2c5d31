import { Injectable, Logger } from '@nestjs/common';
import { normalizeEmail } from '#crypto';
import { AuditService } from '../audit/audit.service.js';
import { AppError } from '../common/app-error.js';
import { changedFields } from '../common/changed-fields.js';
import { TransactionService } from '../database/transaction.service.js';
import type { AuthenticatedUser } from './access-tokens.js';
import { AccountLinks, linkExpired } from './account-links.js';
import { AccountMails } from './account-mails.js';
import type { UserEntity } from './entities/user.entity.js';
import { emailTaken, weakPassword } from './identity.errors.js';
import { IdentityService, type UserView } from './identity.service.js';
import { hashPassword, passwordProblems } from './password-policy.js';
import type { ProfileUpdateDto } from './profile.dto.js';
import { SessionsRepository } from './sessions.repository.js';
import { SignInLockout } from './sign-in-lockout.js';
import { UserProfileCipher } from './user-profile.cipher.js';
import { UsersRepository } from './users.repository.js';

/** A signed-in user's own account: profile, password and email. */
@Injectable()
export class ProfileService {
  private readonly logger = new Logger(ProfileService.name);

  constructor(
    private readonly identity: IdentityService,
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly cipher: UserProfileCipher,
    private readonly lockout: SignInLockout,
    private readonly links: AccountLinks,
    private readonly mails: AccountMails,
    private readonly transactions: TransactionService,
    private readonly audit: AuditService,
  ) {}

  async get(caller: AuthenticatedUser): Promise<UserView> {
    return this.identity.toView(await this.user(caller));
  }

  async update(caller: AuthenticatedUser, patch: ProfileUpdateDto): Promise<UserView> {
    const user = await this.user(caller);
    const current = await this.cipher.open(user);
    const next = { ...current };
    if (patch.fullName !== undefined) next.fullName = patch.fullName.trim();
    for (const field of ['phone', 'jobTitle', 'company'] as const) {
      if (patch[field] !== undefined) next[field] = patch[field]?.trim() || null;
    }
    const sealed = await this.cipher.seal(user.id, next);
    await this.transactions.run(async (tx) => {
      await this.users.updateProfile(
        caller.organizationId,
        user.id,
        {
          fullNameEnc: sealed.fullNameEnc,
          phoneEnc: sealed.phoneEnc,
          jobTitleEnc: sealed.jobTitleEnc,
          companyEnc: sealed.companyEnc,
          preferences: { ...user.preferences, ...definedOnly(patch.preferences ?? {}) },
        },
        tx,
      );
      this.audit.record(tx, {
        organizationId: caller.organizationId,
        action: 'user.profile_updated',
        targetType: 'user',
        targetId: user.id,
        details: { fields: changedFields(patch) },
      });
    });
    return this.get(caller);
  }

  /** Needs the current password; every other device is signed out, this one stays. */
  async changePassword(caller: AuthenticatedUser, current: string, next: string, ip: string | null): Promise<void> {
    const user = await this.user(caller);
    await this.lockout.confirmPassword(user, current, ip, 'currentPassword');
    const { email } = await this.cipher.open(user);
    const problems = passwordProblems(next, { email });
    if (problems.length) throw weakPassword(problems, 'newPassword');
    const passwordHash = await hashPassword(next);
    const session = await this.sessions.findById(caller.organizationId, caller.sessionId);
    await this.transactions.run(async (tx) => {
      await this.users.setPassword(user.organizationId, user.id, passwordHash, tx);
      if (session) await this.sessions.revokeForUserExceptFamily(caller.organizationId, user.id, session.familyId, tx);
      this.audit.record(tx, {
        organizationId: caller.organizationId,
        action: 'auth.password.changed',
        targetType: 'user',
        targetId: user.id,
        details: { otherSessionsSignedOut: true },
      });
    });
  }

  /**
   * Sends a confirmation link to the new address and a note to the old one. The account
   * keeps its address until the link is followed. An address that already has an account
   * gets the same answer (its owner gets a note), so the route tells nobody who is registered.
   */
  async requestEmailChange(caller: AuthenticatedUser, email: string, password: string, ip: string | null) {
    const user = await this.user(caller);
    await this.lockout.confirmPassword(user, password, ip);
    const current = await this.cipher.open(user);
    if (normalizeEmail(email) === current.email) {
      throw new AppError('validation-failed', 'This is already your email address', {
        errors: [{ field: 'email', message: 'This is already your email address' }],
      });
    }
    if (await this.users.findAccountByEmailIndex(this.cipher.emailIndex(email))) {
      // The same answer as for a free address, so this cannot probe who has an account;
      // the address's owner is told instead.
      this.mails
        .alreadyRegistered(email)
        .catch((error: Error) => this.logger.error(`Email change mail failed: ${error.message}`));
      return;
    }
    const payloadEnc = await this.cipher.sealPendingEmail(user.id, email);
    const token = await this.links.mint(user, 'email-change', { payloadEnc });
    await this.audit.recordNow({
      organizationId: caller.organizationId,
      action: 'auth.email.change_requested',
      targetType: 'user',
      targetId: user.id,
    });
    this.mails
      .confirmNewEmail(email, current.fullName, token)
      .then(() => this.mails.emailChangeRequested(current.email, current.fullName))
      .catch((error: Error) => this.logger.error(`Email change mail failed: ${error.message}`));
  }

  async confirmEmailChange(token: string): Promise<void> {
    const pending = await this.links.peek(token, 'email-change');
    const user = pending && (await this.users.findInOrganization(pending.organizationId, pending.userId));
    if (!pending?.payloadEnc || !user) throw new AppError('not-found', linkExpired());
    const email = await this.cipher.openPendingEmail(user.id, pending.payloadEnc);
    if (await this.users.findAccountByEmailIndex(this.cipher.emailIndex(email))) throw emailTaken();
    const sealed = await this.cipher.seal(user.id, { ...(await this.cipher.open(user)), email });
    if (!(await this.links.redeem(token, 'email-change'))) throw new AppError('not-found', linkExpired());
    await this.transactions.run(async (tx) => {
      await this.users.changeEmail(
        user.organizationId,
        user.id,
        { emailIndex: sealed.emailIndex, emailEnc: sealed.emailEnc },
        tx,
      );
      this.audit.record(tx, {
        organizationId: user.organizationId,
        action: 'auth.email.changed',
        actor: { kind: 'user', id: user.id },
        targetType: 'user',
        targetId: user.id,
      });
    });
  }

  private async user(caller: AuthenticatedUser): Promise<UserEntity> {
    const user = await this.users.findInOrganization(caller.organizationId, caller.userId);
    if (!user) throw new AppError('session-expired');
    return user;
  }
}

const definedOnly = (values: object): Record<string, string> =>
  Object.fromEntries(Object.entries(values).filter(([, value]) => typeof value === 'string'));
