import { Injectable } from '@nestjs/common';
import type { DataSubject } from '#personal-data';
import { AuditService } from '../audit/audit.service.js';
import { AppError } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { type Transaction, TransactionService } from '../database/transaction.service.js';
import type { Caller } from '../identity/identity.types.js';
import type { LegalHoldEntity } from './entities/legal-hold.entity.js';
import { type HoldFilter, LegalHoldsRepository } from './legal-holds.repository.js';
import type { HoldScope } from './retention.types.js';
import { RetentionRules } from './retention-rules.service.js';

export type { LegalHoldEntity };

export interface HoldRequest {
  scope: HoldScope;
  targetKind?: string | null;
  targetId?: string | null;
  reason: string;
}

/** Called in the release's transaction: an erasure that waited for the hold resumes. */
export type HoldReleaseListener = (tx: Transaction, hold: LegalHoldEntity) => Promise<void>;

const actorOf = (caller: Caller) =>
  caller.kind === 'user'
    ? ({ kind: 'user', id: caller.userId } as const)
    : ({ kind: 'api_key', id: caller.apiKeyId } as const);

/**
 * Legal holds: set on an organization, a subject or a record with a matter reference, released
 * with a reason, never deleted. Every retention rule's query excludes what an active hold
 * covers (`heldBy`), and an erasure whose subject is covered waits (`covering`).
 */
@Injectable()
export class LegalHoldsService {
  private readonly releaseListeners: HoldReleaseListener[] = [];

  constructor(
    private readonly holds: LegalHoldsRepository,
    private readonly rules: RetentionRules,
    private readonly transactions: TransactionService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  onRelease(listener: HoldReleaseListener): void {
    this.releaseListeners.push(listener);
  }

  async set(caller: Caller, request: HoldRequest): Promise<LegalHoldEntity> {
    const organizationId = caller.organizationId;
    let targetKind: string | null = null;
    let targetId: string | null = null;
    if (request.scope !== 'organization') {
      const target = request.targetKind ? this.rules.holdTarget(request.targetKind) : undefined;
      if (!target || target.scope !== request.scope || !request.targetId) {
        const kinds = this.rules
          .holdTargets()
          .filter((candidate) => candidate.scope === request.scope)
          .map((candidate) => candidate.kind);
        throw new AppError('validation-failed', 'The hold names no target it can cover', {
          errors: [
            !request.targetId
              ? { field: 'targetId', message: `targetId is required for a ${request.scope} hold` }
              : {
                  field: 'targetKind',
                  message: `targetKind must be one of ${kinds.join(', ')} for a ${request.scope} hold`,
                },
          ],
        });
      }
      if (!(await this.rules.targetExists(target, organizationId, request.targetId))) {
        throw new AppError('not-found', `No ${target.kind} with that id in your organization`);
      }
      targetKind = target.kind;
      targetId = request.targetId;
    }
    const actor = actorOf(caller);
    return this.transactions.run(async (tx) => {
      const hold = await this.holds.insert(
        {
          organizationId,
          scope: request.scope,
          targetKind,
          targetId,
          reason: request.reason,
          setByKind: actor.kind,
          setById: actor.id,
          setAt: this.clock.now(),
          releasedAt: null,
          releasedByKind: null,
          releasedById: null,
          releaseReason: null,
        },
        tx,
      );
      this.audit.record(tx, {
        organizationId,
        action: 'legal_hold.set',
        targetType: 'legal_hold',
        targetId: hold.id,
        details: { scope: hold.scope, targetKind, targetId },
      });
      return hold;
    });
  }

  async release(caller: Caller, id: string, reason: string): Promise<LegalHoldEntity> {
    const actor = actorOf(caller);
    return this.transactions.run(async (tx) => {
      const hold = await this.holds.find(caller.organizationId, id, tx);
      if (!hold) throw new AppError('not-found', 'No legal hold with that id');
      if (hold.releasedAt) throw new AppError('conflict', 'This legal hold was released already');
      const released = await this.holds.release(
        hold,
        { releasedAt: this.clock.now(), releasedByKind: actor.kind, releasedById: actor.id, releaseReason: reason },
        tx,
      );
      this.audit.record(tx, {
        organizationId: hold.organizationId,
        action: 'legal_hold.released',
        targetType: 'legal_hold',
        targetId: hold.id,
        details: { scope: hold.scope, targetKind: hold.targetKind, targetId: hold.targetId },
      });
      for (const listener of this.releaseListeners) await listener(tx, released);
      return released;
    });
  }

  async get(caller: Caller, id: string): Promise<LegalHoldEntity> {
    const hold = await this.holds.find(caller.organizationId, id);
    if (!hold) throw new AppError('not-found', 'No legal hold with that id');
    return hold;
  }

  list(caller: Caller, filter: HoldFilter, offset: number, limit: number) {
    return this.holds.list(caller.organizationId, filter, offset, limit);
  }

  /**
   * Active holds that stop the subject's erasure: on its organization, on the subject itself,
   * or on a record that belongs to it (an invoice of a client: erasing the client would take
   * or change it).
   */
  async covering(subject: DataSubject): Promise<LegalHoldEntity[]> {
    const records = await this.rules.recordHoldsOf(subject);
    return this.holds.activeCovering(subject.organizationId, [subject.id, ...records]);
  }

  /** True while any hold is active in the organization: its purge as a whole must wait. */
  async hasActiveHolds(organizationId: string): Promise<boolean> {
    return this.holds.anyActive(organizationId);
  }
}
