import { type ChildProcess, fork } from 'node:child_process';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { authHeaders, type Credentials } from './api.js';
import { type LoadJob, type LoadResult, percentile } from './load.js';
import { type PinLayout, pinProcess, ROOT, type ServerProcess, sleep, withRssPeak } from './processes.js';
import { generatorOf, type Samples, type Scenario } from './scenarios.js';
import type { BenchDatabase } from './tenant.js';

export interface RunSettings {
  connections: number;
  warmupSeconds: number;
  seconds: number;
  rounds: number;
  /** Pause after each run, so requests left in flight finish before the next one starts. */
  settleMs: number;
  /** Rounds of the open-model latency measurement per scenario (0: none). Absent from older runs. */
  openRounds?: number;
  /** The open model's rate as a share of the baseline's capacity (closed-loop req/s). */
  openLoadShare?: number;
  /** CPUs the parties were pinned to (`--pin`), or absent. */
  pin?: PinLayout;
}

export interface Target {
  label: string;
  server: ServerProcess;
}

export interface RunRecord {
  target: string;
  round: number;
  rps: number;
  latencyMs: LoadResult['latencyMs'];
  requests: number;
  non2xx: number;
  errors: number;
  statusCodes: Record<string, number>;
  peakRssMb: number;
  /** CPU the server used per request, in ms (user + system). */
  cpuMsPerRequest: number;
  /**
   * CPU the PostgreSQL backends of the server's connections used per request, in ms (found by
   * their application_name; absent when they could not be read, and in runs before it existed).
   */
  dbCpuMsPerRequest?: number;
  /** The machine's 1-minute load average when the run ended: how busy the rest of it was. */
  loadAverage: number;
  /** Open model: the requests per second asked for (absent: a closed-loop run). */
  rate?: number;
}

/** Medians over the rounds. */
export interface Summary {
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  p99_9: number;
  cpuMsPerRequest: number;
  dbCpuMsPerRequest?: number;
  peakRssMb: number;
  /** Failed answers over all rounds (must be 0 for a valid figure). */
  non2xx: number;
  errors: number;
}

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** How a figure varied over rounds: its median, and the lowest, quartiles and highest. */
export interface Spread {
  median: number;
  min: number;
  q1: number;
  q3: number;
  max: number;
  /** Rounds it was taken over. */
  n: number;
}

export function spread(values: number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return { median: 0, min: 0, q1: 0, q3: 0, max: 0, n: 0 };
  return {
    median: median(sorted),
    min: sorted[0],
    q1: percentile(sorted, 0.25),
    q3: percentile(sorted, 0.75),
    max: sorted[sorted.length - 1],
    n: sorted.length,
  };
}

/**
 * One figure of a target over the same figure of another, round by round. Each round runs
 * them back to back, so whatever else the machine was doing weighs on both alike.
 */
export function pairedRatios(
  runs: RunRecord[],
  numerator: string,
  denominator: string,
  pick: (run: RunRecord) => number | undefined = (run) => run.rps,
): number[] {
  return [...new Set(runs.filter((run) => run.round > 0).map((run) => run.round))].flatMap((round) => {
    const top = runs.find((run) => run.round === round && run.target === numerator);
    const bottom = runs.find((run) => run.round === round && run.target === denominator);
    const [above, below] = [top && pick(top), bottom && pick(bottom)];
    return above !== undefined && below !== undefined && below > 0 ? [above / below] : [];
  });
}

/** The median over rounds of one target's req/s over another's in the same round. */
export function pairedRatio(runs: RunRecord[], numerator: string, denominator: string): number {
  const ratios = pairedRatios(runs, numerator, denominator);
  return ratios.length ? median(ratios) : 0;
}

export function summarize(runs: RunRecord[]): Summary {
  const of = (pick: (run: RunRecord) => number) => median(runs.map(pick));
  const database = runs.flatMap((run) => (run.dbCpuMsPerRequest === undefined ? [] : [run.dbCpuMsPerRequest]));
  return {
    rps: of((run) => run.rps),
    p50: of((run) => run.latencyMs.p50),
    p90: of((run) => run.latencyMs.p90),
    p99: of((run) => run.latencyMs.p99),
    p99_9: of((run) => run.latencyMs.p99_9),
    cpuMsPerRequest: of((run) => run.cpuMsPerRequest),
    ...(database.length ? { dbCpuMsPerRequest: median(database) } : {}),
    peakRssMb: Math.max(...runs.map((run) => run.peakRssMb)),
    non2xx: runs.reduce((sum, run) => sum + run.non2xx, 0),
    errors: runs.reduce((sum, run) => sum + run.errors, 0),
  };
}

/**
 * The open model's latency of one target over all its rounds: percentiles of every answer
 * pooled (a round of a few seconds holds too few answers for a steady p99 of its own), and
 * how each round's p99 varied.
 */
export interface OpenSummary {
  rate: number;
  rps: number;
  answers: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  p99Rounds: Spread;
  cpuMsPerRequest: number;
  dbCpuMsPerRequest?: number;
  peakRssMb: number;
  non2xx: number;
  errors: number;
}

export function summarizeOpen(runs: RunRecord[], samplesMs: number[]): OpenSummary {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const closed = summarize(runs);
  return {
    rate: runs[0]?.rate ?? 0,
    rps: closed.rps,
    answers: sorted.length,
    p50: percentile(sorted, 0.5),
    p90: percentile(sorted, 0.9),
    p99: percentile(sorted, 0.99),
    max: sorted[sorted.length - 1] ?? 0,
    p99Rounds: spread(runs.map((run) => run.latencyMs.p99)),
    cpuMsPerRequest: closed.cpuMsPerRequest,
    ...(closed.dbCpuMsPerRequest === undefined ? {} : { dbCpuMsPerRequest: closed.dbCpuMsPerRequest }),
    peakRssMb: closed.peakRssMb,
    non2xx: closed.non2xx,
    errors: closed.errors,
  };
}

/** The load generator: one separate process for the whole run, a job at a time. */
export class LoadProcess {
  private readonly child: ChildProcess;

  constructor(cpus?: string) {
    this.child = fork(resolve(ROOT, 'dist/bench/run/load.js'), [], {
      cwd: ROOT,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    if (cpus && !pinProcess(this.child.pid as number, cpus)) {
      this.child.kill();
      throw new Error(`Could not pin the load generator to CPUs ${cpus} (taskset)`);
    }
  }

  run(job: LoadJob): Promise<LoadResult> {
    return new Promise((resolvePromise, reject) => {
      const onExit = (code: number | null) => reject(new Error(`The load generator exited with ${code}`));
      this.child.once('exit', onExit);
      this.child.once('message', (message: { result?: LoadResult; error?: string }) => {
        this.child.off('exit', onExit);
        if (message.result) resolvePromise(message.result);
        else reject(new Error(`The load generator failed: ${message.error}`));
      });
      this.child.send(job);
    });
  }

  stop(): void {
    this.child.kill();
  }
}

export class Measurer {
  constructor(
    private readonly settings: RunSettings,
    private readonly samples: Samples,
    private readonly db: BenchDatabase,
    /** A fresh token, and the API key of the server under test. */
    private readonly credentialsOf: (target: Target) => Promise<Credentials>,
    private readonly log: (line: string) => void,
    private readonly load: LoadProcess,
  ) {}

  /** One timed run of a scenario against one server (closed loop), with its peak RSS and CPU per request. */
  async run(scenario: Scenario, target: Target, seconds: number, round: number): Promise<RunRecord> {
    return (await this.execute(scenario, target, seconds, round)).record;
  }

  /** One timed run at a fixed rate (open model), with every answer's latency. */
  async openRun(
    scenario: Scenario,
    target: Target,
    rate: number,
    seconds: number,
    round: number,
  ): Promise<{ record: RunRecord; samplesMs: number[] }> {
    return this.execute(scenario, target, seconds, round, rate);
  }

  private async execute(
    scenario: Scenario,
    target: Target,
    seconds: number,
    round: number,
    rate?: number,
  ): Promise<{ record: RunRecord; samplesMs: number[] }> {
    const credentials = await this.credentialsOf(target);
    const jobs = scenario.generator === 'job-status' ? this.db.jobs() : [];
    const job: LoadJob = {
      origin: target.server.origin,
      connections: this.settings.connections,
      seconds,
      headers: authHeaders(scenario.auth, credentials),
      requests: scenario.requests?.(this.samples),
      generator: generatorOf(
        scenario,
        this.samples,
        `${target.label.replace(/\W+/g, '-')}-${Date.now().toString(36)}`,
        jobs,
      ),
      ...(rate ? { rate } : {}),
    };
    const { applicationName } = target.server;
    if (applicationName && this.settings.pin) await this.db.pinBackends(this.settings.pin.db);
    const dbBefore = applicationName ? await this.db.backendCpu(applicationName) : null;
    const cpuBefore = target.server.cpuSeconds();
    const { result, peakMb } = await withRssPeak(target.server.pid, () => this.load.run(job));
    const cpuUsed = target.server.cpuSeconds() - cpuBefore;
    const dbAfter = applicationName ? await this.db.backendCpu(applicationName) : null;
    // Backends that ended during the run take their CPU with them; under load a pool keeps its connections.
    const dbUsed =
      dbBefore && dbAfter && dbAfter.size > 0
        ? [...dbAfter].reduce((sum, [pid, seconds]) => sum + seconds - (dbBefore.get(pid) ?? 0), 0)
        : undefined;
    // Requests the generator left in flight still finish on the server: let them, so they
    // neither overlap the next run nor move a job after it was put back in the pool.
    await sleep(this.settings.settleMs * (scenario.generator === 'job-status' ? 4 : 1));
    if (scenario.generator === 'job-status') {
      await this.db.resetJobs(jobs.slice(0, Math.min(jobs.length, result.generated)).map((taken) => taken.id));
    }
    const perRequest = (cpuSeconds: number) => (result.requests ? (cpuSeconds * 1000) / result.requests : 0);
    const record: RunRecord = {
      target: target.label,
      round,
      rps: result.rps,
      latencyMs: result.latencyMs,
      requests: result.requests,
      non2xx: result.non2xx,
      errors: result.errors + result.timeouts,
      statusCodes: result.statusCodes,
      peakRssMb: peakMb,
      cpuMsPerRequest: perRequest(cpuUsed),
      ...(dbUsed === undefined ? {} : { dbCpuMsPerRequest: perRequest(dbUsed) }),
      loadAverage: loadavg()[0],
      ...(rate ? { rate } : {}),
    };
    return { record, samplesMs: result.samplesMs ?? [] };
  }

  /**
   * A warm-up run per server (discarded), then rounds in which the servers take turns,
   * the order rotating each round so none always runs first or last.
   */
  async scenario(scenario: Scenario, targets: Target[]): Promise<RunRecord[]> {
    if (this.settings.warmupSeconds > 0) {
      for (const target of targets) await this.run(scenario, target, this.settings.warmupSeconds, 0);
    }
    const runs: RunRecord[] = [];
    for (let round = 1; round <= this.settings.rounds; round++) {
      const shift = (round - 1) % targets.length;
      const order = [...targets.slice(shift), ...targets.slice(0, shift)];
      for (const target of order) {
        const record = await this.run(scenario, target, this.settings.seconds, round);
        runs.push(record);
        const failed = record.non2xx + record.errors;
        this.log(
          `  ${scenario.id.padEnd(30)} round ${round}/${this.settings.rounds} ${target.label.padEnd(18)} ` +
            `${record.rps.toFixed(0).padStart(6)} req/s  p99 ${record.latencyMs.p99.toFixed(0).padStart(4)} ms  ` +
            `${record.cpuMsPerRequest.toFixed(2)} ms CPU/req${database(record)}${failed ? `  ${failed} FAILED ${JSON.stringify(record.statusCodes)}` : ''}`,
        );
      }
    }
    return runs;
  }

  /**
   * The open model: rounds at a fixed rate, the targets taking turns as in `scenario` (no
   * warm-up: it follows the scenario's closed-loop rounds). Each target's answers are pooled.
   */
  async openScenario(
    scenario: Scenario,
    targets: Target[],
    rate: number,
    rounds: number,
  ): Promise<{ runs: RunRecord[]; summaries: Map<string, OpenSummary> }> {
    const runs: RunRecord[] = [];
    const samples = new Map<string, number[]>(targets.map((target) => [target.label, []]));
    for (let round = 1; round <= rounds; round++) {
      const shift = (round - 1) % targets.length;
      for (const target of [...targets.slice(shift), ...targets.slice(0, shift)]) {
        const { record, samplesMs } = await this.openRun(scenario, target, rate, this.settings.seconds, round);
        runs.push(record);
        samples.get(target.label)?.push(...samplesMs);
        const failed = record.non2xx + record.errors;
        this.log(
          `  ${scenario.id.padEnd(30)} open ${round}/${rounds} ${target.label.padEnd(18)} ` +
            `${rate.toFixed(0).padStart(4)} req/s asked  p50 ${record.latencyMs.p50.toFixed(1).padStart(6)} ms  ` +
            `p99 ${record.latencyMs.p99.toFixed(1).padStart(6)} ms  ${record.cpuMsPerRequest.toFixed(2)} ms CPU/req` +
            `${failed ? `  ${failed} FAILED ${JSON.stringify(record.statusCodes)}` : ''}`,
        );
      }
    }
    const summaries = new Map(
      targets.map((target) => [
        target.label,
        summarizeOpen(
          runs.filter((run) => run.target === target.label),
          samples.get(target.label) ?? [],
        ),
      ]),
    );
    return { runs, summaries };
  }
}

const database = (record: RunRecord) =>
  record.dbCpuMsPerRequest === undefined ? '' : ` + ${record.dbCpuMsPerRequest.toFixed(2)} ms PostgreSQL`;
