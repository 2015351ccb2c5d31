import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { AppError } from '../common/app-error.js';
import { decodeCursor, encodeCursor } from '../common/cursor.js';
import { DEFAULT_PAGE_SIZE, updatedSinceOf } from '../common/pagination.dto.js';
import { TransactionService } from '../database/transaction.service.js';
import type { AuthenticatedUser, Caller } from './access-tokens.js';
import { assertMayChangeAccess } from './account-admin-rules.js';
import type { UserEntity } from './entities/user.entity.js';
import { IdentityService, type UserView } from './identity.service.js';
import { branchScopeOf } from './identity.types.js';
import { OrganizationsRepository } from './organizations.repository.js';
import { SessionsRepository } from './sessions.repository.js';
import type { UserListQueryDto, UserUpdateDto } from './users.dto.js';
import { UsersRepository } from './users.repository.js';

const stale = () =>
  new AppError('conflict', 'Someone changed this person since you loaded them; reload and apply your change again');

/**
 * The people of an organization, as admins (and managers, for their branches) see them.
 * Names and emails are sealed, so search decrypts: staff lists are small, the filters
 * that narrow them run in SQL first.
 */
@Injectable()
export class UsersAdminService {
  constructor(
    private readonly identity: IdentityService,
    private readonly users: UsersRepository,
    private readonly organizations: OrganizationsRepository,
    private readonly sessions: SessionsRepository,
    private readonly transactions: TransactionService,
    private readonly audit: AuditService,
  ) {}

  async list(caller: Caller, query: UserListQueryDto): Promise<{ items: UserView[]; nextCursor: string | null }> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const updatedSince = updatedSinceOf(query);
    // By creation; when syncing, by last change (oldest first), with a cursor of its own shape.
    const timeOf = (row: { createdAt: Date; updatedAt: Date }) => (updatedSince ? row.updatedAt : row.createdAt);
    const position = decodeCursor(query.cursor, updatedSince ? 3 : 2);
    const after = position ? (position.slice(updatedSince ? 1 : 0) as [string, string]) : null;
    const rows = await this.users.listFiltered(caller.organizationId, {
      role: query.role,
      state: query.state,
      branchId: query.branchId,
      inBranches: branchScopeOf(caller),
      updatedSince,
    });
    const needle = query.q?.trim().toLowerCase();
    const items: UserView[] = [];
    let nextCursor: string | null = null;
    // Ordered here, at the millisecond precision the cursor carries, so pages never skip anyone.
    rows.sort((a, b) => timeOf(a).getTime() - timeOf(b).getTime() || (a.id < b.id ? -1 : 1));
    for (const row of rows) {
      if (after && !isAfter(timeOf(row), row.id, after)) continue;
      const view = await this.identity.toView(row);
      if (needle && !`${view.fullName}\n${view.email}`.toLowerCase().includes(needle)) continue;
      if (items.length === limit) {
        const last = items[items.length - 1];
        const at = timeOf(last).toISOString();
        nextCursor = encodeCursor(updatedSince ? ['updatedAt', at, last.id] : [at, last.id]);
        break;
      }
      items.push(view);
    }
    return { items, nextCursor };
  }

  async get(caller: Caller, id: string): Promise<UserView> {
    return this.identity.toView(await this.visible(caller, id));
  }

  async update(caller: AuthenticatedUser, id: string, patch: UserUpdateDto): Promise<UserView> {
    const target = await this.visible(caller, id);
    const next = { role: patch.role ?? target.role, branchIds: patch.branchIds ?? target.branchIds };
    assertMayChangeAccess(caller, target, next, await this.branchIdsOf(caller.organizationId));
    const access = {
      ...(patch.role ? { role: patch.role } : {}),
      ...(patch.branchIds ? { branchIds: [...new Set(patch.branchIds)] } : {}),
    };
    const updated = await this.transactions.run(async (tx) => {
      const row = await this.users.updateAccessIfVersion(caller.organizationId, id, patch.version, access, tx);
      if (row) {
        this.audit.record(tx, {
          organizationId: caller.organizationId,
          action: 'user.role_changed',
          targetType: 'user',
          targetId: id,
          details: { from: { role: target.role, branchIds: target.branchIds }, to: next },
        });
      }
      return row;
    });
    if (!updated) throw stale();
    return this.identity.toView(updated);
  }

  /** A disabled person cannot sign in; their sessions end at once. Their records stay. */
  async disable(caller: AuthenticatedUser, id: string): Promise<UserView> {
    const target = await this.visible(caller, id);
    assertMayChangeAccess(caller, target, target, await this.branchIdsOf(caller.organizationId));
    const disabled = await this.transactions.run(async (tx) => {
      if (!(await this.users.changeState(caller.organizationId, id, ['active'], 'disabled', tx))) return false;
      await this.sessions.revokeForUser(caller.organizationId, id, tx);
      this.audit.record(tx, {
        organizationId: caller.organizationId,
        action: 'user.disabled',
        targetType: 'user',
        targetId: id,
      });
      return true;
    });
    if (!disabled)
      throw new AppError('conflict', `Only an active account can be disabled; this one is ${target.state}`);
    return this.get(caller, id);
  }

  async enable(caller: AuthenticatedUser, id: string): Promise<UserView> {
    const target = await this.visible(caller, id);
    assertMayChangeAccess(caller, target, target, await this.branchIdsOf(caller.organizationId));
    const enabled = await this.transactions.run(async (tx) => {
      if (!(await this.users.changeState(caller.organizationId, id, ['disabled'], 'active', tx))) return false;
      this.audit.record(tx, {
        organizationId: caller.organizationId,
        action: 'user.enabled',
        targetType: 'user',
        targetId: id,
      });
      return true;
    });
    if (!enabled) throw new AppError('conflict', `Only a disabled account can be enabled; this one is ${target.state}`);
    return this.get(caller, id);
  }

  async branchIdsOf(organizationId: string): Promise<Set<string>> {
    return new Set((await this.organizations.listBranches(organizationId)).map((branch) => branch.id));
  }

  /** The user if the caller may see them: same organization and, for a manager, a shared branch. */
  private async visible(caller: Caller, id: string): Promise<UserEntity> {
    const user = await this.users.findInOrganization(caller.organizationId, id);
    const scope = branchScopeOf(caller);
    if (!user || (scope && !user.branchIds.some((branchId) => scope.includes(branchId)))) {
      throw new AppError('not-found', 'No such person in your organization');
    }
    return user;
  }
}

const isAfter = (at: Date, rowId: string, [cursorAt, id]: [string, string]): boolean => {
  const time = at.getTime();
  const cursorTime = new Date(cursorAt).getTime();
  return time > cursorTime || (time === cursorTime && rowId > id);
};
