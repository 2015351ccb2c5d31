import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Secrets we hand out (refresh tokens, emailed links, API keys) are 256 random bits, so a
 * plain SHA-256 is enough to store them: nothing can be guessed by hashing candidates.
 */
export const newSecret = (): string => randomBytes(32).toString('base64url');

export const sha256Hex = (text: string): string => createHash('sha256').update(text).digest('hex');

/** Compares a stored SHA-256 (hex) with a presented secret in constant time. */
export function matchesHash(storedHex: string, presented: string): boolean {
  return timingSafeEqual(Buffer.from(storedHex, 'hex'), Buffer.from(sha256Hex(presented), 'hex'));
}
