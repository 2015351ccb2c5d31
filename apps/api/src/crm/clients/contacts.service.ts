import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { LoadedKeys } from '#crypto';
import { AuditService } from '../../audit/audit.service.js';
import { AppError } from '../../common/app-error.js';
import { DEFAULT_PAGE_SIZE, syncSort, updatedSinceOf } from '../../common/pagination.dto.js';
import { ConsentBasisService } from '../../consent/contacts/consent-basis.service.js';
import { type Transaction, TransactionService } from '../../database/transaction.service.js';
import type { Caller } from '../../identity/identity.types.js';
import { RestrictionService } from '../../personal-data/restriction.service.js';
import type { RestrictionReason } from '../../personal-data/restriction.types.js';
import { ActivityService, type ActivityView, changedFields } from '../activity.service.js';
import type { Address } from '../crm.types.js';
import {
  assertBranchWritable,
  type CrmActor,
  canSeeBranch,
  crmActor,
  recordNotFound,
  referenced,
  staleRecord,
} from '../crm-access.js';
import type { ContactEntity } from '../entities/contact.entity.js';
import { RecordCipher } from '../record-cipher.js';
import { StaffDirectory } from '../staff-directory.js';
import { ClientsService } from './clients.service.js';
import { ContactListsRepository } from './contact-lists.repository.js';
import type { ContactCreateDto, ContactListQueryDto, ContactUpdateDto } from './contacts.dto.js';
import { type ContactFilters, ContactsRepository, type ContactValues } from './contacts.repository.js';
import { PartyAccess } from './party-access.js';

export interface ContactView {
  id: string;
  clientId: string | null;
  fullName: string;
  email: string | null;
  phone: string | null;
  jobTitle: string | null;
  address: Address | null;
  notes: string | null;
  tags: string[];
  ownerId: string | null;
  branchId: string;
  lastActivityAt: Date | null;
  restricted: boolean;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

type Details = Pick<ContactView, 'fullName' | 'email' | 'phone' | 'jobTitle' | 'address' | 'notes'>;

const invalid = (field: string, message: string) =>
  new AppError('validation-failed', `${field}: ${message}`, { errors: [{ field, message }] });

/** Contacts: the people the organization deals with, at a client or on their own. */
@Injectable()
export class ContactsService {
  constructor(
    private readonly transactions: TransactionService,
    private readonly contacts: ContactsRepository,
    private readonly lists: ContactListsRepository,
    private readonly clients: ClientsService,
    private readonly cipher: RecordCipher,
    private readonly activity: ActivityService,
    private readonly staff: StaffDirectory,
    private readonly audit: AuditService,
    private readonly consent: ConsentBasisService,
    restrictions: RestrictionService,
  ) {
    this.access = new PartyAccess('contact', contacts, transactions, activity, restrictions);
  }

  private readonly access: PartyAccess<ContactEntity>;

  async create(caller: Caller, input: ContactCreateDto): Promise<ContactView> {
    const actor = crmActor(caller);
    const prepared = await this.prepare(actor, input);
    const saved = await this.transactions.run((tx) => this.insertPrepared(actor, prepared, tx));
    return this.toView(saved);
  }

  /**
   * Everything a new contact needs, checked and sealed, before any transaction opens
   * (CSV import prepares many, then inserts them together).
   */
  async prepare(
    actor: CrmActor,
    input: ContactCreateDto,
    /** Branch ids the caller already knows exist (an import checks them once, not per row). */
    knownBranches?: ReadonlySet<string>,
  ): Promise<ContactValues> {
    const client = input.clientId ? await this.visibleClient(actor, input.clientId) : null;
    const branchId = input.branchId ?? client?.branchId;
    if (!branchId) throw invalid('branchId', 'branchId is required for a contact without a client');
    assertBranchWritable(actor, branchId);
    if (input.branchId && !knownBranches?.has(branchId)) await this.staff.assertBranch(actor.organizationId, branchId);
    const ownerId = input.ownerId === undefined ? (actor.kind === 'user' ? actor.id : null) : input.ownerId;
    // The signed-in person owning what they create needs no lookup: they are active staff.
    if (ownerId && ownerId !== actor.id)
      await this.staff.assertStaff(actor.organizationId, [ownerId], 'ownerId', branchId);
    const id = randomUUID();
    const details: Details = {
      fullName: input.fullName.trim(),
      email: input.email ?? null,
      phone: input.phone ?? null,
      jobTitle: input.jobTitle ?? null,
      address: input.address ?? null,
      notes: input.notes ?? null,
    };
    return {
      id,
      clientId: client?.id ?? null,
      branchId,
      ownerId,
      tags: [...new Set(input.tags ?? [])],
      ...(await this.seal(actor.organizationId, id, details)),
    };
  }

  async insertPrepared(actor: CrmActor, values: ContactValues, tx: Transaction): Promise<ContactEntity> {
    const contact = await this.contacts.insert(actor.organizationId, values, tx);
    await this.activity.record(tx, actor, 'contact', contact.id, 'created');
    return contact;
  }

  /**
   * The contacts of the organization with this email (blind index), oldest first: how the
   * public consent form finds the person who filled it in.
   */
  async idsByEmail(organizationId: string, email: string): Promise<string[]> {
    const index = this.cipher.emailIndex(email);
    if (!index) return [];
    const rows = await this.contacts.findByEmailIndex(organizationId, index);
    return rows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()).map((row) => row.id);
  }

  /**
   * A contact for a person who gave their name and email on the organization's public form,
   * sealed before any transaction; `insertIntake` stores it in the caller's transaction.
   */
  async prepareIntake(
    organizationId: string,
    branchId: string,
    input: { fullName: string; email: string },
  ): Promise<ContactValues> {
    const id = randomUUID();
    const details: Details = {
      fullName: input.fullName.trim(),
      email: input.email,
      phone: null,
      jobTitle: null,
      address: null,
      notes: null,
    };
    return {
      id,
      clientId: null,
      branchId,
      ownerId: null,
      tags: [],
      ...(await this.seal(organizationId, id, details)),
    };
  }

  /** Stores a prepared intake; the person themself is the source, so the trail names no staff actor. */
  async insertIntake(organizationId: string, values: ContactValues, tx: Transaction): Promise<string> {
    const contact = await this.contacts.insert(organizationId, values, tx);
    this.audit.record(tx, {
      organizationId,
      action: 'record.created',
      actor: { kind: 'anonymous', id: null },
      targetType: 'contact',
      targetId: contact.id,
      details: { source: 'public-consent-form' },
    });
    return contact.id;
  }

  /** `get` for a person reading the record: the view goes into the audit trail. */
  async view(caller: Caller, id: string): Promise<ContactView> {
    const record = await this.get(caller, id);
    await this.audit.recordView(caller.organizationId, 'contact', id);
    return record;
  }

  async get(caller: Caller, id: string): Promise<ContactView> {
    return this.toView(await this.visible(crmActor(caller), id));
  }

  /**
   * The plain list shows restricted contacts (flagged `restricted`): staff must see that the
   * person exists and is restricted. A list read for a purpose and exports leave them out.
   */
  async list(
    caller: Caller,
    query: ContactListQueryDto,
    options: { forExport?: boolean } = {},
  ): Promise<{ items: ContactView[]; nextCursor: string | null }> {
    const actor = crmActor(caller);
    const filters = await this.filtersFor(actor, query);
    if (options.forExport) filters.excludeRestricted = true;
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const page = await this.contacts.page(
      actor.organizationId,
      filters,
      syncSort(query.sort, filters.updatedSince, '-createdAt'),
      query.cursor,
      limit,
    );
    const keys = await this.cipher.keysFor(page.rows.map((row) => this.cipher.subject('contact', row.id)));
    return { items: page.rows.map((row) => this.viewOf(row, keys)), nextCursor: page.nextCursor };
  }

  /** The query's filters, with a contact list turned into membership or its saved filter. */
  async filtersFor(actor: CrmActor, query: ContactListQueryDto): Promise<ContactFilters> {
    const searchTokens = query.q ? this.cipher.queryTokens(actor.organizationId, query.q) : undefined;
    if (query.q && searchTokens?.length === 0) {
      throw invalid('q', 'q needs a word of at least two letters or four digits');
    }
    const filters: ContactFilters = {
      branchScope: actor.branchScope,
      searchTokens,
      tag: query.tag,
      ownerId: query.ownerId,
      branchId: query.branchId,
      clientId: query.clientId,
      updatedSince: updatedSinceOf(query),
    };
    if (query.listId) {
      const list = await this.lists.find(actor.organizationId, query.listId);
      if (!list || (list.branchId && !canSeeBranch(actor, list.branchId))) throw recordNotFound('contact list');
      if (list.kind === 'static') filters.listId = list.id;
      else Object.assign(filters, Object.fromEntries(Object.entries(list.filter ?? {}).filter(([, value]) => value)));
      // A list used for a purpose (marketing) never yields anyone without a valid basis for it.
      if (list.purposeKey) filters.consentPurposeKey = list.purposeKey;
    }
    if (query.purpose) {
      if (filters.consentPurposeKey && filters.consentPurposeKey !== query.purpose) {
        throw invalid('purpose', `the list is used for ${filters.consentPurposeKey}; ask for that purpose or none`);
      }
      await this.consent.assertPurposeKey(actor.organizationId, query.purpose, 'purpose');
      filters.consentPurposeKey = query.purpose;
    }
    // Processing for a purpose (marketing) is processing a restriction stops (GDPR Art. 18).
    if (filters.consentPurposeKey) filters.excludeRestricted = true;
    return filters;
  }

  async update(caller: Caller, id: string, patch: ContactUpdateDto): Promise<ContactView> {
    const actor = crmActor(caller);
    const contact = await this.visible(actor, id);
    this.assertWritable(actor, contact);
    if (patch.clientId) await this.visibleClient(actor, patch.clientId);
    if (patch.branchId !== undefined && patch.branchId !== contact.branchId) {
      assertBranchWritable(actor, patch.branchId);
      await this.staff.assertBranch(actor.organizationId, patch.branchId);
    }
    if (patch.ownerId)
      await this.staff.assertStaff(
        actor.organizationId,
        [patch.ownerId],
        'ownerId',
        patch.branchId ?? contact.branchId,
      );
    const current = await this.toView(contact);
    const pick = <K extends keyof Details>(key: K): Details[K] =>
      patch[key] === undefined ? current[key] : (patch[key] as Details[K]);
    const details: Details = {
      fullName: patch.fullName?.trim() ?? current.fullName,
      email: pick('email'),
      phone: pick('phone'),
      jobTitle: pick('jobTitle'),
      address: pick('address'),
      notes: pick('notes'),
    };
    const values: Partial<ContactValues> = {
      ...(await this.seal(actor.organizationId, id, details)),
      ...(patch.tags ? { tags: [...new Set(patch.tags)] } : {}),
      ...(patch.ownerId !== undefined ? { ownerId: patch.ownerId } : {}),
      ...(patch.clientId !== undefined ? { clientId: patch.clientId } : {}),
      ...(patch.branchId ? { branchId: patch.branchId } : {}),
    };
    const fields = changedFields(patch);
    await this.transactions.run(async (tx) => {
      if (!(await this.contacts.updateIfVersion(actor.organizationId, id, patch.version, values, tx))) {
        throw staleRecord();
      }
      await this.activity.record(tx, actor, 'contact', id, 'updated', fields);
    });
    return this.get(caller, id);
  }

  delete(caller: Caller, id: string): Promise<void> {
    return this.access.delete(caller, id);
  }

  activityOf(caller: Caller, id: string): Promise<ActivityView[]> {
    return this.access.activityOf(caller, id);
  }

  /** Restriction of processing (Art. 18): `reason` applies it, null lifts it. */
  setRestriction(caller: Caller, id: string, reason: RestrictionReason | null) {
    return this.access.setRestriction(caller, id, reason);
  }

  visible(actor: CrmActor, id: string): Promise<ContactEntity> {
    return this.access.visible(actor, id);
  }

  /** A client named in a body (a contact's, a saved filter's) must be one the caller can see. */
  visibleClient(actor: CrmActor, clientId: string, field = 'clientId') {
    return referenced(() => this.clients.visible(actor, clientId), field, 'no such client');
  }

  private assertWritable(actor: CrmActor, contact: ContactEntity): void {
    this.access.assertWritable(actor, contact);
  }

  private async seal(organizationId: string, id: string, details: Details) {
    const subject = this.cipher.subject('contact', id);
    return {
      fullNameEnc: (await this.cipher.seal(subject, 'contacts.fullName', details.fullName)) as Buffer,
      emailEnc: await this.cipher.seal(subject, 'contacts.email', details.email),
      emailIndex: this.cipher.emailIndex(details.email),
      phoneEnc: await this.cipher.seal(subject, 'contacts.phone', details.phone),
      jobTitleEnc: await this.cipher.seal(subject, 'contacts.jobTitle', details.jobTitle),
      addressEnc: await this.cipher.sealJson(subject, 'contacts.address', details.address),
      notesEnc: await this.cipher.seal(subject, 'contacts.notes', details.notes),
      searchTokens: this.cipher.searchTokens(
        organizationId,
        [details.fullName, details.email, details.jobTitle, details.address?.city, details.address?.postcode],
        [details.phone],
      ),
    };
  }

  async toView(contact: ContactEntity): Promise<ContactView> {
    return this.viewOf(contact, await this.cipher.keysFor([this.cipher.subject('contact', contact.id)]));
  }

  private viewOf(contact: ContactEntity, keys: LoadedKeys): ContactView {
    const subject = this.cipher.subject('contact', contact.id);
    return {
      id: contact.id,
      clientId: contact.clientId,
      fullName: keys.open(subject, 'contacts.fullName', contact.fullNameEnc) as string,
      email: keys.open(subject, 'contacts.email', contact.emailEnc),
      phone: keys.open(subject, 'contacts.phone', contact.phoneEnc),
      jobTitle: keys.open(subject, 'contacts.jobTitle', contact.jobTitleEnc),
      address: keys.openJson<Address>(subject, 'contacts.address', contact.addressEnc),
      notes: keys.open(subject, 'contacts.notes', contact.notesEnc),
      tags: contact.tags,
      ownerId: contact.ownerId,
      branchId: contact.branchId,
      lastActivityAt: contact.lastActivityAt,
      restricted: contact.restrictedAt !== null,
      createdAt: contact.createdAt,
      updatedAt: contact.updatedAt,
      version: contact.version,
    };
  }
}
