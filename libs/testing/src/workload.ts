import type { RawRequest, RequestSpec } from 'autocannon';
import { recordCanary } from './run-record.mjs';

/**
 * The resilience lane's workload: a mixed read/write sequence over clients, contacts and jobs,
 * half with a JWT and half with an API key, as autocannon request specs. Each connection
 * walks the sequence: it creates a client, reads and changes it, adds a contact to it, lists,
 * opens a job and moves it on, so every write is checked by its own version (409 on a stale one).
 */

export interface LoadTenant {
  origin: string;
  /** `Bearer …` of the owner. */
  bearer: string;
  apiKey: string;
  branchId: string;
}

const LIST = 50;

async function call<T>(origin: string, method: string, path: string, headers: Record<string, string>, body?: unknown) {
  const response = await fetch(`${origin}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 300)}`);
  return (text ? JSON.parse(text) : null) as T;
}

/** Signs the owner in on a running API, makes an API key and a branch for the workload. */
export async function loadTenant(origin: string, email: string, password: string): Promise<LoadTenant> {
  const session = await call<{ accessToken: string }>(origin, 'POST', '/api/v1/auth/sign-in', {}, { email, password });
  const bearer = `Bearer ${session.accessToken}`;
  recordCanary('access token', session.accessToken);
  const auth = { authorization: bearer };
  const created = await call<{ secret: string }>(origin, 'POST', '/api/v1/api-keys', auth, {
    name: 'resilience load',
    scopes: ['clients:read', 'clients:write', 'jobs:read', 'jobs:write'],
  });
  recordCanary('api key', created.secret);
  const branch = await call<{ id: string }>(origin, 'POST', '/api/v1/branches', auth, { name: 'Load' });
  return { origin, bearer, apiKey: created.secret, branchId: branch.id };
}

type Context = Record<string, { id: string; version: number } | undefined>;

/** Every response of the sequence that the test wants to see (status, an id it created). */
export type ResponseHook = (status: number, kind: string, body: string) => void;

export function mixedWorkload(tenant: LoadTenant, run: string, hook?: ResponseHook): RequestSpec[] {
  const jwt = { authorization: tenant.bearer, 'content-type': 'application/json' };
  const key = { 'x-api-key': tenant.apiKey, 'content-type': 'application/json' };
  let n = 0;
  /** A request of the sequence; `keep` stores the answer's id and version under that name. */
  const step = (
    kind: string,
    method: string,
    headers: Record<string, string>,
    build: (context: Context) => { path: string; body?: unknown } | null,
    keep?: string,
  ): RequestSpec => ({
    method,
    headers,
    setupRequest: (request: RawRequest, context: Record<string, unknown>) => {
      const built = build(context as Context);
      // A step whose record the connection could not create falls back to a list.
      if (!built) return { ...request, method: 'GET', path: `/api/v1/clients?limit=${LIST}`, body: undefined };
      return {
        ...request,
        path: built.path,
        body: built.body === undefined ? undefined : JSON.stringify(built.body),
      };
    },
    onResponse: (status: number, body: string, context: Record<string, unknown>) => {
      hook?.(status, kind, body);
      if (keep && status >= 200 && status < 300) {
        const parsed = JSON.parse(body) as { id: string; version: number };
        (context as Context)[keep] = { id: parsed.id, version: parsed.version };
      }
    },
  });
  const client = (context: Context) => context.client;
  return [
    step(
      'create client',
      'POST',
      key,
      () => ({
        path: '/api/v1/clients',
        body: { kind: 'company', name: `Load ${run} ${n++}`, branchId: tenant.branchId, tags: ['resilience'] },
      }),
      'client',
    ),
    step('read client', 'GET', jwt, (c) => (client(c) ? { path: `/api/v1/clients/${client(c)?.id}` } : null)),
    step(
      'update client',
      'PATCH',
      key,
      (c) =>
        client(c)
          ? {
              path: `/api/v1/clients/${client(c)?.id}`,
              body: { version: client(c)?.version, notes: 'Changed under load' },
            }
          : null,
      'client',
    ),
    step(
      'create contact',
      'POST',
      jwt,
      (c) => ({
        path: '/api/v1/contacts',
        body: { clientId: client(c)?.id ?? null, fullName: `Load Contact ${run} ${n++}`, branchId: tenant.branchId },
      }),
      'contact',
    ),
    step('list contacts', 'GET', jwt, () => ({ path: `/api/v1/contacts?limit=${LIST}` })),
    step('update contact', 'PATCH', jwt, (c) =>
      c.contact
        ? { path: `/api/v1/contacts/${c.contact.id}`, body: { version: c.contact.version, jobTitle: 'Site lead' } }
        : null,
    ),
    step(
      'create job',
      'POST',
      key,
      (c) => (client(c) ? { path: '/api/v1/jobs', body: { clientId: client(c)?.id, title: 'Boiler service' } } : null),
      'job',
    ),
    step('move job', 'POST', key, (c) =>
      c.job ? { path: `/api/v1/jobs/${c.job.id}/status`, body: { status: 'scheduled', version: c.job.version } } : null,
    ),
    step('list jobs', 'GET', key, () => ({ path: `/api/v1/jobs?limit=${LIST}` })),
    step('list clients', 'GET', key, () => ({ path: `/api/v1/clients?limit=${LIST}` })),
    step('read contact', 'GET', key, (c) => (c.contact ? { path: `/api/v1/contacts/${c.contact.id}` } : null)),
  ];
}

export interface LoadFigures {
  requests: number;
  seconds: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodes: Record<string, number>;
}

/** autocannon against `origin` for `seconds`, at `connections`. */
export async function runLoad(options: {
  origin: string;
  connections: number;
  seconds: number;
  requests: RequestSpec[];
}): Promise<LoadFigures> {
  const { default: autocannon } = await import('autocannon');
  const result = await autocannon({
    url: options.origin,
    connections: options.connections,
    duration: options.seconds,
    timeout: 30,
    requests: options.requests,
  });
  const statusCodes = Object.fromEntries(
    Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, Number(count)]),
  );
  const requests = Object.values(statusCodes).reduce((sum, count) => sum + count, 0);
  return {
    requests,
    seconds: result.duration,
    rps: Math.round(requests / result.duration),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statusCodes,
  };
}
