import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { BlindIndex, normalizeEmail } from './blind-index.js';
import { KeyDestroyedError, MasterKeyError, TamperedCiphertextError } from './crypto.errors.js';
import { KeyRing } from './key-ring.js';
import { MasterKey } from './master-key.js';
import { type StoredSubjectKey, SubjectKeyStore } from './subject-key-store.js';

/** The store contract kept in memory; the database implementation is tested in the API. */
class MemoryKeyStore extends SubjectKeyStore {
  readonly rows = new Map<string, StoredSubjectKey>();
  async find(subjectId: string) {
    this.lookups++;
    return this.rows.get(subjectId) ?? null;
  }
  lookups = 0;
  async findMany(subjectIds: string[]) {
    this.lookups++;
    return subjectIds.flatMap((id) => (this.rows.has(id) ? [this.rows.get(id) as StoredSubjectKey] : []));
  }
  async insertIfAbsent(key: StoredSubjectKey) {
    if (!this.rows.has(key.subjectId)) this.rows.set(key.subjectId, { ...key });
    return this.rows.get(key.subjectId) as StoredSubjectKey;
  }
  async destroy(subjectId: string, at: Date) {
    const row = this.rows.get(subjectId);
    if (row) this.rows.set(subjectId, { ...row, wrappedKey: null, destroyedAt: at });
  }
}

describe(KeyRing.name, () => {
  const ada = { kind: 'contact', id: 'a1' };
  const bob = { kind: 'contact', id: 'b2' };
  let store: MemoryKeyStore;
  let masterKey: MasterKey;
  let sut: KeyRing;

  beforeEach(() => {
    store = new MemoryKeyStore();
    masterKey = MasterKey.generate();
    sut = new KeyRing(masterKey, store);
  });

  it('should give each subject its own wrapped data key', async () => {
    const sealed = await sut.encrypt(ada, 'email', 'ada@example.test');
    await sut.encrypt(bob, 'email', 'bob@example.test');
    expect(await sut.decrypt(ada, 'email', sealed)).toBe('ada@example.test');
    expect(store.rows.size).toBe(2);
    const wrapped = store.rows.get('contact:a1')?.wrappedKey;
    expect(wrapped).toBeInstanceOf(Buffer);
    expect(wrapped?.equals(store.rows.get('contact:b2')?.wrappedKey as Buffer)).toBe(false);
  });

  it('should load a page of keys in one lookup, skipping destroyed ones', async () => {
    const sealedAda = await sut.encrypt(ada, 'name', 'Ada');
    const sealedBob = await sut.encrypt(bob, 'name', 'Bob');
    await sut.destroy(bob);
    const cold = new KeyRing(masterKey, store);
    store.lookups = 0;
    await cold.preload([ada, bob, ada, { kind: 'contact', id: 'nobody' }]);
    expect(store.lookups).toBe(1);
    expect(await cold.decrypt(ada, 'name', sealedAda)).toBe('Ada');
    expect(store.lookups).toBe(1);
    await expect(cold.decrypt(bob, 'name', sealedBob)).rejects.toThrow(KeyDestroyedError);
  });

  it('should hold the keys of a page for synchronous decryption, even if the cache moves on', async () => {
    const sealedAda = await sut.encrypt(ada, 'name', 'Ada');
    const sealedBob = await sut.encrypt(bob, 'name', 'Bob');
    await sut.destroy(bob);
    const keys = await sut.keysFor([ada, bob]);
    // Another request empties the cache (or fills it past its limit) meanwhile.
    sut.evict();
    expect(keys.decrypt(ada, 'name', sealedAda)).toBe('Ada');
    expect(() => keys.decrypt(bob, 'name', sealedBob)).toThrow(KeyDestroyedError);
    expect(() => keys.decrypt({ kind: 'contact', id: 'not-asked-for' }, 'name', sealedAda)).toThrow(KeyDestroyedError);
    expect(() => keys.decrypt(ada, 'email', sealedAda)).toThrow(TamperedCiphertextError);
  });

  it('should refuse to decrypt one subject with another subject key', async () => {
    const sealed = await sut.encrypt(ada, 'email', 'ada@example.test');
    await sut.encrypt(bob, 'email', 'x');
    await expect(sut.decrypt(bob, 'email', sealed)).rejects.toThrow(TamperedCiphertextError);
  });

  it('should make data unreadable for good when the key is destroyed', async () => {
    const sealed = await sut.encrypt(ada, 'name', 'Ada Lovelace');
    await sut.destroy(ada);
    await expect(sut.decrypt(ada, 'name', sealed)).rejects.toThrow(KeyDestroyedError);
    // A fresh key ring (another replica, a restored backup) cannot read it either.
    const other = new KeyRing(masterKey, store);
    await expect(other.decrypt(ada, 'name', sealed)).rejects.toThrow(KeyDestroyedError);
    expect(await other.isDestroyed(ada)).toBe(true);
    // And no new key is minted for a shredded subject.
    await expect(other.encrypt(ada, 'name', 'again')).rejects.toThrow(KeyDestroyedError);
  });

  it('should cache each unwrapped key in its own memory, not pinning a slab of the shared buffer pool', async () => {
    // A full collection on demand (the test process is not started with --expose-gc).
    setFlagsFromString('--expose-gc');
    const collect = runInNewContext('gc') as () => void;
    // V8 frees an ArrayBuffer's memory on a background thread after the collection that found
    // it dead: read the count once it has settled, or the freed slabs still count as live.
    const settledArrayBuffers = async () => {
      for (let pass = 0; pass < 3; pass++) {
        collect();
        await new Promise((done) => setTimeout(done, 20));
      }
      return process.memoryUsage().arrayBuffers;
    };
    const subjects = Array.from({ length: 1_000 }, (_, i) => ({ kind: 'contact', id: `s${i}` }));
    for (const subject of subjects) await sut.encrypt(subject, 'name', 'x');
    const cold = new KeyRing(masterKey, store);
    const before = await settledArrayBuffers();
    for (const subject of subjects) {
      await cold.preload([subject]);
      // A server allocates small buffers between two unwraps (requests, rows, sockets): each
      // unwrap lands in a fresh 8 KB slab of the pool that only the cached key keeps alive.
      Buffer.allocUnsafe(4_000);
      Buffer.allocUnsafe(4_000);
    }
    const grownKbPerKey = ((await settledArrayBuffers()) - before) / 1024 / subjects.length;
    expect(grownKbPerKey).toBeLessThan(1);
    expect(await cold.decrypt(subjects[0], 'name', await sut.encrypt(subjects[0], 'name', 'y'))).toBe('y');
  });

  it('should refuse keys wrapped under a different master key', async () => {
    const sealed = await sut.encrypt(ada, 'name', 'Ada');
    const wrongMaster = new KeyRing(MasterKey.generate(), store);
    await expect(wrongMaster.decrypt(ada, 'name', sealed)).rejects.toThrow(MasterKeyError);
  });
});

describe(BlindIndex.name, () => {
  it('should match equal values after normalisation and differ across domains and keys', () => {
    const masterKey = MasterKey.generate();
    const sut = new BlindIndex(masterKey);
    const digest = sut.compute('users.email', ' Ada@Example.TEST ', normalizeEmail);
    expect(digest).toBe(sut.compute('users.email', 'ada@example.test', normalizeEmail));
    expect(digest).not.toBe(sut.compute('contacts.email', 'ada@example.test', normalizeEmail));
    expect(digest).not.toBe(
      new BlindIndex(MasterKey.generate()).compute('users.email', 'ada@example.test', normalizeEmail),
    );
    expect(digest).not.toContain('ada');
  });
});

describe(MasterKey.name, () => {
  it('should accept only 32 bytes of base64', () => {
    expect(() => MasterKey.fromBase64('short')).toThrow(MasterKeyError);
    const key = MasterKey.generate();
    expect(MasterKey.fromBase64(key.toBase64()).fingerprint).toBe(key.fingerprint);
  });
});
