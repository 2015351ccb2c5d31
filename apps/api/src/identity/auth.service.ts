import { randomBytes, randomUUID } from 'node:crypto';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AuditService } from '../audit/audit.service.js';
import type { AuditAction } from '../audit/audit.types.js';
import { AppError } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { TransactionService } from '../database/transaction.service.js';
import {
  type AccessTokenClaims,
  type AuthenticatedUser,
  MFA_AUDIENCE,
  type MfaChallengeClaims,
} from './access-tokens.js';
import type { SessionEntity } from './entities/session.entity.js';
import type { UserEntity } from './entities/user.entity.js';
import { IdentityService, type UserView } from './identity.service.js';
import { MfaService, type SecondFactor } from './mfa.service.js';
import { OrganizationsRepository } from './organizations.repository.js';
import { hashPassword, verifyPassword } from './password-policy.js';
import { newSecret, sha256Hex } from './secrets.js';
import type { SessionSummaryDto } from './sessions.dto.js';
import { SessionsRepository } from './sessions.repository.js';
import { SignInLockout } from './sign-in-lockout.js';
import { UserProfileCipher } from './user-profile.cipher.js';
import { UsersRepository } from './users.repository.js';

/** A browser session without "keep me signed in" still ends on the server after this long. */
const BROWSER_SESSION_HOURS = 12;

export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}

/** The password was right; a second factor is needed (POST /auth/sign-in/mfa). */
export interface MfaChallenge {
  mfaToken: string;
  expiresIn: number;
}

const MFA_CHALLENGE_SECONDS = 300;

export interface IssuedSession {
  accessToken: string;
  expiresIn: number;
  /** Goes only into the httpOnly cookie. */
  refreshToken: string;
  persistent: boolean;
  expiresAt: Date;
  user: UserView;
  mfaEnrolmentRequired: boolean;
}

@Injectable()
export class AuthService implements OnModuleInit {
  /** Verified against when the email is unknown, so both failures take the same time. */
  private dummyHash = '';

  constructor(
    private readonly transactions: TransactionService,
    private readonly users: UsersRepository,
    private readonly organizations: OrganizationsRepository,
    private readonly sessions: SessionsRepository,
    private readonly identity: IdentityService,
    private readonly cipher: UserProfileCipher,
    private readonly jwt: JwtService,
    private readonly lockout: SignInLockout,
    private readonly mfa: MfaService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async onModuleInit(): Promise<void> {
    this.dummyHash = await hashPassword(randomBytes(16).toString('hex'));
  }

  /** One answer for an unknown email, a wrong password or a disabled account. */
  async signIn(
    email: string,
    password: string,
    keepSignedIn: boolean,
    client: ClientInfo,
  ): Promise<IssuedSession | MfaChallenge> {
    const emailIndex = this.cipher.emailIndex(email);
    const keys = this.lockout.keysFor(emailIndex, client.ip);
    const user = await this.users.findAccountByEmailIndex(emailIndex);
    await this.refuseWhileLocked(keys, user, 'auth.sign_in');
    const valid = await verifyPassword(user?.passwordHash ?? this.dummyHash, password);
    if (!user?.passwordHash || !valid || user.state !== 'active') {
      const reason = !user ? 'unknown-email' : user.state !== 'active' ? `account-${user.state}` : 'wrong-password';
      await this.recordFailedSignIn('auth.sign_in', user, reason);
      await this.lockout.recordFailure(keys, user);
      throw new AppError('invalid-credentials');
    }
    // Said only to someone who knows the password: it tells a stranger nothing.
    if (!user.emailVerifiedAt) {
      await this.recordFailedSignIn('auth.sign_in', user, 'email-not-verified');
      throw new AppError(
        'email-not-verified',
        'Follow the link we emailed you to confirm your address, or ask for a new one',
      );
    }
    if (user.mfaEnabledAt) {
      const claims: MfaChallengeClaims = { sub: user.id, org: user.organizationId, keep: keepSignedIn };
      const mfaToken = await this.jwt.signAsync(claims, { audience: MFA_AUDIENCE, expiresIn: MFA_CHALLENGE_SECONDS });
      return { mfaToken, expiresIn: MFA_CHALLENGE_SECONDS };
    }
    await this.lockout.recordSuccess(keys);
    await this.users.recordSignIn(user.organizationId, user.id);
    return this.issue(await this.identity.toView(user), randomUUID(), keepSignedIn, client, undefined, 'auth.sign_in');
  }

  /** Second step of sign-in: a TOTP or recovery code against the challenge token. */
  async completeMfa(mfaToken: string, factor: SecondFactor, client: ClientInfo): Promise<IssuedSession> {
    const claims = await this.jwt.verifyAsync<MfaChallengeClaims>(mfaToken, { audience: MFA_AUDIENCE }).catch(() => {
      throw new AppError('session-expired', 'The sign-in attempt expired; enter your email and password again');
    });
    const user = await this.users.findInOrganization(claims.org, claims.sub);
    if (user?.state !== 'active' || !user.mfaEnabledAt) throw new AppError('session-expired');
    const keys = this.lockout.keysFor(user.emailIndex, client.ip);
    await this.refuseWhileLocked(keys, user, 'auth.sign_in.mfa');
    if (!(await this.mfa.verifySecondFactor(user, factor))) {
      await this.recordFailedSignIn('auth.sign_in.mfa', user, 'wrong-code');
      await this.lockout.recordFailure(keys, user);
      throw new AppError('mfa-code-invalid');
    }
    await this.lockout.recordSuccess(keys);
    await this.users.recordSignIn(user.organizationId, user.id);
    const secondFactor = factor.recoveryCode ? 'recovery-code' : 'totp';
    return this.issue(
      await this.identity.toView(user),
      randomUUID(),
      claims.keep,
      client,
      undefined,
      'auth.sign_in.mfa',
      {
        secondFactor,
      },
    );
  }

  private async refuseWhileLocked(keys: string[], user: UserEntity | null, action: AuditAction): Promise<void> {
    try {
      await this.lockout.assertAllowed(keys);
    } catch (error) {
      await this.recordFailedSignIn(action, user, 'locked-out', 'denied');
      throw error;
    }
  }

  /** In the account's trail (so its owner sees attempts on it), or the platform's for an unknown address. */
  private recordFailedSignIn(
    action: AuditAction,
    user: UserEntity | null,
    reason: string,
    outcome: 'failure' | 'denied' = 'failure',
  ): Promise<void> {
    return this.audit.recordNow({
      organizationId: user?.organizationId ?? null,
      action,
      outcome,
      actor: { kind: 'anonymous', id: null },
      ...(user ? { targetType: 'user', targetId: user.id } : {}),
      details: { reason },
    });
  }

  /**
   * Exchanges a refresh token for a new one (rotation). A token that was already
   * exchanged is being replayed, most likely by a thief: the whole family is revoked.
   */
  async refresh(refreshToken: string, client: ClientInfo): Promise<IssuedSession> {
    const outcome = await this.transactions.run(async (tx) => {
      const session = await this.sessions.findByTokenHash(sha256Hex(refreshToken), tx);
      if (!session || session.revokedAt || session.expiresAt <= this.clock.now()) return { kind: 'expired' as const };
      if (session.rotatedAt) return { kind: 'replayed' as const, session };
      await this.sessions.markRotated(session.organizationId, session.id, tx);
      return { kind: 'rotated' as const, session };
    });
    if (outcome.kind === 'replayed') {
      const { session } = outcome;
      await this.transactions.run(async (tx) => {
        await this.sessions.revokeFamily(session.familyId, tx);
        this.audit.record(tx, {
          organizationId: session.organizationId,
          action: 'auth.session.replayed',
          outcome: 'denied',
          actor: { kind: 'anonymous', id: null },
          targetType: 'user',
          targetId: session.userId,
          details: { session: session.familyId },
        });
      });
    }
    if (outcome.kind !== 'rotated') throw new AppError('session-expired');
    const { session } = outcome;
    const user = await this.identity.getUser(session.organizationId, session.userId);
    if (user?.state !== 'active') throw new AppError('session-expired');
    return this.issue(user, session.familyId, session.persistent, client, session);
  }

  async signOut(refreshToken: string | undefined): Promise<void> {
    if (!refreshToken) return;
    const session = await this.sessions.findByTokenHash(sha256Hex(refreshToken));
    if (!session || session.revokedAt) return;
    await this.transactions.run(async (tx) => {
      await this.sessions.revokeFamily(session.familyId, tx);
      this.audit.record(tx, {
        organizationId: session.organizationId,
        action: 'auth.sign_out',
        actor: { kind: 'user', id: session.userId },
        targetType: 'session',
        targetId: session.familyId,
      });
    });
  }

  async listSessions(caller: AuthenticatedUser): Promise<SessionSummaryDto[]> {
    const current = await this.sessions.findById(caller.organizationId, caller.sessionId);
    const families = await this.sessions.listActiveFamilies(caller.organizationId, caller.userId);
    return families.map((session) => ({
      id: session.familyId,
      userAgent: session.userAgent,
      ip: session.ip,
      signedInAt: session.signedInAt,
      lastActiveAt: session.createdAt,
      expiresAt: session.expiresAt,
      persistent: session.persistent,
      current: session.familyId === current?.familyId,
    }));
  }

  async revokeSession(caller: AuthenticatedUser, familyId: string): Promise<void> {
    const revoked = await this.transactions.run(async (tx) => {
      if (!(await this.sessions.revokeFamilyOf(caller.organizationId, caller.userId, familyId, tx))) return false;
      this.audit.record(tx, {
        organizationId: caller.organizationId,
        action: 'auth.session.revoked',
        targetType: 'session',
        targetId: familyId,
      });
      return true;
    });
    if (!revoked) throw new AppError('not-found', 'No such session');
  }

  /** Log out everywhere, this device included. */
  async revokeAllSessions(caller: AuthenticatedUser): Promise<void> {
    await this.transactions.run(async (tx) => {
      await this.sessions.revokeForUser(caller.organizationId, caller.userId, tx);
      this.audit.record(tx, {
        organizationId: caller.organizationId,
        action: 'auth.sessions.revoked_all',
        targetType: 'user',
        targetId: caller.userId,
      });
    });
  }

  async currentUser(auth: AuthenticatedUser): Promise<UserView> {
    const user = await this.identity.getUser(auth.organizationId, auth.userId);
    if (!user) throw new AppError('session-expired');
    return user;
  }

  /** Creates the session; a sign-in (not a refresh) is recorded in the same transaction. */
  private async issue(
    user: UserView,
    familyId: string,
    persistent: boolean,
    client: ClientInfo,
    previous?: SessionEntity,
    signIn?: AuditAction,
    details?: Record<string, unknown>,
  ): Promise<IssuedSession> {
    const organization = await this.organizations.findById(user.organizationId);
    if (!organization) throw new AppError('session-expired');
    const refreshToken = newSecret();
    const expiresAt = persistent
      ? new Date(this.clock.nowMs() + organization.persistentSessionDays * 86_400_000)
      : (previous?.expiresAt ?? new Date(this.clock.nowMs() + BROWSER_SESSION_HOURS * 3_600_000));
    const session = await this.transactions.run(async (tx) => {
      const created = await this.sessions.insert(
        {
          organizationId: user.organizationId,
          userId: user.id,
          familyId,
          tokenHash: sha256Hex(refreshToken),
          persistent,
          expiresAt,
          userAgent: client.userAgent?.slice(0, 300) ?? null,
          ip: client.ip,
        },
        tx,
      );
      if (signIn) {
        this.audit.record(tx, {
          organizationId: user.organizationId,
          action: signIn,
          actor: { kind: 'user', id: user.id },
          targetType: 'session',
          targetId: familyId,
          details: { persistent, ...details },
        });
      }
      return created;
    });
    const expiresIn = organization.accessTokenMinutes * 60;
    const mfaEnrolmentRequired = organization.mfaRequired && !user.mfaEnabled;
    const claims: AccessTokenClaims = {
      sub: user.id,
      org: user.organizationId,
      role: user.role,
      sid: session.id,
      ...(mfaEnrolmentRequired ? { mfa: 'enrol' as const } : {}),
    };
    const accessToken = await this.jwt.signAsync(claims, { expiresIn });
    return { accessToken, expiresIn, refreshToken, persistent, expiresAt, user, mfaEnrolmentRequired };
  }
}
