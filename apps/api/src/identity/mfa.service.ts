import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';
import { AuditService } from '../audit/audit.service.js';
import { AppError } from '../common/app-error.js';
import { TransactionService } from '../database/transaction.service.js';
import { KeyringService } from '../keyring/keyring.service.js';
import type { AuthenticatedUser } from './access-tokens.js';
import type { UserEntity } from './entities/user.entity.js';
import { OrganizationsRepository } from './organizations.repository.js';
import { verifyPassword } from './password-policy.js';
import { sha256Hex } from './secrets.js';
import { UserProfileCipher } from './user-profile.cipher.js';
import { UsersRepository } from './users.repository.js';

const ISSUER = 'Steward CRM';
const RECOVERY_CODES = 10;
/** One step either side: a phone clock 30 s off still works. */
const EPOCH_TOLERANCE_SECONDS = 30;

export interface SecondFactor {
  code?: string;
  recoveryCode?: string;
}

const hashRecoveryCode = (code: string) => sha256Hex(code.replace(/[\s-]/g, '').toLowerCase());

function newRecoveryCode(): string {
  const raw = randomBytes(8).toString('hex');
  return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8, 12)}-${raw.slice(12)}`;
}

/**
 * TOTP two-step verification: enrolment with a QR code, codes that work once (time-step
 * replay guard), and ten single-use recovery codes stored only as hashes. The secret is
 * sealed under the user's own data key like the rest of the profile.
 */
@Injectable()
export class MfaService {
  constructor(
    private readonly users: UsersRepository,
    private readonly organizations: OrganizationsRepository,
    private readonly cipher: UserProfileCipher,
    private readonly keyring: KeyringService,
    private readonly transactions: TransactionService,
    private readonly audit: AuditService,
  ) {}

  async startEnrolment(caller: AuthenticatedUser) {
    const user = await this.user(caller);
    if (user.mfaEnabledAt) throw new AppError('conflict', 'Two-step verification is already on');
    const secret = generateSecret();
    const sealed = await this.keyring.keyRing.encrypt({ kind: 'user', id: user.id }, 'users.mfaSecret', secret);
    await this.users.setPendingMfa(caller.organizationId, user.id, sealed);
    const { email } = await this.cipher.open(user);
    const otpauthUri = generateURI({ issuer: ISSUER, label: email, secret });
    return { secret, otpauthUri, qrCodeDataUrl: await QRCode.toDataURL(otpauthUri, { margin: 1, width: 240 }) };
  }

  async confirmEnrolment(caller: AuthenticatedUser, code: string): Promise<string[]> {
    const user = await this.user(caller);
    if (user.mfaEnabledAt) throw new AppError('conflict', 'Two-step verification is already on');
    if (!user.mfaSecretEnc) throw new AppError('conflict', 'Start the set-up first');
    const timeStep = await this.checkTotp(user, code);
    if (timeStep === null)
      throw new AppError('mfa-code-invalid', 'The code does not match; check the time on your device');
    const codes = Array.from({ length: RECOVERY_CODES }, newRecoveryCode);
    await this.transactions.run(async (tx) => {
      await this.users.enableMfa(caller.organizationId, user.id, timeStep, codes.map(hashRecoveryCode), tx);
      this.audit.record(tx, {
        organizationId: caller.organizationId,
        action: 'auth.mfa.enrolled',
        targetType: 'user',
        targetId: user.id,
      });
    });
    return codes;
  }

  async disable(caller: AuthenticatedUser, password: string, factor: SecondFactor): Promise<void> {
    const user = await this.user(caller);
    if (!user.mfaEnabledAt) throw new AppError('conflict', 'Two-step verification is not on');
    const organization = await this.organizations.findById(caller.organizationId);
    if (organization?.mfaRequired) throw new AppError('conflict', 'Your organization requires two-step verification');
    if (!user.passwordHash || !(await verifyPassword(user.passwordHash, password))) {
      throw new AppError('invalid-credentials');
    }
    if (!(await this.verifySecondFactor(user, factor))) throw new AppError('mfa-code-invalid');
    await this.transactions.run(async (tx) => {
      await this.users.disableMfa(caller.organizationId, user.id, tx);
      this.audit.record(tx, {
        organizationId: caller.organizationId,
        action: 'auth.mfa.disabled',
        targetType: 'user',
        targetId: user.id,
      });
    });
  }

  /**
   * A new set of recovery codes, answered once; the old set stops working in the same
   * write. The password and a current code from the app prove it is the person and that
   * the phone is still theirs, not only a borrowed session.
   */
  async regenerateRecoveryCodes(caller: AuthenticatedUser, password: string, code: string): Promise<string[]> {
    const user = await this.user(caller);
    if (!user.mfaEnabledAt) throw new AppError('conflict', 'Two-step verification is not on');
    if (!user.passwordHash || !(await verifyPassword(user.passwordHash, password))) {
      throw new AppError('invalid-credentials');
    }
    if (!(await this.verifySecondFactor(user, { code }))) throw new AppError('mfa-code-invalid');
    const codes = Array.from({ length: RECOVERY_CODES }, newRecoveryCode);
    await this.transactions.run(async (tx) => {
      await this.users.replaceRecoveryHashes(caller.organizationId, user.id, codes.map(hashRecoveryCode), tx);
      this.audit.record(tx, {
        organizationId: caller.organizationId,
        action: 'auth.mfa.recovery_codes_regenerated',
        targetType: 'user',
        targetId: user.id,
      });
    });
    return codes;
  }

  /** A TOTP code not used before, or an unused recovery code (which is then used up). */
  async verifySecondFactor(user: UserEntity, factor: SecondFactor): Promise<boolean> {
    if (factor.recoveryCode) return this.users.consumeRecoveryHash(user.id, hashRecoveryCode(factor.recoveryCode));
    if (!factor.code) return false;
    const timeStep = await this.checkTotp(user, factor.code);
    return timeStep !== null && (await this.users.claimTimeStep(user.id, timeStep));
  }

  private async checkTotp(user: UserEntity, code: string): Promise<number | null> {
    if (!user.mfaSecretEnc || !/^\d{6}$/.test(code)) return null;
    const secret = await this.keyring.keyRing.decrypt(
      { kind: 'user', id: user.id },
      'users.mfaSecret',
      user.mfaSecretEnc,
    );
    const result = await verify({ secret, token: code, epochTolerance: EPOCH_TOLERANCE_SECONDS });
    return result.valid && 'timeStep' in result ? result.timeStep : null;
  }

  private async user(caller: AuthenticatedUser): Promise<UserEntity> {
    const user = await this.users.findInOrganization(caller.organizationId, caller.userId);
    if (!user) throw new AppError('session-expired');
    return user;
  }
}
