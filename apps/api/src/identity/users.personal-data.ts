import { Injectable } from '@nestjs/common';
import type {
  DataCategory,
  DataSubject,
  ErasureContext,
  ErasureMode,
  ErasureStep,
  ExportRecord,
  PersonalDataProvider,
  SubjectKind,
} from '#personal-data';
import { Clock } from '../common/clock.js';
import { AppSettings } from '../config/settings.module.js';
import type { Transaction } from '../database/transaction.service.js';
import { USER_ACCOUNT } from './entities/user.entity.js';
import { UserProfileCipher } from './user-profile.cipher.js';
import { UsersRepository } from './users.repository.js';

/** The user account: the profile the policies list, credentials and sign-in facts. */
@Injectable()
export class UsersPersonalData implements PersonalDataProvider<Transaction> {
  readonly category = USER_ACCOUNT;

  constructor(
    private readonly users: UsersRepository,
    private readonly cipher: UserProfileCipher,
    private readonly clock: Clock,
    private readonly settings: AppSettings,
  ) {}

  describe(): DataCategory {
    return {
      category: this.category,
      subjectKinds: ['user'],
      description: 'Your account: profile, role and branch, sign-in and security facts.',
      fields: [
        { name: 'email', description: 'Email address, also used to sign in', encrypted: true },
        { name: 'fullName', description: 'Full name', encrypted: true },
        { name: 'phone', description: 'Phone number', encrypted: true },
        { name: 'jobTitle', description: 'Job title', encrypted: true },
        { name: 'company', description: 'Company details', encrypted: true },
        { name: 'preferences', description: 'Profile preferences (language, theme)', encrypted: false },
        { name: 'role', description: 'Role and branches in the organization', encrypted: false },
        { name: 'passwordHash', description: 'Password, stored only as an argon2id hash', encrypted: false },
        { name: 'lastSignInAt', description: 'Time of the last sign-in', encrypted: false },
      ],
      purposes: ['Provide and secure the service', 'Maintain account integrity and prevent unauthorized access'],
      lawfulBasis: 'contract',
      retention: {
        setting: 'retention.accountDaysAfterSubscription',
        description: `For the duration of the subscription plus ${this.settings.retention.accountDaysAfterSubscription} days`,
      },
      processors: ['Cloud infrastructure (hosting and storage)'],
    };
  }

  organizationOf(_kind: SubjectKind, id: string): Promise<string | null> {
    return this.users.organizationOf(id);
  }

  async locate(subject: DataSubject): Promise<number> {
    return (await this.users.findInOrganization(subject.organizationId, subject.id)) ? 1 : 0;
  }

  async *export(subject: DataSubject): AsyncIterable<ExportRecord> {
    const user = await this.users.findInOrganization(subject.organizationId, subject.id);
    if (!user) return;
    yield {
      ...(await this.cipher.open(user)),
      preferences: user.preferences,
      role: user.role,
      branchIds: user.branchIds,
      state: user.state,
      emailVerifiedAt: user.emailVerifiedAt,
      ageConfirmedAt: user.ageConfirmedAt,
      lastSignInAt: user.lastSignInAt,
      hasPassword: user.passwordHash !== null,
      createdAt: user.createdAt,
    };
  }

  /** Accounts hold nothing the law makes us keep: deleted in either mode (the pipeline then destroys the key). */
  async erase(subject: DataSubject, _mode: ErasureMode, { tx }: ErasureContext<Transaction>): Promise<ErasureStep> {
    const affected = await this.users.delete(subject.organizationId, subject.id, tx);
    return { mode: 'delete', affected, more: false };
  }

  async restrict(subject: DataSubject, on: boolean, tx?: Transaction): Promise<void> {
    await this.users.setRestricted(subject.organizationId, subject.id, on ? this.clock.now() : null, tx);
  }
}
