import { Injectable, Logger } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { AppError } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { TransactionService } from '../database/transaction.service.js';
import { AccountLinks, linkExpired } from './account-links.js';
import { AccountMails } from './account-mails.js';
import { assertMinimumAge } from './age-gate.js';
import { weakPassword } from './identity.errors.js';
import { IdentityService } from './identity.service.js';
import { DEFAULT_MIN_USER_AGE } from './identity.types.js';
import { hashPassword, passwordProblems } from './password-policy.js';
import type { SignUpDto } from './sign-up.dto.js';
import { UserProfileCipher } from './user-profile.cipher.js';
import { UsersRepository } from './users.repository.js';

/**
 * Self sign-up: a new organization with its owner, who confirms the email before signing
 * in. The answer is the same whether or not the email already has an account (its owner
 * gets a note instead), and a person under the minimum age is refused before anything is
 * written or logged.
 */
@Injectable()
export class SignUpService {
  private readonly logger = new Logger(SignUpService.name);

  constructor(
    private readonly identity: IdentityService,
    private readonly users: UsersRepository,
    private readonly cipher: UserProfileCipher,
    private readonly links: AccountLinks,
    private readonly mails: AccountMails,
    private readonly transactions: TransactionService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async signUp(input: SignUpDto): Promise<void> {
    // A new organization starts at the default minimum age; the owner may lower it later.
    assertMinimumAge(DEFAULT_MIN_USER_AGE, input, this.clock.now());
    const problems = passwordProblems(input.password, { email: input.email });
    if (problems.length) throw weakPassword(problems);
    if (await this.users.findAccountByEmailIndex(this.cipher.emailIndex(input.email))) {
      // Costs what creating the account would, so timing does not tell either.
      await hashPassword(input.password);
      this.later(this.mails.alreadyRegistered(input.email));
      return;
    }
    const profile = { email: input.email, fullName: input.fullName.trim(), phone: null, jobTitle: null, company: null };
    try {
      const { owner } = await this.identity.createOrganization(input.organizationName.trim(), {
        profile,
        password: input.password,
        ageConfirmed: true,
        emailVerified: false,
      });
      this.later(this.sendVerification(owner));
    } catch (error) {
      // Two sign-ups with one address at once: the second is told the same as any other.
      if (error instanceof AppError && error.code === 'conflict') return;
      throw error;
    }
  }

  async verifyEmail(token: string): Promise<void> {
    await this.transactions.run(async (tx) => {
      const link = await this.links.redeem(token, 'email-verification', tx);
      if (!link) throw new AppError('not-found', linkExpired());
      await this.users.markEmailVerified(link.organizationId, link.userId, tx);
      this.audit.record(tx, {
        organizationId: link.organizationId,
        action: 'user.email_verified',
        actor: { kind: 'user', id: link.userId },
        targetType: 'user',
        targetId: link.userId,
      });
    });
  }

  /**
   * Another verification link, if the address has an unconfirmed account; the same answer
   * either way. The lookup is awaited so an outage answers 503, not a success.
   */
  async resendVerification(email: string): Promise<void> {
    const user = await this.users.findAccountByEmailIndex(this.cipher.emailIndex(email));
    if (!user || user.emailVerifiedAt || user.state !== 'active') return;
    this.later(
      (async () =>
        this.sendVerification({
          id: user.id,
          organizationId: user.organizationId,
          ...(await this.cipher.open(user)),
        }))(),
    );
  }

  private async sendVerification(user: { id: string; organizationId: string; email: string; fullName: string }) {
    const token = await this.links.mint(user, 'email-verification');
    await this.mails.verifyEmail(user.email, user.fullName, token);
  }

  /** Mail goes out after the answer: neither its presence nor its time shows in the response. */
  private later(work: Promise<unknown>): void {
    work.catch((error: Error) => this.logger.error(`Sign-up mail failed: ${error.message}`));
  }
}
