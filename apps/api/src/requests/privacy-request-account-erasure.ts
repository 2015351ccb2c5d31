import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { AppSettings } from '../config/settings.module.js';
import { type Transaction, TransactionService } from '../database/transaction.service.js';
import { IdentityService } from '../identity/identity.service.js';
import type { Caller } from '../identity/identity.types.js';
import { JobsService } from '../jobs/jobs.service.js';
import { ErasureService } from '../personal-data/erasure.service.js';
import type { PrivacyRequestEntity } from './entities/privacy-request.entity.js';
import { actorOf, eventActorOf } from './privacy-requests.actors.js';
import { PrivacyRequestsRepository } from './privacy-requests.repository.js';
import type { MatchedSubject } from './privacy-requests.types.js';

export const ERASE_ACCOUNT = 'privacy-requests.erase-account';
const DAY_MS = 86_400_000;

export type EraseAccountPayload = {
  organizationId: string;
  requestId: string;
  userId: string;
  /** ISO instant: the end of the grace period, by the application's clock. */
  notBefore: string;
};

/**
 * A user who asks to be erased stops at once and is erased after a grace period:
 * - `deactivate`: in one transaction (IdentityService) the account is disabled, its sessions
 *   and the API keys it created are revoked and audited, and, in the same transaction, the
 *   request records it and the delayed erasure job is enqueued (`ACCOUNT_ERASURE_GRACE_DAYS`);
 * - the job (`run`) starts the durable erasure (`ErasureService.start`) unless the request was
 *   cancelled or rejected meanwhile. Cancelling does not re-enable the account: an admin does.
 * The organization's only owner cannot leave it ownerless: 409 before anything changes.
 */
@Injectable()
export class PrivacyRequestAccountErasure implements OnModuleInit {
  private readonly logger = new Logger(PrivacyRequestAccountErasure.name);

  constructor(
    private readonly identity: IdentityService,
    private readonly requests: PrivacyRequestsRepository,
    private readonly erasure: ErasureService,
    private readonly jobs: JobsService,
    private readonly transactions: TransactionService,
    private readonly settings: AppSettings,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): Promise<void> {
    return this.jobs.register<EraseAccountPayload>({
      name: ERASE_ACCOUNT,
      handle: async (payload) => {
        await this.run(payload);
      },
    });
  }

  /** 409 when one of the users is the organization's only owner. */
  async assertMayLeave(organizationId: string, subjects: MatchedSubject[]): Promise<void> {
    for (const subject of subjects.filter((candidate) => candidate.kind === 'user')) {
      await this.identity.assertMayLeave(organizationId, subject.id);
    }
  }

  /** Deactivates each user the erasure request is about and schedules their erasure; once per request. */
  async deactivate(caller: Caller, request: PrivacyRequestEntity, subjects: MatchedSubject[]): Promise<void> {
    const users = subjects.filter((subject) => subject.kind === 'user');
    if (request.type !== 'erasure' || users.length === 0) return;
    const notBefore = new Date(this.clock.nowMs() + this.settings.privacy.accountErasureGraceDays * DAY_MS);
    for (const user of users) {
      await this.identity.deactivateForErasure(request.organizationId, user.id, actorOf(caller), async (tx) => {
        await this.schedule(tx, {
          organizationId: request.organizationId,
          requestId: request.id,
          userId: user.id,
          notBefore: notBefore.toISOString(),
        });
        await this.requests.appendEvent(
          {
            organizationId: request.organizationId,
            requestId: request.id,
            type: 'fulfilment',
            ...eventActorOf(caller),
            fromStatus: request.status,
            toStatus: request.status,
            details: { fulfilment: 'erasure_scheduled', deactivated: user.id, erasureAfter: notBefore.toISOString() },
            at: this.clock.now(),
          },
          tx,
        );
        await this.requests.setFulfilment(request.organizationId, request.id, 'erasure_scheduled', tx);
      });
    }
  }

  /** After the grace period: the durable erasure of the account, unless the request was withdrawn. */
  async run(payload: EraseAccountPayload): Promise<string | null> {
    const notBefore = new Date(payload.notBefore);
    if (this.clock.now() < notBefore) {
      // The job engine's clock ran ahead of ours: try again when the grace period is over.
      await this.jobs.enqueueNow(ERASE_ACCOUNT, payload, { startAfter: notBefore });
      return null;
    }
    const request = await this.requests.find(payload.organizationId, payload.requestId);
    if (!request || request.status === 'cancelled' || request.status === 'rejected') {
      this.logger.log('Account erasure skipped: its request was withdrawn');
      return null;
    }
    const erasureId = await this.erasure.start({
      kind: 'user',
      id: payload.userId,
      organizationId: payload.organizationId,
    });
    await this.transactions.run((tx) =>
      this.requests.appendEvent(
        {
          organizationId: request.organizationId,
          requestId: request.id,
          type: 'fulfilment',
          actorKind: 'system',
          actorId: null,
          fromStatus: request.status,
          toStatus: request.status,
          details: {
            fulfilment: 'erasure_started',
            erasures: [erasureId],
            subjects: [{ kind: 'user', id: payload.userId }],
          },
          at: this.clock.now(),
        },
        tx,
      ),
    );
    return erasureId;
  }

  private schedule(tx: Transaction, payload: EraseAccountPayload): Promise<string | null> {
    return this.jobs.enqueue(tx, ERASE_ACCOUNT, payload, { startAfter: new Date(payload.notBefore) });
  }
}
