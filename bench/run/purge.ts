import type pg from 'pg';
import { call } from './api.js';
import { type Measurer, median, type RunRecord, type Summary, summarize, type Target } from './measure.js';
import { sleep } from './processes.js';
import type { Scenario } from './scenarios.js';
import type { BenchDatabase } from './tenant.js';

/** The rule the bench purges, and the marker of the rows it inserts (so leftovers can go). */
export const PURGE_RULE = 'cookie-choices';
export const PURGE_SCENARIO_ID = 'purge-under-load';
const MARKER = 'bench-purge';
/** p99 of a scenario while the purge runs, over p99 before: the limit. */
export const PURGE_P99_LIMIT = 2;

export interface PurgeReport {
  rule: string;
  /** Expired rows inserted for the tenant's organization before the measurement. */
  rows: number;
  scenarios: Array<{
    id: string;
    title: string;
    before: Summary;
    /** While the run was paused (its next batch waiting for a lock), in the same rounds as `during`. */
    paused?: Summary;
    during: Summary;
    /** Once the purge is over: a control for drift on a shared machine. */
    after?: Summary;
    /** Median over rounds of p99 while purging over p99 while paused in the same round: the verdict's figure. */
    p99Ratio: number;
    /** p99 while purging over p99 before the run (the machine may have changed meanwhile). */
    p99VersusBefore?: number;
    verdict: 'meets goal' | 'over the limit' | 'invalid';
  }>;
  purged: number;
  batches: number;
  batchSize: number;
  purgeSeconds: number;
  rowsPerSecond: number;
  /** True when the purge was still running at the end of every measured run "during". */
  coveredWholeMeasurement: boolean;
  insertSeconds: number;
  runs: RunRecord[];
}

type Phase = 'before' | 'paused' | 'during' | 'after';

/** The median over rounds of one phase's p99 over another's in the same round. */
function pairedP99(runs: RunRecord[], numerator: string, denominator: string): number {
  const ratios = [...new Set(runs.map((run) => run.round))].flatMap((round) => {
    const top = runs.find((run) => run.round === round && run.target === numerator);
    const bottom = runs.find((run) => run.round === round && run.target === denominator);
    return top && bottom && bottom.latencyMs.p99 > 0 ? [top.latencyMs.p99 / bottom.latencyMs.p99] : [];
  });
  return ratios.length ? median(ratios) : 0;
}

/**
 * Pauses a run from outside: each batch first locks its run's row, so while the bench holds
 * that lock the next batch waits (holding its one connection, as a batch does when it runs).
 */
class RunPause {
  private client: pg.PoolClient | null = null;

  constructor(
    private readonly db: BenchDatabase,
    private readonly runId: string,
  ) {}

  async hold(): Promise<void> {
    if (this.client) return;
    this.client = await this.db.pool.connect();
    await this.client.query('BEGIN');
    await this.client.query('SELECT 1 FROM retention_runs WHERE id = $1 FOR UPDATE', [this.runId]);
  }

  async release(): Promise<void> {
    if (!this.client) return;
    await this.client.query('COMMIT');
    this.client.release();
    this.client = null;
  }
}

interface RunRow {
  status: string;
  purged: Record<string, number>;
  batches: number;
  started_at: Date;
  finished_at: Date | null;
}

async function runRow(db: BenchDatabase, id: string): Promise<RunRow> {
  const { rows } = await db.pool.query<RunRow>(
    'SELECT status, purged, batches, started_at, finished_at FROM retention_runs WHERE id = $1',
    [id],
  );
  if (!rows[0]) throw new Error(`No retention run ${id}`);
  return rows[0];
}

/** Removes the rows an earlier (interrupted) purge measurement left behind. */
export async function removePurgeRows(db: BenchDatabase, organizationId: string): Promise<number> {
  const { rowCount } = await db.pool.query(
    `DELETE FROM cookie_consents WHERE organization_id = $1 AND categories = ARRAY[$2]::varchar[]`,
    [organizationId, MARKER],
  );
  return rowCount ?? 0;
}

/**
 * The retention purge under load: `rows` expired cookie choices of the tenant's organization
 * (recorded ten years ago, by its staff), the scenarios' p99 measured before the owner's run
 * of the rule, then in rounds alternating between the run purging (through the API's own job
 * worker) and the run paused, then after it. The verdict pairs each round's purging and paused
 * p99: on a machine shared with other work, before and after may meet another machine.
 */
export async function measurePurge(options: {
  db: BenchDatabase;
  measurer: Measurer;
  target: Target;
  scenarios: Scenario[];
  rounds: number;
  seconds: number;
  rows: number;
  batchSize: number;
  organizationId: string;
  token: () => Promise<string>;
  log: (line: string) => void;
}): Promise<PurgeReport> {
  const { db, measurer, target, scenarios, rounds, seconds, rows, organizationId, log } = options;
  const leftover = await removePurgeRows(db, organizationId);
  if (leftover) log(`  removed ${leftover} rows an earlier purge measurement left`);
  const inserting = Date.now();
  await db.pool.query(
    `INSERT INTO cookie_consents (consent_id, categories, revision, recorded_at, organization_id, user_id)
     SELECT gen_random_uuid(), ARRAY[$2]::varchar[], 1, now() - interval '3650 days' - make_interval(secs => n),
            $1, staff.ids[1 + n % cardinality(staff.ids)]
       FROM generate_series(1, $3::int) AS n,
            (SELECT array_agg(id ORDER BY id) AS ids FROM users WHERE organization_id = $1) AS staff`,
    [organizationId, MARKER, rows],
  );
  await db.pool.query('ANALYZE cookie_consents');
  const insertSeconds = (Date.now() - inserting) / 1000;
  log(`  inserted ${rows.toLocaleString('en-GB')} expired cookie choices in ${insertSeconds.toFixed(1)} s`);

  const runs: RunRecord[] = [];
  const one = async (phase: Phase, scenario: Scenario, round: number) => {
    const record = await measurer.run(scenario, target, seconds, round);
    runs.push({ ...record, target: `${phase} ${scenario.id}` });
    log(
      `  ${scenario.id.padEnd(26)} ${phase.padEnd(6)} round ${round}/${rounds} ${record.rps.toFixed(0).padStart(6)} req/s  ` +
        `p99 ${record.latencyMs.p99.toFixed(0).padStart(4)} ms${record.non2xx + record.errors ? '  FAILED' : ''}`,
    );
  };
  const measure = async (phase: Phase) => {
    for (let round = 1; round <= rounds; round++) for (const scenario of scenarios) await one(phase, scenario, round);
  };
  for (const scenario of scenarios) await measurer.run(scenario, target, seconds, 0); // warm-up
  await measure('before');

  const token = await options.token();
  const started = await call<{ id: string }>(
    target.server.origin,
    'POST',
    `/api/v1/retention/rules/${PURGE_RULE}/runs`,
    { headers: { authorization: `Bearer ${token}` }, body: '{}' },
  );
  // The job worker picks the run up at its next poll: measure once batches are going.
  while ((await runRow(db, started.id)).batches === 0) await sleep(50);
  // Rounds alternate between the purge going and the purge paused (its next batch waits for
  // the run's row lock, which the bench holds): the same moment's machine for both.
  const pause = new RunPause(db, started.id);
  let covered = true;
  try {
    for (let round = 1; round <= rounds; round++) {
      for (const phase of round % 2 ? (['paused', 'during'] as const) : (['during', 'paused'] as const)) {
        if (phase === 'paused') await pause.hold();
        else await pause.release();
        for (const scenario of scenarios) {
          await one(phase, scenario, round);
          if (phase === 'during' && (await runRow(db, started.id)).status !== 'running') covered = false;
        }
      }
    }
  } finally {
    await pause.release();
  }
  let run = await runRow(db, started.id);
  while (run.status === 'running') {
    await sleep(250);
    run = await runRow(db, started.id);
  }
  const purged = Object.values(run.purged).reduce((sum, count) => sum + count, 0);
  const purgeSeconds = ((run.finished_at as Date).getTime() - run.started_at.getTime()) / 1000;
  log(
    `  run ${run.status}: ${purged.toLocaleString('en-GB')} rows in ${run.batches} batches, ${purgeSeconds.toFixed(1)} s` +
      `${covered ? '' : ' (it ended before the measurement did)'}`,
  );
  await measure('after');
  const left = await removePurgeRows(db, organizationId);
  if (left) log(`  removed ${left} rows the run left`);
  if (run.status !== 'completed' || purged !== rows)
    log(`  the run purged ${purged} of ${rows} rows (status ${run.status})`);

  return {
    rule: PURGE_RULE,
    rows,
    scenarios: scenarios.map((scenario) => {
      const before = summarize(runs.filter((record) => record.target === `before ${scenario.id}`));
      const paused = summarize(runs.filter((record) => record.target === `paused ${scenario.id}`));
      const during = summarize(runs.filter((record) => record.target === `during ${scenario.id}`));
      const after = summarize(runs.filter((record) => record.target === `after ${scenario.id}`));
      const p99Ratio = pairedP99(runs, `during ${scenario.id}`, `paused ${scenario.id}`);
      const failed = [before, paused, during, after].reduce((sum, summary) => sum + summary.non2xx + summary.errors, 0);
      return {
        id: scenario.id,
        title: scenario.title,
        before,
        paused,
        during,
        after,
        p99Ratio,
        p99VersusBefore: before.p99 ? during.p99 / before.p99 : 0,
        verdict:
          // A phase that answered nothing (a short round on a busy machine) has no p99 to compare.
          failed || !covered || purged !== rows || !paused.rps || !during.rps
            ? 'invalid'
            : p99Ratio <= PURGE_P99_LIMIT
              ? 'meets goal'
              : 'over the limit',
      };
    }),
    purged,
    batches: run.batches,
    batchSize: options.batchSize,
    purgeSeconds,
    rowsPerSecond: purgeSeconds ? purged / purgeSeconds : 0,
    coveredWholeMeasurement: covered,
    insertSeconds,
    runs,
  };
}
