import { Injectable, Logger } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import type { AuditAction } from '../audit/audit.types.js';
import { AppError } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { type Transaction, TransactionService } from '../database/transaction.service.js';
import { IdentityService } from '../identity/identity.service.js';
import type { Caller } from '../identity/identity.types.js';
import { WebhooksService } from '../webhooks/webhooks.service.js';
import { extendedDueDate } from './due-dates.js';
import type { PrivacyRequestEntity } from './entities/privacy-request.entity.js';
import { PrivacyRequestCipher } from './privacy-request.cipher.js';
import { PrivacyRequestAccountErasure } from './privacy-request-account-erasure.js';
import { PrivacyRequestFulfilmentService } from './privacy-request-fulfilment.service.js';
import { PrivacyRequestMails } from './privacy-request-mails.js';
import { PrivacyRequestMatchingService } from './privacy-request-matching.service.js';
import { PrivacyRequestRectificationService } from './privacy-request-rectification.service.js';
import { actorOf, eventActorOf } from './privacy-requests.actors.js';
import type {
  PrivacyRequestAssignDto,
  PrivacyRequestCorrectionDecisionDto,
  PrivacyRequestExtendDto,
  PrivacyRequestMatchDto,
  PrivacyRequestRejectDto,
} from './privacy-requests.dto.js';
import { PrivacyRequestsRepository, type RequestPatch } from './privacy-requests.repository.js';
import { OPEN_STATUSES, type RequestEventType, type RequestStatus } from './privacy-requests.types.js';

interface Step {
  allowedFrom: readonly RequestStatus[];
  verb: string;
  patch: RequestPatch;
  event: RequestEventType;
  audit: AuditAction;
  details?: Record<string, unknown>;
  /** More work in the step's transaction (the webhook of a completion). */
  within?: (tx: Transaction) => Promise<unknown>;
}

const invalid = (field: string, message: string) =>
  new AppError('validation-failed', `${field}: ${message}`, { errors: [{ field, message }] });

/**
 * The request desk's actions. Each is one transaction: the row moves only from the version
 * the officer saw (409 otherwise), an event is appended to the history and an audit entry
 * written; mails to the requester follow the commit.
 */
@Injectable()
export class PrivacyRequestActionsService {
  private readonly logger = new Logger(PrivacyRequestActionsService.name);

  constructor(
    private readonly transactions: TransactionService,
    private readonly requests: PrivacyRequestsRepository,
    private readonly cipher: PrivacyRequestCipher,
    private readonly matching: PrivacyRequestMatchingService,
    private readonly fulfilment: PrivacyRequestFulfilmentService,
    private readonly mails: PrivacyRequestMails,
    private readonly identity: IdentityService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly webhooks: WebhooksService,
    private readonly rectification: PrivacyRequestRectificationService,
    private readonly accountErasure: PrivacyRequestAccountErasure,
  ) {}

  async assign(caller: Caller, id: string, input: PrivacyRequestAssignDto): Promise<void> {
    const request = await this.load(caller, id);
    if (input.assigneeId) {
      const user = await this.identity.getUser(caller.organizationId, input.assigneeId);
      if (user?.state !== 'active' || !this.identity.roleHolds(user.role, 'requests:write')) {
        throw invalid('assigneeId', 'must be an active user who handles privacy requests');
      }
    }
    await this.step(caller, request, input.version, {
      allowedFrom: OPEN_STATUSES,
      verb: 'assign',
      patch: { assigneeId: input.assigneeId },
      event: 'assigned',
      audit: 'privacy.request.assigned',
      details: { assigneeId: input.assigneeId },
    });
  }

  async confirmMatch(caller: Caller, id: string, input: PrivacyRequestMatchDto): Promise<void> {
    const request = await this.load(caller, id);
    const email = await this.emailOf(request);
    const subjects = await this.matching.assertCandidates(caller, request, email, input.subjects);
    const newUsers = subjects.filter(
      (subject) =>
        subject.kind === 'user' && !request.subjects.some((known) => known.kind === 'user' && known.id === subject.id),
    );
    // A user asking to be erased stops at once; the only owner cannot (409 before anything changes).
    if (request.type === 'erasure') await this.accountErasure.assertMayLeave(request.organizationId, newUsers);
    const updated = await this.step(caller, request, input.version, {
      allowedFrom: OPEN_STATUSES,
      verb: 'confirm the match of',
      patch: { subjects },
      event: 'match_confirmed',
      audit: 'privacy.request.match_confirmed',
      details: { subjects },
    });
    await this.accountErasure.deactivate(caller, updated, newUsers);
    const outcome = await this.fulfilment.atMatch(caller, updated);
    if (outcome) await this.recordFulfilment(caller, updated, outcome.details, outcome.fulfilment);
  }

  async extend(caller: Caller, id: string, input: PrivacyRequestExtendDto): Promise<void> {
    const request = await this.load(caller, id);
    if (request.extendedAt)
      throw new AppError('conflict', 'This request was extended once already; the law allows one extension');
    if (!OPEN_STATUSES.includes(request.status as (typeof OPEN_STATUSES)[number]) || !request.dueAt) {
      throw new AppError('conflict', `A request that is ${request.status} cannot be extended`);
    }
    const dueAt = extendedDueDate(request.dueAt, input.months);
    const reasonEnc = await this.cipher.seal(request.id, 'extensionReason', input.reason);
    const updated = await this.step(caller, request, input.version, {
      allowedFrom: OPEN_STATUSES,
      verb: 'extend',
      patch: { dueAt, extendedAt: this.clock.now(), extensionReasonEnc: reasonEnc },
      event: 'extended',
      audit: 'privacy.request.extended',
      details: { months: input.months, previousDueAt: request.dueAt.toISOString(), dueAt: dueAt.toISOString() },
    });
    await this.notify(updated, (to, organization) =>
      this.mails.extended(to, organization, updated.type, dueAt, input.reason),
    );
  }

  async start(caller: Caller, id: string, version: number): Promise<void> {
    const request = await this.load(caller, id);
    await this.step(caller, request, version, {
      allowedFrom: ['received', 'awaiting_requester'],
      verb: 'start',
      patch: { status: 'in_progress' },
      event: request.status === 'awaiting_requester' ? 'resumed' : 'started',
      audit: 'privacy.request.status_changed',
    });
  }

  async awaitRequester(caller: Caller, id: string, version: number): Promise<void> {
    const request = await this.load(caller, id);
    await this.step(caller, request, version, {
      allowedFrom: ['received', 'in_progress'],
      verb: 'wait for the requester on',
      patch: { status: 'awaiting_requester' },
      event: 'awaiting_requester',
      audit: 'privacy.request.status_changed',
    });
  }

  async complete(caller: Caller, id: string, version: number): Promise<void> {
    const request = await this.load(caller, id);
    const email = await this.emailOf(request);
    const updated = await this.step(caller, request, version, {
      allowedFrom: OPEN_STATUSES,
      verb: 'complete',
      patch: { status: 'completed', closedAt: this.clock.now() },
      event: 'completed',
      audit: 'privacy.request.completed',
      details: { subjects: request.subjects.length },
      // Integrations learn of it in the same transaction: ids and the type, nothing personal.
      within: (tx) =>
        this.webhooks.emit(tx, request.organizationId, 'request.completed', {
          requestId: request.id,
          requestType: request.type,
        }),
    });
    // The address was read before anything starts: an erasure may take it with it. Access
    // exports start first, so the mail can carry their links.
    const outcome = await this.fulfilment.atCompletion(updated);
    const organization = await this.identity.findOrganization(request.organizationId);
    if (email) {
      this.mails
        .completed(email, organization?.name ?? 'The organization', request.type, outcome?.downloads)
        .catch((error: Error) => this.logger.error(`Privacy request mail failed: ${error.message}`));
    }
    if (outcome) await this.recordFulfilment(caller, updated, outcome.details, outcome.fulfilment);
  }

  /**
   * A rectification's proposed correction, applied to the confirmed person's record through the
   * context that owns it (its own transaction, validation and audit), or kept as it is. The
   * desk's event, audit entry and `subject.rectified` webhooks follow in the next transaction:
   * field names only, never values.
   */
  async decideCorrection(caller: Caller, id: string, input: PrivacyRequestCorrectionDecisionDto): Promise<void> {
    const request = await this.load(caller, id);
    if (request.type !== 'rectification')
      throw new AppError('conflict', 'Only a rectification request has corrections');
    const state = request.corrections.find((correction) => correction.field === input.field);
    if (!state) throw invalid('field', `the request proposes no correction of ${input.field}`);
    if (state.decision !== 'proposed')
      throw new AppError('conflict', `The correction of ${input.field} was ${state.decision} already`);
    if (!OPEN_STATUSES.includes(request.status as (typeof OPEN_STATUSES)[number])) {
      throw new AppError(
        'conflict',
        `Cannot decide on a correction of a request that is ${request.status.replace('_', ' ')}`,
      );
    }
    if (request.version !== input.version) {
      throw new AppError('conflict', 'The request changed since you loaded it; reload and try again', {
        currentVersion: request.version,
      });
    }
    const apply = input.decision === 'apply';
    const subjects = apply ? await this.rectification.apply(caller, request, input.field) : [];
    const decision = apply ? 'applied' : 'kept';
    await this.step(caller, request, input.version, {
      allowedFrom: OPEN_STATUSES,
      verb: 'decide on a correction of',
      patch: {
        corrections: request.corrections.map((correction) =>
          correction.field === input.field ? { ...correction, decision } : correction,
        ),
      },
      event: apply ? 'correction_applied' : 'correction_kept',
      audit: apply ? 'privacy.request.correction_applied' : 'privacy.request.correction_kept',
      details: { field: input.field, ...(apply ? { subjects } : {}) },
      within: async (tx) => {
        for (const subject of subjects) {
          await this.webhooks.emit(tx, request.organizationId, 'subject.rectified', {
            subjectType: subject.kind,
            subjectId: subject.id,
            fields: [input.field],
          });
        }
      },
    });
  }

  async reject(caller: Caller, id: string, input: PrivacyRequestRejectDto): Promise<void> {
    const request = await this.load(caller, id);
    const reasonEnc = await this.cipher.seal(request.id, 'rejectionReason', input.reason);
    const updated = await this.step(caller, request, input.version, {
      allowedFrom: OPEN_STATUSES,
      verb: 'reject',
      patch: { status: 'rejected', closedAt: this.clock.now(), rejectionReasonEnc: reasonEnc },
      event: 'rejected',
      audit: 'privacy.request.rejected',
    });
    await this.notify(updated, (to, organization) => this.mails.rejected(to, organization, updated.type, input.reason));
  }

  async cancel(caller: Caller, id: string, version: number): Promise<void> {
    const request = await this.load(caller, id);
    await this.step(caller, request, version, {
      allowedFrom: ['unverified', ...OPEN_STATUSES],
      verb: 'cancel',
      patch: { status: 'cancelled', closedAt: this.clock.now() },
      event: 'cancelled',
      audit: 'privacy.request.cancelled',
    });
  }

  private async load(caller: Caller, id: string): Promise<PrivacyRequestEntity> {
    const request = await this.requests.find(caller.organizationId, id);
    if (!request) throw new AppError('not-found', 'No such privacy request');
    return request;
  }

  private async step(caller: Caller, request: PrivacyRequestEntity, version: number, step: Step) {
    if (!step.allowedFrom.includes(request.status)) {
      throw new AppError('conflict', `Cannot ${step.verb} a request that is ${request.status.replace('_', ' ')}`);
    }
    const now = this.clock.now();
    await this.transactions.run(async (tx) => {
      const moved = await this.requests.updateIfVersion(request.organizationId, request.id, version, step.patch, tx);
      if (!moved) {
        throw new AppError('conflict', 'The request changed since you loaded it; reload and try again', {
          currentVersion: request.version,
        });
      }
      await this.requests.appendEvent(
        {
          organizationId: request.organizationId,
          requestId: request.id,
          type: step.event,
          ...eventActorOf(caller),
          fromStatus: request.status,
          toStatus: step.patch.status ?? request.status,
          details: step.details ?? {},
          at: now,
        },
        tx,
      );
      this.audit.record(tx, {
        organizationId: request.organizationId,
        action: step.audit,
        actor: actorOf(caller),
        targetType: 'privacy_request',
        targetId: request.id,
        details: { type: request.type, from: request.status, to: step.patch.status ?? request.status, ...step.details },
      });
      await step.within?.(tx);
    });
    return (await this.requests.find(request.organizationId, request.id)) as PrivacyRequestEntity;
  }

  /** Fulfilment's own history entry (erasure ids, ledger purposes), after the work it records. */
  private async recordFulfilment(
    caller: Caller,
    request: PrivacyRequestEntity,
    details: Record<string, unknown>,
    fulfilment: PrivacyRequestEntity['fulfilment'],
  ): Promise<void> {
    await this.transactions.run(async (tx) => {
      await this.requests.updateIfVersion(request.organizationId, request.id, request.version, { fulfilment }, tx);
      await this.requests.appendEvent(
        {
          organizationId: request.organizationId,
          requestId: request.id,
          type: 'fulfilment',
          ...eventActorOf(caller),
          fromStatus: request.status,
          toStatus: request.status,
          details: { fulfilment, ...details },
          at: this.clock.now(),
        },
        tx,
      );
    });
  }

  private async emailOf(request: PrivacyRequestEntity): Promise<string | null> {
    const keys = await this.cipher.keysFor([request]);
    return this.cipher.open(keys, request.id, 'email', request.requesterEmailEnc);
  }

  private async notify(
    request: PrivacyRequestEntity,
    send: (to: string, organizationName: string) => Promise<unknown>,
  ): Promise<void> {
    const email = await this.emailOf(request);
    if (!email) return;
    const organization = await this.identity.findOrganization(request.organizationId);
    send(email, organization?.name ?? 'The organization').catch((error: Error) =>
      this.logger.error(`Privacy request mail failed: ${error.message}`),
    );
  }
}
