import { Injectable } from '@nestjs/common';
import { AuditService } from '../../audit/audit.service.js';
import { AppError } from '../../common/app-error.js';
import { TransactionService } from '../../database/transaction.service.js';
import type { PrivacyContactEntity } from './entities/privacy-contact.entity.js';
import type { SubProcessorEntity } from './entities/sub-processor.entity.js';
import { type ContactValues, PoliciesRepository, type ProcessorValues } from './policies.repository.js';
import { type DocumentRef, PoliciesService } from './policies.service.js';

/**
 * The processor registry and the controller's contact details behind a document. Each change
 * is audited and reconciled at once: the document's draft then states the new facts, and its
 * diff shows the sentences they change.
 */
@Injectable()
export class PrivacyProfileService {
  constructor(
    private readonly policies: PoliciesRepository,
    private readonly documents: PoliciesService,
    private readonly transactions: TransactionService,
    private readonly audit: AuditService,
  ) {}

  listProcessors(ref: DocumentRef): Promise<SubProcessorEntity[]> {
    return this.policies.listProcessors(ref.organizationId);
  }

  async getProcessor(ref: DocumentRef, id: string): Promise<SubProcessorEntity> {
    const processor = await this.policies.findProcessor(ref.organizationId, id);
    if (!processor) throw new AppError('not-found', 'No such processor');
    return processor;
  }

  async addProcessor(ref: DocumentRef, values: ProcessorValues): Promise<SubProcessorEntity> {
    const created = await this.transactions.run(async (tx) => {
      const entry = await this.policies.insertProcessor(ref.organizationId, values, tx);
      this.audit.record(tx, this.event(ref, 'privacy.processor.changed', entry.id, { change: 'added' }));
      return entry;
    });
    await this.documents.reconcile(ref);
    return created;
  }

  async updateProcessor(
    ref: DocumentRef,
    id: string,
    expectedVersion: number,
    values: ProcessorValues,
  ): Promise<SubProcessorEntity> {
    const updated = await this.transactions.run(async (tx) => {
      if (!(await this.policies.findProcessor(ref.organizationId, id, tx))) {
        throw new AppError('not-found', 'No such processor');
      }
      if (!(await this.policies.updateProcessor(ref.organizationId, id, expectedVersion, values, tx))) {
        throw new AppError('conflict', 'The processor was changed by someone else; reload it and try again');
      }
      this.audit.record(tx, this.event(ref, 'privacy.processor.changed', id, { change: 'updated' }));
      return this.policies.findProcessor(ref.organizationId, id, tx);
    });
    await this.documents.reconcile(ref);
    return updated as SubProcessorEntity;
  }

  async removeProcessor(ref: DocumentRef, id: string): Promise<void> {
    await this.transactions.run(async (tx) => {
      if (!(await this.policies.deleteProcessor(ref.organizationId, id, tx))) {
        throw new AppError('not-found', 'No such processor');
      }
      this.audit.record(tx, this.event(ref, 'privacy.processor.changed', id, { change: 'removed' }));
    });
    await this.documents.reconcile(ref);
  }

  contact(ref: DocumentRef): Promise<PrivacyContactEntity | null> {
    return this.policies.findContact(ref.organizationId);
  }

  async saveContact(ref: DocumentRef, values: ContactValues): Promise<PrivacyContactEntity> {
    await this.transactions.run(async (tx) => {
      await this.policies.saveContact(ref.organizationId, values, tx);
      this.audit.record(tx, this.event(ref, 'privacy.contact.changed', ref.organizationId ?? 'platform', {}));
    });
    await this.documents.reconcile(ref);
    return (await this.policies.findContact(ref.organizationId)) as PrivacyContactEntity;
  }

  private event(
    ref: DocumentRef,
    action: 'privacy.processor.changed' | 'privacy.contact.changed',
    targetId: string,
    details: Record<string, unknown>,
  ) {
    return { organizationId: ref.organizationId, action, targetType: `policy.${ref.document}`, targetId, details };
  }
}
