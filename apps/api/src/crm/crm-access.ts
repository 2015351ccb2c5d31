import { AppError } from '../common/app-error.js';
import { branchScopeOf, type Caller, type Role } from '../identity/identity.types.js';
import type { ActorKind } from './crm.types.js';

/** Who is acting on CRM records, as the rules below need it. */
export interface CrmActor {
  organizationId: string;
  kind: Extract<ActorKind, 'user' | 'api_key'>;
  /** The user's or the API key's id. */
  id: string;
  /** Null for API keys (they hold scopes, not roles). */
  role: Role | null;
  /** Branches the actor is limited to; undefined: the whole organization. */
  branchScope: string[] | undefined;
}

export const crmActor = (caller: Caller): CrmActor =>
  caller.kind === 'user'
    ? {
        organizationId: caller.organizationId,
        kind: 'user',
        id: caller.userId,
        role: caller.role,
        branchScope: branchScopeOf(caller),
      }
    : {
        organizationId: caller.organizationId,
        kind: 'api_key',
        id: caller.apiKeyId,
        role: null,
        branchScope: undefined,
      };

export const canSeeBranch = (actor: CrmActor, branchId: string): boolean =>
  actor.branchScope === undefined || actor.branchScope.includes(branchId);

/** Creating or moving a record into a branch the actor does not work in is refused. */
export function assertBranchWritable(actor: CrmActor, branchId: string): void {
  if (!canSeeBranch(actor, branchId)) {
    throw new AppError('forbidden', 'You can only put records in the branches you work in', {
      errors: [{ field: 'branchId', message: 'not one of your branches' }],
    });
  }
}

/**
 * Agents change only what is theirs: records they own, jobs and appointments they are
 * assigned to, communications they logged. Everyone else with the write permission may
 * change any record they can see.
 */
export function assertMayChange(actor: CrmActor, isTheirs: boolean, what: string): void {
  if (actor.role === 'agent' && !isTheirs) {
    throw new AppError('forbidden', `Agents can change only ${what} that are theirs; ask a manager`);
  }
}

export const staleRecord = () =>
  new AppError('conflict', 'Someone changed this record since you loaded it; reload and apply your change again');

export const recordNotFound = (what: string) => new AppError('not-found', `No such ${what}`);

/**
 * A record named in a request body that the caller cannot see is a field error (400), not
 * a 404 of the route. Only "not found" is translated; anything else still propagates.
 */
export async function referenced<T>(load: () => Promise<T>, field: string, message: string): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof AppError && error.code === 'not-found') {
      throw new AppError('validation-failed', `${field}: ${message}`, { errors: [{ field, message }] });
    }
    throw error;
  }
}
