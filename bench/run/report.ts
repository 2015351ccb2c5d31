import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import {
  type OpenSummary,
  pairedRatios,
  type RunRecord,
  type RunSettings,
  type Spread,
  type Summary,
  spread,
} from './measure.js';
import type { ParityOutcome, TwinOutcome } from './parity.js';
import { ROOT } from './processes.js';
import type { ProfileReport } from './profile.js';
import { PURGE_P99_LIMIT, type PurgeReport } from './purge.js';
import { GOALS, TWIN } from './scenarios.js';
import type { StartupResult } from './startup.js';

export type Verdict = 'meets goal' | 'below goal' | 'below floor' | 'invalid';

/** Open-model latency of a scenario: every server at the same fixed rate. */
export interface OpenReport {
  /** Requests per second asked of every server: `GOALS.openLoadShare` of `capacity`. */
  rate: number;
  /** The baseline's closed-loop req/s (median of this run's rounds) the rate was taken from. */
  capacity: number;
  product: OpenSummary;
  baseline: OpenSummary;
  twin?: OpenSummary;
  /** The product's pooled p99 against `GOALS.openP99Ms`. */
  verdict: Verdict;
  runs: RunRecord[];
}

export interface ScenarioReport {
  id: string;
  title: string;
  kind: 'read' | 'write';
  auth: 'jwt' | 'api-key';
  product: Summary;
  baseline: Summary;
  /** Product requests per second over the baseline's: median of the rounds' ratios. */
  ratio: number;
  /** Product CPU ms per request over the baseline's: median of the rounds' ratios (the verdict's figure). */
  cpuRatio?: number;
  /** Runs before the CPU verdict: the throughput goal and floor their verdict used. */
  goal?: number;
  floor?: number;
  verdict: Verdict;
  /** Closed-loop rounds of every target (product, baseline, and the plaintext twin where there is one). */
  runs: RunRecord[];
  /** The plaintext twin, in the same rounds (twinned scenarios only). */
  twin?: Summary;
  open?: OpenReport;
}

export interface AuditReport {
  scenario: string;
  productOn: Summary;
  productOff: Summary;
  baselineOn: Summary;
  baselineOff: Summary;
  /** Throughput lost to the audit trail, median of the rounds: implied by CPU where it could be read, else req/s (`auditOverhead`). */
  productOverhead: number;
  baselineOverhead: number;
  verdict: Verdict;
  runs: RunRecord[];
}

export interface BenchReport {
  generatedAt: string;
  mode: 'full' | 'quick';
  machine: Record<string, string | number>;
  settings: RunSettings;
  seed: { seed: number; counts: Record<string, number>; seconds?: Record<string, number>; deepPage: number };
  parity: ParityOutcome[];
  /** The plaintext twin against the product, before measuring (absent from runs before it existed). */
  twinParity?: TwinOutcome[];
  scenarios: ScenarioReport[];
  profiles: ProfileReport[];
  audit: AuditReport | null;
  memory: {
    product: { atRestMb: number; underLoadPeakMb: number; afterLoadMb: number };
    baseline: { atRestMb: number; underLoadPeakMb: number; afterLoadMb: number };
    verdict: Verdict;
  };
  /** Runs before the open model: p99 of the list at 32 connections, and the list one request at a time. */
  listP99?: { scenario: string; productMs: number; baselineMs: number; verdict: Verdict } | null;
  oneAtATime?: { scenario: string; product: Summary; baseline: Summary } | null;
  startup: (StartupResult & { cleanMedian: number; againMedian: number; verdict: Verdict }) | null;
  /** The retention purge under load (absent from runs before it existed). */
  purge?: PurgeReport | null;
  durationSeconds: number;
}

export const ratioVerdict = (ratio: number, goal: number, floor: number): Verdict =>
  ratio >= goal ? 'meets goal' : ratio >= floor ? 'below goal' : 'below floor';

/** The CPU verdict: the product's CPU per request over the baseline's, lower is better. */
export const cpuVerdict = (cpuRatio: number): Verdict =>
  cpuRatio <= GOALS.cpu.goal ? 'meets goal' : cpuRatio <= GOALS.cpu.floor ? 'below goal' : 'below floor';

/** How one target's figure compared with another's, round by round. */
export const pairedSpread = (
  runs: RunRecord[],
  numerator: string,
  denominator: string,
  pick?: (run: RunRecord) => number | undefined,
): Spread => spread(pairedRatios(runs, numerator, denominator, pick));

const cpuOf = (run: RunRecord) => run.cpuMsPerRequest;
/** The server's and its PostgreSQL backends' CPU per request together (undefined without PostgreSQL's). */
const totalCpuOf = (run: RunRecord) =>
  run.dbCpuMsPerRequest === undefined ? undefined : run.cpuMsPerRequest + run.dbCpuMsPerRequest;

/**
 * One server's share of another's throughput, two ways, round by round: measured (req/s over
 * req/s) and implied by CPU (the other's process + PostgreSQL CPU per request over this one's:
 * the share of throughput it would keep where the CPU is what limits, as on this machine).
 * `basis` says which decides: CPU, which the machine's other work moves far less, when
 * PostgreSQL's CPU could be read; req/s otherwise.
 */
export function throughputShare(
  runs: RunRecord[],
  label: string,
  reference: string,
): { rps: Spread; cpu: Spread; basis: 'cpu' | 'rps'; figure: Spread } {
  const rps = pairedSpread(runs, label, reference);
  const cpu = pairedSpread(runs, reference, label, totalCpuOf);
  const basis = cpu.n > 0 ? 'cpu' : 'rps';
  return { rps, cpu, basis, figure: basis === 'cpu' ? cpu : rps };
}

/** The audit trail's overhead: throughput lost with it on, measured and implied by CPU (see `throughputShare`). */
export function auditOverhead(runs: RunRecord[], on: string, off: string) {
  const kept = throughputShare(runs, on, off);
  const lost = (value: Spread): Spread => ({
    ...value,
    median: 1 - value.median,
    min: 1 - value.max,
    max: 1 - value.min,
    q1: 1 - value.q3,
    q3: 1 - value.q1,
  });
  return { rps: lost(kept.rps), cpu: lost(kept.cpu), basis: kept.basis, figure: lost(kept.figure) };
}

export function auditVerdict(runs: RunRecord[], summaries: Summary[]): Verdict {
  if (summaries.some((summary) => !summary.rps || summary.non2xx + summary.errors > 0)) return 'invalid';
  const overhead = auditOverhead(runs, 'product audit on', 'product audit off').figure.median;
  return overhead <= GOALS.auditOverhead.goal
    ? 'meets goal'
    : overhead <= GOALS.auditOverhead.floor
      ? 'below goal'
      : 'below floor';
}
const failures = (...summaries: Array<Summary | OpenSummary | undefined>) =>
  summaries.reduce((sum, summary) => sum + (summary ? summary.non2xx + summary.errors : 0), 0);

/** A scenario's verdict: invalid with failed requests, else from the CPU ratio's median. */
export function scenarioVerdict(row: Pick<ScenarioReport, 'product' | 'baseline' | 'runs' | 'twin'>): Verdict {
  if (failures(row.product, row.baseline, row.twin) || !row.product.rps || !row.baseline.rps) return 'invalid';
  return cpuVerdict(pairedSpread(row.runs, 'product', 'baseline', cpuOf).median);
}

export function openVerdict(open: Pick<OpenReport, 'product' | 'baseline' | 'twin'>): Verdict {
  if (failures(open.product, open.baseline, open.twin) || !open.product.answers) return 'invalid';
  return open.product.p99 < GOALS.openP99Ms ? 'meets goal' : 'below goal';
}

const fixed = (value: number, digits = 0) => value.toFixed(digits);
/** A share in whole per cent (never “-0%”). */
const percent = (value: number) => `${Math.round(value * 100) || 0}%`;
const mark = (verdict: Verdict) =>
  ({
    'meets goal': '✅ meets goal',
    'below goal': '⚠️ below goal',
    'below floor': '❌ below floor',
    invalid: '❌ invalid',
  })[verdict];
const authOf = (row: { auth: string }) => (row.auth === 'jwt' ? 'JWT' : 'API key');
/** `1.62× (1.48–1.80)`: the median, then the lowest and highest round. */
const times = (value: Spread) =>
  value.n > 1
    ? `${fixed(value.median, 2)}× (${fixed(value.min, 2)}–${fixed(value.max, 2)})`
    : `${fixed(value.median, 2)}×`;
/** `73 % (65–80 %)`. */
const share = (value: Spread) =>
  value.n > 1
    ? `${percent(value.median)} (${percent(value.min).slice(0, -1)}–${percent(value.max)})`
    : percent(value.median);
const ms = (value: number | undefined, digits = 2) => (value === undefined ? '–' : fixed(value, digits));

function scenarioRows(report: BenchReport): string[] {
  return report.scenarios.map((row) => {
    const cpu = pairedSpread(row.runs, 'product', 'baseline', cpuOf);
    const rps = pairedSpread(row.runs, 'product', 'baseline');
    const verdict = row.verdict === 'invalid' ? 'invalid' : scenarioVerdict(row);
    const flagged = failures(row.product, row.baseline, row.twin);
    return `| ${row.title} | ${authOf(row)} | ${ms(row.product.cpuMsPerRequest)} | ${ms(row.baseline.cpuMsPerRequest)} | ${times(cpu)} | ${fixed(row.product.rps)} | ${fixed(row.baseline.rps)} | ${share(rps)} | ${mark(verdict)}${flagged ? ` (${flagged} failed requests)` : ''} |`;
  });
}

function closedLatencyRows(report: BenchReport): string[] {
  return report.scenarios.map(
    (row) =>
      `| ${row.title} | ${authOf(row)} | ${fixed(row.product.p50)} / ${fixed(row.product.p99)} | ${fixed(row.baseline.p50)} / ${fixed(row.baseline.p99)} | ${ms(row.product.dbCpuMsPerRequest)} | ${ms(row.baseline.dbCpuMsPerRequest)} | ${fixed(row.product.peakRssMb)} |`,
  );
}

function openLines(report: BenchReport): string[] {
  const rows = report.scenarios.filter((row) => row.open);
  if (rows.length === 0) return [];
  const rounds = rows[0].open ? new Set(rows[0].open.runs.map((run) => run.round)).size : 0;
  const latency = (summary: OpenSummary) => `${ms(summary.p50, 1)} / ${ms(summary.p99, 1)}`;
  return [
    '## Latency at a fixed rate (open model)',
    '',
    `Each scenario again, each server in turn sent requests at a fixed pace (${rounds} round${rounds === 1 ? '' : 's'} of ` +
      `${report.settings.seconds} s each): one every 1/rate s whether or not earlier ones were answered, as users who do not ` +
      `wait for each other, at ${percent(report.settings.openLoadShare ?? GOALS.openLoadShare)} of the baseline’s capacity ` +
      '(its closed-loop req/s above, in this run), so both servers are asked for the same work at a load the baseline ' +
      'handles with room to spare. Latency counts from the moment a request was due (a server that falls behind shows its ' +
      'queue), percentiles over all rounds’ answers together; the p99 of each round is given as min–max. Goal: the ' +
      `product’s p99 under ${GOALS.openP99Ms} ms (no floor).`,
    '',
    '| Scenario | Auth | Rate, req/s | Product p50 / p99 ms | Baseline p50 / p99 ms | Product p99 per round, ms | Product CPU ms/req | Verdict |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |',
    ...rows.map((row) => {
      const open = row.open as OpenReport;
      const rounds = open.product.p99Rounds;
      const perRound = rounds.n > 1 ? `${fixed(rounds.min, 1)}–${fixed(rounds.max, 1)}` : fixed(rounds.median, 1);
      return `| ${row.title} | ${authOf(row)} | ${fixed(open.rate)} | ${latency(open.product)} | ${latency(open.baseline)} | ${perRound} | ${ms(open.product.cpuMsPerRequest)} | ${mark(open.verdict)} |`;
    }),
    '',
  ];
}

function privacyLines(report: BenchReport): string[] {
  const rows = report.scenarios.filter((row) => row.twin);
  if (rows.length === 0) return [];
  const lines = [
    '## The cost of privacy: a plaintext twin',
    '',
    'The plaintext twin (`bench/baseline/plain.ts`) is the baseline serving the list and the create from ' +
      '`bench_plain.contacts`, a copy of the tenant’s contacts seeded from the same generated values with the personal ' +
      'fields in clear (`bench/seed/plain.ts`): the same rows, indexes and foreign keys, the same statements but for the ' +
      'schema, the same session check, branch checks, activity and audit entries, and the same JSON. What it does not do is ' +
      'what privacy costs: no data key looked up or minted, nothing sealed or opened, no blind index of the email and no ' +
      'search digests computed, stored or indexed. It ran in the same rounds as the product and the baseline (all three in ' +
      'turn), and in the open model at the same rate.',
    '',
    'Shares of the twin’s throughput are taken two ways, round by round (median, lowest–highest round): measured, req/s ' +
      'over the twin’s req/s, and implied by CPU, the twin’s CPU per request (its process and its PostgreSQL backends) over ' +
      'the server’s, which is the share a server keeps where CPU is what limits, as on this machine, and which the rest ' +
      'of the machine’s work moves far less. The verdict takes the CPU figure (req/s when PostgreSQL’s CPU could not be read).',
    '',
    '| Scenario | Server | req/s | Share of the twin’s req/s: measured | implied by CPU | CPU ms/req | PostgreSQL CPU ms/req | Open model p50 / p99 ms |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  const verdicts: string[] = [];
  for (const row of rows) {
    const twin = row.twin as Summary;
    const servers: Array<[string, string, Summary, OpenSummary | undefined]> = [
      [TWIN, 'plaintext twin', twin, row.open?.twin],
      ['baseline', 'bare baseline', row.baseline, row.open?.baseline],
      ['product', 'product', row.product, row.open?.product],
    ];
    for (const [label, name, summary, open] of servers) {
      const ofTwin = label === TWIN ? null : throughputShare(row.runs, label, TWIN);
      const implied = ofTwin ? (ofTwin.cpu.n ? share(ofTwin.cpu) : '–') : '100%';
      lines.push(
        `| ${row.title} (${authOf(row)}) | ${name} | ${fixed(summary.rps)} | ${ofTwin ? share(ofTwin.rps) : '100%'} | ${implied} | ${ms(summary.cpuMsPerRequest)} | ${ms(summary.dbCpuMsPerRequest)} | ${open ? `${ms(open.p50, 1)} / ${ms(open.p99, 1)}` : '–'} |`,
      );
    }
    const productShare = throughputShare(row.runs, 'product', TWIN);
    const baselineShare = throughputShare(row.runs, 'baseline', TWIN);
    const basis = (value: ReturnType<typeof throughputShare>) =>
      `${share(value.figure)}${value.basis === 'cpu' ? ' by CPU' : ''}`;
    const cpuAdded = row.baseline.cpuMsPerRequest - twin.cpuMsPerRequest;
    const dbAdded =
      row.baseline.dbCpuMsPerRequest !== undefined && twin.dbCpuMsPerRequest !== undefined
        ? row.baseline.dbCpuMsPerRequest - twin.dbCpuMsPerRequest
        : undefined;
    const goal = row.kind === 'read' ? GOALS.twinShare.list : undefined;
    const invalid = failures(row.product, row.baseline, twin) > 0;
    const verdict: Verdict | undefined =
      goal === undefined
        ? undefined
        : invalid
          ? 'invalid'
          : productShare.figure.median >= goal
            ? 'meets goal'
            : 'below goal';
    const what =
      row.kind === 'read'
        ? 'looking up the page’s data keys (cached after the first request) and opening every field'
        : 'minting and wrapping a data key, sealing every field, the blind index of the email and the search digests, and their index entries';
    const more = (value: number) => `${fixed(Math.abs(value), 2)} ms ${value >= 0 ? 'more' : 'less'}`;
    verdicts.push(
      `- **${row.title}**: the bare baseline differs from the twin by ${what} only. It keeps ` +
        `${basis(baselineShare)} of the twin’s throughput, and per request its process spends ${more(cpuAdded)} CPU` +
        `${dbAdded === undefined ? '' : ` and PostgreSQL ${more(dbAdded)}`}: what per-subject encryption and blind search ` +
        `cost on this request without a framework. The product keeps ${basis(productShare)}` +
        (row.open?.twin
          ? `; at the open model’s ${fixed(row.open.rate)} req/s a user waits ${ms(row.open.product.p50, 1)} ms at the median ` +
            `(p99 ${ms(row.open.product.p99, 1)} ms) for the product against ${ms(row.open.twin.p50, 1)} ms ` +
            `(${ms(row.open.twin.p99, 1)} ms) for the twin`
          : '') +
        (verdict ? `. Goal: the product at ${percent(goal as number)} of the twin or more: ${mark(verdict)}.` : '.'),
    );
  }
  return [...lines, '', ...verdicts, ''];
}

const roundsOf = (runs: RunRecord[]) => new Set(runs.map((run) => run.round)).size;

function goalRows(report: BenchReport): string[] {
  const rows: string[] = [];
  if (report.audit) {
    const { audit } = report;
    const product = auditOverhead(audit.runs, 'product audit on', 'product audit off');
    const baseline = auditOverhead(audit.runs, 'baseline audit on', 'baseline audit off');
    const cell = (overhead: ReturnType<typeof auditOverhead>, on: Summary, off: Summary) =>
      (overhead.cpu.n ? `${share(overhead.cpu)} by CPU; ` : '') +
      `${share(overhead.rps)} by req/s (${fixed(on.rps)} vs ${fixed(off.rps)}); CPU ${ms(on.cpuMsPerRequest)} vs ${ms(off.cpuMsPerRequest)} ms/req` +
      (on.dbCpuMsPerRequest !== undefined && off.dbCpuMsPerRequest !== undefined
        ? `, PostgreSQL ${ms(on.dbCpuMsPerRequest)} vs ${ms(off.dbCpuMsPerRequest)}`
        : '');
    // Recomputed, so older runs (judged by req/s) read with the method of this generator.
    const verdict = audit.verdict === 'invalid' ? 'invalid' : auditVerdict(audit.runs, []);
    rows.push(
      `| Audit overhead on a write (create a contact, JWT), trail on against off, median (min–max) of ${roundsOf(audit.runs)} paired round${roundsOf(audit.runs) === 1 ? '' : 's'}: implied by CPU (process + PostgreSQL), and measured in req/s | ${cell(product, audit.productOn, audit.productOff)} | ${cell(baseline, audit.baselineOn, audit.baselineOff)} | < ${percent(GOALS.auditOverhead.goal)} (floor ${percent(GOALS.auditOverhead.floor)}) | ${mark(verdict)} |`,
    );
  }
  const { memory } = report;
  rows.push(
    `| API memory (RSS) at rest, after start | ${fixed(memory.product.atRestMb)} MB | ${fixed(memory.baseline.atRestMb)} MB | | |`,
    `| API memory (RSS) under load, peak over every run | ${fixed(memory.product.underLoadPeakMb)} MB | ${fixed(memory.baseline.underLoadPeakMb)} MB | < ${GOALS.rssUnderLoadMb} MB (no floor) | ${mark(memory.verdict)} |`,
    `| API memory (RSS) at rest, after the load | ${fixed(memory.product.afterLoadMb)} MB | ${fixed(memory.baseline.afterLoadMb)} MB | | |`,
  );
  if (report.startup) {
    const { startup } = report;
    rows.push(
      `| \`npm start\` to ready, empty DATA_DIR (embedded PGlite created, migrated, demo seeded) | ${fixed(startup.cleanMedian, 2)} s | | < ${GOALS.startSeconds} s | ${mark(startup.verdict)} |`,
      `| \`npm start\` to ready again on the same DATA_DIR | ${fixed(startup.againMedian, 2)} s | | < ${GOALS.startSeconds} s | ${mark(startup.verdict === 'invalid' ? 'invalid' : startup.againMedian < GOALS.startSeconds ? 'meets goal' : 'below goal')} |`,
    );
  }
  return rows;
}

function purgeLines(report: BenchReport): string[] {
  const { purge } = report;
  if (!purge) return [];
  const verdict = (row: PurgeReport['scenarios'][number]) =>
    row.verdict === 'meets goal'
      ? mark('meets goal')
      : row.verdict === 'invalid'
        ? mark('invalid')
        : '❌ over the limit';
  const runs = roundsOf(purge.runs.filter((run) => run.round > 0));
  const cell = (summary: Summary | undefined) =>
    summary ? `${fixed(summary.p50)} / ${fixed(summary.p99)} (${fixed(summary.rps)})` : '–';
  return [
    '## The retention purge under load',
    '',
    `${purge.rows.toLocaleString('en-GB')} expired cookie choices of the tenant’s organization (inserted with one ` +
      `\`INSERT … SELECT generate_series\` in ${fixed(purge.insertSeconds, 1)} s, removed again if any are left), purged by ` +
      `the owner’s run of the \`${purge.rule}\` rule (\`POST /retention/rules/${purge.rule}/runs\`) through the API’s own ` +
      `job worker while the scenarios below run at ${report.settings.connections} connections (\`bench/run/purge.ts\`): ` +
      `${runs} round${runs === 1 ? '' : 's'} of ${report.settings.seconds} s each before the run, then rounds alternating between ` +
      'the run purging and the run paused (its next batch waits for the run’s row lock, which the bench holds), then after it. ' +
      `Goal: p99 while purging at most ${PURGE_P99_LIMIT}× p99 without the purge; the verdict takes the median over rounds of ` +
      'purging over paused in the same round, as this machine is shared with other work and “before” and “after” may meet ' +
      'another machine.',
    '',
    '| Scenario (JWT) | before: p50 / p99 ms (req/s) | paused | purging | after | p99 purging / paused | p99 purging / before | Verdict |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...purge.scenarios.map(
      (row) =>
        `| ${row.title} | ${cell(row.before)} | ${cell(row.paused)} | ${cell(row.during)} | ${cell(row.after)} | ${fixed(row.p99Ratio, 2)}× | ${row.p99VersusBefore === undefined ? '–' : `${fixed(row.p99VersusBefore, 2)}×`} | ${verdict(row)} |`,
    ),
    '',
    `The run purged ${purge.purged.toLocaleString('en-GB')} rows in ${purge.batches.toLocaleString('en-GB')} batches of ` +
      `${purge.batchSize} (one transaction each) in ${fixed(purge.purgeSeconds, 1)} s from start to finish, pauses included: ` +
      `${fixed(purge.rowsPerSecond).replace(/\B(?=(\d{3})+(?!\d))/g, ',')} rows/s` +
      `${purge.coveredWholeMeasurement ? '; it was still running at the end of every measured run.' : '. It ended before the measurement did: the “purging” figures are partly after it (invalid).'}`,
    '',
  ];
}

function profileLines(report: BenchReport): string[] {
  if (report.profiles.length === 0) return [];
  const lines = [
    '## Where the time goes',
    '',
    'Both servers profiled with V8’s CPU profiler (`bench/run/profiler.ts`, started and stopped around the load, so ' +
      'start-up is not in it) under the same load, self time sorted by where the code lives, per request answered. ' +
      'Absolute values include this machine’s profiling overhead; the differences are what the product adds.',
  ];
  for (const profile of report.profiles) {
    lines.push(
      '',
      `### ${profile.scenario}`,
      '',
      `${profile.requests.product} requests (product) and ${profile.requests.baseline} (baseline) in ${profile.seconds} s each.`,
      '',
      '| CPU per request | Product ms | Baseline ms | Product − baseline |',
      '| --- | ---: | ---: | ---: |',
      ...profile.categories
        .filter((row) => row.productMs >= 0.005 || row.baselineMs >= 0.005)
        .map(
          (row) =>
            `| ${row.category} | ${fixed(row.productMs, 2)} | ${fixed(row.baselineMs, 2)} | ${fixed(row.productMs - row.baselineMs, 2)} |`,
        ),
      `| **total** | **${fixed(profile.busyMsPerRequest.product, 2)}** | **${fixed(profile.busyMsPerRequest.baseline, 2)}** | **${fixed(profile.busyMsPerRequest.product - profile.busyMsPerRequest.baseline, 2)}** |`,
      '',
      'The product’s functions with the most self time:',
      '',
      '| Function | Where | ms per request |',
      '| --- | --- | ---: |',
      ...profile.productHotspots.map((spot) => `| \`${spot.function}\` | ${spot.location} | ${fixed(spot.ms, 3)} |`),
    );
  }
  return [...lines, ''];
}

function parityLines(report: BenchReport): string[] {
  const failing = report.parity.filter((outcome) => !outcome.sameSql || !outcome.sameJson);
  const lines = [
    `Before measuring, each scenario's requests went to both servers with every SQL statement captured (\`bench/run/capture-sql.ts\`): ` +
      `${report.parity.length - failing.length} of ${report.parity.length} scenarios sent the same statements with the same parameters ` +
      'and answered the same JSON (reads: byte for byte; writes: the same shape, for other records).',
    '',
    '| Scenario | SQL statements per iteration | Same SQL | Same JSON |',
    '| --- | --- | --- | --- |',
    ...report.parity.map(
      (outcome) =>
        `| ${outcome.scenario} | ${outcome.statements} | ${outcome.sameSql ? 'yes' : 'NO'} | ${outcome.sameJson ? 'yes' : 'NO'} |`,
    ),
  ];
  for (const outcome of failing) {
    if (outcome.difference) lines.push('', `\`${outcome.scenario}\`:`, '', '```', outcome.difference, '```');
  }
  return lines;
}

function twinParityLines(report: BenchReport): string[] {
  if (!report.twinParity?.length) return [];
  return [
    '',
    'The plaintext twin was checked against the product the same way: the same JSON for the list (byte for byte: the twin’s ' +
      'plaintext is what the product decrypts) and the same shape for a create. Its statements are the baseline’s on the ' +
      '`bench_plain` schema without those of the data keys (on a warm list the product finds its keys in its cache, so ' +
      'the counts can be equal).',
    '',
    '| Scenario | Statements per iteration: product / twin | Same JSON | Twin’s statements |',
    '| --- | --- | --- | --- |',
    ...report.twinParity.map(
      (outcome) =>
        `| ${outcome.scenario} | ${outcome.productStatements} / ${outcome.twinStatements} | ${outcome.sameJson ? 'yes' : 'NO'} | ${outcome.twinSql.map((text) => `\`${text.replace(/\s+/g, ' ').trim().slice(0, 60).replace(/\|/g, '\\|')}…\``).join('<br>')} |`,
    ),
    ...(report.twinParity.some((outcome) => outcome.difference)
      ? ['', '```', ...report.twinParity.flatMap((outcome) => outcome.difference ?? []), '```']
      : []),
  ];
}

function pinningLine(settings: RunSettings): string {
  const { pin } = settings;
  return pin
    ? `Pinned (\`--pin\`, \`taskset\`): the server under test on CPU ${pin.server}, the load generator on CPU ${pin.load}, ` +
        `the servers’ PostgreSQL backends on CPU ${pin.db}; PostgreSQL’s own background processes and everything else on ` +
        'the machine were not pinned.'
    : 'Not pinned: the operating system placed the servers, PostgreSQL and the load generator (`--pin` pins them; see the notes).';
}

export function renderMarkdown(report: BenchReport, notes: string | null, chartPath: string | null): string {
  const { machine, settings, seed } = report;
  const counts = Object.entries(seed.counts)
    .map(([table, count]) => `${table} ${count.toLocaleString('en-GB')}`)
    .join(', ');
  const hasOpen = report.scenarios.some((row) => row.open);
  return [
    '# Benchmarks',
    '',
    '<!-- Generated by `npm run bench` (bench/run/report.ts); the notes come from bench/run/notes.md. Do not edit by hand. -->',
    '',
    'Every speed figure of Steward CRM is a ratio: the API against a bare Node baseline (`bench/baseline/`: `node:http` and the `pg` driver) ' +
      'doing the same work on the same database in the same run — the same SQL statements, the same JWT check with its per-request ' +
      'session lookup (or API-key lookup), the same tenant and branch scoping, decryption through the product’s own `libs/crypto` ' +
      'and the same JSON. Load comes from a separate process on loopback; the servers take turns, ' +
      `${settings.warmupSeconds ? `a warm-up run each (${settings.warmupSeconds} s) per scenario` : 'one warm-up run each'}, then ${settings.rounds} round${settings.rounds === 1 ? '' : 's'} of ${settings.seconds} s ` +
      `at ${settings.connections} connections (closed loop: autocannon keeps every connection busy), the order rotating each round.`,
    '',
    '**How the verdicts are taken.** The product’s CPU per request over the baseline’s decides: ' +
      `at most ${GOALS.cpu.goal}× meets the goal (the throughput ratio follows: about ${percent(1 / GOALS.cpu.goal)} or more), ` +
      `over ${GOALS.cpu.floor}× is below the floor. CPU ms/req is the server process’s own CPU time (user + system, from ` +
      '`/proc/<pid>/stat`) over the requests it answered. In each round the servers run back to back and meet whatever ' +
      'else the machine is doing alike; the verdict takes the median of the rounds’ own ratios, and the tables show the ' +
      'lowest and highest round beside it, so a rerun on a quiet or a busy machine gives the same verdict. Throughput ' +
      '(req/s) and its ratio are shown too: they move with the machine’s load, and PostgreSQL’s and the load generator’s ' +
      'share of the cores, the same for both servers, dilutes their difference. PostgreSQL CPU ms/req is the CPU of the ' +
      'backends serving the server’s connections (found by their `application_name`), read the same way.',
    '',
    `Run: ${report.generatedAt} (${report.mode}${report.mode === 'quick' ? ', a smoke run: short and noisy' : ''}), on the tenant of seed ${seed.seed} (rows per table: ${counts}).` +
      ` The deep page is page ${seed.deepPage} of the contact list. ${pinningLine(settings)}`,
    '',
    '## CPU per request and throughput',
    '',
    `Goal: product CPU per request at most ${GOALS.cpu.goal}× the baseline’s; floor ${GOALS.cpu.floor}×. Ratios: median of the rounds (lowest–highest round).`,
    '',
    '| Scenario | Auth | Product CPU ms/req | Baseline CPU ms/req | CPU ratio | Product req/s | Baseline req/s | req/s ratio | Verdict |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...scenarioRows(report),
    '',
    '“One contact with its timeline” is the pair of requests the contact page makes (`GET /contacts/:id`, then the first 50 ' +
      'communications): each connection alternates them, and req/s counts both.',
    '',
    ...openLines(report),
    ...(chartPath ? [`![Latency percentiles, product and baseline](${chartPath})`, ''] : []),
    ...privacyLines(report),
    '## The other goals',
    '',
    'The audit trail’s cost is measured on the same write with the trail on and off, the four servers (product and ' +
      'baseline, each with it on and off) in turn in every round; each round gives its own overhead, and the verdict takes ' +
      'their median, implied by CPU as for the twin (1 − CPU per request off over on, the process and its PostgreSQL ' +
      'backends: most of the chain’s work is in PostgreSQL), or in req/s when PostgreSQL’s CPU could not be read. A ' +
      'req/s overhead well above the CPU one on a quiet machine is waiting, not work: the chain’s lock. Memory has a goal ' +
      'and no floor: a row that misses it is marked ⚠️ and the notes say why.',
    '',
    '| What | Product | Baseline | Goal | Verdict |',
    '| --- | ---: | ---: | --- | --- |',
    ...goalRows(report),
    '',
    '## Closed-loop latency and PostgreSQL',
    '',
    `Latency at ${settings.connections} connections always busy is queueing (Little’s law: ${settings.connections} over the ` +
      `throughput) for both servers: it is here for reference, ${hasOpen ? 'the latency goal is the open model’s above' : 'not a goal'}.`,
    '',
    '| Scenario | Auth | Product p50 / p99 ms | Baseline p50 / p99 ms | Product PostgreSQL CPU ms/req | Baseline PostgreSQL CPU ms/req | Product RSS peak, MB |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
    ...closedLatencyRows(report),
    '',
    ...purgeLines(report),
    ...profileLines(report),
    '## Same work on both sides',
    '',
    ...parityLines(report),
    ...twinParityLines(report),
    '',
    ...(notes ? [notes.trim(), ''] : []),
    '## How to run',
    '',
    '```bash',
    'npm run bench             # full: the issue’s sizes, about half an hour after the seed exists',
    'npm run bench -- --quick  # smoke run, about three minutes: bench/results/quick.{md,json}',
    'npm run bench -- --pin    # the same with the servers, PostgreSQL’s backends and the load generator pinned to cores',
    '```',
    '',
    'It builds what changed, seeds `steward_bench` on the PostgreSQL at `--database-url` (default ' +
      '`postgres://postgres@127.0.0.1:5432/steward_bench`) unless `bench/.data/manifest.json` already describes that seed ' +
      '(`--seed N` picks another, `--reseed` forces one), runs `ANALYZE`, checks SQL parity, measures, times `npm start` on a ' +
      'fresh embedded database, and writes this page, `bench/results/latest.json` and `docs/images/bench-latency.svg`. ' +
      'Options: `--rounds`, `--seconds`, `--warmup`, `--connections`, `--open-rounds N` (rounds of the open model, 0 for none), ' +
      '`--only <scenario id part>`, `--skip-startup`, ' +
      '`--pin` (with `--pin-layout server=1,load=0,db=0` to choose the CPUs; by default the server gets the upper half of ' +
      'the cores, the load generator core 0 and PostgreSQL’s backends the cores between, core 0 on two cores), ' +
      '`--profile <scenario ids>|none`, `--parity-only`, `--purge-rows N` (the purge measurement, selected by `--only purge-under-load`; ' +
      'a run with `--only` writes `bench/results/partial.*` and, when it measured the purge, puts that section on this page), ' +
      '`--api-node-flags=<flags>` (experiments: the API with other Node flags), ' +
      '`--render` (rewrite this page from the last results after editing `bench/run/notes.md`). ' +
      'Benchmarks never run in `npm test`.',
    '',
    '## The machine',
    '',
    '| | |',
    '| --- | --- |',
    ...Object.entries(machine).map(([key, value]) => `| ${key} | ${value} |`),
    `| run took | ${fixed(report.durationSeconds / 60, 1)} min |`,
    '',
    'Everything runs on this one machine: PostgreSQL, the servers and the load generator share its cores, as the load ' +
      'generator and the server would not in production, and other work may run beside them (the load averages above say ' +
      'how much). The servers take turns round by round, so all meet the same conditions: the ratios are what carries ' +
      'over, and CPU ms per request is the steadiest figure; absolute req/s are this machine’s.',
    '',
  ].join('\n');
}

/** Latency percentiles (p50, p90, p99) of every scenario, product above baseline, on a log scale. */
export function renderChart(report: BenchReport): string {
  // The open model's latencies when the run measured them (the goal is theirs), else the closed loop's.
  const open = report.scenarios.some((row) => row.open);
  const rows = report.scenarios
    .filter((row) => !open || row.open)
    .map((row) => ({
      title: row.title,
      auth: row.auth,
      product: open ? (row.open as OpenReport).product : row.product,
      baseline: open ? (row.open as OpenReport).baseline : row.baseline,
    }));
  const heading = open
    ? `Latency at ${percent(report.settings.openLoadShare ?? GOALS.openLoadShare)} of the baseline’s capacity, fixed rate (ms, log scale): p50 ● p90 | p99 ▲`
    : `Latency at ${report.settings.connections} connections (ms, log scale): p50 ● p90 | p99 ▲`;
  const left = 330;
  const width = 980;
  const plot = width - left - 30;
  const rowHeight = 34;
  const top = 80;
  const height = top + rows.length * rowHeight + 60;
  const highest = Math.max(...rows.flatMap((row) => [row.product.p99, row.baseline.p99]), 10);
  const lowest = Math.max(0.5, Math.min(...rows.flatMap((row) => [row.product.p50, row.baseline.p50])));
  const min = 10 ** Math.floor(Math.log10(lowest));
  const max = 10 ** Math.ceil(Math.log10(highest));
  const round = (value: number) => Math.round(value * 10) / 10;
  const x = (ms: number) =>
    round(left + (Math.log10(Math.max(ms, min)) - Math.log10(min)) * (plot / (Math.log10(max) - Math.log10(min))));
  const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif" font-size="12" role="img" aria-labelledby="bench-latency-title">`,
    `<title id="bench-latency-title">Latency percentiles (p50, p90, p99) of every benchmark scenario, Steward CRM API and bare baseline</title>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${left}" y="24" font-size="15" font-weight="600">${xml(heading)}</text>`,
    `<rect x="${left}" y="36" width="14" height="8" fill="#2563eb"/><text x="${left + 20}" y="44">Steward CRM API</text>`,
    `<rect x="${left + 150}" y="36" width="14" height="8" fill="#9ca3af"/><text x="${left + 170}" y="44">bare baseline (node:http + pg)</text>`,
  ];
  for (let tick = min; tick <= max; tick *= 10) {
    for (const step of [1, 2, 5]) {
      const value = tick * step;
      if (value > max) break;
      const at = x(value);
      parts.push(
        `<line x1="${at}" y1="${top - 8}" x2="${at}" y2="${top + rows.length * rowHeight}" stroke="${step === 1 ? '#d1d5db' : '#f3f4f6'}"/>`,
        `<text x="${at}" y="${top + rows.length * rowHeight + 16}" text-anchor="middle" fill="#6b7280">${value >= 1 ? value : value.toFixed(1)}</text>`,
      );
    }
  }
  if (open && GOALS.openP99Ms >= min && GOALS.openP99Ms <= max) {
    const goal = x(GOALS.openP99Ms);
    parts.push(
      `<line x1="${goal}" y1="${top - 8}" x2="${goal}" y2="${top + rows.length * rowHeight}" stroke="#dc2626" stroke-dasharray="4 3"/>`,
      `<text x="${goal + 4}" y="${top - 10}" fill="#dc2626">p99 goal: ${GOALS.openP99Ms} ms</text>`,
    );
  }
  rows.forEach((row, index) => {
    const y = top + index * rowHeight;
    parts.push(
      `<text x="${left - 10}" y="${y + 15}" text-anchor="end">${xml(row.title)} (${row.auth === 'jwt' ? 'JWT' : 'API key'})</text>`,
    );
    [
      [row.product, '#2563eb', 6],
      [row.baseline, '#9ca3af', 20],
    ].forEach(([summary, colour, offset]) => {
      const { p50, p90, p99 } = summary as Summary | OpenSummary;
      const cy = y + (offset as number);
      parts.push(
        `<line x1="${x(p50)}" y1="${cy}" x2="${x(p99)}" y2="${cy}" stroke="${colour}" stroke-width="4"/>`,
        `<circle cx="${x(p50)}" cy="${cy}" r="4.5" fill="${colour}"/>`,
        `<line x1="${x(p90)}" y1="${cy - 6}" x2="${x(p90)}" y2="${cy + 6}" stroke="${colour}" stroke-width="2"/>`,
        `<path d="M ${x(p99) - 5} ${cy + 5} L ${x(p99)} ${cy - 5} L ${x(p99) + 5} ${cy + 5} Z" fill="${colour}"/>`,
      );
    });
  });
  parts.push(
    `<text x="${left}" y="${height - 12}" fill="#6b7280">${xml(`npm run bench, ${report.generatedAt.slice(0, 10)}: ${open ? `every answer of ${report.settings.openRounds ?? 0} rounds at a fixed rate` : `medians of ${report.settings.rounds} rounds`}; see docs/benchmarks.md`)}</text>`,
    '</svg>',
    '',
  );
  return parts.join('\n');
}

export interface OutputPaths {
  markdown: string;
  json: string;
  chart: string;
}

export function writeReport(report: BenchReport, paths: OutputPaths): void {
  const notesFile = resolve(ROOT, 'bench/run/notes.md');
  const notes = existsSync(notesFile) ? readFileSync(notesFile, 'utf8') : null;
  for (const path of Object.values(paths)) mkdirSync(dirname(path), { recursive: true });
  writeFileSync(paths.json, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(paths.chart, renderChart(report));
  writeFileSync(paths.markdown, renderMarkdown(report, notes, relative(dirname(paths.markdown), paths.chart)));
}
