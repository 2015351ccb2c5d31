import { Injectable } from '@nestjs/common';
import { In, IsNull, Not } from 'typeorm';
import { Clock } from '../common/clock.js';
import { insertEntity } from '../database/insert-entity.js';
import { findInOrganization, organizationOfRecord } from '../database/lean-rows.js';
import { withPlatformScope } from '../database/tenant-scope.js';
import type { Transaction } from '../database/transaction.service.js';
import { TransactionService } from '../database/transaction.service.js';
import { UserEntity } from './entities/user.entity.js';
import type { Role, UserState } from './identity.types.js';

const USER_NAMES = 'SELECT id, full_name_enc FROM users WHERE organization_id = $1 AND id = ANY($2::uuid[])';

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
  constructor(
    private readonly transactions: TransactionService,
    private readonly clock: Clock,
  ) {}

  private users(tx?: Transaction) {
    return this.transactions.managerOf(tx).getRepository(UserEntity);
  }
  /** The organization of the record with this id, whichever it is (re-applying an erasure after a restore). */
  organizationOf(id: string): Promise<string | null> {
    return organizationOfRecord(this.users(), id);
  }

  async insert(values: NewUser, tx?: Transaction): Promise<UserEntity> {
    return insertEntity(this.users(tx), values);
  }

  /**
   * The one account (active or disabled) with this address, whoever owns it: accounts are
   * unique across organizations. Invitations are not accounts and are never found here.
   * Looks across organizations on purpose (an invitation or an email change must not reuse
   * another organization's address), so it runs in the platform scope, never in a transaction.
   */
  findAccountByEmailIndex(emailIndex: string): Promise<UserEntity | null> {
    return withPlatformScope(() => this.users().findOneBy({ emailIndex, state: Not('invited') }));
  }

  /** Anyone of this organization with this address: a member or someone already invited. */
  findInOrganizationByEmailIndex(organizationId: string, emailIndex: string): Promise<UserEntity | null> {
    return this.users().findOneBy({ organizationId, emailIndex });
  }

  findInOrganization(organizationId: string, id: string): Promise<UserEntity | null> {
    return findInOrganization(this.users(), organizationId, id);
  }

  listInOrganization(organizationId: string): Promise<UserEntity[]> {
    return this.users().find({ where: { organizationId }, order: { createdAt: 'ASC' } });
  }

  /**
   * The organization's users matching the filters, oldest first. `inBranches` keeps those
   * who share at least one of the branches (a manager's view).
   */
  listFiltered(
    organizationId: string,
    filters: { role?: Role; state?: UserState; branchId?: string; inBranches?: string[]; updatedSince?: Date },
  ): Promise<UserEntity[]> {
    const query = this.users()
      .createQueryBuilder('u')
      .where('u.organization_id = :organizationId', { organizationId })
      .orderBy('u.created_at', 'ASC')
      .addOrderBy('u.id', 'ASC');
    if (filters.role) query.andWhere('u.role = :role', { role: filters.role });
    if (filters.state) query.andWhere('u.state = :state', { state: filters.state });
    if (filters.branchId) query.andWhere(':branchId::uuid = ANY(u.branch_ids)', { branchId: filters.branchId });
    if (filters.inBranches) query.andWhere('u.branch_ids && :inBranches::uuid[]', { inBranches: filters.inBranches });
    if (filters.updatedSince) query.andWhere('u.updated_at >= :updatedSince', { updatedSince: filters.updatedSince });
    return query.getMany();
  }

  async updateProfile(
    organizationId: string,
    id: string,
    values: Partial<Pick<UserEntity, 'fullNameEnc' | 'phoneEnc' | 'jobTitleEnc' | 'companyEnc' | 'preferences'>>,
    tx?: Transaction,
  ): Promise<void> {
    await this.users(tx).update({ organizationId, id }, { ...values, version: () => 'version + 1' });
  }

  /** A confirmed new address: the index and the sealed email change together. */
  async changeEmail(
    organizationId: string,
    id: string,
    sealed: Pick<UserEntity, 'emailIndex' | 'emailEnc'>,
    tx?: Transaction,
  ): Promise<void> {
    await this.users(tx).update(
      { organizationId, id },
      { ...sealed, emailVerifiedAt: this.clock.now(), version: () => 'version + 1' },
    );
  }

  async markEmailVerified(organizationId: string, id: string, tx?: Transaction): Promise<void> {
    await this.users(tx).update(
      { organizationId, id, emailVerifiedAt: IsNull() },
      { emailVerifiedAt: this.clock.now() },
    );
  }

  /** An invited user accepts: password set, age confirmed, email proven by the link. */
  async activateInvited(organizationId: string, id: string, passwordHash: string, tx?: Transaction): Promise<boolean> {
    const now = this.clock.now();
    const result = await this.users(tx).update(
      { organizationId, id, state: 'invited' },
      {
        state: 'active',
        passwordHash,
        ageConfirmedAt: now,
        emailVerifiedAt: now,
        version: () => 'version + 1',
      },
    );
    return (result.affected ?? 0) === 1;
  }

  /** Role and branches, only if the row is still at `version`; null when it is not (or absent). */
  async updateAccessIfVersion(
    organizationId: string,
    id: string,
    version: number,
    patch: Partial<Pick<UserEntity, 'role' | 'branchIds'>>,
    tx?: Transaction,
  ): Promise<UserEntity | null> {
    const result = await this.users(tx).update(
      { organizationId, id, version },
      { ...patch, version: () => 'version + 1' },
    );
    return result.affected ? this.users(tx).findOneBy({ organizationId, id }) : null;
  }

  /** Moves the user from one of `from` to `to`; false when the user is in another state. */
  async changeState(
    organizationId: string,
    id: string,
    from: UserState[],
    to: UserState,
    tx?: Transaction,
  ): Promise<boolean> {
    const result = await this.users(tx).update(
      { organizationId, id, state: In(from) },
      { state: to, version: () => 'version + 1' },
    );
    return (result.affected ?? 0) === 1;
  }

  /** Active owners of the organization other than `exceptId` (the last owner cannot leave it ownerless). */
  otherActiveOwners(organizationId: string, exceptId: string, tx?: Transaction): Promise<number> {
    return this.users(tx).countBy({ organizationId, role: 'owner', state: 'active', id: Not(exceptId) });
  }

  /** Withdraws an invitation nobody accepted: the invited row goes (its tokens cascade). */
  async deleteInvited(organizationId: string, id: string, tx?: Transaction): Promise<boolean> {
    return ((await this.users(tx).delete({ organizationId, id, state: 'invited' })).affected ?? 0) === 1;
  }

  async setPassword(organizationId: string, id: string, passwordHash: string, tx?: Transaction): Promise<void> {
    await this.users(tx).update({ organizationId, id }, { passwordHash });
  }

  /** The sealed names of some of the organization's users (unknown ids are left out). */
  /** On every timeline and activity log: one fixed statement, no query building. */
  async findNames(organizationId: string, ids: string[]): Promise<Array<Pick<UserEntity, 'id' | 'fullNameEnc'>>> {
    if (ids.length === 0) return [];
    const rows: Array<{ id: string; full_name_enc: Buffer }> = await this.users().query(USER_NAMES, [
      organizationId,
      ids,
    ]);
    return rows.map((row) => ({ id: row.id, fullNameEnc: row.full_name_enc }));
  }

  async recordSignIn(organizationId: string, id: string): Promise<void> {
    await this.users().update({ organizationId, id }, { lastSignInAt: this.clock.now() });
  }

  async setPendingMfa(organizationId: string, id: string, sealedSecret: Buffer): Promise<void> {
    await this.users().update(
      { organizationId, id },
      { mfaSecretEnc: sealedSecret, mfaEnabledAt: null, mfaLastTimeStep: null, mfaRecoveryHashes: [] },
    );
  }

  async enableMfa(
    organizationId: string,
    id: string,
    timeStep: number,
    recoveryHashes: string[],
    tx?: Transaction,
  ): Promise<void> {
    await this.users(tx).update(
      { organizationId, id },
      { mfaEnabledAt: this.clock.now(), mfaLastTimeStep: String(timeStep), mfaRecoveryHashes: recoveryHashes },
    );
  }

  async disableMfa(organizationId: string, id: string, tx?: Transaction): Promise<void> {
    await this.users(tx).update(
      { organizationId, id },
      { mfaSecretEnc: null, mfaEnabledAt: null, mfaLastTimeStep: null, mfaRecoveryHashes: [] },
    );
  }

  /** A new set of recovery codes: the old hashes go in the same write. */
  async replaceRecoveryHashes(organizationId: string, id: string, hashes: string[], tx?: Transaction): Promise<void> {
    await this.users(tx).update({ organizationId, id }, { mfaRecoveryHashes: hashes });
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

  async setRestricted(organizationId: string, id: string, at: Date | null, tx?: Transaction): Promise<void> {
    await this.users(tx).update({ organizationId, id }, { restrictedAt: at });
  }

  async delete(organizationId: string, id: string, tx?: Transaction): Promise<number> {
    return (await this.users(tx).delete({ organizationId, id })).affected ?? 0;
  }
}
