/**
 * `npm run bench`: the API against a bare baseline on the same seeded database. See
 * docs/benchmarks.md for what it measures; `--quick` is the smoke run. Started by
 * bench/run/launch.mjs, which builds first.
 */
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, totalmem, type } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { type Credentials, createApiKey, credentials as createCredentials, fresh, signIn } from './api.js';
import {
  LoadProcess,
  Measurer,
  median,
  pairedRatio,
  pairedRatios,
  type RunRecord,
  type RunSettings,
  summarize,
  type Target,
} from './measure.js';
import { checkParity, checkTwin, type TwinOutcome } from './parity.js';
import { defaultPinLayout, freePort, parsePinLayout, ROOT, ServerProcess, sleep } from './processes.js';
import { type ProfileReport, profileScenario } from './profile.js';
import { measurePurge, PURGE_SCENARIO_ID, type PurgeReport } from './purge.js';
import {
  type AuditReport,
  auditOverhead,
  auditVerdict,
  type BenchReport,
  type OpenReport,
  openVerdict,
  type ScenarioReport,
  scenarioVerdict,
  throughputShare,
  writeReport,
} from './report.js';
import { AUDIT_SCENARIO, GOALS, SCENARIOS, TWIN } from './scenarios.js';
import { measureStartup } from './startup.js';
import {
  BenchDatabase,
  DATA_DIR,
  ensureSeeded,
  MANIFEST,
  type Manifest,
  SERVER_APPLICATION_PREFIX,
  serverDatabaseUrl,
} from './tenant.js';

const { values: options } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    seed: { type: 'string', default: '42' },
    'database-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/steward_bench' },
    reseed: { type: 'boolean', default: false },
    rounds: { type: 'string' },
    /** Rounds of the open-model latency measurement per scenario (0: none). */
    'open-rounds': { type: 'string' },
    seconds: { type: 'string' },
    warmup: { type: 'string' },
    connections: { type: 'string', default: '32' },
    only: { type: 'string' },
    'skip-startup': { type: 'boolean', default: false },
    manifest: { type: 'string' },
    'parity-only': { type: 'boolean', default: false },
    /** Write the report again from the last results (after editing bench/run/notes.md). */
    render: { type: 'boolean', default: false },
    /** Scenarios to profile on both servers (comma-separated ids); `none` for none. */
    profile: { type: 'string' },
    /**
     * Extra Node flags for the API, for experiments (`--api-node-flags=--max-old-space-size=160`);
     * the report then measures that, not the API as npm start and the image run it.
     */
    'api-node-flags': { type: 'string', default: '' },
    /** Expired rows the purge-under-load measurement inserts and purges (quick: 100,000). */
    'purge-rows': { type: 'string' },
    /** Pin the servers, PostgreSQL's backends and the load generator to CPUs (taskset). */
    pin: { type: 'boolean', default: false },
    /** Which CPUs (`server=1,load=0,db=0`); implies --pin. */
    'pin-layout': { type: 'string' },
  },
});

/** The flags npm start runs the API with (from launch.mjs), then the experiment's own. */
const runtimeFlags = (process.env.STEWARD_API_NODE_FLAGS ?? '').split(/\s+/).filter(Boolean);
const apiNodeFlags = [...runtimeFlags, ...(options['api-node-flags'] as string).split(/\s+/).filter(Boolean)];

const quick = options.quick as boolean;
const pinLayout = options['pin-layout']
  ? parsePinLayout(options['pin-layout'] as string, cpus().length)
  : options.pin
    ? defaultPinLayout(cpus().length)
    : undefined;
const settings: RunSettings = {
  connections: Number(options.connections),
  // The smoke run warms each server up once (below) instead of before every scenario.
  warmupSeconds: Number(options.warmup ?? (quick ? 0 : 3)),
  seconds: Number(options.seconds ?? (quick ? 1 : 5)),
  rounds: Number(options.rounds ?? (quick ? 1 : 7)),
  settleMs: quick ? 150 : 500,
  openRounds: Number(options['open-rounds'] ?? (quick ? 1 : 3)),
  openLoadShare: GOALS.openLoadShare,
  ...(pinLayout ? { pin: pinLayout } : {}),
};
const startedAt = Date.now();
const log = (line: string) =>
  process.stdout.write(`[${((Date.now() - startedAt) / 1000).toFixed(0).padStart(4)} s] ${line}\n`);

/** Each server's database connections carry its name, so the bench can read (and pin) their backends. */
const applicationOf = (name: string) => `${SERVER_APPLICATION_PREFIX}${name.replace(/[^a-z0-9]+/gi, '-')}`;

/** Rate limits raised through settings (never by code), as for any load test. */
const productEnv = (manifest: Manifest, name: string, extra: Record<string, string> = {}) => ({
  ...manifest.productEnv,
  NODE_ENV: 'production',
  DATABASE_URL: serverDatabaseUrl(manifest.databaseUrl, applicationOf(name)),
  MASTER_KEY: manifest.masterKey,
  LOG_LEVEL: 'warn',
  RATE_LIMIT_PER_MINUTE: '1000000000',
  SIGN_IN_RATE_LIMIT_PER_MINUTE: '100000',
  DATA_DIR: resolve(DATA_DIR, 'api'),
  ...extra,
});

const baselineEnv = (manifest: Manifest, name: string, extra: Record<string, string> = {}) => ({
  DATABASE_URL: serverDatabaseUrl(manifest.databaseUrl, applicationOf(name)),
  MASTER_KEY: manifest.masterKey,
  ...extra,
});

async function startProduct(name: string, manifest: Manifest, extra: Record<string, string> = {}, preload?: string) {
  return ServerProcess.start({
    name,
    args: [...apiNodeFlags, ...(preload ? ['--import', preload] : []), 'dist/apps/api/src/main.js'],
    env: productEnv(manifest, name, extra),
    port: await freePort(),
    readyPath: '/api/v1/health/ready',
    applicationName: applicationOf(name),
    cpus: pinLayout?.server,
  });
}

async function startBaseline(name: string, manifest: Manifest, extra: Record<string, string> = {}, preload?: string) {
  return ServerProcess.start({
    name,
    args: [...(preload ? ['--import', preload] : []), 'dist/bench/baseline/server.js'],
    env: baselineEnv(manifest, name, extra),
    port: await freePort(),
    readyPath: '/api/v1/health/ready',
    applicationName: applicationOf(name),
    cpus: pinLayout?.server,
  });
}

/** The baseline serving the list and the create from plaintext tables (bench/baseline/plain.ts). */
const startTwin = (name: string, manifest: Manifest, extra: Record<string, string> = {}, preload?: string) =>
  startBaseline(name, manifest, { BENCH_PLAINTEXT: 'on', ...extra }, preload);

const loadBefore = loadavg()
  .map((value) => value.toFixed(2))
  .join(' / ');

function machine(runs: RunRecord[]): Record<string, string | number> {
  const command = (text: string) => {
    try {
      return execSync(text, { encoding: 'utf8' }).trim();
    } catch {
      return 'unknown';
    }
  };
  return {
    CPU: `${cpus()[0]?.model ?? 'unknown'} × ${cpus().length}`,
    memory: `${(totalmem() / 2 ** 30).toFixed(1)} GB`,
    OS: `${type()} ${command('uname -r')}`,
    Node: process.version,
    'API Node flags (scripts/lib/node-flags.mjs, then --api-node-flags)': apiNodeFlags.join(' ') || 'none',
    PostgreSQL: command('psql --version').replace('psql (PostgreSQL) ', ''),
    'load average before the run (1 / 5 / 15 min)': loadBefore,
    'load average (1 min) at the end of each measured run: min / median / max': (() => {
      const loads = runs.map((run) => run.loadAverage).sort((a, b) => a - b);
      if (loads.length === 0) return 'n/a';
      return [loads[0], loads[Math.floor(loads.length / 2)], loads[loads.length - 1]]
        .map((value) => value.toFixed(2))
        .join(' / ');
    })(),
  };
}

/** A run of some scenarios only (`--only`) must not replace the full run's page: it writes its own. */
const partial = Boolean(options.only) && !quick;
const fullOutputs = {
  markdown: resolve(ROOT, 'docs/benchmarks.md'),
  json: resolve(ROOT, 'bench/results/latest.json'),
  chart: resolve(ROOT, 'docs/images/bench-latency.svg'),
};
const outputs = partial
  ? {
      markdown: resolve(ROOT, 'bench/results/partial.md'),
      json: resolve(ROOT, 'bench/results/partial.json'),
      chart: resolve(ROOT, 'bench/results/partial-latency.svg'),
    }
  : quick
    ? {
        markdown: resolve(ROOT, 'bench/results/quick.md'),
        json: resolve(ROOT, 'bench/results/quick.json'),
        chart: resolve(ROOT, 'bench/results/quick-latency.svg'),
      }
    : fullOutputs;

async function main(): Promise<number> {
  if (options.render) {
    writeReport(JSON.parse(readFileSync(outputs.json, 'utf8')) as BenchReport, outputs);
    log(
      `Wrote ${outputs.markdown.replace(ROOT, '')} and ${outputs.chart.replace(ROOT, '')} from ${outputs.json.replace(ROOT, '')}`,
    );
    return 0;
  }
  mkdirSync(DATA_DIR, { recursive: true });
  log(`Steward CRM bench (${quick ? 'quick' : 'full'}): ${JSON.stringify(settings)}`);
  const manifest = await ensureSeeded(
    {
      seed: Number(options.seed),
      databaseUrl: options['database-url'] as string,
      quick,
      force: options.reseed as boolean,
      manifest: options.manifest ? resolve(options.manifest as string) : MANIFEST,
    },
    log,
  );
  const db = new BenchDatabase(manifest);
  const selected = (id: string) =>
    options.only ? (options.only as string).split(',').some((part) => id.includes(part)) : true;
  const scenarios = SCENARIOS.filter((scenario) => selected(scenario.id));
  const twinned = scenarios.filter((scenario) => scenario.twin);
  const servers: ServerProcess[] = [];
  if (pinLayout) {
    log(
      `Pinning: servers on CPU ${pinLayout.server}, load generator on CPU ${pinLayout.load}, PostgreSQL backends on CPU ${pinLayout.db}`,
    );
  }
  const load = new LoadProcess(pinLayout?.load);
  const stopAll = async () => {
    await Promise.all(servers.splice(0).map((server) => server.stop()));
  };
  const onSignal = () => {
    void stopAll().then(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const removed = await db.removeBenchContacts();
    if (removed) log(`Removed ${removed} contacts left by an earlier run`);
    log('ANALYZE (planner statistics, as autovacuum keeps them on a live database)');
    await db.analyze();
    const samples = await db.samples();
    log(`Job pool: ${await db.loadJobPool()} jobs in status new`);

    // 1. The same work: capture both servers' SQL for every scenario and compare.
    const capture = pathToFileURL(resolve(ROOT, 'dist/bench/run/capture-sql.js')).href;
    const productLog = resolve(DATA_DIR, 'sql-product.jsonl');
    const baselineLog = resolve(DATA_DIR, 'sql-baseline.jsonl');
    log('Checking SQL parity');
    const capturedProduct = await startProduct(
      'product (SQL captured)',
      manifest,
      { BENCH_SQL_LOG: productLog },
      capture,
    );
    servers.push(capturedProduct);
    const capturedBaseline = await startBaseline(
      'baseline (SQL captured)',
      manifest,
      { BENCH_SQL_LOG: baselineLog },
      capture,
    );
    servers.push(capturedBaseline);
    // One session for both (the session check is compared), an API key each.
    const forProduct = await createCredentials(capturedProduct.origin, manifest.owner, 'parity, product');
    const baselineKey = await createApiKey(capturedProduct.origin, forProduct.token, 'parity, baseline');
    const parityCredentials = {
      product: forProduct,
      baseline: { ...forProduct, apiKey: baselineKey.secret, apiKeyId: baselineKey.id },
    };
    // The plaintext twin answers what the product answers, from its own tables (before any create of the checks below).
    let twinParity: TwinOutcome[] = [];
    if (twinned.length) {
      const twinLog = resolve(DATA_DIR, 'sql-twin.jsonl');
      const capturedTwin = await startTwin(
        'plaintext twin (SQL captured)',
        manifest,
        { BENCH_SQL_LOG: twinLog },
        capture,
      );
      servers.push(capturedTwin);
      const twinKey = await createApiKey(capturedProduct.origin, forProduct.token, 'parity, plaintext twin');
      twinParity = await checkTwin(
        { server: capturedProduct, sqlLog: productLog },
        { server: capturedTwin, sqlLog: twinLog },
        twinned,
        samples,
        { product: forProduct, twin: { ...forProduct, apiKey: twinKey.secret, apiKeyId: twinKey.id } },
      );
      for (const outcome of twinParity) {
        log(
          `  ${`${outcome.scenario} (twin)`.padEnd(30)} ${outcome.productStatements} / ${outcome.twinStatements} statements  JSON ${outcome.sameJson ? 'same' : 'DIFFERENT'}`,
        );
        if (outcome.difference) log(outcome.difference);
      }
      rmSync(twinLog, { force: true });
    }
    const parity = await checkParity(
      { server: capturedProduct, sqlLog: productLog },
      { server: capturedBaseline, sqlLog: baselineLog },
      scenarios,
      samples,
      parityCredentials,
      db,
    );
    // Branch scoping: the read scenarios again as a manager, who sees only their branches.
    const managerToken = await signIn(capturedProduct.origin, {
      email: manifest.staff.manager,
      password: manifest.staff.password,
    });
    const asManager = await checkParity(
      { server: capturedProduct, sqlLog: productLog },
      { server: capturedBaseline, sqlLog: baselineLog },
      scenarios.filter((scenario) => scenario.kind === 'read' && scenario.auth === 'jwt'),
      samples,
      {
        product: { token: managerToken, tokenAt: Date.now(), apiKey: '' },
        baseline: { token: managerToken, tokenAt: Date.now(), apiKey: '' },
      },
      db,
    );
    parity.push(...asManager.map((outcome) => ({ ...outcome, scenario: `${outcome.scenario} (branch manager)` })));
    for (const outcome of parity) {
      log(
        `  ${outcome.scenario.padEnd(30)} ${outcome.statements} statements  SQL ${outcome.sameSql ? 'same' : 'DIFFERENT'}  JSON ${outcome.sameJson ? 'same' : 'DIFFERENT'}`,
      );
      if (outcome.difference) log(outcome.difference);
    }
    await stopAll();
    rmSync(productLog, { force: true });
    rmSync(baselineLog, { force: true });
    const sameWork =
      parity.every((outcome) => outcome.sameSql && outcome.sameJson) && twinParity.every((outcome) => outcome.sameJson);
    if (options['parity-only']) return sameWork ? 0 : 1;

    // 2. Throughput and latency, product and baseline in turn.
    const product = await startProduct('product', manifest);
    servers.push(product);
    const baseline = await startBaseline('baseline', manifest);
    servers.push(baseline);
    const twin = twinned.length ? await startTwin(TWIN, manifest) : null;
    if (twin) servers.push(twin);
    await sleep(1000);
    const atRest = { product: product.rssMb(), baseline: baseline.rssMb() };
    // One owner session for every server (refreshed as it ages), one API key per server.
    let session: Credentials = await createCredentials(product.origin, manifest.owner, 'product');
    const apiKeys = new Map<string, string>([['product', session.apiKey]]);
    let signInOrigin = product.origin;
    const credentialsOf = async (target: Target): Promise<Credentials> => {
      session = await fresh(signInOrigin, manifest.owner, session);
      let apiKey = apiKeys.get(target.label);
      if (!apiKey) {
        apiKey = (await createApiKey(signInOrigin, session.token, target.label)).secret;
        apiKeys.set(target.label, apiKey);
      }
      return { ...session, apiKey };
    };
    const measurer = new Measurer(settings, samples, db, credentialsOf, log, load);
    const pair: Target[] = [
      { label: 'product', server: product },
      { label: 'baseline', server: baseline },
    ];
    const twinTarget: Target | null = twin ? { label: TWIN, server: twin } : null;
    const reports: ScenarioReport[] = [];
    log('Measuring');
    if (settings.warmupSeconds === 0 && scenarios[0]) {
      for (const target of pair) await measurer.run(scenarios[0], target, 1, 0);
      if (twinTarget && twinned[0]) await measurer.run(twinned[0], twinTarget, 1, 0);
    }
    for (const scenario of scenarios) {
      const targets = scenario.twin && twinTarget ? [...pair, twinTarget] : pair;
      const runs = await measurer.scenario(scenario, targets);
      const of = (label: string) => summarize(runs.filter((run) => run.target === label));
      const row = {
        product: of('product'),
        baseline: of('baseline'),
        ...(scenario.twin && twinTarget ? { twin: of(TWIN) } : {}),
        runs,
      };
      const ratio = pairedRatio(runs, 'product', 'baseline');
      const cpuRatio = median(pairedRatios(runs, 'product', 'baseline', (run) => run.cpuMsPerRequest));
      // The open model: every server at the same fixed rate, half of what the baseline managed above.
      let open: OpenReport | undefined;
      if ((settings.openRounds ?? 0) > 0 && row.baseline.rps > 0) {
        const rate = Math.max(1, Math.round(row.baseline.rps * GOALS.openLoadShare));
        const measured = await measurer.openScenario(scenario, targets, rate, settings.openRounds ?? 0);
        const summaryOf = (label: string) => measured.summaries.get(label) as NonNullable<OpenReport['twin']>;
        const summaries = {
          product: summaryOf('product'),
          baseline: summaryOf('baseline'),
          ...(targets.length > 2 ? { twin: summaryOf(TWIN) } : {}),
        };
        open = {
          rate,
          capacity: row.baseline.rps,
          ...summaries,
          verdict: openVerdict(summaries),
          runs: measured.runs,
        };
      }
      const report: ScenarioReport = {
        id: scenario.id,
        title: scenario.title,
        kind: scenario.kind,
        auth: scenario.auth,
        ...row,
        ratio,
        cpuRatio,
        verdict: scenarioVerdict(row),
        ...(open ? { open } : {}),
      };
      reports.push(report);
      log(
        `  => ${scenario.id}: CPU ${cpuRatio.toFixed(2)}× the baseline's (${report.verdict}), ${(ratio * 100).toFixed(0)}% of its req/s` +
          (row.twin
            ? `; ${(throughputShare(runs, 'product', TWIN).figure.median * 100).toFixed(0)}% of the plaintext twin's`
            : '') +
          (open
            ? `; p99 at ${open.rate} req/s: ${open.product.p99.toFixed(1)} ms (baseline ${open.baseline.p99.toFixed(1)})`
            : ''),
      );
    }
    // The retention purge of a million expired rows, and what it does to the API's p99 meanwhile.
    let purge: PurgeReport | null = null;
    if (selected(PURGE_SCENARIO_ID)) {
      log('The retention purge under load');
      purge = await measurePurge({
        db,
        measurer,
        target: pair[0],
        scenarios: ['contacts-first-page:jwt', 'create-contact:jwt'].map(
          (id) => SCENARIOS.find((scenario) => scenario.id === id) as (typeof SCENARIOS)[number],
        ),
        rounds: settings.rounds,
        seconds: settings.seconds,
        rows: Number(options['purge-rows'] ?? (quick ? 100_000 : 1_000_000)),
        batchSize: Number(manifest.productEnv.RETENTION_PURGE_BATCH_SIZE ?? 500),
        organizationId: manifest.organizationId,
        token: async () => (await credentialsOf(pair[0])).token,
        log,
      });
      for (const row of purge.scenarios) {
        log(
          `  => ${row.id}: p99 ${row.before.p99} ms before, ${row.during.p99} ms during (${row.p99Ratio.toFixed(2)}×)`,
        );
      }
    }
    await sleep(2000);
    const afterLoad = { product: product.rssMb(), baseline: baseline.rssMb() };
    const peak = (label: string) =>
      Math.max(
        0,
        ...reports.flatMap((row) =>
          [...row.runs, ...(row.open?.runs ?? [])].filter((run) => run.target === label).map((run) => run.peakRssMb),
        ),
      );

    // 3. Where the time goes: both servers profiled (V8's CPU profiler) under one scenario's load.
    const profiles: ProfileReport[] = [];
    const toProfile = (options.profile ?? (quick ? 'none' : 'contacts-first-page:jwt,create-contact:jwt'))
      .split(',')
      .map((id) => scenarios.find((scenario) => scenario.id === id))
      .filter((scenario) => scenario !== undefined);
    if (toProfile.length) {
      log('Profiling');
      const profiler = pathToFileURL(resolve(ROOT, 'dist/bench/run/profiler.js')).href;
      const productProfile = resolve(DATA_DIR, 'product.cpuprofile');
      const baselineProfile = resolve(DATA_DIR, 'baseline.cpuprofile');
      const profiledProduct = await startProduct(
        'product (profiled)',
        manifest,
        { BENCH_PROFILE: productProfile },
        profiler,
      );
      servers.push(profiledProduct);
      const profiledBaseline = await startBaseline(
        'baseline (profiled)',
        manifest,
        { BENCH_PROFILE: baselineProfile },
        profiler,
      );
      servers.push(profiledBaseline);
      for (const scenario of toProfile) {
        const report = await profileScenario(
          measurer,
          scenario,
          { label: 'product', server: profiledProduct, profileFile: productProfile },
          { label: 'baseline', server: profiledBaseline, profileFile: baselineProfile },
          quick ? 3 : 8,
        );
        profiles.push(report);
        log(
          `  ${scenario.id}: ${report.busyMsPerRequest.product.toFixed(2)} ms CPU per request (product), ` +
            `${report.busyMsPerRequest.baseline.toFixed(2)} ms (baseline)`,
        );
      }
      await profiledProduct.stop();
      await profiledBaseline.stop();
    }

    // 4. The audit trail's cost on a write: the same write with it on and off, product and baseline.
    let audit: AuditReport | null = null;
    if (scenarios.includes(AUDIT_SCENARIO)) {
      log('Measuring the audit trail’s cost');
      await product.stop();
      const withAudit = await startProduct('product, audit on', manifest, { NODE_ENV: 'development' });
      servers.push(withAudit);
      const withoutAudit = await startProduct('product, audit off', manifest, {
        NODE_ENV: 'development',
        AUDIT_DISABLED_FOR_BENCHMARK: 'true',
      });
      servers.push(withoutAudit);
      const baselineWithout = await startBaseline('baseline, audit off', manifest, { BENCH_AUDIT: 'off' });
      servers.push(baselineWithout);
      signInOrigin = withAudit.origin;
      // A small difference on a shared machine: more rounds than the other scenarios. These servers
      // are new: the smoke run, which warms up only once, warms them up too.
      const auditSettings = {
        ...settings,
        rounds: quick ? settings.rounds : Math.max(settings.rounds, 9),
        warmupSeconds: settings.warmupSeconds || 1,
      };
      const auditMeasurer = new Measurer(auditSettings, samples, db, credentialsOf, log, load);
      const runs: RunRecord[] = await auditMeasurer.scenario(AUDIT_SCENARIO, [
        { label: 'product audit on', server: withAudit },
        { label: 'product audit off', server: withoutAudit },
        { label: 'baseline audit on', server: baseline },
        { label: 'baseline audit off', server: baselineWithout },
      ]);
      const of = (label: string) => summarize(runs.filter((run) => run.target === label));
      const [productOn, productOff, baselineOn, baselineOff] = [
        of('product audit on'),
        of('product audit off'),
        of('baseline audit on'),
        of('baseline audit off'),
      ];
      // Each round's own overhead, then their median (the report shows the rounds' spread too).
      const productOverhead = auditOverhead(runs, 'product audit on', 'product audit off').figure.median;
      audit = {
        scenario: AUDIT_SCENARIO.id,
        productOn,
        productOff,
        baselineOn,
        baselineOff,
        productOverhead,
        baselineOverhead: auditOverhead(runs, 'baseline audit on', 'baseline audit off').figure.median,
        verdict: auditVerdict(runs, [productOn, productOff, baselineOn, baselineOff]),
        runs,
      };
      log(
        `  => audit overhead: product ${(productOverhead * 100).toFixed(1)}%, baseline ${(audit.baselineOverhead * 100).toFixed(1)}%`,
      );
    }
    await stopAll();
    log(`Removed the ${await db.removeBenchContacts()} contacts this run created`);
    await db.resetJobs(db.jobs().map((job) => job.id));

    // 5. `npm start` on embedded PGlite.
    let startup: BenchReport['startup'] = null;
    if (!options['skip-startup']) {
      log('Timing npm start (embedded PGlite)');
      const timings = await measureStartup(quick ? 1 : 3, log);
      const medianOf = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
      const cleanMedian = medianOf(timings.clean.map((timing) => timing.seconds));
      const againMedian = medianOf(timings.again.map((timing) => timing.seconds));
      const rebuilt = [...timings.clean, ...timings.again].some((timing) => timing.rebuilt);
      startup = {
        ...timings,
        cleanMedian,
        againMedian,
        verdict: rebuilt ? 'invalid' : cleanMedian < GOALS.startSeconds ? 'meets goal' : 'below goal',
      };
    }

    const productPeak = peak('product');
    const report: BenchReport = {
      generatedAt: new Date(startedAt).toISOString(),
      mode: quick ? 'quick' : 'full',
      machine: machine([...reports.flatMap((row) => [...row.runs, ...(row.open?.runs ?? [])]), ...(audit?.runs ?? [])]),
      settings,
      seed: {
        seed: manifest.options.seed,
        counts: manifest.counts,
        seconds: manifest.phases,
        deepPage: samples.deepPage,
      },
      parity,
      twinParity,
      scenarios: reports,
      profiles,
      audit,
      memory: {
        product: { atRestMb: atRest.product, underLoadPeakMb: productPeak, afterLoadMb: afterLoad.product },
        baseline: { atRestMb: atRest.baseline, underLoadPeakMb: peak('baseline'), afterLoadMb: afterLoad.baseline },
        verdict: productPeak < GOALS.rssUnderLoadMb ? 'meets goal' : 'below goal',
      },
      startup,
      purge,
      durationSeconds: (Date.now() - startedAt) / 1000,
    };
    const paths = outputs;
    writeReport(report, paths);
    // A partial run that measured the purge puts its figures on the full run's page too.
    if (partial && purge && existsSync(fullOutputs.json)) {
      const full = JSON.parse(readFileSync(fullOutputs.json, 'utf8')) as BenchReport;
      writeReport({ ...full, purge }, fullOutputs);
      log(`Put the purge figures in ${fullOutputs.markdown.replace(ROOT, '')} (the rest is the full run's)`);
    }
    log(
      `Wrote ${Object.values(paths)
        .map((path) => path.replace(ROOT, ''))
        .join(', ')} in ${report.durationSeconds.toFixed(0)} s`,
    );
    return sameWork ? 0 : 1;
  } finally {
    await stopAll();
    load.stop();
    await db.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    process.stderr.write(`Bench failed: ${error.stack ?? error}\n`);
    process.exit(1);
  },
);
