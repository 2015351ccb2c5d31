import { Injectable } from '@nestjs/common';
import type { Transaction } from '../database/transaction.service.js';
import { TransactionService } from '../database/transaction.service.js';
import { UserEntity } from './entities/user.entity.js';

/** What creating a user must say; the rest (sign-in facts, MFA, restriction) starts empty. */
export type NewUser = Pick<
  UserEntity,
  | 'organizationId'
  | 'role'
  | 'branchIds'
  | 'emailIndex'
  | 'emailEnc'
  | 'fullNameEnc'
  | 'phoneEnc'
  | 'jobTitleEnc'
  | 'companyEnc'
  | 'preferences'
  | 'passwordHash'
  | 'ageConfirmedAt'
  | 'emailVerifiedAt'
> &
  Partial<Pick<UserEntity, 'id' | 'state'>>;

/** Every query is scoped to one organization, except the sign-in lookup by blind index. */
@Injectable()
export class UsersRepository {
  constructor(private readonly transactions: TransactionService) {}

  private users(tx?: Transaction) {
    return this.transactions.managerOf(tx).getRepository(UserEntity);
  }

  async insert(values: NewUser, tx?: Transaction): Promise<UserEntity> {
    return this.users(tx).save(this.users(tx).create(values));
  }

  /** Emails are unique across organizations: this finds the one account, whoever owns it. */
  findByEmailIndex(emailIndex: string): Promise<UserEntity | null> {
    return this.users().findOneBy({ emailIndex });
  }

  findInOrganization(organizationId: string, id: string): Promise<UserEntity | null> {
    return this.users().findOneBy({ organizationId, id });
  }

  listInOrganization(organizationId: string): Promise<UserEntity[]> {
    return this.users().find({ where: { organizationId }, order: { createdAt: 'ASC' } });
  }

  async setPassword(id: string, passwordHash: string): Promise<void> {
    await this.users().update({ id }, { passwordHash });
  }

  async recordSignIn(id: string): Promise<void> {
    await this.users().update({ id }, { lastSignInAt: new Date() });
  }

  async setPendingMfa(organizationId: string, id: string, sealedSecret: Buffer): Promise<void> {
    await this.users().update(
      { organizationId, id },
      { mfaSecretEnc: sealedSecret, mfaEnabledAt: null, mfaLastTimeStep: null, mfaRecoveryHashes: [] },
    );
  }

  async enableMfa(organizationId: string, id: string, timeStep: number, recoveryHashes: string[]): Promise<void> {
    await this.users().update(
      { organizationId, id },
      { mfaEnabledAt: new Date(), mfaLastTimeStep: String(timeStep), mfaRecoveryHashes: recoveryHashes },
    );
  }

  async disableMfa(organizationId: string, id: string): Promise<void> {
    await this.users().update(
      { organizationId, id },
      { mfaSecretEnc: null, mfaEnabledAt: null, mfaLastTimeStep: null, mfaRecoveryHashes: [] },
    );
  }

  /** Accepts a TOTP time step only if it is newer than the last one used (atomic). */
  async claimTimeStep(id: string, timeStep: number): Promise<boolean> {
    const result = await this.users()
      .createQueryBuilder()
      .update()
      .set({ mfaLastTimeStep: String(timeStep) })
      .where('id = :id AND (mfa_last_time_step IS NULL OR mfa_last_time_step < :timeStep)', { id, timeStep })
      .execute();
    return (result.affected ?? 0) === 1;
  }

  /** Uses up one recovery code (atomic): true when it was there. */
  async consumeRecoveryHash(id: string, hash: string): Promise<boolean> {
    const result = await this.users()
      .createQueryBuilder()
      .update()
      .set({ mfaRecoveryHashes: () => 'array_remove(mfa_recovery_hashes, :hash)' })
      .where('id = :id AND :hash = ANY(mfa_recovery_hashes)', { id, hash })
      .execute();
    return (result.affected ?? 0) === 1;
  }

  async setRestricted(organizationId: string, id: string, at: Date | null): Promise<void> {
    await this.users().update({ organizationId, id }, { restrictedAt: at });
  }

  async delete(organizationId: string, id: string, tx?: Transaction): Promise<number> {
    return (await this.users(tx).delete({ organizationId, id })).affected ?? 0;
  }
}
