import { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Who is calling, once the access guard knows: a user, an API key, or nobody yet. */
export interface RequestActor {
  kind: 'user' | 'api_key';
  id: string;
  organizationId: string;
}

/**
 * The technical facts of the request in progress (the audit trail records them with every
 * entry): its id, the client's address and user agent, and the caller once authenticated.
 * Kept in AsyncLocalStorage, so code deep in a service need not be handed them.
 */
export interface RequestContext {
  requestId: string | null;
  ip: string | null;
  userAgent: string | null;
  actor: RequestActor | null;
}

const storage = new AsyncLocalStorage<RequestContext>();

export const currentRequest = (): RequestContext | undefined => storage.getStore();

/** Express middleware, after the request id is assigned and with `trust proxy` applied. */
export function openRequestContext(
  req: IncomingMessage & { id?: string; ip?: string },
  _res: ServerResponse,
  next: () => void,
): void {
  const userAgent = req.headers['user-agent'];
  storage.run(
    {
      requestId: req.id ?? null,
      ip: req.ip ?? req.socket.remoteAddress ?? null,
      userAgent: typeof userAgent === 'string' ? userAgent.slice(0, 300) : null,
      actor: null,
    },
    next,
  );
}

/** Called by the access guard once it has authenticated the caller. */
export function setRequestActor(actor: RequestActor): void {
  const context = storage.getStore();
  if (context) context.actor = actor;
}

/** Runs `work` with a context of its own (a scheduled job, a CLI): no request, no client. */
export function runOutsideRequest<Result>(work: () => Result): Result {
  return storage.run({ requestId: null, ip: null, userAgent: null, actor: null }, work);
}
