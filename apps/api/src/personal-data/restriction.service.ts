import { Injectable } from '@nestjs/common';
import { type DataSubject, PersonalDataRegistry } from '#personal-data';
import { AuditService } from '../audit/audit.service.js';
import type { AuditActor } from '../audit/audit.types.js';
import { TransactionService } from '../database/transaction.service.js';
import { WebhooksService } from '../webhooks/webhooks.service.js';
import type { RestrictionReason } from './restriction.types.js';

/**
 * Restriction of processing (GDPR Art. 18) of one data subject, everywhere at once: every
 * registry provider of the subject, the audit entry and the `subject.restricted` webhook are
 * written in one transaction, so a restriction is applied (or lifted) completely or not at
 * all. What a restriction then means is enforced where the processing happens: writes are
 * refused (crm/clients/party-access.ts and the services of jobs, schedules, communications,
 * invoices), and marketing lists and exports leave the subject out in their SQL.
 *
 * Callers check that the subject exists and is theirs to restrict (the CRM routes, the
 * request desk) before calling; this service does not answer 404s.
 */
@Injectable()
export class RestrictionService {
  constructor(
    private readonly registry: PersonalDataRegistry,
    private readonly transactions: TransactionService,
    private readonly audit: AuditService,
    private readonly webhooks: WebhooksService,
  ) {}

  /** `actor` defaults to the caller of the current request (a job or the request desk pass theirs). */
  restrict(subject: DataSubject, reason: RestrictionReason, actor?: AuditActor): Promise<void> {
    return this.apply(subject, true, actor, { reason });
  }

  lift(subject: DataSubject, actor?: AuditActor): Promise<void> {
    return this.apply(subject, false, actor, {});
  }

  private async apply(
    subject: DataSubject,
    on: boolean,
    actor: AuditActor | undefined,
    details: Record<string, unknown>,
  ): Promise<void> {
    await this.transactions.run(async (tx) => {
      await this.registry.restrictAll(subject, on, tx);
      this.audit.record(tx, {
        organizationId: subject.organizationId,
        action: on ? 'privacy.restriction.applied' : 'privacy.restriction.lifted',
        ...(actor ? { actor } : {}),
        targetType: subject.kind,
        targetId: subject.id,
        details,
      });
      await this.webhooks.emit(tx, subject.organizationId, 'subject.restricted', {
        subjectType: subject.kind,
        subjectId: subject.id,
        restricted: on,
      });
    });
  }
}
