import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditService } from '../../audit/audit.service.js';
import { AppError } from '../../common/app-error.js';
import { Clock } from '../../common/clock.js';
import { DEFAULT_PAGE_SIZE, updatedSinceOf } from '../../common/pagination.dto.js';
import { TransactionService } from '../../database/transaction.service.js';
import type { Caller } from '../../identity/identity.types.js';
import { ActivityService, changedFields } from '../activity.service.js';
import { ClientsService } from '../clients/clients.service.js';
import { ContactsService } from '../clients/contacts.service.js';
import type { CommunicationKind, Direction } from '../crm.types.js';
import {
  assertMayChange,
  type CrmActor,
  canSeeBranch,
  crmActor,
  recordNotFound,
  referenced,
  staleRecord,
} from '../crm-access.js';
import type { CommunicationEntity } from '../entities/communication.entity.js';
import { RecordCipher } from '../record-cipher.js';
import { StaffDirectory } from '../staff-directory.js';
import type {
  CommunicationCreateDto,
  CommunicationListQueryDto,
  CommunicationUpdateDto,
} from './communications.dto.js';
import { CommunicationsRepository } from './communications.repository.js';

export interface CommunicationView {
  id: string;
  clientId: string | null;
  contactId: string | null;
  kind: CommunicationKind;
  direction: Direction;
  occurredAt: Date;
  durationMinutes: number | null;
  subject: string | null;
  body: string | null;
  authorId: string | null;
  authorName: string | null;
  apiKeyId: string | null;
  branchId: string;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

const invalid = (field: string, message: string) =>
  new AppError('validation-failed', `${field}: ${message}`, { errors: [{ field, message }] });

/** The communication history: calls, emails, meetings and notes, one timeline per client or contact. */
@Injectable()
export class CommunicationsService {
  constructor(
    private readonly transactions: TransactionService,
    private readonly communications: CommunicationsRepository,
    private readonly clients: ClientsService,
    private readonly contacts: ContactsService,
    private readonly cipher: RecordCipher,
    private readonly activity: ActivityService,
    private readonly staff: StaffDirectory,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async create(caller: Caller, input: CommunicationCreateDto): Promise<CommunicationView> {
    const actor = crmActor(caller);
    if (!input.clientId && !input.contactId) throw invalid('contactId', 'give a clientId, a contactId or both');
    const contact = input.contactId
      ? await referenced(() => this.contacts.visible(actor, input.contactId as string), 'contactId', 'no such contact')
      : null;
    const clientId = input.clientId ?? contact?.clientId ?? null;
    const client = clientId
      ? await referenced(() => this.clients.visible(actor, clientId), 'clientId', 'no such client')
      : null;
    if (client && contact?.clientId && contact.clientId !== client.id) {
      throw invalid('contactId', 'this contact belongs to another client');
    }
    if (client?.restrictedAt || contact?.restrictedAt) {
      throw new AppError('conflict', 'Processing of this person is restricted; nothing new can be logged');
    }
    const id = randomUUID();
    const subject = this.keySubject(client?.id ?? null, contact?.id ?? null);
    const values = {
      id,
      clientId: client?.id ?? null,
      contactId: contact?.id ?? null,
      branchId: (contact ?? client)?.branchId as string,
      kind: input.kind,
      direction: input.direction,
      occurredAt: input.occurredAt ?? this.clock.now(),
      durationMinutes: input.durationMinutes ?? null,
      authorId: actor.kind === 'user' ? actor.id : null,
      apiKeyId: actor.kind === 'api_key' ? actor.id : null,
      subjectEnc: await this.cipher.seal(subject, 'communications.subject', input.subject),
      bodyEnc: await this.cipher.seal(subject, 'communications.body', input.body),
    };
    const saved = await this.transactions.run(async (tx) => {
      const communication = await this.communications.insert(actor.organizationId, values, tx);
      await this.activity.touchParties(tx, actor.organizationId, values, values.occurredAt);
      await this.activity.record(tx, actor, 'communication', id, 'created');
      return communication;
    });
    return (await this.toViews(actor.organizationId, [saved]))[0];
  }

  async list(caller: Caller, query: CommunicationListQueryDto) {
    const actor = crmActor(caller);
    // Naming a client or contact the caller cannot see answers 404, not an empty list.
    if (query.clientId) await this.clients.visible(actor, query.clientId);
    if (query.contactId) await this.contacts.visible(actor, query.contactId);
    // Reading someone's timeline is reading their personal data.
    if (query.contactId) await this.audit.recordView(actor.organizationId, 'contact', query.contactId);
    else if (query.clientId) await this.audit.recordView(actor.organizationId, 'client', query.clientId);
    const page = await this.communications.page(
      actor.organizationId,
      {
        branchScope: actor.branchScope,
        clientId: query.clientId,
        contactId: query.contactId,
        kind: query.kind,
        authorId: query.authorId,
        updatedSince: updatedSinceOf(query),
      },
      query.cursor,
      query.limit ?? DEFAULT_PAGE_SIZE,
    );
    return { items: await this.toViews(actor.organizationId, page.rows), nextCursor: page.nextCursor };
  }

  /** `get` for a person reading the record: the view goes into the audit trail. */
  async view(caller: Caller, id: string): Promise<CommunicationView> {
    const record = await this.get(caller, id);
    await this.audit.recordView(caller.organizationId, 'communication', id);
    return record;
  }

  async get(caller: Caller, id: string): Promise<CommunicationView> {
    const actor = crmActor(caller);
    return (await this.toViews(actor.organizationId, [await this.visible(actor, id)]))[0];
  }

  async update(caller: Caller, id: string, patch: CommunicationUpdateDto): Promise<CommunicationView> {
    const actor = crmActor(caller);
    const communication = await this.visible(actor, id);
    assertMayChange(actor, communication.authorId === actor.id, 'communications');
    const subject = this.keySubject(communication.clientId, communication.contactId);
    const values = {
      ...(patch.direction ? { direction: patch.direction } : {}),
      ...(patch.occurredAt ? { occurredAt: patch.occurredAt } : {}),
      ...(patch.durationMinutes !== undefined ? { durationMinutes: patch.durationMinutes } : {}),
      ...(patch.subject !== undefined
        ? { subjectEnc: await this.cipher.seal(subject, 'communications.subject', patch.subject) }
        : {}),
      ...(patch.body !== undefined
        ? { bodyEnc: await this.cipher.seal(subject, 'communications.body', patch.body) }
        : {}),
    };
    await this.transactions.run(async (tx) => {
      if (!(await this.communications.updateIfVersion(actor.organizationId, id, patch.version, values, tx))) {
        throw staleRecord();
      }
      await this.activity.record(tx, actor, 'communication', id, 'updated', changedFields(patch));
    });
    return this.get(caller, id);
  }

  async delete(caller: Caller, id: string): Promise<void> {
    const actor = crmActor(caller);
    const communication = await this.visible(actor, id);
    assertMayChange(actor, communication.authorId === actor.id, 'communications');
    await this.transactions.run(async (tx) => {
      if (!(await this.communications.delete(actor.organizationId, id, tx))) throw recordNotFound('communication');
      await this.activity.record(tx, actor, 'communication', id, 'deleted');
    });
  }

  private async visible(actor: CrmActor, id: string): Promise<CommunicationEntity> {
    const communication = await this.communications.find(actor.organizationId, id);
    if (!communication || !canSeeBranch(actor, communication.branchId)) throw recordNotFound('communication');
    return communication;
  }

  /** Sealed under the contact's key when there is one: erasing that person shreds what was said. */
  keySubject(clientId: string | null, contactId: string | null) {
    return contactId ? this.cipher.subject('contact', contactId) : this.cipher.subject('client', clientId as string);
  }

  async toViews(organizationId: string, rows: CommunicationEntity[]): Promise<CommunicationView[]> {
    const keys = await this.cipher.keysFor(rows.map((row) => this.keySubject(row.clientId, row.contactId)));
    const authors = await this.staff.names(
      organizationId,
      rows.map((row) => row.authorId),
    );
    return rows.map((row): CommunicationView => {
      const subject = this.keySubject(row.clientId, row.contactId);
      return {
        id: row.id,
        clientId: row.clientId,
        contactId: row.contactId,
        kind: row.kind,
        direction: row.direction,
        occurredAt: row.occurredAt,
        durationMinutes: row.durationMinutes,
        subject: keys.open(subject, 'communications.subject', row.subjectEnc),
        body: keys.open(subject, 'communications.body', row.bodyEnc),
        authorId: row.authorId,
        authorName: (row.authorId && authors.get(row.authorId)) ?? null,
        apiKeyId: row.apiKeyId,
        branchId: row.branchId,
        createdAt: row.createdAt,
        updatedAt: row.updatedAt,
        version: row.version,
      };
    });
  }
}
