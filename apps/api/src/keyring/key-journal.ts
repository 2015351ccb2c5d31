import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type StoredSubjectKey, SubjectKeyStore } from '#crypto';

/** One destroyed subject key: its pseudonymous handle (`contact:<uuid>`) and when. Nothing personal. */
export interface JournalEntry {
  subjectId: string;
  destroyedAt: Date;
}

const FILE = 'destroyed-keys.jsonl';

/**
 * The journal of destroyed subject keys: an append-only file outside the database, so it is
 * in no database backup. A line is written and fsynced before the key's row is overwritten,
 * so a crash can leave a line for a key still present (re-applied later, harmless), never a
 * destroyed key without its line. After a restore the journal destroys again every key that
 * was destroyed since the backup was taken.
 */
export class KeyJournal {
  readonly path: string;

  constructor(dir: string) {
    this.path = join(dir, FILE);
  }

  append(entry: JournalEntry): void {
    this.appendAll([entry]);
  }

  /** Appends the entries in one write and one fsync (a batch of an organization purge). */
  appendAll(entries: JournalEntry[]): void {
    if (entries.length === 0) return;
    mkdirSync(dirname(this.path), { recursive: true, mode: 0o700 });
    const lines = entries.map((entry) =>
      JSON.stringify({ subject: entry.subjectId, at: entry.destroyedAt.toISOString() }),
    );
    const fd = openSync(this.path, 'a', 0o600);
    try {
      writeSync(fd, `${lines.join('\n')}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }

  /** Every entry, the latest line of a subject winning; a torn last line (a crash mid-append) is skipped. */
  read(): JournalEntry[] {
    if (!existsSync(this.path)) return [];
    const entries = new Map<string, JournalEntry>();
    for (const line of readFileSync(this.path, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      let parsed: { subject?: unknown; at?: unknown };
      try {
        parsed = JSON.parse(line);
      } catch {
        continue;
      }
      if (typeof parsed.subject !== 'string' || typeof parsed.at !== 'string') continue;
      entries.set(parsed.subject, { subjectId: parsed.subject, destroyedAt: new Date(parsed.at) });
    }
    return [...entries.values()];
  }

  /**
   * Destroys again, in batches, the keys of the journal that a database still holds (after a
   * restore): `destroyListed` overwrites those still wrapped and answers how many it did.
   */
  async reapply(destroyListed: (batch: JournalEntry[]) => Promise<number>, batchSize = 1_000): Promise<number> {
    const entries = this.read();
    let destroyed = 0;
    for (let start = 0; start < entries.length; start += batchSize) {
      destroyed += await destroyListed(entries.slice(start, start + batchSize));
    }
    return destroyed;
  }
}

/**
 * The SQL that re-applies a batch of journal entries on any connection (the restore tool has
 * no TypeORM): $1 subject ids, $2 their destruction times (ISO strings), in the same order.
 */
export const REAPPLY_JOURNAL_SQL = `UPDATE subject_keys AS k SET wrapped_key = NULL, destroyed_at = j.at::timestamptz
   FROM unnest($1::text[], $2::text[]) AS j(subject_id, at)
  WHERE k.subject_id = j.subject_id AND k.wrapped_key IS NOT NULL`;

export const journalParams = (batch: JournalEntry[]) => [
  batch.map((entry) => entry.subjectId),
  batch.map((entry) => entry.destroyedAt.toISOString()),
];

/** The key store with the journal in front: a key's destruction is journaled before it is committed. */
export class JournaledKeyStore extends SubjectKeyStore {
  constructor(
    private readonly store: SubjectKeyStore,
    private readonly journal: KeyJournal,
  ) {
    super();
  }

  find(subjectId: string): Promise<StoredSubjectKey | null> {
    return this.store.find(subjectId);
  }

  findMany(subjectIds: string[]): Promise<StoredSubjectKey[]> {
    return this.store.findMany(subjectIds);
  }

  insertIfAbsent(key: StoredSubjectKey): Promise<StoredSubjectKey> {
    return this.store.insertIfAbsent(key);
  }

  async destroy(subjectId: string, at: Date): Promise<void> {
    this.journal.append({ subjectId, destroyedAt: at });
    await this.store.destroy(subjectId, at);
  }
}
