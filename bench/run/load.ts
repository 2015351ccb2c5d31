/**
 * The load generator, run as its own process (forked by bench/run/measure.ts) so that it
 * never shares an event loop with a server it measures: it receives LoadJobs and answers
 * each with its LoadResult. Two ways to load a server, on loopback:
 *
 * - closed loop (no `rate`): autocannon keeps `connections` requests in flight all the time;
 *   what the server can answer, its throughput (and latency that is mostly queueing: with 32
 *   requests always waiting, latency is 32 over throughput, by Little's law);
 * - open model (`rate`): requests start at a fixed pace, one every 1/rate s, whether or not
 *   earlier ones have been answered, each on a free keep-alive connection (opened when none is
 *   free); latency is counted from the moment a request was due, so a server that falls behind
 *   shows its queue. This is the latency a user sees at that load.
 *
 * autocannon's own rate options (`overallRate`, `connectionRate`) are not used for the open
 * model: they give each connection a quota per second that it sends back to back at the start
 * of the second (at 100 req/s over 10 connections, all 100 left within the first 100 ms of
 * every second), and their coordinated-omission correction takes `1 / rate` in seconds for an
 * interval in ms (1 ms), adding a synthetic sample per ms of every answer's latency.
 */
import { Agent, request as httpRequest } from 'node:http';
import autocannon, { type RawRequest, type RequestSpec } from 'autocannon';
import { contactBody } from './scenarios.js';

export interface StaticRequest {
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
}

export type RequestGenerator =
  /** A new contact per request, spread over the given branches. */
  | { kind: 'create-contact'; branchIds: string[]; run: string }
  /** The next job of the pool per request, moved one step along the workflow. */
  | { kind: 'job-status'; jobs: Array<{ id: string; version: number }>; to: string };

export interface LoadJob {
  origin: string;
  connections: number;
  seconds: number;
  headers: Record<string, string>;
  /** Cycled through by every connection. */
  requests?: StaticRequest[];
  generator?: RequestGenerator;
  /** Requests per second at a fixed pace (open model); absent: closed loop at `connections`. */
  rate?: number;
}

export interface LoadResult {
  requests: number;
  seconds: number;
  rps: number;
  latencyMs: {
    mean: number;
    p50: number;
    p75: number;
    p90: number;
    p97_5: number;
    p99: number;
    p99_9: number;
    max: number;
  };
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  /** Generated requests handed out (jobs taken from the pool). */
  generated: number;
  /** Open model: every answer's latency in ms, from the moment its request was due. */
  samplesMs?: number[];
}

const JSON_HEADERS = { 'content-type': 'application/json' };

function requestsOf(job: LoadJob, counter: { generated: number }): RequestSpec[] {
  const { generator } = job;
  if (!generator) {
    return (job.requests ?? []).map((request) => ({
      method: request.method,
      path: request.path,
      ...(request.body === undefined
        ? {}
        : { body: JSON.stringify(request.body), headers: { ...job.headers, ...JSON_HEADERS } }),
    }));
  }
  if (generator.kind === 'create-contact') {
    return [
      {
        method: 'POST',
        path: '/api/v1/contacts',
        headers: { ...job.headers, ...JSON_HEADERS },
        setupRequest: (request: RawRequest) => ({
          ...request,
          body: JSON.stringify(contactBody(generator.run, counter.generated++, generator.branchIds)),
        }),
      },
    ];
  }
  return [
    {
      method: 'POST',
      headers: { ...job.headers, ...JSON_HEADERS },
      setupRequest: (request: RawRequest) => {
        // Past the end of the pool the jobs repeat and answer 409: counted as non-2xx, reported.
        const next = generator.jobs[counter.generated++ % generator.jobs.length];
        return {
          ...request,
          path: `/api/v1/jobs/${next.id}/status`,
          body: JSON.stringify({ status: generator.to, version: next.version }),
        };
      },
    },
  ];
}

interface PreparedRequest {
  method: string;
  path: string;
  body?: string;
}

/** The same requests as `requestsOf`, one at a time: static ones in turn, generated ones fresh. */
function nextRequestOf(job: LoadJob, counter: { generated: number }): () => PreparedRequest {
  const { generator } = job;
  if (!generator) {
    const requests = (job.requests ?? []).map((request) => ({
      method: request.method,
      path: request.path,
      ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
    }));
    let next = 0;
    return () => requests[next++ % requests.length];
  }
  if (generator.kind === 'create-contact') {
    return () => ({
      method: 'POST',
      path: '/api/v1/contacts',
      body: JSON.stringify(contactBody(generator.run, counter.generated++, generator.branchIds)),
    });
  }
  return () => {
    const next = generator.jobs[counter.generated++ % generator.jobs.length];
    return {
      method: 'POST',
      path: `/api/v1/jobs/${next.id}/status`,
      body: JSON.stringify({ status: generator.to, version: next.version }),
    };
  };
}

/** Connections the open model may open at most; past that, requests wait for one (and it shows in latency). */
const OPEN_MODEL_MAX_CONNECTIONS = 256;
const TIMEOUT_MS = 30_000;

/** `values` sorted ascending: the smallest value at or above the share q of them. */
export function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

/** The open model: a request due every 1/rate s for `seconds`, then the answers still on their way. */
export async function runPaced(job: LoadJob & { rate: number }): Promise<LoadResult> {
  const counter = { generated: 0 };
  const next = nextRequestOf(job, counter);
  const { hostname, port } = new URL(job.origin);
  const agent = new Agent({ keepAlive: true, maxSockets: OPEN_MODEL_MAX_CONNECTIONS });
  const interval = 1000 / job.rate;
  const total = Math.max(1, Math.round(job.seconds * job.rate));
  const samplesMs: number[] = [];
  const statusCodes: Record<string, number> = {};
  let errors = 0;
  let timeouts = 0;
  let non2xx = 0;
  const pending = new Set<Promise<void>>();

  const send = (dueAt: number) => {
    const prepared = next();
    const answered = new Promise<void>((done) => {
      let timedOut = false;
      const headers: Record<string, string | number> = { ...job.headers };
      if (prepared.body !== undefined) {
        headers['content-type'] = 'application/json';
        headers['content-length'] = Buffer.byteLength(prepared.body);
      }
      const outgoing = httpRequest(
        { agent, hostname, port, method: prepared.method, path: prepared.path, headers, timeout: TIMEOUT_MS },
        (response) => {
          response.resume();
          response.once('end', () => {
            const status = String(response.statusCode ?? 0);
            statusCodes[status] = (statusCodes[status] ?? 0) + 1;
            if (!status.startsWith('2')) non2xx++;
            samplesMs.push(performance.now() - dueAt);
            done();
          });
          response.once('error', () => {
            errors++;
            done();
          });
        },
      );
      outgoing.once('timeout', () => {
        timedOut = true;
        timeouts++;
        outgoing.destroy();
      });
      outgoing.once('error', () => {
        if (!timedOut) errors++;
        done();
      });
      outgoing.end(prepared.body);
    });
    const tracked = answered.finally(() => pending.delete(tracked));
    pending.add(tracked);
  };

  const startedAt = performance.now() + 10;
  let sent = 0;
  await new Promise<void>((finished) => {
    const tick = () => {
      const now = performance.now();
      // Every request already due leaves now: a late timer delays none of them unseen.
      while (sent < total && startedAt + sent * interval <= now) send(startedAt + sent++ * interval);
      if (sent < total) setTimeout(tick, Math.max(0, startedAt + sent * interval - performance.now()));
      else finished();
    };
    setTimeout(tick, 10);
  });
  await Promise.all(pending);
  const seconds = (performance.now() - startedAt) / 1000;
  agent.destroy();
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const round = (value: number) => Math.round(value * 100) / 100;
  const requests = Object.values(statusCodes).reduce((sum, count) => sum + count, 0);
  return {
    requests,
    seconds,
    rps: requests / seconds,
    latencyMs: {
      mean: round(sorted.reduce((sum, value) => sum + value, 0) / Math.max(1, sorted.length)),
      p50: round(percentile(sorted, 0.5)),
      p75: round(percentile(sorted, 0.75)),
      p90: round(percentile(sorted, 0.9)),
      p97_5: round(percentile(sorted, 0.975)),
      p99: round(percentile(sorted, 0.99)),
      p99_9: round(percentile(sorted, 0.999)),
      max: round(sorted[sorted.length - 1] ?? 0),
    },
    non2xx,
    errors,
    timeouts,
    statusCodes,
    generated: counter.generated,
    samplesMs: samplesMs.map(round),
  };
}

export async function runLoad(job: LoadJob): Promise<LoadResult> {
  if (job.rate) return runPaced({ ...job, rate: job.rate });
  const counter = { generated: 0 };
  const result = await autocannon({
    url: job.origin,
    connections: job.connections,
    duration: job.seconds,
    timeout: 30,
    headers: job.headers,
    requests: requestsOf(job, counter),
  });
  const { latency } = result;
  const statusCodes = Object.fromEntries(
    Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, Number(count)]),
  );
  const requests = Object.values(statusCodes).reduce((sum, count) => sum + count, 0);
  return {
    requests,
    seconds: result.duration,
    rps: requests / result.duration,
    latencyMs: {
      mean: latency.average,
      p50: latency.p50,
      p75: latency.p75,
      p90: latency.p90,
      p97_5: latency.p97_5,
      p99: latency.p99,
      p99_9: latency.p99_9,
      max: latency.max,
    },
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes,
    generated: counter.generated,
  };
}

// Run as the bench's load process (child_process.fork): one job per message, one result back.
if (process.send) {
  process.on('message', (job: LoadJob) => {
    runLoad(job).then(
      (result) => process.send?.({ result }),
      (error: Error) => process.send?.({ error: error.stack ?? String(error) }),
    );
  });
}
