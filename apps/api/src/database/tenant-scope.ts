import { AsyncLocalStorage } from 'node:async_hooks';
import { currentRequest } from '../common/request-context.js';

/**
 * Whose rows a database connection may see under row-level security (see
 * row-level-security.ts): one organization's, or the platform's (all of them, for work that
 * is not done for one tenant: signing in, public pages, scheduled jobs across organizations).
 */
export type DatabaseScope = { kind: 'tenant'; organizationId: string } | { kind: 'platform' };

const explicit = new AsyncLocalStorage<DatabaseScope>();

/**
 * The scope of the code running now: the one set by `withTenantScope`/`withPlatformScope`,
 * else the authenticated caller's organization, else the platform (a public route before
 * anyone signed in, a job, start-up). A connection takes the scope when it is checked out,
 * so a transaction keeps the scope it started with.
 */
export function currentScope(): DatabaseScope {
  const scope = explicit.getStore();
  if (scope) return scope;
  const actor = currentRequest()?.actor;
  return actor ? { kind: 'tenant', organizationId: actor.organizationId } : { kind: 'platform' };
}

/** Runs `work` seeing only `organizationId`'s rows (a job acting for one organization). */
export function withTenantScope<Result>(organizationId: string, work: () => Result): Result {
  return explicit.run({ kind: 'tenant', organizationId }, work);
}

/**
 * Runs `work` across organizations even inside a signed-in request: only for routes whose
 * purpose is cross-organization (the operator's billing integration). Open the transaction
 * inside `work`, not around it.
 */
export function withPlatformScope<Result>(work: () => Result): Result {
  return explicit.run({ kind: 'platform' }, work);
}
