import { generateKey, open, seal } from './aead.js';
import { KeyDestroyedError, MasterKeyError } from './crypto.errors.js';
import type { MasterKey } from './master-key.js';
import type { SubjectKeyStore } from './subject-key-store.js';

/** Who a piece of personal data is about, e.g. `{ kind: 'contact', id }`. */
export interface SubjectRef {
  kind: string;
  id: string;
}

export const subjectKeyId = (subject: SubjectRef): string => `${subject.kind}:${subject.id}`;

const CACHE_LIMIT = 5_000;

/**
 * Per-subject envelope encryption. Each data subject has its own data key, wrapped by the
 * master key; destroying that key (crypto-shredding) makes every copy of the subject's
 * ciphertext unreadable, backups included. Unwrapped keys are cached in memory, bounded,
 * so hot lists do not unwrap a key per row.
 */
export class KeyRing {
  private readonly wrappingKey: Buffer;
  private readonly cache = new Map<string, Buffer>();

  constructor(
    private readonly masterKey: MasterKey,
    private readonly store: SubjectKeyStore,
  ) {
    this.wrappingKey = masterKey.derive('key-wrapping');
  }

  async encrypt(subject: SubjectRef, field: string, plaintext: string): Promise<Buffer> {
    const key = await this.dataKey(subject, true);
    return seal(key, Buffer.from(plaintext, 'utf8'), aad(subject, field));
  }

  async decrypt(subject: SubjectRef, field: string, sealed: Buffer): Promise<string> {
    const key = await this.dataKey(subject, false);
    return open(key, sealed, aad(subject, field)).toString('utf8');
  }

  /**
   * Loads the data keys of many subjects in one query, so decrypting a page of records
   * costs one key lookup instead of one per row. Destroyed or missing keys are skipped:
   * decrypting their fields then fails as usual.
   */
  async preload(subjects: SubjectRef[]): Promise<void> {
    const missing = [...new Set(subjects.map(subjectKeyId))].filter((id) => !this.cache.has(id));
    if (missing.length === 0) return;
    for (const stored of await this.store.findMany(missing)) {
      if (stored.destroyedAt || !stored.wrappedKey || stored.masterKeyFingerprint !== this.masterKey.fingerprint)
        continue;
      this.remember(stored.subjectId, open(this.wrappingKey, stored.wrappedKey, `subject-key:${stored.subjectId}`));
    }
  }

  /** Crypto-shredding: the subject's data key is gone for good. */
  async destroy(subject: SubjectRef, at = new Date()): Promise<void> {
    const id = subjectKeyId(subject);
    this.cache.delete(id);
    await this.store.destroy(id, at);
  }

  async isDestroyed(subject: SubjectRef): Promise<boolean> {
    const stored = await this.store.find(subjectKeyId(subject));
    return stored?.destroyedAt != null;
  }

  /** Forget cached keys (another replica may have destroyed one). */
  evict(subject?: SubjectRef): void {
    if (subject) this.cache.delete(subjectKeyId(subject));
    else this.cache.clear();
  }

  private async dataKey(subject: SubjectRef, createIfMissing: boolean): Promise<Buffer> {
    const id = subjectKeyId(subject);
    const cached = this.cache.get(id);
    if (cached) return cached;

    let stored = await this.store.find(id);
    if (!stored && createIfMissing) {
      stored = await this.store.insertIfAbsent({
        subjectId: id,
        wrappedKey: seal(this.wrappingKey, generateKey(), `subject-key:${id}`),
        masterKeyFingerprint: this.masterKey.fingerprint,
        destroyedAt: null,
      });
    }
    if (!stored || stored.destroyedAt || !stored.wrappedKey) throw new KeyDestroyedError(id);
    if (stored.masterKeyFingerprint !== this.masterKey.fingerprint) {
      throw new MasterKeyError('This data key was wrapped by a different master key');
    }
    const key = open(this.wrappingKey, stored.wrappedKey, `subject-key:${id}`);
    this.remember(id, key);
    return key;
  }

  private remember(id: string, key: Buffer): void {
    if (this.cache.size >= CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(id, key);
  }
}

const aad = (subject: SubjectRef, field: string) => `${subjectKeyId(subject)}|${field}`;
