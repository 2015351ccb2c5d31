import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { AppError } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { TransactionService } from '../database/transaction.service.js';
import type { AuthenticatedUser } from '../identity/identity.types.js';
import type { PrivacyRequestEntity } from './entities/privacy-request.entity.js';
import { PrivacyRequestCipher } from './privacy-request.cipher.js';
import type { MyPrivacyRequestResponseDto, MyPrivacyRequestsResponseDto } from './privacy-requests.dto.js';
import { PrivacyRequestsRepository } from './privacy-requests.repository.js';

/** A request as its requester sees it: where it stands, never the officer's notes. */
export const toMyRequest = (
  row: PrivacyRequestEntity,
  rejectionReason: string | null,
): MyPrivacyRequestResponseDto => ({
  id: row.id,
  type: row.type,
  status: row.status,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
  dueAt: row.dueAt,
  extended: row.extendedAt !== null,
  closedAt: row.closedAt,
  rejectionReason,
});

/** The privacy center's side of requests: a signed-in user's own, listed and withdrawn. */
@Injectable()
export class MyPrivacyRequestsService {
  constructor(
    private readonly transactions: TransactionService,
    private readonly requests: PrivacyRequestsRepository,
    private readonly cipher: PrivacyRequestCipher,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(user: AuthenticatedUser, updatedSince?: Date): Promise<MyPrivacyRequestsResponseDto> {
    const rows = await this.requests.listForUser(user.organizationId, user.userId, updatedSince);
    const keys = await this.cipher.keysFor(rows);
    return {
      items: rows.map((row) =>
        toMyRequest(row, this.cipher.open(keys, row.id, 'rejectionReason', row.rejectionReasonEnc)),
      ),
    };
  }

  /** One of the user's own requests; anyone else's answers 404, as one that does not exist. */
  async get(user: AuthenticatedUser, id: string): Promise<MyPrivacyRequestResponseDto> {
    const request = await this.requests.find(user.organizationId, id);
    if (request?.requesterUserId !== user.userId) throw new AppError('not-found', 'No such privacy request');
    const keys = await this.cipher.keysFor([request]);
    return toMyRequest(request, this.cipher.open(keys, request.id, 'rejectionReason', request.rejectionReasonEnc));
  }

  /** The requester withdraws their own request from the privacy center, while it is still open. */
  async cancel(user: AuthenticatedUser, id: string): Promise<MyPrivacyRequestResponseDto> {
    const request = await this.requests.find(user.organizationId, id);
    if (request?.requesterUserId !== user.userId) throw new AppError('not-found', 'No such privacy request');
    if (!['unverified', 'received', 'in_progress', 'awaiting_requester'].includes(request.status)) {
      throw new AppError('conflict', `A request that is ${request.status.replace('_', ' ')} cannot be cancelled`);
    }
    const now = this.clock.now();
    await this.transactions.run(async (tx) => {
      const moved = await this.requests.updateIfVersion(
        user.organizationId,
        id,
        request.version,
        { status: 'cancelled', closedAt: now },
        tx,
      );
      if (!moved) throw new AppError('conflict', 'The request changed meanwhile; reload and try again');
      await this.requests.appendEvent(
        {
          organizationId: user.organizationId,
          requestId: id,
          type: 'cancelled',
          actorKind: 'requester',
          actorId: null,
          fromStatus: request.status,
          toStatus: 'cancelled',
          details: {},
          at: now,
        },
        tx,
      );
      this.audit.record(tx, {
        organizationId: user.organizationId,
        action: 'privacy.request.cancelled',
        targetType: 'privacy_request',
        targetId: id,
        details: { type: request.type, from: request.status, to: 'cancelled', byRequester: true },
      });
    });
    return toMyRequest({ ...request, status: 'cancelled', closedAt: now }, null);
  }
}
