import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Injectable } from '@nestjs/common';
import { generateKey, open, seal } from '#crypto';
import { AppSettings } from '../../config/settings.module.js';
import { KeyringService } from '../../keyring/keyring.service.js';
import type { ExportPart } from './export-archive.js';

const ARCHIVE = 'export.zip.enc';
const PART_SUFFIX = '.part.enc';
const SAFE_NAME = /^[a-z0-9][a-z0-9._-]*$/;

/**
 * Where an export's files lie and how they are sealed. Each export has its own random key,
 * stored in its row wrapped by a key derived from the master key; every byte on disk (the
 * per-category parts while it builds, then the ZIP) is AES-256-GCM under that key. Purging
 * deletes the files and forgets the key, so a copy in a backup opens for nobody.
 * Paths are made of ids only: `<DATA_DIR>/exports/<organization>/<export>/`.
 */
@Injectable()
export class ExportFiles {
  private readonly root: string;
  private readonly wrappingKey: Buffer;

  constructor(settings: AppSettings, keyring: KeyringService) {
    this.root = resolve(settings.dataDir, 'exports');
    this.wrappingKey = keyring.deriveKey('data-export-files');
  }

  newWrappedKey(exportId: string): Buffer {
    return seal(this.wrappingKey, generateKey(), `data-export-key:${exportId}`);
  }

  /** The archive's path relative to DATA_DIR/exports, as stored in the row. */
  archivePath(organizationId: string, exportId: string): string {
    return join(organizationId, exportId, ARCHIVE);
  }

  /** Parts already written by an earlier attempt: the categories a retry skips. */
  async writtenParts(organizationId: string, exportId: string): Promise<Set<string>> {
    const names = await readdir(this.dir(organizationId, exportId)).catch(() => [] as string[]);
    return new Set(
      names.filter((name) => name.endsWith(PART_SUFFIX)).map((name) => name.slice(0, -PART_SUFFIX.length)),
    );
  }

  /** Writes one category's part atomically (temp file, then rename): it exists whole or not at all. */
  async writePart(organizationId: string, exportId: string, wrappedKey: Buffer, part: ExportPart): Promise<void> {
    const file = `${safe(part.category)}${PART_SUFFIX}`;
    const sealed = seal(this.key(exportId, wrappedKey), Buffer.from(JSON.stringify(part)), this.aad(exportId, file));
    await this.writeAtomically(organizationId, exportId, file, sealed);
  }

  async readPart(organizationId: string, exportId: string, wrappedKey: Buffer, category: string): Promise<ExportPart> {
    const file = `${safe(category)}${PART_SUFFIX}`;
    const sealed = await readFile(join(this.dir(organizationId, exportId), file));
    return JSON.parse(open(this.key(exportId, wrappedKey), sealed, this.aad(exportId, file)).toString('utf8'));
  }

  /** Seals and writes the ZIP (atomically), returns its path, and drops the parts it was made of. */
  async writeArchive(
    organizationId: string,
    exportId: string,
    wrappedKey: Buffer,
    zip: Buffer,
  ): Promise<{ filePath: string; sizeBytes: number; sha256: string }> {
    const sealed = seal(this.key(exportId, wrappedKey), zip, this.aad(exportId, ARCHIVE));
    await this.writeAtomically(organizationId, exportId, ARCHIVE, sealed);
    return {
      filePath: this.archivePath(organizationId, exportId),
      sizeBytes: zip.length,
      sha256: createHash('sha256').update(zip).digest('hex'),
    };
  }

  async removeParts(organizationId: string, exportId: string): Promise<void> {
    const dir = this.dir(organizationId, exportId);
    for (const name of await readdir(dir).catch(() => [] as string[])) {
      if (name !== ARCHIVE) await rm(join(dir, name), { force: true });
    }
  }

  async readArchive(organizationId: string, exportId: string, wrappedKey: Buffer): Promise<Buffer> {
    const sealed = await readFile(join(this.dir(organizationId, exportId), ARCHIVE));
    return open(this.key(exportId, wrappedKey), sealed, this.aad(exportId, ARCHIVE));
  }

  /** Deletes everything of one export (idempotent). */
  async remove(organizationId: string, exportId: string): Promise<void> {
    await rm(this.dir(organizationId, exportId), { recursive: true, force: true });
  }

  /** Deletes every export file of an organization (its purge; idempotent). */
  async removeOrganization(organizationId: string): Promise<void> {
    await rm(join(this.root, safe(organizationId)), { recursive: true, force: true });
  }

  private dir(organizationId: string, exportId: string): string {
    return join(this.root, safe(organizationId), safe(exportId));
  }

  private key(exportId: string, wrappedKey: Buffer): Buffer {
    return open(this.wrappingKey, wrappedKey, `data-export-key:${exportId}`);
  }

  private aad(exportId: string, file: string): string {
    return `data-export:${exportId}:${file}`;
  }

  private async writeAtomically(organizationId: string, exportId: string, file: string, data: Buffer): Promise<void> {
    const dir = this.dir(organizationId, exportId);
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const temp = join(dir, `${file}.tmp`);
    await writeFile(temp, data, { mode: 0o600 });
    await rename(temp, join(dir, file));
  }
}

function safe(name: string): string {
  if (!SAFE_NAME.test(name)) throw new Error('Unsafe name for an export file');
  return name;
}
