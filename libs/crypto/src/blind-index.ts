import { createHmac } from 'node:crypto';
import type { MasterKey } from './master-key.js';

export type Normalizer = (value: string) => string;

export const normalizeEmail: Normalizer = (value) => value.trim().toLowerCase();

/**
 * A keyed blind index: HMAC-SHA256 of the normalised value under a key derived from the
 * master key, per domain (so the same email in two contexts gives unrelated digests).
 * It supports equality lookups only, and without the master key it cannot be reversed
 * by hashing guesses.
 */
export class BlindIndex {
  private readonly key: Buffer;

  constructor(masterKey: MasterKey) {
    this.key = masterKey.derive('blind-index');
  }

  compute(domain: string, value: string, normalize: Normalizer = (text) => text): string {
    return createHmac('sha256', this.key).update(domain).update('\u0000').update(normalize(value)).digest('base64url');
  }
}
