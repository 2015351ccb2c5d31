/**
 * The load generator, run as its own process (forked by bench/run/measure.ts) so that it
 * never shares an event loop with a server it measures: it receives LoadJobs, runs
 * autocannon on loopback and answers each with its LoadResult.
 */
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

export async function runLoad(job: LoadJob): Promise<LoadResult> {
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
