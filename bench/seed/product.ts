import type pg from 'pg';
import { type StoredSubjectKey, SubjectKeyStore } from '#crypto';
import type { AppSettings } from '../../apps/api/src/config/settings.module.js';
import { BillToCipher } from '../../apps/api/src/crm/billing/bill-to-cipher.js';
import { RecordCipher } from '../../apps/api/src/crm/record-cipher.js';
import { UserProfileCipher } from '../../apps/api/src/identity/user-profile.cipher.js';
import { KeyringService } from '../../apps/api/src/keyring/keyring.service.js';
import type { SubjectKeyRepository } from '../../apps/api/src/keyring/subject-key.repository.js';
import { BatchInsert } from './batch-insert.js';

/**
 * Where data keys live while seeding. The product's KeyRing mints, wraps and caches every
 * key exactly as in the API; only persistence differs: new keys wait here and are written
 * in bulk (`flushKeys`) instead of one INSERT per subject. Keys are kept for later phases
 * (communications are sealed under the keys of contacts made earlier).
 */
class BulkSubjectKeyStore extends SubjectKeyStore {
  private readonly keys = new Map<string, StoredSubjectKey>();
  private unsaved: StoredSubjectKey[] = [];

  async find(subjectId: string): Promise<StoredSubjectKey | null> {
    return this.keys.get(subjectId) ?? null;
  }

  async findMany(subjectIds: string[]): Promise<StoredSubjectKey[]> {
    return subjectIds.flatMap((id) => this.keys.get(id) ?? []);
  }

  async insertIfAbsent(key: StoredSubjectKey): Promise<StoredSubjectKey> {
    const existing = this.keys.get(key.subjectId);
    if (existing) return existing;
    this.keys.set(key.subjectId, key);
    this.unsaved.push(key);
    return key;
  }

  async destroy(): Promise<void> {
    throw new Error('The seed never destroys keys');
  }

  takeUnsaved(): StoredSubjectKey[] {
    const keys = this.unsaved;
    this.unsaved = [];
    return keys;
  }
}

/**
 * The product's own encryption, search digests and blind indexes, built from the compiled
 * API (dist/) with the bench master key, so the seed writes exactly what the API reads.
 */
export class ProductCrypto {
  private readonly store = new BulkSubjectKeyStore();
  readonly keyring: KeyringService;
  readonly records: RecordCipher;
  readonly profiles: UserProfileCipher;
  readonly billTo: BillToCipher;

  constructor(masterKey: string) {
    // KeyringService reads only `masterKey` (`dataDir` when there is none) and where its journal
    // of destroyed keys lives (written only when a key is destroyed, which the seed never does).
    const settings = { masterKey, dataDir: '.', keyJournalDir: 'bench/.data/key-journal' } as AppSettings;
    this.keyring = new KeyringService(settings, this.store as unknown as SubjectKeyRepository);
    this.records = new RecordCipher(this.keyring);
    this.profiles = new UserProfileCipher(this.keyring);
    this.billTo = new BillToCipher(this.records);
  }

  /** Writes the data keys minted since the last call; call before the rows sealed with them commit. */
  async flushKeys(db: pg.Pool): Promise<number> {
    const keys = new BatchInsert(
      db,
      'subject_keys',
      { subject_id: 'varchar', wrapped_key: 'bytea', master_key_fingerprint: 'varchar' },
      { batchSize: 5_000 },
    );
    for (const key of this.store.takeUnsaved()) {
      await keys.push({
        subject_id: key.subjectId,
        wrapped_key: key.wrappedKey,
        master_key_fingerprint: key.masterKeyFingerprint,
      });
    }
    return keys.close();
  }
}
