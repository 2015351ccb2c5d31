import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { recordLogLine } from './run-record.mjs';

/**
 * Real processes for the resilience lane (`*.resilience-spec.ts`): the built API as a child
 * process, a PostgreSQL cluster of the test's own that it may stop and start, and RSS
 * sampling. Nothing here touches a process or server the test did not start.
 */

/** A port nobody listens on right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Resident memory of a process in MB, from /proc (0 once it is gone). */
export function rssMb(pid: number): number {
  try {
    const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    return kb / 1024;
  } catch {
    return 0;
  }
}

export const median = (values: number[]): number => {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** A process's memory after a full collection, in MB (`process.memoryUsage()` inside it). */
export interface LiveMemory {
  /** What V8 keeps of the heap after a full GC: the live objects. */
  heapUsedMb: number;
  /** Memory of ArrayBuffers and Buffers (outside the V8 heap) still referenced after it. */
  arrayBuffersMb: number;
  rssMb: number;
}

const MEMORY_PROBE = join(dirname(fileURLToPath(import.meta.url)), 'memory-probe.cjs');
const toMb = (bytes: number) => bytes / 1024 / 1024;

export interface ApiProcess {
  origin: string;
  pid: number;
  /**
   * A full GC in the process, then its memory. Only for a process started with
   * `measureMemory` (`--expose-gc` and libs/testing/src/memory-probe.cjs over IPC).
   */
  liveMemory(): Promise<LiveMemory>;
  /** The last lines it wrote, for a failure message. */
  tail(): string;
  /** Every error line it logged (level 50 and above), for a failure message. */
  errors(): string[];
  /** SIGTERM, then SIGKILL after 15 s: this child only, by its pid. */
  stop(): Promise<void>;
}

/**
 * The built API (`node dist/apps/api/src/main.js`, or `worker.js` with `script`) as its own
 * process. Its JSON log lines go to the run's log scan, as the in-process test apps' do.
 */
export async function startApiProcess(
  env: Record<string, string>,
  {
    script = 'main',
    readyPath = '/api/v1/health',
    measureMemory = false,
  }: { script?: 'main' | 'worker'; readyPath?: string; measureMemory?: boolean } = {},
): Promise<ApiProcess> {
  const port = await freePort();
  const probe = measureMemory ? ['--expose-gc', '--require', MEMORY_PROBE] : [];
  const child = spawn(process.execPath, [...probe, `dist/apps/api/src/${script}.js`], {
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'test',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'steward-process-')),
      LOG_LEVEL: 'warn',
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
    },
    stdio: measureMemory ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
  });
  let asked = 0;
  const lines: string[] = [];
  const errors: string[] = [];
  const keep = (line: string) => {
    lines.push(line);
    if (lines.length > 200) lines.shift();
    if (/"level":(5|6)0/.test(line)) errors.push(line);
    if (line.startsWith('{')) recordLogLine(line);
  };
  createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', keep);
  createInterface({ input: child.stderr as NodeJS.ReadableStream }).on('line', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const api: ApiProcess = {
    origin: `http://127.0.0.1:${port}`,
    pid: child.pid as number,
    tail: () => lines.slice(-40).join('\n'),
    errors: () => [...errors],
    liveMemory() {
      if (!measureMemory) return Promise.reject(new Error('Start the API with measureMemory to read its live memory'));
      const id = ++asked;
      return new Promise<LiveMemory>((resolve, reject) => {
        const timer = setTimeout(() => done(new Error('The API did not answer its memory within 30 s')), 30_000);
        const onMessage = (message: { type?: string; id?: number; usage?: NodeJS.MemoryUsage }) => {
          if (message?.type !== 'steward:memory' || message.id !== id || !message.usage) return;
          const { heapUsed, arrayBuffers, rss } = message.usage;
          done(undefined, { heapUsedMb: toMb(heapUsed), arrayBuffersMb: toMb(arrayBuffers), rssMb: toMb(rss) });
        };
        const done = (error?: Error, memory?: LiveMemory) => {
          clearTimeout(timer);
          child.off('message', onMessage);
          if (error) reject(error);
          else resolve(memory as LiveMemory);
        };
        child.on('message', onMessage);
        child.send({ type: 'steward:memory', id });
      });
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
  if (script === 'worker') return api;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      const response = await fetch(`${api.origin}${readyPath}`);
      await response.arrayBuffer();
      if (response.ok) return api;
    } catch {
      // not listening yet
    }
    await sleep(50);
  }
  await api.stop();
  throw new Error(`The API did not start on ${api.origin}:\n${api.tail()}`);
}

/** Samples a process's RSS every `everyMs` until stopped. */
export function sampleRss(pid: number, everyMs: number) {
  const samples: Array<{ atMs: number; mb: number }> = [];
  const started = Date.now();
  const take = () => samples.push({ atMs: Date.now() - started, mb: rssMb(pid) });
  take();
  const timer = setInterval(take, everyMs);
  return {
    samples,
    stop() {
      clearInterval(timer);
      take();
      return samples;
    },
  };
}

export interface PostgresCluster {
  /** A URL of the cluster's `postgres` database. */
  url: string;
  port: number;
  /** `pg_ctl stop -m fast`: connections are cut, new ones refused. */
  stop(): void;
  /** `pg_ctl start` without waiting; answers when it accepts connections (the moment measured). */
  start(): Promise<number>;
  /** Stops it (if running) and removes its directory. */
  remove(): void;
}

const POSTGRES_USER = 'postgres';

function postgresBin(): string {
  const versions = readdirSync('/usr/lib/postgresql')
    .filter((name) => /^\d+$/.test(name))
    .sort((a, b) => Number(b) - Number(a));
  if (!versions.length) throw new Error('No PostgreSQL binaries under /usr/lib/postgresql');
  return `/usr/lib/postgresql/${versions[0]}/bin`;
}

/** Runs a PostgreSQL tool as the `postgres` user (root may not run the server). */
function asPostgres(tool: string, args: string[]) {
  const result = spawnSync('runuser', ['-u', POSTGRES_USER, '--', join(postgresBin(), tool), ...args], {
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`${tool} ${args.join(' ')} failed: ${result.stderr || result.stdout}`);
  return result.stdout;
}

/** Polls until the cluster accepts a connection; answers the moment it did (ms since the epoch). */
async function acceptsConnections(url: string, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
    try {
      await client.connect();
      const at = Date.now();
      await client.end();
      return at;
    } catch {
      await client.end().catch(() => undefined);
      await sleep(20);
    }
  }
  throw new Error(`PostgreSQL at ${url} did not accept connections within ${timeoutMs} ms`);
}

/**
 * A PostgreSQL cluster of the test's own (initdb in a temporary directory, a free port,
 * trust authentication on loopback), run as the `postgres` user. Never the machine's server.
 */
export async function startPostgresCluster(): Promise<PostgresCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'steward-pg-'));
  chmodSync(dir, 0o777);
  const data = join(dir, 'data');
  const port = await freePort();
  spawnSync('chown', [POSTGRES_USER, dir]);
  asPostgres('initdb', ['-D', data, '-A', 'trust', '-U', POSTGRES_USER, '--no-sync', '-E', 'UTF8']);
  const url = `postgres://${POSTGRES_USER}@127.0.0.1:${port}/postgres`;
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
  let running = false;
  const cluster: PostgresCluster = {
    url,
    port,
    stop() {
      asPostgres('pg_ctl', ['stop', '-D', data, '-m', 'fast', '-w']);
      running = false;
    },
    async start() {
      asPostgres('pg_ctl', ['start', '-D', data, '-o', options, '-l', join(dir, 'server.log'), '-W']);
      running = true;
      return acceptsConnections(url, 30_000);
    },
    remove() {
      if (running) {
        try {
          cluster.stop();
        } catch {
          // already down
        }
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await cluster.start();
  return cluster;
}

/** Kills a child process (SIGKILL) and waits for it to be gone. */
export async function killHard(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}
