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
    await this.keysFor(subjects);
  }

  /**
   * The data keys of some subjects, held for the caller: a page of records then decrypts
   * synchronously, with no promise per field. Cached keys are taken first and the rest
   * loaded in one query, so another request filling the cache meanwhile cannot evict a key
   * this page needs. A subject whose key is destroyed or missing fails when its field is opened.
   */
  async keysFor(subjects: SubjectRef[]): Promise<LoadedKeys> {
    const keys = new Map<string, Buffer>();
    const missing: string[] = [];
    for (const subject of subjects) {
      const id = subjectKeyId(subject);
      if (keys.has(id)) continue;
      const cached = this.cache.get(id);
      if (cached) keys.set(id, cached);
      else if (!missing.includes(id)) missing.push(id);
    }
    if (missing.length > 0) {
      for (const stored of await this.store.findMany(missing)) {
        if (stored.destroyedAt || !stored.wrappedKey || stored.masterKeyFingerprint !== this.masterKey.fingerprint)
          continue;
        const key = this.remember(
          stored.subjectId,
          open(this.wrappingKey, stored.wrappedKey, `subject-key:${stored.subjectId}`),
        );
        keys.set(stored.subjectId, key);
      }
    }
    return new LoadedKeys(keys);
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
    return this.remember(id, open(this.wrappingKey, stored.wrappedKey, `subject-key:${id}`));
  }

  /**
   * Caches an unwrapped key and answers the cached copy. `open` answers a slice of Node's
   * shared 8 KB buffer pool, and a cached slice keeps its whole slab alive: about 8 KB per
   * subject, 40 MB at the cache's limit. The copy has its own 32 bytes (`Buffer.alloc` is
   * never pooled), and the pooled bytes are wiped.
   */
  private remember(id: string, pooled: Buffer): Buffer {
    const key = Buffer.alloc(pooled.length);
    pooled.copy(key);
    pooled.fill(0);
    if (this.cache.size >= CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(id, key);
    return key;
  }
}

const aad = (subject: SubjectRef, field: string) => `${subjectKeyId(subject)}|${field}`;

/** Keys returned by `KeyRing.keysFor`: synchronous decryption for the subjects it loaded. */
export class LoadedKeys {
  constructor(private readonly keys: ReadonlyMap<string, Buffer>) {}

  /** Throws KeyDestroyedError for a subject whose key was destroyed, never existed, or was not asked for. */
  decrypt(subject: SubjectRef, field: string, sealed: Buffer): string {
    const id = subjectKeyId(subject);
    const key = this.keys.get(id);
    if (!key) throw new KeyDestroyedError(id);
    return open(key, sealed, aad(subject, field)).toString('utf8');
  }

  /** A field that may be empty (null stays null). */
  open(subject: SubjectRef, field: string, sealed: Buffer | null): string | null {
    return sealed ? this.decrypt(subject, field, sealed) : null;
  }

  /** An object sealed as one JSON value (addresses, company details). */
  openJson<T>(subject: SubjectRef, field: string, sealed: Buffer | null): T | null {
    return sealed ? (JSON.parse(this.decrypt(subject, field, sealed)) as T) : null;
  }
}
