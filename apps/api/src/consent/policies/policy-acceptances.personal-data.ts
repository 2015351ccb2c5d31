import { Injectable } from '@nestjs/common';
import type {
  DataCategory,
  DataSubject,
  ErasureContext,
  ErasureMode,
  ErasureStep,
  ExportRecord,
  PersonalDataProvider,
} from '#personal-data';
import { AppSettings } from '../../config/settings.module.js';
import type { Transaction } from '../../database/transaction.service.js';
import { POLICY_ACCEPTANCES } from './entities/policy-acceptance.entity.js';
import { PoliciesRepository } from './policies.repository.js';

/** Which versions of the privacy policy a user accepted, and when: the proof of acceptance. */
@Injectable()
export class PolicyAcceptancesPersonalData implements PersonalDataProvider<Transaction> {
  readonly category = POLICY_ACCEPTANCES;

  constructor(
    private readonly policies: PoliciesRepository,
    private readonly settings: AppSettings,
  ) {}

  describe(): DataCategory {
    return {
      category: this.category,
      subjectKinds: ['user'],
      description: 'Your acceptances of the privacy policy: which version and when',
      fields: [
        { name: 'number', description: 'Version accepted', encrypted: false },
        { name: 'acceptedAt', description: 'Time of acceptance', encrypted: false },
      ],
      purposes: ['Prove which version of the policy you were shown and accepted'],
      lawfulBasis: 'legal-obligation',
      retention: {
        setting: 'retention.accountDaysAfterSubscription',
        description: `As long as your account exists, then erased with it, at the latest ${this.settings.retention.accountDaysAfterSubscription} days after the subscription ends`,
      },
      processors: [],
    };
  }

  async locate(subject: DataSubject): Promise<number> {
    return (await this.policies.listAcceptances(subject.organizationId, subject.id)).length;
  }

  async *export(subject: DataSubject): AsyncIterable<ExportRecord> {
    for (const row of await this.policies.listAcceptances(subject.organizationId, subject.id)) {
      yield { version: row.number, acceptedAt: row.acceptedAt.toISOString() };
    }
  }

  async erase(
    subject: DataSubject,
    mode: ErasureMode,
    { tx, limit }: ErasureContext<Transaction>,
  ): Promise<ErasureStep> {
    const affected = await this.policies.deleteAcceptances(subject.organizationId, subject.id, limit, tx);
    return { mode, affected, more: affected === limit };
  }

  /** Nothing here is processed beyond keeping the proof; restriction changes nothing. */
  async restrict(): Promise<void> {}
}
