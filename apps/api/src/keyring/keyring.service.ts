import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { BlindIndex, KeyRing, MasterKey } from '#crypto';
import { AppSettings } from '../config/settings.module.js';
import { JournaledKeyStore, KeyJournal } from './key-journal.js';
import { SubjectKeyRepository } from './subject-key.repository.js';

export { type JournalEntry, journalParams, KeyJournal, REAPPLY_JOURNAL_SQL } from './key-journal.js';

/**
 * The API's access to field encryption: one KeyRing (per-subject data keys) and one
 * BlindIndex, both from the master key in settings. Outside production a missing
 * master key is generated once into DATA_DIR/master.key so a fresh clone just runs.
 * Every destroyed key is journaled outside the database (KEY_JOURNAL_DIR) first, and the
 * journal is re-applied at start: a database restored from an older backup (by `npm run
 * restore` or by hand) gets the keys destroyed since then destroyed again.
 */
@Injectable()
export class KeyringService implements OnModuleInit {
  private readonly logger = new Logger(KeyringService.name);
  readonly keyRing: KeyRing;
  readonly blindIndex: BlindIndex;
  readonly journal: KeyJournal;
  private readonly masterKey: MasterKey;

  constructor(
    settings: AppSettings,
    private readonly keys: SubjectKeyRepository,
  ) {
    const masterKey = settings.masterKey
      ? MasterKey.fromBase64(settings.masterKey)
      : this.localMasterKey(resolve(settings.dataDir, 'master.key'));
    this.masterKey = masterKey;
    this.journal = new KeyJournal(settings.keyJournalDir);
    this.keyRing = new KeyRing(masterKey, new JournaledKeyStore(keys, this.journal));
    this.blindIndex = new BlindIndex(masterKey);
  }

  async onModuleInit(): Promise<void> {
    const destroyed = await this.reapplyJournal();
    if (destroyed > 0) this.logger.warn(`Destroyed ${destroyed} subject keys again from the key journal`);
  }

  /** Destroys again the journaled keys this database still holds (idempotent); answers how many. */
  reapplyJournal(): Promise<number> {
    return this.journal.reapply((batch) => this.keys.destroyListed(batch));
  }

  /** A key for one purpose (e.g. signing access tokens), derived from the master key. */
  deriveKey(purpose: string): Buffer {
    return this.masterKey.derive(purpose);
  }

  private localMasterKey(path: string): MasterKey {
    if (existsSync(path)) return MasterKey.fromBase64(readFileSync(path, 'utf8').trim());
    const key = MasterKey.generate();
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, `${key.toBase64()}\n`, { mode: 0o600, flag: 'wx' });
    this.logger.warn(`Generated a local master key in ${path}; set MASTER_KEY in production`);
    return key;
  }
}
