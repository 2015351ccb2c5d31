import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKey, KeyDestroyedError } from '#crypto';
import { createTestApp, type TestApp } from '#testing';
import { KeyJournal, KeyringService } from './keyring.service.js';

describe(KeyringService.name, () => {
  let app: TestApp;
  let sut: KeyringService;
  const ada = { kind: 'contact', id: '4f7a2c8e-0000-4000-8000-000000000001' };

  beforeAll(async () => {
    app = await createTestApp();
    sut = app.app.get(KeyringService);
  });
  afterAll(() => app.close());

  it('should store only a wrapped key, never the data key or the plaintext', async () => {
    const sealed = await sut.keyRing.encrypt(ada, 'contacts.email', 'ada@example.test');
    const [row] = await app.db.query<{ wrapped_key: Buffer; master_key_fingerprint: string }>(
      'SELECT wrapped_key, master_key_fingerprint FROM subject_keys WHERE subject_id = $1',
      [`contact:${ada.id}`],
    );
    expect(row.wrapped_key.length).toBeGreaterThan(32);
    expect(row.master_key_fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(sealed.includes(Buffer.from('ada@example.test'))).toBe(false);
    expect(await sut.keyRing.decrypt(ada, 'contacts.email', sealed)).toBe('ada@example.test');
  });

  it('should mint one key when many requests race for a new subject', async () => {
    const bob = { kind: 'contact', id: '4f7a2c8e-0000-4000-8000-000000000002' };
    const sealed = await Promise.all(Array.from({ length: 6 }, (_, i) => sut.keyRing.encrypt(bob, 'name', `Bob ${i}`)));
    sut.keyRing.evict();
    const plain = await Promise.all(sealed.map((value) => sut.keyRing.decrypt(bob, 'name', value)));
    expect(plain).toEqual(['Bob 0', 'Bob 1', 'Bob 2', 'Bob 3', 'Bob 4', 'Bob 5']);
  });

  it('should shred: a destroyed key leaves nothing to unwrap in the database', async () => {
    const sealed = await sut.keyRing.encrypt(ada, 'contacts.name', 'Ada Lovelace');
    await sut.keyRing.destroy(ada);
    const [row] = await app.db.query<{ wrapped_key: Buffer | null; destroyed_at: Date | null }>(
      'SELECT wrapped_key, destroyed_at FROM subject_keys WHERE subject_id = $1',
      [`contact:${ada.id}`],
    );
    expect(row.wrapped_key).toBeNull();
    expect(row.destroyed_at).toBeInstanceOf(Date);
    await expect(sut.keyRing.decrypt(ada, 'contacts.name', sealed)).rejects.toThrow(KeyDestroyedError);
    // The destruction is journaled outside the database: handle and time, nothing else.
    expect(readFileSync(sut.journal.path, 'utf8')).toMatch(
      new RegExp(`^\\{"subject":"contact:${ada.id}","at":"[0-9TZ:.-]+"\\}\\n$`),
    );
  });

  it('should destroy again at start the journaled keys a restored database still holds', async () => {
    const carol = { kind: 'contact', id: '4f7a2c8e-0000-4000-8000-000000000003' };
    const dave = { kind: 'contact', id: '4f7a2c8e-0000-4000-8000-000000000004' };
    const env = {
      MASTER_KEY: generateKey().toString('base64'),
      KEY_JOURNAL_DIR: mkdtempSync(join(tmpdir(), 'journal-')),
    };
    let first = await createTestApp({ db: app.db, env });
    const sealed = await first.app.get(KeyringService).keyRing.encrypt(carol, 'contacts.name', 'Carol');
    await first.app.get(KeyringService).keyRing.encrypt(dave, 'contacts.name', 'Dave');
    await first.close();
    // As if Carol was erased after the backup this database was restored from.
    new KeyJournal(env.KEY_JOURNAL_DIR).append({ subjectId: `contact:${carol.id}`, destroyedAt: new Date() });
    first = await createTestApp({ db: app.db, env });
    try {
      const keyring = first.app.get(KeyringService);
      await expect(keyring.keyRing.decrypt(carol, 'contacts.name', sealed)).rejects.toThrow(KeyDestroyedError);
      expect(await keyring.keyRing.isDestroyed(dave)).toBe(false);
      await expect(keyring.reapplyJournal()).resolves.toBe(0);
    } finally {
      await first.close();
    }
  });
});
