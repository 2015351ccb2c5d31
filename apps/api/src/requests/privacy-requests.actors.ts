import type { AuditActor } from '../audit/audit.types.js';
import type { Caller } from '../identity/identity.types.js';
import type { EventActorKind } from './privacy-requests.types.js';

/** Who did a step, as the request's history stores it. */
export const eventActorOf = (caller: Caller): { actorKind: EventActorKind; actorId: string } =>
  caller.kind === 'user'
    ? { actorKind: 'user', actorId: caller.userId }
    : { actorKind: 'api_key', actorId: caller.apiKeyId };

/** The same for the audit trail. */
export const actorOf = (caller: Caller): AuditActor =>
  caller.kind === 'user' ? { kind: 'user', id: caller.userId } : { kind: 'api_key', id: caller.apiKeyId };
