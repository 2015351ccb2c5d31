import { createHmac, hkdfSync } from 'node:crypto';
import { generateKey } from './aead.js';
import { MasterKeyError } from './crypto.errors.js';

/**
 * The master key wraps every subject's data key and, through HKDF, yields the key of
 * the blind index. It lives only in settings (or, in embedded mode, a local key file),
 * never in the database, so a database backup alone cannot be decrypted.
 */
export class MasterKey {
  private constructor(
    private readonly material: Buffer,
    /** Short public fingerprint, stored beside wrapped keys to detect a wrong master key. */
    readonly fingerprint: string,
  ) {}

  static fromBase64(text: string): MasterKey {
    const material = Buffer.from(text, 'base64');
    if (material.length !== 32 || material.toString('base64') !== text) {
      throw new MasterKeyError('The master key must be 32 random bytes in base64');
    }
    const fingerprint = createHmac('sha256', material).update('steward/fingerprint').digest('hex').slice(0, 16);
    return new MasterKey(material, fingerprint);
  }

  static generate(): MasterKey {
    return MasterKey.fromBase64(generateKey().toString('base64'));
  }

  toBase64(): string {
    return this.material.toString('base64');
  }

  /** A key for one purpose, derived so that no two purposes share key material. */
  derive(purpose: string): Buffer {
    return Buffer.from(hkdfSync('sha256', this.material, Buffer.alloc(0), `steward/${purpose}`, 32));
  }
}
