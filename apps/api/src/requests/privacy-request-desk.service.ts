import { Injectable } from '@nestjs/common';
import type { LoadedKeys } from '#crypto';
import { AuditService } from '../audit/audit.service.js';
import { AppError } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { decodeCursor, encodeCursor } from '../common/cursor.js';
import { DEFAULT_PAGE_SIZE, updatedSinceOf } from '../common/pagination.dto.js';
import { IdentityService } from '../identity/identity.service.js';
import type { Caller } from '../identity/identity.types.js';
import { ErasureService } from '../personal-data/erasure.service.js';
import { daysLeft } from './due-dates.js';
import type { PrivacyRequestEntity } from './entities/privacy-request.entity.js';
import { PrivacyRequestCipher } from './privacy-request.cipher.js';
import { PrivacyRequestMatchingService } from './privacy-request-matching.service.js';
import { PrivacyRequestRectificationService } from './privacy-request-rectification.service.js';
import type {
  PrivacyRequestDetailDto,
  PrivacyRequestListQueryDto,
  PrivacyRequestListResponseDto,
  PrivacyRequestStatsQueryDto,
  PrivacyRequestStatsResponseDto,
  PrivacyRequestSummaryDto,
} from './privacy-requests.dto.js';
import { type DeskFilters, PrivacyRequestsRepository } from './privacy-requests.repository.js';
import { OPEN_STATUSES, type RequestStatus } from './privacy-requests.types.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isOpen = (status: RequestStatus) => (OPEN_STATUSES as readonly RequestStatus[]).includes(status);

/** The request desk's reads: the list with SLA countdowns, one request with its history and matches, the chart. */
@Injectable()
export class PrivacyRequestDeskService {
  constructor(
    private readonly requests: PrivacyRequestsRepository,
    private readonly cipher: PrivacyRequestCipher,
    private readonly matching: PrivacyRequestMatchingService,
    private readonly identity: IdentityService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly rectification: PrivacyRequestRectificationService,
    private readonly erasures: ErasureService,
  ) {}

  async list(caller: Caller, query: PrivacyRequestListQueryDto): Promise<PrivacyRequestListResponseDto> {
    const updatedSince = updatedSinceOf(query);
    // A sync's cursor has a shape of its own: one from the other order is refused, not misread.
    const position = decodeCursor(query.cursor, updatedSince ? 3 : 2)?.slice(updatedSince ? 1 : 0);
    const filters: DeskFilters = { status: query.status, type: query.type, updatedSince };
    if (query.assigneeId) {
      filters.assigneeId =
        query.assigneeId === 'me'
          ? caller.kind === 'user'
            ? caller.userId
            : '00000000-0000-0000-0000-000000000000'
          : query.assigneeId;
    }
    if (query.overdue) filters.overdueAt = this.clock.now();
    const q = query.q?.trim();
    if (q) {
      if (UUID.test(q)) filters.id = q.toLowerCase();
      else if (q.includes('@')) filters.emailIndex = this.cipher.emailIndex(q);
      else
        throw new AppError('validation-failed', 'q: must be an email address or a request id', {
          errors: [{ field: 'q', message: 'must be an email address or a request id' }],
        });
    }
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const page = await this.requests.page(
      caller.organizationId,
      filters,
      position ? { at: String(position[0]), id: String(position[1]) } : null,
      limit,
    );
    const keys = await this.cipher.keysFor(page.rows);
    const names = await this.identity.namesOf(
      caller.organizationId,
      page.rows.map((row) => row.assigneeId),
    );
    return {
      items: page.rows.map((row) => this.summary(row, keys, names)),
      nextCursor: page.last
        ? encodeCursor(updatedSince ? ['updatedAt', page.last.at, page.last.id] : [page.last.at, page.last.id])
        : null,
    };
  }

  /** The receipts of the confirmed people's erasures (a request that erases; none before completion). */
  private async erasureReceipts(request: PrivacyRequestEntity): Promise<PrivacyRequestDetailDto['erasureReceipts']> {
    if (request.type !== 'erasure' && request.type !== 'minor') return [];
    const receipts = [];
    for (const subject of request.subjects) {
      receipts.push(...(await this.erasures.receiptsFor({ ...subject, organizationId: request.organizationId })));
    }
    return receipts;
  }

  async get(caller: Caller, id: string): Promise<PrivacyRequestDetailDto> {
    const request = await this.requests.find(caller.organizationId, id);
    if (!request) throw new AppError('not-found', 'No such privacy request');
    const keys = await this.cipher.keysFor([request]);
    const events = await this.requests.history(caller.organizationId, id);
    const names = await this.identity.namesOf(caller.organizationId, [
      request.assigneeId,
      ...events.filter((event) => event.actorKind === 'user').map((event) => event.actorId),
    ]);
    const email = this.cipher.open(keys, id, 'email', request.requesterEmailEnc);
    const candidates = await this.matching.candidates(caller, request, email);
    await this.audit.recordView(caller.organizationId, 'privacy_request', id);
    return {
      ...this.summary(request, keys, names),
      message: this.cipher.open(keys, id, 'message', request.messageEnc),
      identityCheck: this.cipher.open(keys, id, 'identityCheck', request.identityCheckEnc),
      extensionReason: this.cipher.open(keys, id, 'extensionReason', request.extensionReasonEnc),
      rejectionReason: this.cipher.open(keys, id, 'rejectionReason', request.rejectionReasonEnc),
      candidates,
      corrections: await this.rectification.review(caller, request),
      erasureReceipts: await this.erasureReceipts(request),
      history: events.map((event) => ({
        id: event.id,
        type: event.type,
        actor: {
          kind: event.actorKind,
          id: event.actorId,
          name: event.actorKind === 'user' && event.actorId ? (names.get(event.actorId) ?? null) : null,
        },
        fromStatus: event.fromStatus,
        toStatus: event.toStatus,
        details: event.details,
        at: event.at,
      })),
    };
  }

  async stats(caller: Caller, query: PrivacyRequestStatsQueryDto): Promise<PrivacyRequestStatsResponseDto> {
    const now = this.clock.now();
    const months = query.months ?? 12;
    const since = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (months - 1), 1));
    return { rows: await this.requests.stats(caller.organizationId, since) };
  }

  private summary(row: PrivacyRequestEntity, keys: LoadedKeys, names: Map<string, string>): PrivacyRequestSummaryDto {
    const now = this.clock.now();
    const open = isOpen(row.status);
    return {
      id: row.id,
      type: row.type,
      status: row.status,
      channel: row.channel,
      requesterName: this.cipher.open(keys, row.id, 'name', row.requesterNameEnc),
      requesterEmail: this.cipher.open(keys, row.id, 'email', row.requesterEmailEnc),
      assigneeId: row.assigneeId,
      assigneeName: row.assigneeId ? (names.get(row.assigneeId) ?? null) : null,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      receivedAt: row.receivedAt,
      dueAt: row.dueAt,
      daysLeft: open && row.dueAt ? daysLeft(row.dueAt, now) : null,
      overdue: open && row.dueAt !== null && row.dueAt < now,
      extended: row.extendedAt !== null,
      closedAt: row.closedAt,
      fulfilment: row.fulfilment,
      version: row.version,
    };
  }
}
