import { type ChildProcess, fork } from 'node:child_process';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { authHeaders, type Credentials } from './api.js';
import type { LoadJob, LoadResult } from './load.js';
import { ROOT, type ServerProcess, sleep, withRssPeak } from './processes.js';
import { generatorOf, type Samples, type Scenario } from './scenarios.js';
import type { BenchDatabase } from './tenant.js';

export interface RunSettings {
  connections: number;
  warmupSeconds: number;
  seconds: number;
  rounds: number;
  /** Pause after each run, so requests left in flight finish before the next one starts. */
  settleMs: number;
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
  /** The machine's 1-minute load average when the run ended: how busy the rest of it was. */
  loadAverage: number;
}

/** Medians over the rounds. */
export interface Summary {
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  p99_9: number;
  cpuMsPerRequest: number;
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

/**
 * The median over rounds of one target's req/s over another's in the same round. Each round
 * runs them back to back, so whatever else the machine was doing weighs on both alike.
 */
export function pairedRatio(runs: RunRecord[], numerator: string, denominator: string): number {
  const ratios = [...new Set(runs.map((run) => run.round))].flatMap((round) => {
    const top = runs.find((run) => run.round === round && run.target === numerator);
    const bottom = runs.find((run) => run.round === round && run.target === denominator);
    return top && bottom && bottom.rps > 0 ? [top.rps / bottom.rps] : [];
  });
  return ratios.length ? median(ratios) : 0;
}

export function summarize(runs: RunRecord[]): Summary {
  const of = (pick: (run: RunRecord) => number) => median(runs.map(pick));
  return {
    rps: of((run) => run.rps),
    p50: of((run) => run.latencyMs.p50),
    p90: of((run) => run.latencyMs.p90),
    p99: of((run) => run.latencyMs.p99),
    p99_9: of((run) => run.latencyMs.p99_9),
    cpuMsPerRequest: of((run) => run.cpuMsPerRequest),
    peakRssMb: Math.max(...runs.map((run) => run.peakRssMb)),
    non2xx: runs.reduce((sum, run) => sum + run.non2xx, 0),
    errors: runs.reduce((sum, run) => sum + run.errors, 0),
  };
}

/** The load generator: one separate process for the whole run, a job at a time. */
export class LoadProcess {
  private readonly child: ChildProcess;

  constructor() {
    this.child = fork(resolve(ROOT, 'dist/bench/run/load.js'), [], {
      cwd: ROOT,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
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

  /** One timed run of a scenario against one server, with its peak RSS and CPU per request. */
  async run(scenario: Scenario, target: Target, seconds: number, round: number): Promise<RunRecord> {
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
    };
    const cpuBefore = target.server.cpuSeconds();
    const { result, peakMb } = await withRssPeak(target.server.pid, () => this.load.run(job));
    const cpuUsed = target.server.cpuSeconds() - cpuBefore;
    // Requests the generator left in flight still finish on the server: let them, so they
    // neither overlap the next run nor move a job after it was put back in the pool.
    await sleep(this.settings.settleMs * (scenario.generator === 'job-status' ? 4 : 1));
    if (scenario.generator === 'job-status') {
      await this.db.resetJobs(jobs.slice(0, Math.min(jobs.length, result.generated)).map((taken) => taken.id));
    }
    return {
      target: target.label,
      round,
      rps: result.rps,
      latencyMs: result.latencyMs,
      requests: result.requests,
      non2xx: result.non2xx,
      errors: result.errors + result.timeouts,
      statusCodes: result.statusCodes,
      peakRssMb: peakMb,
      cpuMsPerRequest: result.requests ? (cpuUsed * 1000) / result.requests : 0,
      loadAverage: loadavg()[0],
    };
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
            `${record.cpuMsPerRequest.toFixed(2)} ms CPU/req${failed ? `  ${failed} FAILED ${JSON.stringify(record.statusCodes)}` : ''}`,
        );
      }
    }
    return runs;
  }
}
