import { createHmac, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { open, seal } from '#crypto';
import { AppSettings } from '../../config/settings.module.js';
import { KeyringService } from '../../keyring/keyring.service.js';
import { AppError } from '../app-error.js';
import { Clock } from '../clock.js';
import type { RequestActor } from '../request-context.js';
import { IdempotencyRepository, type KeyOwner, type StoredKey } from './idempotency.repository.js';

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
export const IDEMPOTENT_REPLAYED_HEADER = 'Idempotent-Replayed';

/** How long a claim holds its key while its request runs: a request killed mid-way frees it after this. */
export const IDEMPOTENCY_LEASE_MS = 60_000;
/** What a caller who meets a running request is told to wait before trying again. */
const IN_FLIGHT_RETRY_AFTER_SECONDS = 1;

/** 1–255 visible ASCII characters (no space, no control characters). */
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/** The request a key stands for: a retry must send the same method, path (with its query) and body. */
export interface IdempotentRequest {
  method: string;
  path: string;
  body: unknown;
}

/** The first answer, as replayed. */
export interface StoredAnswer {
  status: number;
  location: string | null;
  /** Absent for an answer without a body (204). */
  body?: unknown;
}

export type IdempotencyDecision = { kind: 'run'; claim: Claim } | { kind: 'replay'; answer: StoredAnswer };

/** The right to run a request under a key, held by one attempt until it completes or releases it. */
export interface Claim {
  organizationId: string;
  id: string;
}

/** The header's value, or a 400 naming the header. */
export function parseIdempotencyKey(value: string | string[] | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string' && KEY_PATTERN.test(value)) return value;
  const message = `${IDEMPOTENCY_KEY_HEADER} must be 1 to 255 visible ASCII characters (no spaces), sent once`;
  throw new AppError('validation-failed', message, { errors: [{ field: IDEMPOTENCY_KEY_HEADER, message }] });
}

/**
 * Idempotency keys (RFC draft "The Idempotency-Key HTTP Header Field", as Stripe runs it): the
 * first request with a key claims it, runs, and stores its 2xx answer sealed; the same request
 * with the same key gets that answer again until `IDEMPOTENCY_KEY_HOURS` have passed. Keys are
 * per organization and principal, so two callers never meet each other's.
 */
@Injectable()
export class IdempotencyService {
  private readonly digestKey: Buffer;
  private readonly sealKey: Buffer;

  constructor(
    private readonly keys: IdempotencyRepository,
    private readonly settings: AppSettings,
    private readonly clock: Clock,
    keyring: KeyringService,
  ) {
    // Keyed digests: a body may carry a password (changing it), and a bare SHA-256 of it would be a guessable hash.
    this.digestKey = keyring.deriveKey('idempotency-digests');
    this.sealKey = keyring.deriveKey('idempotency-answers');
  }

  /**
   * Claims `key` for the request, or answers what to do instead: replay the stored answer,
   * 422 when the key was used for another request, 409 while the first is still running.
   */
  async begin(actor: RequestActor, key: string, request: IdempotentRequest): Promise<IdempotencyDecision> {
    const owner = this.ownerOf(actor, key);
    const requestDigest = this.digest('request', canonicalRequest(request));
    // A few rounds at most: each lost race means another request changed the row in between.
    for (let round = 0; round < 3; round++) {
      const now = this.clock.now();
      const claim = {
        id: randomUUID(),
        requestDigest,
        now,
        leaseUntil: new Date(now.getTime() + IDEMPOTENCY_LEASE_MS),
      };
      if (await this.keys.insertClaim(owner, claim)) return this.run(owner, claim.id);
      const stored = await this.keys.find(owner);
      if (!stored) continue; // released between the two statements: claim it again
      if (this.isPastPeriod(stored, now)) {
        if (await this.keys.takeOver(owner, stored.id, claim)) return this.run(owner, claim.id);
        continue;
      }
      if (!stored.requestDigest.equals(requestDigest)) {
        throw new AppError(
          'idempotency-key-reused',
          `This ${IDEMPOTENCY_KEY_HEADER} was sent with another request (method, path or body); use a new key for a new request`,
        );
      }
      if (stored.completedAt && stored.responseSealed) {
        return { kind: 'replay', answer: this.openAnswer(owner.organizationId, stored) };
      }
      if (stored.leaseUntil && stored.leaseUntil.getTime() > now.getTime()) throw inFlight();
      // The first attempt's lease ran out without an answer (its process died): a retry runs it again.
      if (await this.keys.takeOver(owner, stored.id, claim)) return this.run(owner, claim.id);
    }
    throw inFlight();
  }

  /** Stores a 2xx answer for the claim; replays of the key return it from now on. */
  async complete(claim: Claim, answer: StoredAnswer): Promise<void> {
    const sealed = seal(this.sealKey, Buffer.from(JSON.stringify(answer), 'utf8'), aad(claim.organizationId, claim.id));
    await this.keys.complete(claim.organizationId, claim.id, sealed, this.clock.now());
  }

  /** The request failed (or answered something not worth keeping): the key is free for a retry. */
  async release(claim: Claim): Promise<void> {
    await this.keys.release(claim.organizationId, claim.id);
  }

  private run(owner: KeyOwner, id: string): IdempotencyDecision {
    return { kind: 'run', claim: { organizationId: owner.organizationId, id } };
  }

  private ownerOf(actor: RequestActor, key: string): KeyOwner {
    return {
      organizationId: actor.organizationId,
      principalKind: actor.kind,
      principalId: actor.id,
      keyDigest: this.digest('key', key),
    };
  }

  private isPastPeriod(stored: StoredKey, now: Date): boolean {
    return stored.createdAt.getTime() + this.settings.idempotency.keyHours * 3_600_000 <= now.getTime();
  }

  private openAnswer(organizationId: string, stored: StoredKey): StoredAnswer {
    const sealed = stored.responseSealed as Buffer;
    return JSON.parse(open(this.sealKey, sealed, aad(organizationId, stored.id)).toString('utf8')) as StoredAnswer;
  }

  private digest(purpose: string, value: string): Buffer {
    return createHmac('sha256', this.digestKey).update(`${purpose}\n`).update(value, 'utf8').digest();
  }
}

const aad = (organizationId: string, id: string) => `idempotency_keys.response_sealed:${organizationId}:${id}`;

const inFlight = () =>
  new AppError(
    'idempotency-key-in-use',
    `A request with this ${IDEMPOTENCY_KEY_HEADER} is still running; retry once it has answered`,
    { retryAfterSeconds: IN_FLIGHT_RETRY_AFTER_SECONDS },
  );

/** Method, path and body, with object keys sorted: the same JSON in another key order is the same request. */
function canonicalRequest(request: IdempotentRequest): string {
  return JSON.stringify([request.method.toUpperCase(), request.path, sortKeys(request.body ?? null)]);
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}
