import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import pg from 'pg';
import { encodeCursor } from '../../apps/api/src/common/cursor.js';
import { type Manifest, SEED_FORMAT } from '../seed/manifest.js';
import { PLAIN_SCHEMA } from '../seed/plain.js';
import { cpuSeconds, pinProcess, ROOT } from './processes.js';
import { BENCH_TAG, type Samples } from './scenarios.js';

export const DATA_DIR = resolve(ROOT, 'bench/.data');
export const MANIFEST = resolve(DATA_DIR, 'manifest.json');

export interface SeedRequest {
  seed: number;
  databaseUrl: string;
  quick: boolean;
  force: boolean;
  /** Where the seed's manifest is (bench/.data/manifest.json unless told). */
  manifest: string;
}

const FULL = { contacts: 100_000, communications: 1_000_000, audit: 1_000_000 };

function readManifest(path: string): Manifest | null {
  if (!existsSync(path)) return null;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Manifest;
  } catch {
    return null;
  }
}

export type { Manifest };

/** A full run wants the sizes; a quick one takes any seed of the same number. */
function fits(manifest: Manifest, request: SeedRequest): boolean {
  const { options } = manifest;
  if (
    manifest.format !== SEED_FORMAT ||
    options.seed !== request.seed ||
    manifest.databaseUrl !== request.databaseUrl
  ) {
    return false;
  }
  if (request.quick) return true;
  return (
    options.contacts >= FULL.contacts && options.communications >= FULL.communications && options.audit >= FULL.audit
  );
}

async function organizationExists(manifest: Manifest): Promise<boolean> {
  const client = new pg.Client({ connectionString: manifest.databaseUrl });
  try {
    await client.connect();
    const { rows } = await client.query('SELECT EXISTS (SELECT 1 FROM contacts WHERE organization_id = $1) AS ok', [
      manifest.organizationId,
    ]);
    return rows[0]?.ok === true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The seeded tenant: the manifest when it fits the request, else a new seed (bench/seed's CLI). */
export async function ensureSeeded(request: SeedRequest, log: (line: string) => void): Promise<Manifest> {
  const existing = readManifest(request.manifest);
  if (!request.force && existing && fits(existing, request) && (await organizationExists(existing))) {
    log(`Seed ${existing.options.seed} found (${existing.counts.contacts} contacts): ${request.manifest}`);
    return existing;
  }
  const sizes = request.quick
    ? ['--quick']
    : [
        '--contacts',
        String(FULL.contacts),
        '--communications',
        String(FULL.communications),
        '--audit',
        String(FULL.audit),
      ];
  const args = [
    'dist/bench/seed/seed.js',
    '--database-url',
    request.databaseUrl,
    '--seed',
    String(request.seed),
    '--manifest',
    request.manifest,
    ...sizes,
  ];
  log(`Seeding: node ${args.join(' ')}`);
  const result = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`The seed failed (exit ${result.status ?? result.signal})`);
  const manifest = readManifest(request.manifest);
  if (!manifest) throw new Error(`The seed wrote no manifest at ${request.manifest}`);
  return manifest;
}

/** The application_name of every server's database connections starts with this (see `serverDatabaseUrl`). */
export const SERVER_APPLICATION_PREFIX = 'steward-bench-';
const RUNNER_APPLICATION = 'steward-bench runner';

/** The database URL a server under test gets: its connections named, so the bench finds their backends. */
export function serverDatabaseUrl(databaseUrl: string, applicationName: string): string {
  const url = new URL(databaseUrl);
  url.searchParams.set('application_name', applicationName);
  return url.toString();
}

/** The bench's own view of the database: samples, the job pool, and tidying up after itself. */
export class BenchDatabase {
  readonly pool: pg.Pool;
  private jobVersions = new Map<string, number>();
  private readonly pinned = new Set<number>();

  constructor(private readonly manifest: Manifest) {
    this.pool = new pg.Pool({ connectionString: manifest.databaseUrl, max: 2, application_name: RUNNER_APPLICATION });
  }

  /** The PostgreSQL backends serving connections of that application_name. */
  private async backends(applicationName: string | null): Promise<number[]> {
    const { rows } = await this.pool.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend'
          AND ${applicationName === null ? 'starts_with(application_name, $1)' : 'application_name = $1'}`,
      [applicationName ?? SERVER_APPLICATION_PREFIX],
    );
    return rows.map((row) => row.pid);
  }

  /**
   * CPU seconds each backend of one server has used so far (from /proc: PostgreSQL runs on
   * this machine). Empty when they cannot be read (a PostgreSQL elsewhere, or in a container).
   */
  async backendCpu(applicationName: string): Promise<Map<number, number>> {
    const used = new Map<number, number>();
    for (const pid of await this.backends(applicationName)) {
      if (existsSync(`/proc/${pid}/stat`)) used.set(pid, cpuSeconds(pid));
    }
    return used;
  }

  /** Pins the backends of every server under test (new ones since the last call) to the given CPUs. */
  async pinBackends(cpus: string): Promise<number> {
    let pinned = 0;
    for (const pid of await this.backends(null)) {
      if (this.pinned.has(pid)) continue;
      if (pinProcess(pid, cpus)) pinned++;
      this.pinned.add(pid);
    }
    return pinned;
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  /**
   * Fresh planner statistics for the tables the scenarios read and change, as autovacuum keeps
   * them on a live database. (The seed analyzed everything; the big append-only tables,
   * communications, crm_activity and audit_entries, change too little between runs to matter.)
   */
  async analyze(): Promise<void> {
    await this.pool.query(
      `ANALYZE contacts, clients, jobs, subject_keys, users, sessions, api_keys, branches, ${PLAIN_SCHEMA}.contacts`,
    );
  }

  async samples(): Promise<Samples> {
    const { organizationId } = this.manifest;
    const { rows: counted } = await this.pool.query<{ count: string }>(
      'SELECT count(*) FROM contacts WHERE organization_id = $1',
      [organizationId],
    );
    const pages = Math.floor(Number(counted[0].count) / 50);
    const deepPage = Math.max(2, Math.floor(pages / 2));
    // The last row of the page before: its cursor opens page `deepPage`.
    const { rows } = await this.pool.query<{ at: string; id: string }>(
      `SELECT created_at::text AS at, id FROM contacts WHERE organization_id = $1
        ORDER BY created_at DESC, id DESC OFFSET $2 LIMIT 1`,
      [organizationId, (deepPage - 1) * 50 - 1],
    );
    const { samples, branchIds } = this.manifest;
    return {
      contactId: samples.contactIdLongTimeline,
      searchWord: samples.searchWord,
      tag: samples.tag,
      branchId: samples.branchId,
      branchIds,
      deepCursor: encodeCursor(['-createdAt', rows[0].at, rows[0].id]),
      deepPage,
    };
  }

  /** Jobs the status scenario moves from `new` to `scheduled`; all back in `new`, with their versions. */
  async loadJobPool(): Promise<number> {
    const text = readFileSync(resolve(ROOT, this.manifest.samples.jobIdsNewFile), 'utf8');
    this.jobVersions = new Map();
    await this.resetJobs(text.split(/\s+/).filter(Boolean));
    return this.jobVersions.size;
  }

  /** The pool's jobs, least recently used first, with the versions a status change must send. */
  jobs(): Array<{ id: string; version: number }> {
    return [...this.jobVersions].map(([id, version]) => ({ id, version }));
  }

  /** Puts the given jobs back in `new` (a status change would otherwise find them moved on). */
  async resetJobs(ids: string[]): Promise<void> {
    for (let start = 0; start < ids.length; start += 10_000) {
      const batch = ids.slice(start, start + 10_000);
      await this.pool.query(
        `UPDATE jobs SET status = 'new' WHERE organization_id = $1 AND id = ANY($2::uuid[]) AND status <> 'new'`,
        [this.manifest.organizationId, batch],
      );
      const { rows } = await this.pool.query<{ id: string; version: number }>(
        `SELECT id, version FROM jobs WHERE organization_id = $1 AND id = ANY($2::uuid[]) AND status = 'new'`,
        [this.manifest.organizationId, batch],
      );
      for (const row of rows) {
        // Used jobs go to the back of the pool.
        this.jobVersions.delete(row.id);
        this.jobVersions.set(row.id, row.version);
      }
    }
  }

  /** Two pool jobs of one client with one version: the same statements and key lookups on both servers. */
  async jobPair(exclude: Set<string>): Promise<[string, string]> {
    const pool = this.jobs().filter((job) => !exclude.has(job.id));
    const { rows } = await this.pool.query<{ ids: string[] }>(
      `SELECT (array_agg(id ORDER BY id))[1:2] AS ids FROM jobs
        WHERE organization_id = $1 AND id = ANY($2::uuid[]) AND status = 'new'
        GROUP BY client_id, version HAVING count(*) >= 2 LIMIT 1`,
      [this.manifest.organizationId, pool.slice(0, 20_000).map((job) => job.id)],
    );
    if (!rows[0]) throw new Error('No client has two jobs of the pool: cannot check the status change for parity');
    return [rows[0].ids[0], rows[0].ids[1]];
  }

  /**
   * Removes the contacts the bench created (their keys and activity too). Audit entries stay:
   * the trail is append-only. Nothing refers to these contacts (no communications, no list
   * memberships), so the foreign-key cascades are skipped where the role may do so: each
   * would scan the communications for the contact (tens of ms per contact on the full seed).
   */
  async removeBenchContacts(): Promise<number> {
    const { organizationId } = this.manifest;
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SET LOCAL session_replication_role = replica').catch(async () => {
        await client.query('ROLLBACK');
        await client.query('BEGIN');
      });
      const { rows } = await client.query<{ id: string }>(
        'DELETE FROM contacts WHERE organization_id = $1 AND tags @> ARRAY[$2]::varchar[] RETURNING id',
        [organizationId, BENCH_TAG],
      );
      const ids = rows.map((row) => row.id);
      await client.query(
        "DELETE FROM crm_activity WHERE organization_id = $1 AND record_type = 'contact' AND record_id = ANY($2::uuid[])",
        [organizationId, ids],
      );
      await client.query('DELETE FROM subject_keys WHERE subject_id = ANY($1::varchar[])', [
        ids.map((id) => `contact:${id}`),
      ]);
      // And those the plaintext twin created, in its own schema.
      const { rows: twins } = await client.query<{ id: string }>(
        `DELETE FROM ${PLAIN_SCHEMA}.contacts WHERE organization_id = $1 AND tags @> ARRAY[$2]::varchar[] RETURNING id`,
        [organizationId, BENCH_TAG],
      );
      await client.query(`DELETE FROM ${PLAIN_SCHEMA}.crm_activity WHERE organization_id = $1`, [organizationId]);
      await client.query('COMMIT');
      return ids.length + twins.length;
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  }
}
