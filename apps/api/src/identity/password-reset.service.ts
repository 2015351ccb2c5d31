import { Injectable, Logger } from '@nestjs/common';
import { AppError } from '../common/app-error.js';
import { MailService } from '../mail/mail.service.js';
import { weakPassword } from './identity.errors.js';
import { OneTimeTokensRepository } from './one-time-tokens.repository.js';
import { hashPassword, passwordProblems } from './password-policy.js';
import { newSecret, sha256Hex } from './secrets.js';
import { SessionsRepository } from './sessions.repository.js';
import { UserProfileCipher } from './user-profile.cipher.js';
import { UsersRepository } from './users.repository.js';

const RESET_LINK_MINUTES = 60;

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
    private readonly tokens: OneTimeTokensRepository,
    private readonly sessions: SessionsRepository,
    private readonly cipher: UserProfileCipher,
    private readonly mail: MailService,
  ) {}

  request(email: string): void {
    this.sendLink(email).catch((error: Error) => this.logger.error(`Password reset mail failed: ${error.message}`));
  }

  async confirm(token: string, password: string): Promise<void> {
    const expired = () => new AppError('not-found', 'This link has expired or was already used; ask for a new one');
    const tokenHash = sha256Hex(token);
    const found = await this.tokens.findUsable(tokenHash, 'password-reset');
    const user = found && (await this.users.findInOrganization(found.organizationId, found.userId));
    if (!user) throw expired();
    // A weak password is refused before the link is used up, so the person can try again.
    const { email } = await this.cipher.open(user);
    const problems = passwordProblems(password, { email });
    if (problems.length) throw weakPassword(problems);
    const passwordHash = await hashPassword(password);
    if (!(await this.tokens.consume(tokenHash, 'password-reset'))) throw expired();
    await this.users.setPassword(user.id, passwordHash);
    // Whoever knew the old password is signed out everywhere.
    await this.sessions.revokeForUser(user.organizationId, user.id);
  }

  private async sendLink(email: string): Promise<void> {
    const user = await this.users.findByEmailIndex(this.cipher.emailIndex(email));
    if (user?.state !== 'active') return;
    const token = newSecret();
    await this.tokens.retireUnused(user.id, 'password-reset');
    await this.tokens.insert({
      organizationId: user.organizationId,
      userId: user.id,
      purpose: 'password-reset',
      tokenHash: sha256Hex(token),
      expiresAt: new Date(Date.now() + RESET_LINK_MINUTES * 60_000),
    });
    const { email: to, fullName } = await this.cipher.open(user);
    await this.mail.send({
      to,
      subject: 'Reset your Steward CRM password',
      text: [
        `Hello ${fullName},`,
        '',
        'Someone (hopefully you) asked to reset the password of your Steward CRM account.',
        `Choose a new password here within ${RESET_LINK_MINUTES} minutes:`,
        '',
        this.mail.link('/reset-password', { token }),
        '',
        'If you did not ask for this, ignore this email: your password stays as it is.',
      ].join('\n'),
    });
  }
}
