import { spawn, spawnSync } from 'node:child_process';
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { createGunzip, createGzip } from 'node:zlib';
import { Decrypter, Encrypter, generateX25519Identity, identityToRecipient } from 'age-encryption';
import type { Settings } from '../config/settings.js';

/**
 * Backup files: `steward-<UTC timestamp>.sql.gz.age`, a plain SQL dump, gzip-compressed, then
 * encrypted with age to one recipient (public key). Whoever holds the server holds no way to
 * read them: the identity (private key) lives with the operators. Streams end to end.
 */
export const BACKUP_SUFFIX = '.sql.gz.age';
const NAME = /^steward-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z\.sql\.gz\.age$/;
/** Outside production: generated once, so a fresh clone backs up and restores without setup. */
export const LOCAL_IDENTITY_FILE = 'backup-identity.txt';

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

/** No backup can be taken here (no recipient in production, the embedded database in use): not a failure of one. */
export class BackupUnavailableError extends BackupError {}

export const backupFileName = (at: Date) =>
  `steward-${at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z')}${BACKUP_SUFFIX}`;

/** When a backup was taken, from its name; null for a file that is not one of ours. */
export function backupTakenAt(fileName: string): Date | null {
  const match = NAME.exec(fileName);
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match;
  return new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}Z`);
}

/** Deletes the backups in `dir` taken more than `days` before `now`; answers their names. */
export function pruneBackups(dir: string, days: number, now: Date): string[] {
  if (!existsSync(dir)) return [];
  const cutoff = now.getTime() - days * 86_400_000;
  const deleted: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const takenAt = backupTakenAt(name);
    if (!takenAt || takenAt.getTime() >= cutoff) continue;
    rmSync(join(dir, name), { force: true });
    deleted.push(name);
  }
  return deleted;
}

/** The recipient backups are encrypted to: the setting, or (outside production) the local identity's. */
export async function backupRecipient(settings: Settings): Promise<string> {
  if (settings.backup.ageRecipient) return settings.backup.ageRecipient;
  if (settings.env === 'production') {
    throw new BackupUnavailableError(
      'BACKUP_AGE_RECIPIENT is not set: backups are encrypted to it (docs/operations.md)',
    );
  }
  return identityToRecipient(await localIdentity(settings.dataDir));
}

/**
 * The identity a restore decrypts with: a file given on the command line, BACKUP_AGE_IDENTITY,
 * or (outside production) the local identity in DATA_DIR.
 */
export function backupIdentity(settings: Settings, identityFile?: string): string {
  if (identityFile) return parseIdentityFile(readFileSync(identityFile, 'utf8'), identityFile);
  if (settings.backup.ageIdentity) return settings.backup.ageIdentity;
  const local = join(settings.dataDir, LOCAL_IDENTITY_FILE);
  if (settings.env !== 'production' && existsSync(local)) return parseIdentityFile(readFileSync(local, 'utf8'), local);
  throw new BackupError('No age identity: pass --identity FILE or set BACKUP_AGE_IDENTITY (never on the server)');
}

const parseIdentityFile = (text: string, path: string) => {
  const line = text.split('\n').find((candidate) => candidate.startsWith('AGE-SECRET-KEY-'));
  if (!line) throw new BackupError(`${path} holds no age identity (a line AGE-SECRET-KEY-1...)`);
  return line.trim();
};

async function localIdentity(dataDir: string): Promise<string> {
  const path = join(dataDir, LOCAL_IDENTITY_FILE);
  if (existsSync(path)) return parseIdentityFile(readFileSync(path, 'utf8'), path);
  const identity = await generateX25519Identity();
  mkdirSync(dataDir, { recursive: true });
  const header = `# Local backup identity (outside production only). In production the identity lives off the server.\n# public key: ${await identityToRecipient(identity)}\n`;
  writeFileSync(path, `${header}${identity}\n`, { mode: 0o600, flag: 'wx' });
  return identity;
}

/** Compresses and encrypts `dump` into `path` (written beside it first, renamed when complete). */
export async function writeBackup(dump: Readable, recipient: string, path: string): Promise<void> {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  if (existsSync(path)) throw new BackupError(`${path} exists already`);
  const partial = `${path}.partial`;
  const encrypter = new Encrypter();
  encrypter.addRecipient(recipient);
  const gzipped = dump.pipe(createGzip());
  dump.on('error', (error) => gzipped.destroy(error));
  const encrypted = await encrypter.encrypt(Readable.toWeb(gzipped) as unknown as ReadableStream<Uint8Array>);
  try {
    await pipeline(
      Readable.fromWeb(encrypted as unknown as WebReadableStream<Uint8Array>),
      createWriteStream(partial, { mode: 0o600 }),
    );
    renameSync(partial, path);
  } finally {
    rmSync(partial, { force: true });
  }
}

/** Decrypts and decompresses a backup into `target` (psql's stdin, a collector). */
export async function readBackup(path: string, identity: string, target: Writable): Promise<void> {
  const decrypter = new Decrypter();
  decrypter.addIdentity(identity);
  let plain: ReadableStream<Uint8Array>;
  try {
    plain = await decrypter.decrypt(Readable.toWeb(createReadStream(path)) as unknown as ReadableStream<Uint8Array>);
  } catch (error) {
    throw new BackupError(`Cannot decrypt ${path} with this identity (${(error as Error).message})`);
  }
  await pipeline(Readable.fromWeb(plain as unknown as WebReadableStream<Uint8Array>), createGunzip(), target);
}

/** A backup's SQL as text, in memory (the embedded database loads a dump as one string). */
export async function readBackupText(path: string, identity: string): Promise<string> {
  const chunks: Buffer[] = [];
  const collector = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  await readBackup(path, identity, collector);
  return Buffer.concat(chunks).toString('utf8');
}

/** A PostgreSQL client program: on PATH, or the newest under /usr/lib/postgresql/<version>/bin. */
export function postgresTool(name: 'pg_dump' | 'psql'): string {
  if (!spawnSync(name, ['--version']).error) return name;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((version) => existsSync(join(root, version, 'bin', name)))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length === 0) throw new BackupError(`${name} was not found (install the PostgreSQL client tools)`);
  return join(root, versions[0], 'bin', name);
}

/** Runs a program; answers its stdout stream and a promise of its successful end (stderr in the error). */
export function run(command: string, args: string[]): { child: ReturnType<typeof spawn>; done: Promise<void> } {
  const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    if (stderr.length < 4_000) stderr += String(chunk);
  });
  const done = new Promise<void>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new BackupError(`${command} exited with ${code}: ${stderr.trim()}`)),
    );
  });
  return { child, done };
}
