import { Injectable } from '@nestjs/common';
import { AppError } from '../../common/app-error.js';
import { ConsentBasisService } from '../../consent/contacts/consent-basis.service.js';
import { TransactionService } from '../../database/transaction.service.js';
import type { Caller } from '../../identity/identity.types.js';
import { ActivityService, changedFields } from '../activity.service.js';
import {
  assertBranchWritable,
  assertMayChange,
  type CrmActor,
  canSeeBranch,
  crmActor,
  recordNotFound,
  referenced,
  staleRecord,
} from '../crm-access.js';
import type { ContactListEntity } from '../entities/contact-list.entity.js';
import { StaffDirectory } from '../staff-directory.js';
import type {
  ContactFilterDto,
  ContactListCreateDto,
  ContactListItemResponseDto,
  ContactListUpdateDto,
} from './contact-lists.dto.js';
import { ContactListsRepository } from './contact-lists.repository.js';
import { ContactsService } from './contacts.service.js';

/** Contact lists: hand-picked (static) or saved filters, evaluated when read. */
@Injectable()
export class ContactListsService {
  constructor(
    private readonly transactions: TransactionService,
    private readonly lists: ContactListsRepository,
    private readonly contacts: ContactsService,
    private readonly activity: ActivityService,
    private readonly staff: StaffDirectory,
    private readonly consent: ConsentBasisService,
  ) {}

  async list(caller: Caller, updatedSince?: Date): Promise<ContactListItemResponseDto[]> {
    const actor = crmActor(caller);
    const lists = await this.lists.listVisible(actor.organizationId, actor.branchScope, updatedSince);
    const counts = await this.lists.memberCounts(lists.filter((list) => list.kind === 'static').map((list) => list.id));
    return lists.map((list) => toResponse(list, counts.get(list.id) ?? 0));
  }

  async get(caller: Caller, id: string): Promise<ContactListItemResponseDto> {
    const list = await this.visible(crmActor(caller), id);
    return toResponse(list, (await this.lists.memberCounts([list.id])).get(list.id) ?? 0);
  }

  async create(caller: Caller, input: ContactListCreateDto): Promise<ContactListItemResponseDto> {
    const actor = crmActor(caller);
    if (input.kind === 'static' && input.filter) {
      throw new AppError('validation-failed', 'A static list has members, not a filter', {
        errors: [{ field: 'filter', message: 'only a saved_filter list has a filter' }],
      });
    }
    if (actor.branchScope && !input.branchId) {
      throw new AppError('validation-failed', 'Name one of your branches for the list', {
        errors: [{ field: 'branchId', message: 'required for managers and agents' }],
      });
    }
    if (input.branchId) {
      assertBranchWritable(actor, input.branchId);
      await this.staff.assertBranch(actor.organizationId, input.branchId);
    }
    if (input.filter) await this.assertFilterReferences(actor, input.filter);
    if (input.purposeKey) await this.consent.assertPurposeKey(actor.organizationId, input.purposeKey, 'purposeKey');
    const list = await this.transactions.run(async (tx) => {
      const created = await this.lists.insert(
        actor.organizationId,
        {
          name: input.name.trim(),
          kind: input.kind,
          filter: input.kind === 'saved_filter' ? { ...input.filter } : null,
          branchId: input.branchId ?? null,
          ownerId: actor.kind === 'user' ? actor.id : null,
          purposeKey: input.purposeKey ?? null,
        },
        tx,
      );
      await this.activity.record(tx, actor, 'contact_list', created.id, 'created');
      return created;
    });
    return toResponse(list, 0);
  }

  async update(caller: Caller, id: string, patch: ContactListUpdateDto): Promise<ContactListItemResponseDto> {
    const actor = crmActor(caller);
    const list = await this.writable(actor, id);
    if (patch.filter && list.kind === 'static') {
      throw new AppError('validation-failed', 'A static list has members, not a filter', {
        errors: [{ field: 'filter', message: 'only a saved_filter list has a filter' }],
      });
    }
    if (patch.filter) await this.assertFilterReferences(actor, patch.filter);
    if (patch.purposeKey) await this.consent.assertPurposeKey(actor.organizationId, patch.purposeKey, 'purposeKey');
    await this.transactions.run(async (tx) => {
      const values = {
        ...(patch.name ? { name: patch.name.trim() } : {}),
        ...(patch.filter ? { filter: { ...patch.filter } } : {}),
        ...(patch.purposeKey !== undefined ? { purposeKey: patch.purposeKey } : {}),
      };
      if (!(await this.lists.updateIfVersion(actor.organizationId, id, patch.version, values, tx))) throw staleRecord();
      await this.activity.record(tx, actor, 'contact_list', id, 'updated', changedFields(patch));
    });
    return this.get(caller, id);
  }

  /** Ids a saved filter names are references like any other: of this organization, visible to the caller. */
  private async assertFilterReferences(actor: CrmActor, filter: ContactFilterDto): Promise<void> {
    if (filter.branchId) await this.staff.assertBranch(actor.organizationId, filter.branchId, 'filter.branchId');
    if (filter.ownerId) await this.staff.assertMember(actor.organizationId, filter.ownerId, 'filter.ownerId');
    if (filter.clientId) await this.contacts.visibleClient(actor, filter.clientId, 'filter.clientId');
  }

  async delete(caller: Caller, id: string): Promise<void> {
    const actor = crmActor(caller);
    await this.writable(actor, id);
    await this.transactions.run(async (tx) => {
      await this.lists.delete(actor.organizationId, id, tx);
      await this.activity.record(tx, actor, 'contact_list', id, 'deleted');
    });
  }

  async addMembers(caller: Caller, id: string, contactIds: string[]): Promise<number> {
    const actor = crmActor(caller);
    const list = await this.writable(actor, id);
    if (list.kind !== 'static') throw new AppError('conflict', 'A saved filter has no hand-picked members');
    const unique = [...new Set(contactIds)];
    for (const contactId of unique) {
      await referenced(() => this.contacts.visible(actor, contactId), 'contactIds', `no such contact: ${contactId}`);
    }
    return this.transactions.run(async (tx) => {
      const added = await this.lists.addMembers(actor.organizationId, id, unique, tx);
      await this.activity.record(tx, actor, 'contact_list', id, 'updated', ['members']);
      return added;
    });
  }

  async removeMember(caller: Caller, id: string, contactId: string): Promise<void> {
    const actor = crmActor(caller);
    await this.writable(actor, id);
    await this.transactions.run(async (tx) => {
      if (!(await this.lists.removeMember(actor.organizationId, id, contactId, tx))) {
        throw recordNotFound('member of this list');
      }
      await this.activity.record(tx, actor, 'contact_list', id, 'updated', ['members']);
    });
  }

  private async visible(actor: CrmActor, id: string): Promise<ContactListEntity> {
    const list = await this.lists.find(actor.organizationId, id);
    if (!list || (list.branchId && !canSeeBranch(actor, list.branchId))) throw recordNotFound('contact list');
    return list;
  }

  private async writable(actor: CrmActor, id: string): Promise<ContactListEntity> {
    const list = await this.visible(actor, id);
    // Scoped people cannot change an organization-wide list; agents only their own lists.
    if (actor.branchScope && !list.branchId)
      throw new AppError('forbidden', 'Organization-wide lists are changed by admins');
    assertMayChange(actor, list.ownerId === actor.id, 'contact lists');
    return list;
  }
}

const toResponse = (list: ContactListEntity, members: number): ContactListItemResponseDto => ({
  id: list.id,
  name: list.name,
  kind: list.kind,
  filter: list.filter,
  branchId: list.branchId,
  ownerId: list.ownerId,
  purposeKey: list.purposeKey,
  memberCount: list.kind === 'static' ? members : null,
  createdAt: list.createdAt,
  updatedAt: list.updatedAt,
  version: list.version,
});
