import { Injectable, Logger } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { AppError } from '../common/app-error.js';
import { TransactionService } from '../database/transaction.service.js';
import { AccountLinks, linkExpired } from './account-links.js';
import { AccountMails } from './account-mails.js';
import type { UserEntity } from './entities/user.entity.js';
import { weakPassword } from './identity.errors.js';
import { hashPassword, passwordProblems } from './password-policy.js';
import { SessionsRepository } from './sessions.repository.js';
import { UserProfileCipher } from './user-profile.cipher.js';
import { UsersRepository } from './users.repository.js';

/**
 * "Forgot your password": an expiring, single-use link by email. The request answers the
 * same whether or not the email has an account, and the mail goes out after the answer,
 * so neither the body nor the timing tells.
 */
@Injectable()
export class PasswordResetService {
  private readonly logger = new Logger(PasswordResetService.name);

  constructor(
    private readonly users: UsersRepository,
    private readonly links: AccountLinks,
    private readonly sessions: SessionsRepository,
    private readonly cipher: UserProfileCipher,
    private readonly mails: AccountMails,
    private readonly transactions: TransactionService,
    private readonly audit: AuditService,
  ) {}

  /**
   * The lookup is awaited (it costs the same whether or not the address is known), so an
   * unreachable database answers 503 rather than a 202 that sends nothing; minting the link
   * and the mail follow the answer.
   */
  async request(email: string): Promise<void> {
    const user = await this.users.findAccountByEmailIndex(this.cipher.emailIndex(email));
    if (user?.state !== 'active') return;
    this.sendLink(user).catch((error: Error) => this.logger.error(`Password reset mail failed: ${error.message}`));
  }

  async confirm(token: string, password: string): Promise<void> {
    const expired = () => new AppError('not-found', linkExpired());
    const found = await this.links.peek(token, 'password-reset');
    const user = found && (await this.users.findInOrganization(found.organizationId, found.userId));
    if (!user) throw expired();
    // A weak password is refused before the link is used up, so the person can try again.
    const { email } = await this.cipher.open(user);
    const problems = passwordProblems(password, { email });
    if (problems.length) throw weakPassword(problems);
    const passwordHash = await hashPassword(password);
    if (!(await this.links.redeem(token, 'password-reset'))) throw expired();
    await this.transactions.run(async (tx) => {
      await this.users.setPassword(user.organizationId, user.id, passwordHash, tx);
      // Whoever knew the old password is signed out everywhere.
      await this.sessions.revokeForUser(user.organizationId, user.id, tx);
      this.audit.record(tx, {
        organizationId: user.organizationId,
        action: 'auth.password.reset',
        actor: { kind: 'anonymous', id: null },
        targetType: 'user',
        targetId: user.id,
        details: { through: 'emailed link', sessionsSignedOut: true },
      });
    });
  }

  private async sendLink(user: UserEntity): Promise<void> {
    const token = await this.links.mint(user, 'password-reset');
    const { email: to, fullName } = await this.cipher.open(user);
    await this.mails.passwordReset(to, fullName, token);
  }
}
