import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { AppError } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { TransactionService } from '../database/transaction.service.js';
import type { MailDelivery } from '../mail/mail.service.js';
import type { AuthenticatedUser } from './access-tokens.js';
import { assertMayChangeAccess } from './account-admin-rules.js';
import { AccountLinks, linkExpired } from './account-links.js';
import { AccountMails } from './account-mails.js';
import { type AgeAnswer, assertMinimumAge } from './age-gate.js';
import { addressHasAccount, weakPassword } from './identity.errors.js';
import { IdentityService, type UserView } from './identity.service.js';
import type { Role } from './identity.types.js';
import { OrganizationsRepository } from './organizations.repository.js';
import { hashPassword, passwordProblems } from './password-policy.js';
import { UserProfileCipher } from './user-profile.cipher.js';
import { UsersRepository } from './users.repository.js';
import { UsersAdminService } from './users-admin.service.js';

export interface Invitation {
  email: string;
  fullName: string;
  jobTitle?: string;
  role: Role;
  branchIds: string[];
}

/**
 * Inviting colleagues: an admin names them, role and branches; they get an expiring
 * single-use link, pass the organization's age gate and choose a password. A refused
 * invitee (under the minimum age) is deleted with everything the invitation held.
 */
@Injectable()
export class InvitationsService {
  constructor(
    private readonly transactions: TransactionService,
    private readonly identity: IdentityService,
    private readonly admin: UsersAdminService,
    private readonly users: UsersRepository,
    private readonly organizations: OrganizationsRepository,
    private readonly cipher: UserProfileCipher,
    private readonly links: AccountLinks,
    private readonly mails: AccountMails,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** The invited person, and what became of the email: sent, queued for a retry, or refused. */
  async invite(caller: AuthenticatedUser, invitation: Invitation): Promise<{ user: UserView; email: MailDelivery }> {
    const branchIds = [...new Set(invitation.branchIds)];
    assertMayChangeAccess(
      caller,
      null,
      { role: invitation.role, branchIds },
      await this.admin.branchIdsOf(caller.organizationId),
    );
    const user = await this.identity.createUser(caller.organizationId, {
      profile: {
        email: invitation.email,
        fullName: invitation.fullName.trim(),
        jobTitle: invitation.jobTitle?.trim() || null,
        phone: null,
        company: null,
      },
      role: invitation.role,
      branchIds,
      state: 'invited',
    });
    return { user, email: await this.send(caller, user) };
  }

  async resend(caller: AuthenticatedUser, id: string): Promise<MailDelivery> {
    const user = await this.admin.get(caller, id);
    if (user.state !== 'invited') throw new AppError('conflict', 'This person has already accepted the invitation');
    return this.send(caller, user);
  }

  async cancel(caller: AuthenticatedUser, id: string): Promise<void> {
    const user = await this.admin.get(caller, id);
    if (user.state !== 'invited') {
      throw new AppError('conflict', 'This person has already accepted; disable the account instead');
    }
    const cancelled = await this.transactions.run(async (tx) => {
      if (!(await this.users.deleteInvited(caller.organizationId, id, tx))) return false;
      this.audit.record(tx, {
        organizationId: caller.organizationId,
        action: 'user.invitation_cancelled',
        targetType: 'user',
        targetId: id,
      });
      return true;
    });
    if (cancelled) await this.cipher.shred(id);
  }

  async preview(token: string) {
    const { user, organization } = await this.open(token);
    return {
      organizationName: organization.name,
      email: user.email,
      fullName: user.fullName,
      role: user.role,
      minimumAge: organization.minUserAge,
    };
  }

  async accept(token: string, password: string, age: AgeAnswer): Promise<void> {
    const { user, organization } = await this.open(token);
    try {
      assertMinimumAge(organization.minUserAge, age, this.clock.now());
    } catch (error) {
      if (error instanceof AppError && error.code === 'under-minimum-age') await this.forget(token, user);
      throw error;
    }
    // The invitee holds the emailed link, so the address is theirs: they may learn that it
    // already has an account (the inviter never does; the invitation stays pending for them).
    if (await this.users.findAccountByEmailIndex(this.cipher.emailIndex(user.email))) throw addressHasAccount();
    const problems = passwordProblems(password, { email: user.email });
    if (problems.length) throw weakPassword(problems);
    const passwordHash = await hashPassword(password);
    const accepted = await this.transactions.run(async (tx) => {
      const ok =
        (await this.links.redeem(token, 'invitation', tx)) !== null &&
        (await this.users.activateInvited(user.organizationId, user.id, passwordHash, tx));
      if (ok) {
        this.audit.record(tx, {
          organizationId: user.organizationId,
          action: 'user.invitation_accepted',
          actor: { kind: 'user', id: user.id },
          targetType: 'user',
          targetId: user.id,
        });
      }
      return ok;
    });
    if (!accepted) throw new AppError('not-found', linkExpired('invitation'));
  }

  private async open(token: string) {
    const link = await this.links.peek(token, 'invitation');
    const user = link && (await this.identity.getUser(link.organizationId, link.userId));
    const organization = user && (await this.organizations.findById(user.organizationId));
    if (user?.state !== 'invited' || !organization) throw new AppError('not-found', linkExpired('invitation'));
    return { user, organization };
  }

  /** Under the minimum age: the invitation and the person's data go, keys shredded. */
  private async forget(token: string, user: UserView): Promise<void> {
    await this.links.redeem(token, 'invitation');
    if (await this.users.deleteInvited(user.organizationId, user.id)) await this.cipher.shred(user.id);
  }

  /**
   * The invitation mail. An address that already has an account (here or in another
   * organization) cannot accept, since sign-in is by email alone: its owner is told so
   * instead of getting a link, and the inviter sees the same pending invitation either way:
   * one mail, the same steps (a link is minted either way, the unsendable one is never
   * mailed), and the same `sent`/`queued` for the same mail server. A mail server that does
   * not answer queues the mail (MailService), so the answer is never an error for it.
   */
  private async send(caller: AuthenticatedUser, invitee: UserView): Promise<MailDelivery> {
    const [inviter, organization, account] = await Promise.all([
      this.identity.getUser(caller.organizationId, caller.userId),
      this.organizations.findById(caller.organizationId),
      this.users.findAccountByEmailIndex(this.cipher.emailIndex(invitee.email)),
    ]);
    const organizationName = organization?.name ?? 'your team';
    const inviterName = inviter?.fullName ?? 'A colleague';
    const token = await this.links.mint(invitee, 'invitation');
    return account
      ? this.mails.invitationToExistingAccount(invitee.email, organizationName, inviterName)
      : this.mails.invitation(invitee.email, invitee.fullName, organizationName, inviterName, token);
  }
}
