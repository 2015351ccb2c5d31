import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

export const ROOT = new URL('../../../', import.meta.url).pathname;

const CLOCK_TICKS_PER_SECOND = 100;

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

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
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return kb / 1024;
  } catch {
    return 0;
  }
}

/** CPU seconds (user + system) a process has used so far, from /proc. */
export function cpuSeconds(pid: number): number {
  try {
    // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

export async function waitForHttp(url: string, timeoutMs: number, alive: () => boolean): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!alive()) throw new Error(`the process exited before ${url} answered`);
    try {
      const response = await fetch(url);
      await response.arrayBuffer();
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(25);
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms`);
}

/**
 * CPUs for each party of a pinned run (`--pin`), as taskset lists (`0`, `1-3`): the server
 * under test, the load generator, and the PostgreSQL backends serving the servers.
 */
export interface PinLayout {
  server: string;
  load: string;
  db: string;
}

/**
 * The default layout: the server under test gets the upper half of the cores to itself, the
 * load generator core 0, PostgreSQL's backends the cores between (core 0 too on two cores, where
 * the load generator is light next to PostgreSQL).
 */
export function defaultPinLayout(cores: number): PinLayout {
  if (cores < 2) throw new Error('--pin needs at least two cores');
  const serverFrom = Math.max(1, Math.floor(cores / 2));
  const range = (from: number, to: number) => (from === to ? String(from) : `${from}-${to}`);
  return {
    server: range(serverFrom, cores - 1),
    load: '0',
    db: serverFrom > 1 ? range(1, serverFrom - 1) : '0',
  };
}

/** `server=1,load=0,db=0` (any part left out keeps the default layout's). */
export function parsePinLayout(text: string, cores: number): PinLayout {
  const layout = defaultPinLayout(cores);
  for (const part of text.split(',').filter(Boolean)) {
    const [name, cpus] = part.split('=');
    if (!(name in layout) || !/^\d+(-\d+)?(,\d+(-\d+)?)*$/.test(cpus ?? '')) {
      throw new Error(
        `--pin-layout: "${part}" is not server=, load= or db= followed by CPUs (e.g. server=1,load=0,db=0)`,
      );
    }
    layout[name as keyof PinLayout] = cpus;
  }
  return layout;
}

/** Pins every thread of a process to the given CPUs (`taskset -a -cp`); false if it could not. */
export function pinProcess(pid: number, cpus: string): boolean {
  const result = spawnSync('taskset', ['-a', '-cp', cpus, String(pid)], { encoding: 'utf8' });
  return result.status === 0;
}

export interface ServerSpec {
  name: string;
  args: string[];
  env: Record<string, string | undefined>;
  port: number;
  /** Path polled until it answers 200. */
  readyPath: string;
  /** The `application_name` of its database connections: how the bench finds its PostgreSQL backends. */
  applicationName?: string;
  /** CPUs to pin it to once started (`--pin`). */
  cpus?: string;
}

/** A server the bench started: its pid, where it listens, and the tail of its output. */
export class ServerProcess {
  private output = '';
  private exited = false;

  private constructor(
    readonly name: string,
    readonly origin: string,
    private readonly child: ChildProcess,
    readonly applicationName: string | undefined,
  ) {
    const keep = (chunk: Buffer) => {
      this.output = (this.output + chunk.toString('utf8')).slice(-20_000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    child.once('exit', () => {
      this.exited = true;
    });
  }

  static async start(spec: ServerSpec): Promise<ServerProcess> {
    const child = spawn(process.execPath, spec.args, {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...spec.env, PORT: String(spec.port), HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const server = new ServerProcess(spec.name, `http://127.0.0.1:${spec.port}`, child, spec.applicationName);
    try {
      await waitForHttp(`${server.origin}${spec.readyPath}`, 60_000, () => !server.exited);
    } catch (error) {
      await server.stop();
      throw new Error(`${spec.name} did not start: ${(error as Error).message}\n${server.output.slice(-3000)}`);
    }
    if (spec.cpus && !pinProcess(server.pid, spec.cpus)) {
      await server.stop();
      throw new Error(`Could not pin ${spec.name} to CPUs ${spec.cpus} (taskset)`);
    }
    return server;
  }

  get pid(): number {
    return this.child.pid as number;
  }

  get log(): string {
    return this.output;
  }

  rssMb(): number {
    return rssMb(this.pid);
  }

  cpuSeconds(): number {
    return cpuSeconds(this.pid);
  }

  /** SIGTERM, then SIGKILL if it is still there after 15 s. Only this child, by its pid. */
  async stop(): Promise<void> {
    if (this.exited) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  }
}

/** Samples a process's RSS while some work runs; returns the work's result and the peak. */
export async function withRssPeak<Result>(
  pid: number,
  work: () => Promise<Result>,
): Promise<{ result: Result; peakMb: number; samplesMb: number[] }> {
  const samplesMb: number[] = [];
  const timer = setInterval(() => samplesMb.push(rssMb(pid)), 200);
  try {
    const result = await work();
    samplesMb.push(rssMb(pid));
    return { result, peakMb: Math.max(...samplesMb), samplesMb };
  } finally {
    clearInterval(timer);
  }
}
