import { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { stringify } from 'csv-stringify';
import { csvCell } from '#csv';
import { AppError } from '../common/app-error.js';
import { decodeCursor, encodeCursor } from '../common/cursor.js';
import { DEFAULT_PAGE_SIZE } from '../common/pagination.dto.js';
import { IdentityService } from '../identity/identity.service.js';
import type { AuthenticatedUser, Caller } from '../identity/identity.types.js';
import type {
  AuditEntryResponseDto,
  AuditFilterQueryDto,
  AuditListQueryDto,
  AuditListResponseDto,
  SecurityEventResponseDto,
} from './audit.dto.js';
import { type AuditFilter, AuditRepository, type AuditRow } from './audit.repository.js';
import { AuditService } from './audit.service.js';
import { AuditVerifier, type ChainReport } from './audit-verifier.js';

const EXPORT_BATCH = 1000;
const SECURITY_EVENTS = 50;
/** What a person sees of their own account on their security page. */
const SECURITY_FAMILIES = ['auth.', 'api_key.'];

export const AUDIT_EXPORT_COLUMNS = [
  'seq',
  'at',
  'actorKind',
  'actorId',
  'actorName',
  'action',
  'targetType',
  'targetId',
  'outcome',
  'requestId',
  'ip',
  'userAgent',
  'details',
] as const;

/** Reading the trail: the viewer's pages, exports, a person's security events, verification. */
@Injectable()
export class AuditTrailService {
  constructor(
    private readonly entries: AuditRepository,
    private readonly audit: AuditService,
    private readonly verifier: AuditVerifier,
    private readonly identity: IdentityService,
  ) {}

  async list(caller: Caller, query: AuditListQueryDto): Promise<AuditListResponseDto> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const cursor = decodeCursor(query.cursor, 1);
    const rows = await this.entries.list(
      { ...filterOf(caller, query), beforeSeq: cursor ? String(cursor[0]) : undefined },
      limit + 1,
    );
    const page = rows.slice(0, limit);
    return {
      items: await this.withNames(caller.organizationId, page),
      nextCursor: rows.length > limit ? encodeCursor([page[page.length - 1].seq]) : null,
    };
  }

  async get(caller: Caller, seq: string): Promise<AuditEntryResponseDto> {
    const row = await this.entries.findOne(caller.organizationId, seq);
    if (!row)
      throw new AppError('not-found', `No entry ${seq} in your organization's trail (purged, or never written)`);
    return (await this.withNames(caller.organizationId, [row]))[0];
  }

  /** Every matching entry, newest first, as CSV or one JSON array; the export is itself audited. */
  async export(caller: Caller, query: AuditFilterQueryDto, format: 'csv' | 'json'): Promise<Readable> {
    const filter = filterOf(caller, query);
    await this.audit.recordNow({
      organizationId: caller.organizationId,
      action: 'audit.exported',
      details: { format, filter: { ...query } },
    });
    const pages = this.pages(caller.organizationId, filter);
    if (format === 'json') return Readable.from(jsonArray(pages));
    // A byte-order mark first: Excel then reads the UTF-8 (names, user agents) right.
    const csv = stringify({ header: true, bom: true, columns: [...AUDIT_EXPORT_COLUMNS] });
    const pump = async () => {
      for await (const entry of pages) {
        const cells = Object.fromEntries(AUDIT_EXPORT_COLUMNS.map((column) => [column, csvCell(entry[column])]));
        if (!csv.write(cells)) await new Promise((resolve) => csv.once('drain', resolve));
      }
      csv.end();
    };
    pump().catch((error: Error) => csv.destroy(error));
    return csv;
  }

  /** Sign-ins, failures, MFA and key events of the caller's own account (their security page). */
  async securityEvents(caller: AuthenticatedUser): Promise<SecurityEventResponseDto[]> {
    const rows = await this.entries.aboutPersonInFamilies(
      caller.organizationId,
      caller.userId,
      SECURITY_FAMILIES,
      SECURITY_EVENTS,
    );
    return rows.map((row) => ({
      seq: row.seq,
      at: row.at,
      action: row.action,
      outcome: row.outcome,
      ip: row.ip,
      userAgent: row.userAgent,
      byYou: row.actorId === caller.userId,
    }));
  }

  async verify(organizationId: string): Promise<ChainReport> {
    const report = await this.verifier.verify(organizationId);
    await this.audit.recordNow({
      organizationId,
      action: 'audit.verified',
      outcome: report.intact ? 'success' : 'failure',
      details: { checkedEntries: report.checkedEntries, firstBroken: report.firstBroken?.seq ?? null },
    });
    return report;
  }

  private async *pages(organizationId: string, filter: AuditFilter): AsyncGenerator<AuditEntryResponseDto> {
    let beforeSeq: string | undefined;
    for (;;) {
      const rows = await this.entries.list({ ...filter, beforeSeq }, EXPORT_BATCH);
      yield* await this.withNames(organizationId, rows);
      if (rows.length < EXPORT_BATCH) return;
      beforeSeq = rows[rows.length - 1].seq;
    }
  }

  private async withNames(organizationId: string, rows: AuditRow[]): Promise<AuditEntryResponseDto[]> {
    const names = await this.identity.namesOf(
      organizationId,
      rows.map((row) => (row.actorKind === 'user' ? row.actorId : null)),
    );
    return rows.map(({ organizationId: _organization, ...row }) => ({
      ...row,
      actorName: (row.actorId && names.get(row.actorId)) ?? null,
    }));
  }
}

const filterOf = (caller: Caller, query: AuditFilterQueryDto): AuditFilter => ({
  organizationId: caller.organizationId,
  from: query.from ? new Date(query.from) : undefined,
  to: query.to ? new Date(query.to) : undefined,
  actorId: query.actorId,
  action: query.action,
  targetType: query.targetType,
  targetId: query.targetId,
  outcome: query.outcome,
});

async function* jsonArray(entries: AsyncIterable<unknown>): AsyncGenerator<string> {
  let first = true;
  yield '[';
  for await (const entry of entries) {
    yield `${first ? '' : ','}\n${JSON.stringify(entry)}`;
    first = false;
  }
  yield '\n]\n';
}
