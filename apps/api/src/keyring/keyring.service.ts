import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Injectable, Logger } from '@nestjs/common';
import { BlindIndex, KeyRing, MasterKey } from '#crypto';
import { AppSettings } from '../config/settings.module.js';
import { SubjectKeyRepository } from './subject-key.repository.js';

/**
 * The API's access to field encryption: one KeyRing (per-subject data keys) and one
 * BlindIndex, both from the master key in settings. Outside production a missing
 * master key is generated once into DATA_DIR/master.key so a fresh clone just runs.
 */
@Injectable()
export class KeyringService {
  private readonly logger = new Logger(KeyringService.name);
  readonly keyRing: KeyRing;
  readonly blindIndex: BlindIndex;
  private readonly masterKey: MasterKey;

  constructor(settings: AppSettings, keys: SubjectKeyRepository) {
    const masterKey = settings.masterKey
      ? MasterKey.fromBase64(settings.masterKey)
      : this.localMasterKey(resolve(settings.dataDir, 'master.key'));
    this.masterKey = masterKey;
    this.keyRing = new KeyRing(masterKey, keys);
    this.blindIndex = new BlindIndex(masterKey);
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
