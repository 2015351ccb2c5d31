import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import { generateKey, KeyDestroyedError } from '#crypto';
import {
  bearerFor,
  createEmptyDatabase,
  createOrganization,
  createTestApp,
  DAY_MS,
  eraseSubject,
  type TestApp,
  type TestDatabase,
  type TestOrganization,
} from '#testing';
import { writeResult } from '../../../../libs/testing/src/run-record.mjs';
import { loadSettings } from '../config/settings.js';
import { KeyringService } from '../keyring/keyring.service.js';
import { ErasureService } from '../personal-data/erasure.service.js';
import { RestoredErasures } from '../personal-data/restored-erasures.js';
import { BackupError, backupFileName, readBackupText } from './backup-archive.js';
import { restoreBackup } from './backup-tool.js';
import { BackupsService } from './backups.service.js';

const onServer = Boolean(process.env.TEST_DATABASE_URL || process.env.DATABASE_URL);

/**
 * Backups end to end on a real PostgreSQL: an encrypted dump is taken, a contact is erased
 * afterwards, the older dump is restored into a new empty database, and the key journal
 * (outside the database) makes the erased contact unreadable again while the other stays.
 */
(onServer ? describe : describe.skip)('backups', () => {
  let app: TestApp;
  let org: TestOrganization;
  let owner: string;
  let identity: string;
  const backupDir = mkdtempSync(join(tmpdir(), 'steward-backups-'));
  const journalDir = mkdtempSync(join(tmpdir(), 'steward-key-journal-'));
  const masterKey = generateKey().toString('base64');
  const takenAt = new Date('2026-12-01T02:30:00.000Z');
  const contacts = {
    ada: { fullName: 'Ada Backupova', email: 'ada.backupova@example.test', phone: '07700 900501' },
    bob: { fullName: 'Bob Restoreson', email: 'bob.restoreson@example.test', phone: '07700 900502' },
  };
  const ids: Record<keyof typeof contacts, string> = { ada: '', bob: '' };
  let organizationName: string;

  const env = () => ({
    MASTER_KEY: masterKey,
    BACKUP_DIR: backupDir,
    KEY_JOURNAL_DIR: journalDir,
    BACKUP_AGE_RECIPIENT: '',
    JOBS_WORKER: 'false',
  });
  const restoreSettings = (url: string) =>
    loadSettings({ NODE_ENV: 'test', DATABASE_URL: url, DATA_DIR: tmpdir(), KEY_JOURNAL_DIR: journalDir });
  const backupFile = () => join(backupDir, backupFileName(takenAt));
  beforeAll(async () => {
    identity = await generateX25519Identity();
    app = await createTestApp({ env: { ...env(), BACKUP_AGE_RECIPIENT: await identityToRecipient(identity) } });
    org = await createOrganization(app);
    owner = await bearerFor(app, org.users.owner.email);
    const branch = await app.http().post('/api/v1/branches').set('authorization', owner).send({ name: 'Leeds' });
    for (const name of ['ada', 'bob'] as const) {
      const created = await app
        .http()
        .post('/api/v1/contacts')
        .set('authorization', owner)
        .send({ ...contacts[name], branchId: branch.body.id });
      expect(created.status).toBe(201);
      ids[name] = created.body.id;
    }
    [{ name: organizationName }] = await app.db.query<{ name: string }>(
      'SELECT name FROM organizations WHERE id = $1',
      [org.organizationId],
    );
    // Backups of 100, 91 and 89 days before this one: the daily job keeps 90 days.
    for (const days of [100, 91, 89]) {
      writeFileSync(join(backupDir, backupFileName(new Date(takenAt.getTime() - days * DAY_MS))), 'old');
    }
  });
  afterAll(() => app.close());

  it('should write a daily backup and delete the backups older than the retention', async () => {
    const outcome = await app.app.get(BackupsService).runDaily(takenAt);
    expect(outcome.file).toBe(backupFile());
    expect(outcome.deleted).toEqual([
      backupFileName(new Date(takenAt.getTime() - 100 * DAY_MS)),
      backupFileName(new Date(takenAt.getTime() - 91 * DAY_MS)),
    ]);
    expect(readdirSync(backupDir).sort()).toEqual(
      [backupFileName(new Date(takenAt.getTime() - 89 * DAY_MS)), backupFileName(takenAt)].sort(),
    );
  });

  it('should leave the backup unreadable without the identity', async () => {
    const raw = readFileSync(backupFile());
    expect(raw.subarray(0, 22).toString('latin1')).toBe('age-encryption.org/v1\n');
    for (const known of [organizationName, org.users.owner.email, 'subject_keys']) {
      expect(raw.includes(Buffer.from(known))).toBe(false);
    }
    await expect(readBackupText(backupFile(), await generateX25519Identity())).rejects.toThrow(BackupError);
    // With the identity it is the database's dump: the same known values are in it (personal fields stay sealed).
    const dump = await readBackupText(backupFile(), identity);
    expect(dump).toContain(organizationName);
    expect(dump).toContain('subject_keys');
    expect(dump).not.toContain(contacts.bob.fullName);
  });

  it('should keep an erased contact erased after restoring an older backup', async () => {
    await eraseSubject(app, { kind: 'contact', id: ids.ada, organizationId: org.organizationId });
    const journal = readFileSync(join(journalDir, 'destroyed-keys.jsonl'), 'utf8');
    expect(journal).toContain(`contact:${ids.ada}`);
    expect(journal).not.toContain(contacts.ada.fullName);

    let restored: TestDatabase | undefined;
    let restoredApp: TestApp | undefined;
    try {
      restored = await createEmptyDatabase();
      const outcome = await restoreBackup(restoreSettings(restored.url), backupFile(), identity);
      expect(outcome).toMatchObject({ target: 'postgresql', reapplied: 1 });
      // The older backup had Ada's record and a live key; the journal destroyed the key again.
      const keys = await restored.query<{ subject_id: string; wrapped: boolean; destroyed_at: Date | null }>(
        'SELECT subject_id, wrapped_key IS NOT NULL AS wrapped, destroyed_at FROM subject_keys WHERE subject_id = ANY($1)',
        [[`contact:${ids.ada}`, `contact:${ids.bob}`]],
      );
      expect(Object.fromEntries(keys.map((key) => [key.subject_id, key.wrapped]))).toEqual({
        [`contact:${ids.ada}`]: false,
        [`contact:${ids.bob}`]: true,
      });
      expect(await restored.query('SELECT id FROM contacts WHERE id = $1', [ids.ada])).toHaveLength(1);

      restoredApp = await createTestApp({ db: restored, env: env() });
      const keyring = restoredApp.app.get(KeyringService);
      await expect(keyring.reapplyJournal()).resolves.toBe(0); // idempotent: nothing left to destroy
      const [sealed] = await restored.query<{ full_name_enc: Buffer }>(
        'SELECT full_name_enc FROM contacts WHERE id = $1',
        [ids.ada],
      );
      await expect(
        keyring.keyRing.decrypt({ kind: 'contact', id: ids.ada }, 'contacts.fullName', sealed.full_name_enc),
      ).rejects.toThrow(KeyDestroyedError);

      const auth = await bearerFor(restoredApp, org.users.owner.email);
      const bob = await restoredApp.http().get(`/api/v1/contacts/${ids.bob}`).set('authorization', auth).expect(200);
      expect(bob.body).toMatchObject(contacts.bob);
      const ada = await restoredApp.http().get(`/api/v1/contacts/${ids.ada}`).set('authorization', auth);
      expect(ada.status).toBe(410);
      expect(ada.body.code).toBe('gone');
      for (const value of Object.values(contacts.ada)) expect(ada.text).not.toContain(value);

      // The records the dump brought back are erased again, by the normal erasure (run here in-process).
      await expect(restoredApp.app.get(RestoredErasures).run()).resolves.toBe(1);
      const [again] = await restored.query<{ id: string }>(
        'SELECT id FROM erasures WHERE subject_id = $1 AND completed_at IS NULL',
        [ids.ada],
      );
      await restoredApp.app.get(ErasureService).run(org.organizationId, again.id);
      await restoredApp.http().get(`/api/v1/contacts/${ids.ada}`).set('authorization', auth).expect(404);
      const list = await restoredApp.http().get('/api/v1/contacts').set('authorization', auth).expect(200);
      expect(list.body.items.map((contact: { id: string }) => contact.id)).toEqual([ids.bob]);
      await expect(restoredApp.app.get(RestoredErasures).run()).resolves.toBe(0); // nothing came back twice

      writeResult('backup-restore', {
        database: 'PostgreSQL',
        bytes: statSync(backupFile()).size,
        seconds: outcome.seconds,
        reapplied: outcome.reapplied,
        erasedReadable: ada.status === 200,
        keptReadable: bob.status === 200,
      });
    } finally {
      await restoredApp?.close();
      await restored?.close();
    }
  });

  it('should refuse to restore into a database that is not empty', async () => {
    await expect(restoreBackup(restoreSettings(app.db.url), backupFile(), identity)).rejects.toThrow(
      /not empty.*restore only into a new, empty database/,
    );
  });
});
