import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { LoadedKeys } from '#crypto';
import { AuditService } from '../../audit/audit.service.js';
import { AppError } from '../../common/app-error.js';
import { DEFAULT_PAGE_SIZE, syncSort, updatedSinceOf } from '../../common/pagination.dto.js';
import { TransactionService } from '../../database/transaction.service.js';
import type { Caller } from '../../identity/identity.types.js';
import { RestrictionService } from '../../personal-data/restriction.service.js';
import type { RestrictionReason } from '../../personal-data/restriction.types.js';
import { ActivityService, type ActivityView, changedFields } from '../activity.service.js';
import type { Address, ClientKind, CompanyDetails } from '../crm.types.js';
import { assertBranchWritable, type CrmActor, crmActor, staleRecord } from '../crm-access.js';
import type { ClientEntity } from '../entities/client.entity.js';
import { RecordCipher } from '../record-cipher.js';
import { StaffDirectory } from '../staff-directory.js';
import type { ClientCreateDto, ClientListQueryDto, ClientUpdateDto } from './clients.dto.js';
import { ClientsRepository, type ClientValues } from './clients.repository.js';
import { PartyAccess } from './party-access.js';

export interface ClientView {
  id: string;
  kind: ClientKind;
  name: string;
  email: string | null;
  phone: string | null;
  address: Address | null;
  company: CompanyDetails | null;
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

/** Clients sharing the words of a name, looked at to find the ones with exactly that name. */
const NAME_CANDIDATES = 100;
const sameName = (name: string) => name.trim().replace(/\s+/g, ' ').toLocaleLowerCase();

type Details = Pick<ClientView, 'name' | 'email' | 'phone' | 'address' | 'company' | 'notes'>;

/** Clients: companies and individuals the organization works for. */
@Injectable()
export class ClientsService {
  constructor(
    private readonly transactions: TransactionService,
    private readonly clients: ClientsRepository,
    private readonly cipher: RecordCipher,
    private readonly activity: ActivityService,
    private readonly staff: StaffDirectory,
    private readonly audit: AuditService,
    restrictions: RestrictionService,
  ) {
    this.access = new PartyAccess('client', clients, transactions, activity, restrictions);
  }

  private readonly access: PartyAccess<ClientEntity>;

  async create(caller: Caller, input: ClientCreateDto): Promise<ClientView> {
    const actor = crmActor(caller);
    assertBranchWritable(actor, input.branchId);
    await this.staff.assertBranch(actor.organizationId, input.branchId);
    const ownerId = input.ownerId === undefined ? (actor.kind === 'user' ? actor.id : null) : input.ownerId;
    // The signed-in person owning what they create needs no lookup: they are active staff.
    if (ownerId && ownerId !== actor.id)
      await this.staff.assertStaff(actor.organizationId, [ownerId], 'ownerId', input.branchId);
    const id = randomUUID();
    const details: Details = {
      name: input.name.trim(),
      email: input.email ?? null,
      phone: input.phone ?? null,
      address: input.address ?? null,
      company: input.company ?? null,
      notes: input.notes ?? null,
    };
    // Sealed before the transaction opens: it must not wait on key lookups outside it.
    const sealed = await this.seal(actor.organizationId, id, details);
    const values: ClientValues = {
      id,
      kind: input.kind,
      branchId: input.branchId,
      ownerId,
      tags: [...new Set(input.tags ?? [])],
      ...sealed,
    };
    const saved = await this.transactions.run(async (tx) => {
      const client = await this.clients.insert(actor.organizationId, values, tx);
      await this.activity.record(tx, actor, 'client', id, 'created');
      return client;
    });
    return this.toView(saved);
  }

  /** `get` for a person reading the record: the view goes into the audit trail. */
  async view(caller: Caller, id: string): Promise<ClientView> {
    const record = await this.get(caller, id);
    await this.audit.recordView(caller.organizationId, 'client', id);
    return record;
  }

  async get(caller: Caller, id: string): Promise<ClientView> {
    return this.toView(await this.visible(crmActor(caller), id));
  }

  async list(caller: Caller, query: ClientListQueryDto): Promise<{ items: ClientView[]; nextCursor: string | null }> {
    const actor = crmActor(caller);
    const searchTokens = query.q ? this.cipher.queryTokens(actor.organizationId, query.q) : undefined;
    if (query.q && searchTokens?.length === 0) {
      throw new AppError('validation-failed', 'q needs a word of at least two letters or four digits', {
        errors: [{ field: 'q', message: 'q needs a word of at least two letters or four digits' }],
      });
    }
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const updatedSince = updatedSinceOf(query);
    const page = await this.clients.page(
      actor.organizationId,
      {
        branchScope: actor.branchScope,
        searchTokens,
        tag: query.tag,
        ownerId: query.ownerId,
        branchId: query.branchId,
        kind: query.kind,
        updatedSince,
      },
      syncSort(query.sort, updatedSince, '-createdAt'),
      query.cursor,
      limit,
    );
    const keys = await this.cipher.keysFor(page.rows.map((row) => this.cipher.subject('client', row.id)));
    return { items: page.rows.map((row) => this.viewOf(row, keys)), nextCursor: page.nextCursor };
  }

  /**
   * Names of the clients with these ids that the caller may see, for a contact export. A
   * client whose processing is restricted (GDPR Art. 18) keeps its name out of exports:
   * it is left out here, and the export names it by id.
   */
  async namesOf(caller: Caller, ids: Iterable<string | null>): Promise<Map<string, string>> {
    const actor = crmActor(caller);
    const wanted = [...new Set([...ids].filter((id): id is string => Boolean(id)))];
    if (!wanted.length) return new Map();
    const rows = (await this.clients.findByIds(actor.organizationId, wanted, actor.branchScope)).filter(
      (row) => row.restrictedAt === null,
    );
    const keys = await this.cipher.keysFor(rows.map((row) => this.cipher.subject('client', row.id)));
    return new Map(rows.map((row) => [row.id, this.viewOf(row, keys).name]));
  }

  /**
   * The clients the caller may see whose name is this one, case and spacing aside: how a
   * CSV import reads a client given by name. Names are sealed, so the search index narrows
   * the candidates and their opened names decide.
   */
  async idsNamed(caller: Caller, name: string): Promise<string[]> {
    const actor = crmActor(caller);
    const searchTokens = this.cipher.queryTokens(actor.organizationId, name);
    if (searchTokens.length === 0) return [];
    const page = await this.clients.page(
      actor.organizationId,
      { branchScope: actor.branchScope, searchTokens },
      '-createdAt',
      undefined,
      NAME_CANDIDATES,
    );
    const keys = await this.cipher.keysFor(page.rows.map((row) => this.cipher.subject('client', row.id)));
    const wanted = sameName(name);
    return page.rows.filter((row) => sameName(this.viewOf(row, keys).name) === wanted).map((row) => row.id);
  }

  async update(caller: Caller, id: string, patch: ClientUpdateDto): Promise<ClientView> {
    const actor = crmActor(caller);
    const client = await this.visible(actor, id);
    this.assertWritable(actor, client);
    if (patch.branchId !== undefined && patch.branchId !== client.branchId) {
      assertBranchWritable(actor, patch.branchId);
      await this.staff.assertBranch(actor.organizationId, patch.branchId);
    }
    if (patch.ownerId)
      await this.staff.assertStaff(actor.organizationId, [patch.ownerId], 'ownerId', patch.branchId ?? client.branchId);
    const current = await this.toView(client);
    const details: Details = {
      name: patch.name?.trim() ?? current.name,
      email: patch.email === undefined ? current.email : patch.email,
      phone: patch.phone === undefined ? current.phone : patch.phone,
      address: patch.address === undefined ? current.address : patch.address,
      company: patch.company === undefined ? current.company : patch.company,
      notes: patch.notes === undefined ? current.notes : patch.notes,
    };
    const sealed = await this.seal(actor.organizationId, id, details);
    const values: Partial<ClientValues> = {
      ...sealed,
      ...(patch.kind ? { kind: patch.kind } : {}),
      ...(patch.tags ? { tags: [...new Set(patch.tags)] } : {}),
      ...(patch.ownerId !== undefined ? { ownerId: patch.ownerId } : {}),
      ...(patch.branchId ? { branchId: patch.branchId } : {}),
    };
    const fields = changedFields(patch);
    await this.transactions.run(async (tx) => {
      if (!(await this.clients.updateIfVersion(actor.organizationId, id, patch.version, values, tx)))
        throw staleRecord();
      await this.activity.record(tx, actor, 'client', id, 'updated', fields);
    });
    return this.get(caller, id);
  }

  /** Deletes the client with its jobs, schedule and communications; invoices stay (legal record). */
  delete(caller: Caller, id: string): Promise<void> {
    return this.access.delete(caller, id);
  }

  /** Restriction of processing (Art. 18): `reason` applies it, null lifts it. */
  setRestriction(caller: Caller, id: string, reason: RestrictionReason | null) {
    return this.access.setRestriction(caller, id, reason);
  }

  activityOf(caller: Caller, id: string): Promise<ActivityView[]> {
    return this.access.activityOf(caller, id);
  }

  /** The client if the caller may see it; 404 otherwise, also for other organizations' ids. */
  visible(actor: CrmActor, id: string): Promise<ClientEntity> {
    return this.access.visible(actor, id);
  }

  private assertWritable(actor: CrmActor, client: ClientEntity): void {
    this.access.assertWritable(actor, client);
  }

  private async seal(organizationId: string, id: string, details: Details) {
    const subject = this.cipher.subject('client', id);
    return {
      nameEnc: (await this.cipher.seal(subject, 'clients.name', details.name)) as Buffer,
      emailEnc: await this.cipher.seal(subject, 'clients.email', details.email),
      emailIndex: this.cipher.emailIndex(details.email),
      phoneEnc: await this.cipher.seal(subject, 'clients.phone', details.phone),
      addressEnc: await this.cipher.sealJson(subject, 'clients.address', details.address),
      companyEnc: await this.cipher.sealJson(subject, 'clients.company', details.company),
      notesEnc: await this.cipher.seal(subject, 'clients.notes', details.notes),
      searchTokens: this.cipher.searchTokens(
        organizationId,
        [details.name, details.email, details.company?.legalName, details.address?.city, details.address?.postcode],
        [details.phone],
      ),
    };
  }

  async toView(client: ClientEntity): Promise<ClientView> {
    return this.viewOf(client, await this.cipher.keysFor([this.cipher.subject('client', client.id)]));
  }

  private viewOf(client: ClientEntity, keys: LoadedKeys): ClientView {
    const subject = this.cipher.subject('client', client.id);
    return {
      id: client.id,
      kind: client.kind,
      name: keys.open(subject, 'clients.name', client.nameEnc) as string,
      email: keys.open(subject, 'clients.email', client.emailEnc),
      phone: keys.open(subject, 'clients.phone', client.phoneEnc),
      address: keys.openJson<Address>(subject, 'clients.address', client.addressEnc),
      company: keys.openJson<CompanyDetails>(subject, 'clients.company', client.companyEnc),
      notes: keys.open(subject, 'clients.notes', client.notesEnc),
      tags: client.tags,
      ownerId: client.ownerId,
      branchId: client.branchId,
      lastActivityAt: client.lastActivityAt,
      restricted: client.restrictedAt !== null,
      createdAt: client.createdAt,
      updatedAt: client.updatedAt,
      version: client.version,
    };
  }
}
