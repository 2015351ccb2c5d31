import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { AppError } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { AppSettings } from '../config/settings.module.js';
import { KeyringService } from '../keyring/keyring.service.js';
import { verifyPassword } from './password-policy.js';
import { SignInAttemptsRepository } from './sign-in-attempts.repository.js';

/** Failures allowed before back-off starts, per email. */
export const FREE_FAILURES = 4;
/** First back-off; it doubles with each further failure. */
const FIRST_BACKOFF_MS = 30_000;
/** Longest lockout. Reached at the tenth failure. */
export const MAX_LOCKOUT_MS = 15 * 60_000;
/** Failures per IP address (any emails) before the address is locked out. */
export const IP_FAILURE_LIMIT = 50;

/** The account a failure was against, when the address is known. */
export interface LockoutAccount {
  id: string;
  organizationId: string;
}

/**
 * Brute-force protection for sign-in: a growing back-off per email after a few failures,
 * up to a 15-minute lockout, and a lockout per client IP. It keys on keyed hashes and
 * treats unknown emails like known ones, so being locked out says nothing about whether
 * an account exists.
 */
@Injectable()
export class SignInLockout {
  constructor(
    private readonly attempts: SignInAttemptsRepository,
    private readonly keyring: KeyringService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly settings: AppSettings,
  ) {}

  /** How long failures are remembered: the lockout counts within it, the retention rule deletes after it. */
  private get failureMemoryMs(): number {
    return this.settings.retention.signInFailureHours * 3_600_000;
  }

  keysFor(emailIndex: string, ip: string | null): string[] {
    return [`email:${emailIndex}`, ...(ip ? [`ip:${this.keyring.blindIndex.compute('sign-in.ip', ip)}`] : [])];
  }

  /** Refuses the attempt outright while any of its keys is locked. */
  async assertAllowed(keys: string[], now = this.clock.now()): Promise<void> {
    const locked = (await this.attempts.findMany(keys))
      .map((row) => row.lockedUntil)
      .filter((until): until is Date => until !== null && until > now);
    if (locked.length === 0) return;
    const until = new Date(Math.max(...locked.map((date) => date.getTime())));
    const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
    throw new AppError(
      'sign-in-locked',
      `Too many failed sign-ins. Try again in ${minutes} minute${minutes > 1 ? 's' : ''}.`,
      {
        retryAfterSeconds: Math.ceil((until.getTime() - now.getTime()) / 1000),
      },
    );
  }

  /**
   * Counts a failure. When it starts a lockout, the trail of the account's organization
   * (or the platform's, for an unknown address) records it.
   */
  async recordFailure(keys: string[], account: LockoutAccount | null, now = this.clock.now()): Promise<void> {
    const resetBefore = new Date(now.getTime() - this.failureMemoryMs);
    let lockedUntil: Date | null = null;
    for (const key of keys) {
      const failures = await this.attempts.recordFailure(key, now, resetBefore);
      const backoff = key.startsWith('ip:')
        ? failures >= IP_FAILURE_LIMIT
          ? MAX_LOCKOUT_MS
          : 0
        : failures > FREE_FAILURES
          ? Math.min(FIRST_BACKOFF_MS * 2 ** (failures - FREE_FAILURES - 1), MAX_LOCKOUT_MS)
          : 0;
      if (backoff > 0) {
        const until = new Date(now.getTime() + backoff);
        await this.attempts.lockUntil(key, until);
        if (!lockedUntil || until > lockedUntil) lockedUntil = until;
      }
    }
    if (lockedUntil) {
      await this.audit.recordNow({
        organizationId: account?.organizationId ?? null,
        action: 'auth.lockout',
        outcome: 'denied',
        actor: { kind: 'anonymous', id: null },
        ...(account ? { targetType: 'user', targetId: account.id } : {}),
        details: { until: lockedUntil.toISOString() },
      });
    }
  }

  /** A correct password clears the email's count; the IP's count stays. */
  async recordSuccess(keys: string[]): Promise<void> {
    const emailKey = keys.find((key) => key.startsWith('email:'));
    if (emailKey) await this.attempts.clear(emailKey);
  }

  /**
   * "Enter your password to continue" for a signed-in user (changing password or email):
   * wrong answers count towards the same lockout as sign-in, so a stolen session cannot
   * be used to guess the password. A wrong one is a 400 on `field`.
   */
  async confirmPassword(
    user: LockoutAccount & { emailIndex: string; passwordHash: string | null },
    password: string,
    ip: string | null,
    field = 'password',
  ): Promise<void> {
    const keys = this.keysFor(user.emailIndex, ip);
    await this.assertAllowed(keys);
    if (!user.passwordHash || !(await verifyPassword(user.passwordHash, password))) {
      await this.recordFailure(keys, user);
      // A field error, not a 401: the session is fine, and clients sign people out on 401.
      throw new AppError('validation-failed', 'The current password is not correct', {
        errors: [{ field, message: 'The current password is not correct' }],
      });
    }
  }
}
