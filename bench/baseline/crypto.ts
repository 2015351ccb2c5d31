import { createHmac } from 'node:crypto';
import type { Pool } from 'pg';
import {
  BlindIndex,
  KeyRing,
  type LoadedKeys,
  MasterKey,
  normalizeEmail,
  type StoredSubjectKey,
  SubjectKeyStore,
  type SubjectRef,
} from '#crypto';
import { SUBJECT_KEY_FIND, SUBJECT_KEY_INSERT, subjectKeyFindMany } from './sql.js';

interface SubjectKeyRow {
  SubjectKeyEntity_subject_id: string;
  SubjectKeyEntity_wrapped_key: Buffer | null;
  SubjectKeyEntity_master_key_fingerprint: string;
  SubjectKeyEntity_destroyed_at: Date | null;
}

const toStored = (row: SubjectKeyRow): StoredSubjectKey => ({
  subjectId: row.SubjectKeyEntity_subject_id,
  wrappedKey: row.SubjectKeyEntity_wrapped_key,
  masterKeyFingerprint: row.SubjectKeyEntity_master_key_fingerprint,
  destroyedAt: row.SubjectKeyEntity_destroyed_at,
});

/** The product's key table (keyring/subject-key.repository.ts), with the same statements. */
export class PgSubjectKeyStore extends SubjectKeyStore {
  constructor(private readonly pool: Pool) {
    super();
  }

  async find(subjectId: string): Promise<StoredSubjectKey | null> {
    const { rows } = await this.pool.query<SubjectKeyRow>(SUBJECT_KEY_FIND, [subjectId]);
    return rows[0] ? toStored(rows[0]) : null;
  }

  async findMany(subjectIds: string[]): Promise<StoredSubjectKey[]> {
    if (subjectIds.length === 0) return [];
    const { rows } = await this.pool.query<SubjectKeyRow>(subjectKeyFindMany(subjectIds.length), subjectIds);
    return rows.map(toStored);
  }

  async insertIfAbsent(key: StoredSubjectKey): Promise<StoredSubjectKey> {
    const inserted = await this.pool.query(SUBJECT_KEY_INSERT, [
      key.subjectId,
      key.wrappedKey,
      key.masterKeyFingerprint,
      key.destroyedAt,
    ]);
    if (inserted.rowCount === 1) return key;
    return (await this.find(key.subjectId)) as StoredSubjectKey;
  }

  async destroy(): Promise<void> {
    throw new Error('The baseline never erases anyone');
  }
}

const MAX_PREFIX = 10;
const MIN_WORD = 2;
const MIN_DIGITS = 4;

const fold = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
const wordsOf = (text: string) =>
  fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length >= MIN_WORD);

/**
 * Field encryption through the product's own libs/crypto (KeyRing, BlindIndex, MasterKey,
 * compiled in dist/), keyed exactly as the API keys it. The search digests restate
 * crm/record-cipher.ts (whose module would pull Nest and TypeORM into this process); the
 * bench's SQL parity check compares the digests both servers send for the same query.
 */
export class FieldCrypto {
  readonly keyRing: KeyRing;
  readonly accessTokenKey: Buffer;
  private readonly blindIndex: BlindIndex;
  private readonly searchKey: Buffer;

  constructor(masterKeyBase64: string, pool: Pool) {
    const masterKey = MasterKey.fromBase64(masterKeyBase64);
    this.keyRing = new KeyRing(masterKey, new PgSubjectKeyStore(pool));
    this.blindIndex = new BlindIndex(masterKey);
    this.searchKey = masterKey.derive('crm-search-tokens');
    this.accessTokenKey = masterKey.derive('access-token-signing');
  }

  async seal(subject: SubjectRef, field: string, value: string | null | undefined): Promise<Buffer | null> {
    return value == null || value === '' ? null : this.keyRing.encrypt(subject, field, value);
  }

  async open(subject: SubjectRef, field: string, sealed: Buffer | null): Promise<string | null> {
    return sealed ? this.keyRing.decrypt(subject, field, sealed) : null;
  }

  async sealJson(subject: SubjectRef, field: string, value: object | null | undefined): Promise<Buffer | null> {
    const present = value && Object.values(value).some((part) => part != null && part !== '');
    return present ? this.keyRing.encrypt(subject, field, JSON.stringify(value)) : null;
  }

  async openJson<T>(subject: SubjectRef, field: string, sealed: Buffer | null): Promise<T | null> {
    return sealed ? (JSON.parse(await this.keyRing.decrypt(subject, field, sealed)) as T) : null;
  }

  /** The keys of a page of records, one lookup, then synchronous decryption (crm/record-cipher.ts `keysFor`). */
  keysFor(subjects: SubjectRef[]): Promise<LoadedKeys> {
    return this.keyRing.keysFor(subjects);
  }

  emailIndex(email: string | null | undefined): string | null {
    return email ? this.blindIndex.compute('crm.email', email, normalizeEmail) : null;
  }

  searchTokens(
    organizationId: string,
    texts: Array<string | null | undefined>,
    phones: Array<string | null | undefined>,
  ) {
    const plain = new Set<string>();
    for (const text of texts) {
      for (const word of wordsOf(text ?? '')) {
        for (let length = MIN_WORD; length <= Math.min(word.length, MAX_PREFIX); length++) {
          plain.add(`w:${word.slice(0, length)}`);
        }
      }
    }
    for (const phone of phones) {
      const digits = (phone ?? '').replace(/\D+/g, '');
      for (let start = 0; start <= digits.length - MIN_DIGITS; start++) plain.add(`d:${digits.slice(start)}`);
    }
    return [...plain].map((token) => this.digest(organizationId, token));
  }

  queryTokens(organizationId: string, query: string): string[] {
    const tokens = new Set<string>();
    const words = fold(query)
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean);
    const digits = words.filter((word) => /^\d+$/.test(word)).join('');
    if (digits.length >= MIN_DIGITS) tokens.add(`d:${digits}`);
    for (const word of words) {
      if (/^\d+$/.test(word) && digits.length >= MIN_DIGITS) continue;
      if (word.length >= MIN_WORD) tokens.add(`w:${word.slice(0, MAX_PREFIX)}`);
    }
    return [...tokens].map((token) => this.digest(organizationId, token));
  }

  private digest(organizationId: string, token: string): string {
    return createHmac('sha256', this.searchKey)
      .update(organizationId)
      .update('\u0000')
      .update(token)
      .digest('base64url')
      .slice(0, 16);
  }
}
