import { Injectable } from '@nestjs/common';
import { Brackets, In, MoreThanOrEqual } from 'typeorm';
import { insertEntity } from '../database/insert-entity.js';
import { type Transaction, TransactionService } from '../database/transaction.service.js';
import { PrivacyRequestEntity } from './entities/privacy-request.entity.js';
import { PrivacyRequestEventEntity } from './entities/privacy-request-event.entity.js';
import {
  CLOSED_STATUSES,
  type Fulfilment,
  type MatchedSubject,
  OPEN_STATUSES,
  type RequestStatus,
  type RequestType,
} from './privacy-requests.types.js';

export type NewRequest = Omit<
  PrivacyRequestEntity,
  'id' | 'createdAt' | 'updatedAt' | 'version' | 'extendedAt' | 'closedAt' | 'fulfilment'
> & { id: string; createdAt: Date };
export type NewEvent = Omit<PrivacyRequestEventEntity, 'id' | 'seq' | 'request'>;
export type RequestPatch = Partial<
  Pick<
    PrivacyRequestEntity,
    | 'status'
    | 'assigneeId'
    | 'subjects'
    | 'dueAt'
    | 'extendedAt'
    | 'extensionReasonEnc'
    | 'rejectionReasonEnc'
    | 'corrections'
    | 'closedAt'
    | 'fulfilment'
    | 'receivedAt'
    | 'verificationTokenHash'
    | 'verificationExpiresAt'
  >
>;

export interface DeskFilters {
  status?: RequestStatus;
  type?: RequestType;
  assigneeId?: string;
  overdueAt?: Date;
  emailIndex?: string;
  id?: string;
  /** Only requests changed at or after it (incremental sync): then oldest change first. */
  updatedSince?: Date;
}

export interface StatsRow {
  type: RequestType;
  month: string;
  received: number;
  closed: number;
  daysToClose: number | null;
}

/** Requests and their append-only history. The only code here that touches TypeORM. */
@Injectable()
export class PrivacyRequestsRepository {
  constructor(private readonly transactions: TransactionService) {}

  private requests(tx?: Transaction) {
    return this.transactions.managerOf(tx).getRepository(PrivacyRequestEntity);
  }

  private events(tx?: Transaction) {
    return this.transactions.managerOf(tx).getRepository(PrivacyRequestEventEntity);
  }

  insert(values: NewRequest, tx: Transaction): Promise<PrivacyRequestEntity> {
    return insertEntity(this.requests(tx), { ...values, version: 1 });
  }

  async appendEvent(values: NewEvent, tx: Transaction): Promise<void> {
    await insertEntity(this.events(tx), values);
  }

  find(organizationId: string, id: string, tx?: Transaction): Promise<PrivacyRequestEntity | null> {
    return this.requests(tx).findOneBy({ organizationId, id });
  }

  findByTokenHash(tokenHash: string): Promise<PrivacyRequestEntity | null> {
    return this.requests().findOneBy({ verificationTokenHash: tokenHash });
  }

  /** Applies `patch` only if the row is still at `version` (and, when given, in one of `from`). */
  async updateIfVersion(
    organizationId: string,
    id: string,
    version: number,
    patch: RequestPatch,
    tx: Transaction,
  ): Promise<boolean> {
    const result = await this.requests(tx).update({ organizationId, id, version }, {
      ...patch,
      version: () => 'version + 1',
    } as never);
    return (result.affected ?? 0) === 1;
  }

  history(organizationId: string, requestId: string): Promise<PrivacyRequestEventEntity[]> {
    return this.events().find({ where: { organizationId, requestId }, order: { seq: 'ASC' } });
  }

  /** Newest first; with `updatedSince`, those changed at or after it, oldest change first. */
  listForUser(organizationId: string, userId: string, updatedSince?: Date): Promise<PrivacyRequestEntity[]> {
    return this.requests().find({
      where: {
        organizationId,
        requesterUserId: userId,
        ...(updatedSince ? { updatedAt: MoreThanOrEqual(updatedSince) } : {}),
      },
      order: updatedSince ? { updatedAt: 'ASC', id: 'ASC' } : { createdAt: 'DESC' },
      take: 100,
    });
  }

  /** Requests whose confirmed subjects include this person, or that they filed themselves. */
  async ofSubject(
    organizationId: string,
    subject: MatchedSubject,
    limit = 1000,
    tx?: Transaction,
  ): Promise<PrivacyRequestEntity[]> {
    const query = this.requests(tx)
      .createQueryBuilder('r')
      .where('r.organization_id = :organizationId', { organizationId })
      .andWhere(
        new Brackets((where) => {
          where.where('r.subjects @> :subject::jsonb', { subject: JSON.stringify([subject]) });
          if (subject.kind === 'user') where.orWhere('r.requester_user_id = :userId', { userId: subject.id });
        }),
      )
      .orderBy('r.created_at', 'ASC')
      .take(limit);
    return query.getMany();
  }

  /**
   * One page of the desk, newest first, keyset over (created_at, id); with `updatedSince`,
   * oldest change first over (updated_at, id). The cursor carries the database's timestamp
   * text, so microseconds are not lost between pages.
   */
  async page(
    organizationId: string,
    filters: DeskFilters,
    after: { at: string; id: string } | null,
    limit: number,
  ): Promise<{ rows: PrivacyRequestEntity[]; last: { at: string; id: string } | null }> {
    const [column, direction, beyond] = filters.updatedSince
      ? (['r.updated_at', 'ASC', '>'] as const)
      : (['r.created_at', 'DESC', '<'] as const);
    const query = this.requests()
      .createQueryBuilder('r')
      .addSelect(`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`, 'cursor_at')
      .where('r.organization_id = :organizationId', { organizationId });
    if (filters.updatedSince) query.andWhere('r.updated_at >= :updatedSince', { updatedSince: filters.updatedSince });
    if (filters.status) query.andWhere('r.status = :status', { status: filters.status });
    if (filters.type) query.andWhere('r.type = :type', { type: filters.type });
    if (filters.assigneeId) query.andWhere('r.assignee_id = :assigneeId', { assigneeId: filters.assigneeId });
    if (filters.emailIndex) query.andWhere('r.requester_email_index = :emailIndex', { emailIndex: filters.emailIndex });
    if (filters.id) query.andWhere('r.id = :id', { id: filters.id });
    if (filters.overdueAt) {
      query
        .andWhere('r.status IN (:...open)', { open: OPEN_STATUSES })
        .andWhere('r.due_at < :now', { now: filters.overdueAt });
    }
    if (after) {
      query.andWhere(`(${column}, r.id) ${beyond} ((:afterAt)::timestamp AT TIME ZONE 'UTC', :afterId)`, {
        afterAt: after.at,
        afterId: after.id,
      });
    }
    const { entities, raw } = await query
      .orderBy(column, direction)
      .addOrderBy('r.id', direction)
      .limit(limit + 1)
      .getRawAndEntities<{ cursor_at: string }>();
    const rows = entities.slice(0, limit);
    const last = entities.length > limit ? { at: raw[limit - 1].cursor_at, id: rows[limit - 1].id } : null;
    return { rows, last };
  }

  /** Per month the request was received and type: received, closed and mean days to close. */
  async stats(organizationId: string, since: Date): Promise<StatsRow[]> {
    const rows: Array<{ type: RequestType; month: string; received: number; closed: number; days: string | null }> =
      await this.requests().query(
        `SELECT type, to_char(date_trunc('month', received_at AT TIME ZONE 'UTC'), 'YYYY-MM') AS month,
                count(*)::int AS received,
                count(closed_at) FILTER (WHERE status = ANY($3))::int AS closed,
                avg(extract(epoch FROM closed_at - received_at) / 86400) FILTER (WHERE status = ANY($3)) AS days
         FROM privacy_requests
         WHERE organization_id = $1 AND received_at >= $2
         GROUP BY 1, 2 ORDER BY 2, 1`,
        [organizationId, since, CLOSED_STATUSES],
      );
    return rows.map((row) => ({
      type: row.type,
      month: row.month,
      received: row.received,
      closed: row.closed,
      daysToClose: row.days === null ? null : Number(row.days),
    }));
  }

  /** Fulfilment moved on outside an officer's step (an account deactivated): the version moves too. */
  async setFulfilment(organizationId: string, id: string, fulfilment: Fulfilment, tx: Transaction): Promise<void> {
    await this.requests(tx).update({ organizationId, id }, { fulfilment, version: () => 'version + 1' } as never);
  }

  /** Erasure: the requester's details leave the request; type, dates and history stay as proof. */
  async deidentify(organizationId: string, ids: string[], tx: Transaction): Promise<number> {
    if (ids.length === 0) return 0;
    const result = await this.requests(tx).update(
      { organizationId, id: In(ids) },
      {
        requesterEmailEnc: null,
        requesterEmailIndex: null,
        requesterNameEnc: null,
        messageEnc: null,
        identityCheckEnc: null,
        extensionReasonEnc: null,
        rejectionReasonEnc: null,
        correctionsEnc: null,
        verificationTokenHash: null,
      },
    );
    return result.affected ?? 0;
  }
}
