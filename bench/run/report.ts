import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import type { RunRecord, RunSettings, Summary } from './measure.js';
import type { ParityOutcome } from './parity.js';
import { ROOT } from './processes.js';
import type { ProfileReport } from './profile.js';
import { PURGE_P99_LIMIT, type PurgeReport } from './purge.js';
import { GOALS } from './scenarios.js';
import type { StartupResult } from './startup.js';

export type Verdict = 'meets goal' | 'below goal' | 'below floor' | 'invalid';

export interface ScenarioReport {
  id: string;
  title: string;
  kind: 'read' | 'write';
  auth: 'jwt' | 'api-key';
  product: Summary;
  baseline: Summary;
  /** Product requests per second over the baseline's (medians). */
  ratio: number;
  goal: number;
  floor: number;
  verdict: Verdict;
  runs: RunRecord[];
}

export interface AuditReport {
  scenario: string;
  productOn: Summary;
  productOff: Summary;
  baselineOn: Summary;
  baselineOff: Summary;
  /** Throughput lost to the audit trail: 1 - on / off. */
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
  scenarios: ScenarioReport[];
  profiles: ProfileReport[];
  audit: AuditReport | null;
  memory: {
    product: { atRestMb: number; underLoadPeakMb: number; afterLoadMb: number };
    baseline: { atRestMb: number; underLoadPeakMb: number; afterLoadMb: number };
    verdict: Verdict;
  };
  listP99: { scenario: string; productMs: number; baselineMs: number; verdict: Verdict } | null;
  /** The first page at one connection: the latency of a request with no queue in front of it. */
  oneAtATime: { scenario: string; product: Summary; baseline: Summary } | null;
  startup: (StartupResult & { cleanMedian: number; againMedian: number; verdict: Verdict }) | null;
  /** The retention purge under load (absent from runs before it existed). */
  purge?: PurgeReport | null;
  durationSeconds: number;
}

export const ratioVerdict = (ratio: number, goal: number, floor: number): Verdict =>
  ratio >= goal ? 'meets goal' : ratio >= floor ? 'below goal' : 'below floor';

const fixed = (value: number, digits = 0) => value.toFixed(digits);
const percent = (value: number) => `${(value * 100).toFixed(0)}%`;
const mark = (verdict: Verdict) =>
  ({
    'meets goal': '✅ meets goal',
    'below goal': '⚠️ below goal',
    'below floor': '❌ below floor',
    invalid: '❌ invalid',
  })[verdict];

function scenarioRows(report: BenchReport): string[] {
  return report.scenarios.map((row) => {
    const flagged = row.product.non2xx + row.product.errors + row.baseline.non2xx + row.baseline.errors;
    return `| ${row.title} | ${row.auth === 'jwt' ? 'JWT' : 'API key'} | ${fixed(row.product.rps)} | ${fixed(row.baseline.rps)} | ${percent(row.ratio)} | ≥ ${percent(row.goal)} | ${percent(row.floor)} | ${mark(row.verdict)}${flagged ? ` (${flagged} failed requests)` : ''} |`;
  });
}

function latencyRows(report: BenchReport): string[] {
  return report.scenarios.map(
    (row) =>
      `| ${row.title} | ${row.auth === 'jwt' ? 'JWT' : 'API key'} | ${fixed(row.product.p50)} / ${fixed(row.product.p99)} | ${fixed(row.baseline.p50)} / ${fixed(row.baseline.p99)} | ${fixed(row.product.cpuMsPerRequest, 2)} | ${fixed(row.baseline.cpuMsPerRequest, 2)} | ${row.product.cpuMsPerRequest ? percent(row.baseline.cpuMsPerRequest / row.product.cpuMsPerRequest) : ''} |`,
  );
}

const rounds = (runs: RunRecord[]) => new Set(runs.map((run) => run.round)).size;

function goalRows(report: BenchReport): string[] {
  const rows: string[] = [];
  if (report.listP99) {
    rows.push(
      `| p99 of the contact list (first page, JWT) at ${report.settings.connections} connections | ${fixed(report.listP99.productMs)} ms | ${fixed(report.listP99.baselineMs)} ms | < ${GOALS.listP99Ms} ms (no floor) | ${mark(report.listP99.verdict)} |`,
    );
  }
  if (report.oneAtATime) {
    const { product, baseline } = report.oneAtATime;
    rows.push(
      `| The same page one request at a time (1 connection): p50 / p99 | ${fixed(product.p50)} / ${fixed(product.p99)} ms (${fixed(product.rps)} req/s) | ${fixed(baseline.p50)} / ${fixed(baseline.p99)} ms (${fixed(baseline.rps)} req/s) | | |`,
    );
  }
  if (report.audit) {
    const { audit } = report;
    rows.push(
      `| Audit overhead on a write (create a contact, JWT): req/s lost with the audit trail on, over ${rounds(audit.runs)} rounds | ${percent(audit.productOverhead)} (${fixed(audit.productOn.rps)} vs ${fixed(audit.productOff.rps)} req/s) | ${percent(audit.baselineOverhead)} (${fixed(audit.baselineOn.rps)} vs ${fixed(audit.baselineOff.rps)} req/s) | < ${percent(GOALS.auditOverhead.goal)} (floor ${percent(GOALS.auditOverhead.floor)}) | ${mark(audit.verdict)} |`,
    );
  }
  const { memory } = report;
  rows.push(
    `| API memory (RSS) at rest, after start | ${fixed(memory.product.atRestMb)} MB | ${fixed(memory.baseline.atRestMb)} MB | | |`,
    `| API memory (RSS) under load, peak | ${fixed(memory.product.underLoadPeakMb)} MB | ${fixed(memory.baseline.underLoadPeakMb)} MB | < ${GOALS.rssUnderLoadMb} MB (no floor) | ${mark(memory.verdict)} |`,
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
  const runs = rounds(purge.runs.filter((run) => run.round > 0));
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

export function renderMarkdown(report: BenchReport, notes: string | null, chartPath: string | null): string {
  const { machine, settings, seed } = report;
  const counts = Object.entries(seed.counts)
    .map(([table, count]) => `${table} ${count.toLocaleString('en-GB')}`)
    .join(', ');
  return [
    '# Benchmarks',
    '',
    '<!-- Generated by `npm run bench` (bench/run/report.ts); the notes come from bench/run/notes.md. Do not edit by hand. -->',
    '',
    'Every speed figure of Steward CRM is a ratio: the API against a bare Node baseline (`bench/baseline/`: `node:http` and the `pg` driver) ' +
      'doing the same work on the same database in the same run — the same SQL statements, the same JWT check with its per-request ' +
      'session lookup (or API-key lookup), the same tenant and branch scoping, decryption through the product’s own `libs/crypto` ' +
      'and the same JSON. Load comes from autocannon in a separate process on loopback; the two servers take turns, ' +
      `${settings.warmupSeconds ? `a warm-up run each (${settings.warmupSeconds} s) per scenario` : 'one warm-up run each'}, then ${settings.rounds} rounds of ${settings.seconds} s at ${settings.connections} connections. ` +
      'Figures are medians over the rounds; a ratio is the median of the rounds’ own ratios (in each round the two servers ' +
      'run back to back, so both meet whatever else the machine is doing).',
    '',
    `Run: ${report.generatedAt} (${report.mode}${report.mode === 'quick' ? ', a smoke run: short and noisy' : ''}), on the tenant of seed ${seed.seed} (rows per table: ${counts}).` +
      ` The deep page is page ${seed.deepPage} of the contact list.`,
    '',
    '## Throughput',
    '',
    '| Scenario | Auth | Product req/s | Baseline req/s | Ratio | Goal | Floor | Verdict |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |',
    ...scenarioRows(report),
    '',
    '“One contact with its timeline” is the pair of requests the contact page makes (`GET /contacts/:id`, then the first 50 ' +
      'communications): each connection alternates them, and req/s counts both.',
    '',
    '## The other goals',
    '',
    'The issue sets floors for throughput and the audit trail only; the rows below have a goal and no floor: one that misses it is marked ⚠️ and “What limits the figures” says why.',
    '',
    '| What | Product | Baseline | Goal | Verdict |',
    '| --- | ---: | ---: | --- | --- |',
    ...goalRows(report),
    '',
    '## Latency',
    '',
    ...(chartPath ? [`![Latency percentiles, product and baseline](${chartPath})`, ''] : []),
    '| Scenario | Auth | Product p50 / p99 ms | Baseline p50 / p99 ms | Product CPU ms/req | Baseline CPU ms/req | Baseline / product CPU |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
    ...latencyRows(report),
    '',
    'CPU ms/req is the server process’s own CPU time (user + system, from `/proc/<pid>/stat`) over the requests it answered: ' +
      'it depends much less than req/s on what else the machine was doing. Its ratio is often below the req/s ratio: ' +
      'PostgreSQL’s and the load generator’s share of the cores, the same for both servers, dilutes the difference in throughput.',
    '',
    ...purgeLines(report),
    ...profileLines(report),
    '## Same work on both sides',
    '',
    ...parityLines(report),
    '',
    ...(notes ? [notes.trim(), ''] : []),
    '## How to run',
    '',
    '```bash',
    'npm run bench             # full: the issue’s sizes, about 20 minutes after the seed exists',
    'npm run bench -- --quick  # smoke run, under two minutes: bench/results/quick.{md,json}',
    '```',
    '',
    'It builds what changed, seeds `steward_bench` on the PostgreSQL at `--database-url` (default ' +
      '`postgres://postgres@127.0.0.1:5432/steward_bench`) unless `bench/.data/manifest.json` already describes that seed ' +
      '(`--seed N` picks another, `--reseed` forces one), runs `ANALYZE`, checks SQL parity, measures, times `npm start` on a ' +
      'fresh embedded database, and writes this page, `bench/results/latest.json` and `docs/images/bench-latency.svg`. ' +
      'Options: `--rounds`, `--seconds`, `--warmup`, `--connections`, `--only <scenario id part>`, `--skip-startup`, ' +
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
    'Everything runs on this one machine: PostgreSQL, both servers and the load generator share its cores, as the load ' +
      'generator and the server would not in production, and other work may run beside them (the load averages above say ' +
      'how much). The servers take turns round by round, so both meet the same conditions: the ratios are what carries ' +
      'over, and CPU ms per request is the steadiest figure; absolute req/s are this machine’s.',
    '',
  ].join('\n');
}

/** Latency percentiles (p50, p90, p99) of every scenario, product above baseline, on a log scale. */
export function renderChart(report: BenchReport): string {
  const rows = report.scenarios;
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
    `<text x="${left}" y="24" font-size="15" font-weight="600">Latency at ${report.settings.connections} connections (ms, log scale): p50 ● p90 | p99 ▲</text>`,
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
  if (GOALS.listP99Ms >= min && GOALS.listP99Ms <= max) {
    const goal = x(GOALS.listP99Ms);
    parts.push(
      `<line x1="${goal}" y1="${top - 8}" x2="${goal}" y2="${top + rows.length * rowHeight}" stroke="#dc2626" stroke-dasharray="4 3"/>`,
      `<text x="${goal + 4}" y="${top - 10}" fill="#dc2626">p99 goal of the list: ${GOALS.listP99Ms} ms</text>`,
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
      const { p50, p90, p99 } = summary as Summary;
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
    `<text x="${left}" y="${height - 12}" fill="#6b7280">${xml(`npm run bench, ${report.generatedAt.slice(0, 10)}: medians of ${report.settings.rounds} rounds; see docs/benchmarks.md`)}</text>`,
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
