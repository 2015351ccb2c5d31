import { copyFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import type { Measurer, Target } from './measure.js';
import { sleep } from './processes.js';
import type { Scenario } from './scenarios.js';

/** Where a server's CPU went during a scenario, per request answered. */
export interface ProfileReport {
  scenario: string;
  seconds: number;
  requests: { product: number; baseline: number };
  /** CPU (all samples but idle) per request, in ms. */
  busyMsPerRequest: { product: number; baseline: number };
  categories: Array<{ category: string; productMs: number; baselineMs: number }>;
  /** The product's functions with the most self time, per request. */
  productHotspots: Array<{ function: string; location: string; ms: number }>;
}

interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number } }>;
  samples: number[];
  timeDeltas: number[];
}

const IDLE = 'idle';
const NATIVE = 'native code: syscalls, JSON, V8 builtins';

/** Buckets of self time by script, first match wins: what a Node API spends its CPU on. */
const CATEGORIES: Array<[string, RegExp]> = [
  [
    'field decryption and digests (node:crypto, libs/crypto)',
    /node:internal\/crypto|libs\/crypto|record-cipher|bench\/baseline\/crypto/,
  ],
  [
    'pg driver and row parsing (pg, pg-types, postgres-array)',
    /node_modules\/(pg|pg-protocol|pg-types|pg-pool|postgres-[a-z]+)\//,
  ],
  ['TypeORM (query building, hydration)', /node_modules\/typeorm\//],
  ['AsyncLocalStorage (async_hooks)', /node:(internal\/)?async_hooks/],
  ['HTTP, streams, buffers (node core)', /^node:/],
  ['application code (apps/api, bench/baseline)', /dist\/(apps|bench|libs)\//],
  ['Nest, Express, Passport, validation, logging (node_modules)', /node_modules\//],
];

const categoryOf = (url: string, functionName: string): string => {
  if (functionName === '(idle)') return IDLE;
  if (functionName === '(garbage collector)') return 'garbage collection';
  if (!url) return NATIVE;
  return CATEGORIES.find(([, pattern]) => pattern.test(url))?.[0] ?? 'other';
};

function summarize(profile: CpuProfile, requests: number) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const categories = new Map<string, number>();
  const functions = new Map<string, number>();
  profile.samples.forEach((id, index) => {
    const node = byId.get(id);
    if (!node) return;
    const ms = (profile.timeDeltas[index] ?? 0) / 1000;
    const { url, functionName, lineNumber } = node.callFrame;
    const category = categoryOf(url, functionName);
    categories.set(category, (categories.get(category) ?? 0) + ms);
    if (category === IDLE) return;
    const where = url.replace(/^file:\/\/.*?\/(node_modules|dist)\//, '$1/');
    const key = `${functionName || '(anonymous)'}\u0000${where}:${lineNumber + 1}`;
    functions.set(key, (functions.get(key) ?? 0) + ms);
  });
  const perRequest = (ms: number) => (requests ? ms / requests : 0);
  const busy = [...categories].filter(([name]) => name !== IDLE).reduce((sum, [, ms]) => sum + ms, 0);
  return {
    busy: perRequest(busy),
    categories: new Map([...categories].map(([name, ms]) => [name, perRequest(ms)])),
    hotspots: [...functions]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 12)
      .map(([key, ms]) => {
        const [name, location] = key.split('\u0000');
        return { function: name, location, ms: perRequest(ms) };
      }),
  };
}

async function profileOne(
  measurer: Measurer,
  scenario: Scenario,
  target: Target,
  file: string,
  seconds: number,
): Promise<{ profile: CpuProfile; requests: number }> {
  rmSync(file, { force: true });
  await measurer.run(scenario, target, 2, 0);
  process.kill(target.server.pid, 'SIGUSR2');
  await sleep(200);
  const record = await measurer.run(scenario, target, seconds, 1);
  process.kill(target.server.pid, 'SIGUSR2');
  for (let waited = 0; !existsSync(file) && waited < 20_000; waited += 100) await sleep(100);
  await sleep(300);
  // Kept per scenario (bench/.data/<server>.<scenario>.cpuprofile) for Chrome DevTools or a closer look.
  copyFileSync(file, file.replace(/\.cpuprofile$/, `.${scenario.id.replace(/[^a-z0-9-]+/gi, '-')}.cpuprofile`));
  return { profile: JSON.parse(readFileSync(file, 'utf8')) as CpuProfile, requests: record.requests };
}

/**
 * Profiles one scenario on both servers (each started with bench/run/profiler.ts preloaded)
 * and sorts their CPU time into categories, per request: where the product spends what the
 * baseline does not.
 */
export async function profileScenario(
  measurer: Measurer,
  scenario: Scenario,
  product: Target & { profileFile: string },
  baseline: Target & { profileFile: string },
  seconds: number,
): Promise<ProfileReport> {
  const ours = await profileOne(measurer, scenario, product, product.profileFile, seconds);
  const theirs = await profileOne(measurer, scenario, baseline, baseline.profileFile, seconds);
  const productSummary = summarize(ours.profile, ours.requests);
  const baselineSummary = summarize(theirs.profile, theirs.requests);
  const names = ['garbage collection', NATIVE, ...CATEGORIES.map(([name]) => name), 'other'];
  return {
    scenario: scenario.id,
    seconds,
    requests: { product: ours.requests, baseline: theirs.requests },
    busyMsPerRequest: { product: productSummary.busy, baseline: baselineSummary.busy },
    categories: names.map((category) => ({
      category,
      productMs: productSummary.categories.get(category) ?? 0,
      baselineMs: baselineSummary.categories.get(category) ?? 0,
    })),
    productHotspots: productSummary.hotspots,
  };
}
