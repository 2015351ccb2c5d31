/**
 * The bare baseline of `npm run bench`: node:http and the pg driver doing what the API's
 * endpoints do (same SQL, same access checks, same decryption, same JSON), and nothing
 * else. Settings come from the environment like the API's: DATABASE_URL, MASTER_KEY,
 * PORT, HOST, DATABASE_POOL_SIZE, BENCH_AUDIT=off to leave out the audit entries, and
 * BENCH_PLAINTEXT=on for the plaintext twin (bench/baseline/plain.ts): the contact list and
 * create on plaintext tables, no other route.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import pg from 'pg';
import type { Permission } from '../../apps/api/src/identity/permissions.js';
import { AuditTrail, type RequestContext } from './audit.js';
import { type Actor, Authenticator, HttpError } from './auth.js';
import { FieldCrypto } from './crypto.js';
import { PlainRecords } from './plain.js';
import { Records } from './records.js';

const BODY_LIMIT = 1024 * 1024;
const DATE_OID = 1082;
const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

interface Route {
  method: string;
  pattern: RegExp;
  permission: Permission;
  handle: (
    actor: Actor,
    request: { params: string[]; query: URLSearchParams; body: unknown; context: RequestContext },
  ) => Promise<unknown>;
  status?: number;
}

function readBody(request: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > BODY_LIMIT) reject(new HttpError(413, 'payload-too-large'));
      else chunks.push(chunk);
    });
    request.on('end', () => {
      if (size === 0) return resolve(undefined);
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch {
        reject(new HttpError(400, 'malformed-body'));
      }
    });
    request.on('error', reject);
  });
}

function send(response: ServerResponse, status: number, payload: unknown): void {
  const body = JSON.stringify(payload);
  response.writeHead(status, {
    'content-type': status < 400 ? 'application/json; charset=utf-8' : 'application/problem+json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
  });
  response.end(body);
}

async function main(): Promise<void> {
  const env = process.env;
  if (!env.DATABASE_URL || !env.MASTER_KEY) throw new Error('Set DATABASE_URL and MASTER_KEY');
  const pool = new pg.Pool({
    connectionString: env.DATABASE_URL,
    max: Number(env.DATABASE_POOL_SIZE ?? 10),
    connectionTimeoutMillis: 10_000,
    // TypeORM hands `date` columns out as 'YYYY-MM-DD' text; so does this.
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === DATE_OID
          ? (value: string) => value
          : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  const crypto = new FieldCrypto(env.MASTER_KEY, pool);
  const audit = new AuditTrail(pool, env.BENCH_AUDIT !== 'off');
  const auth = new Authenticator(pool, crypto.accessTokenKey, audit);
  const records = new Records(pool, crypto, audit);
  const twin = env.BENCH_PLAINTEXT === 'on' ? new PlainRecords(pool, audit) : null;

  const contactRoutes: Route[] = [
    {
      method: 'GET',
      pattern: /^\/api\/v1\/contacts$/,
      permission: 'clients:read',
      handle: (actor, { query }) => (twin ?? records).listContacts(actor, query),
    },
    {
      method: 'POST',
      pattern: /^\/api\/v1\/contacts$/,
      permission: 'clients:write',
      handle: (actor, { body, context }) => (twin ?? records).createContact(actor, body, context),
      status: 201,
    },
  ];
  const otherRoutes: Route[] = [
    {
      method: 'GET',
      pattern: /^\/api\/v1\/contacts\/([^/]+)$/,
      permission: 'clients:read',
      handle: (actor, { params, context }) => records.getContact(actor, params[0], context),
    },
    {
      method: 'GET',
      pattern: /^\/api\/v1\/communications$/,
      permission: 'communications:read',
      handle: (actor, { query, context }) => records.listCommunications(actor, query, context),
    },
    {
      method: 'POST',
      pattern: /^\/api\/v1\/jobs\/([^/]+)\/status$/,
      permission: 'jobs:write',
      handle: (actor, { params, body, context }) => records.changeJobStatus(actor, params[0], body, context),
    },
  ];
  // The twin answers only the routes it twins (404 for the rest).
  const routes = twin ? contactRoutes : [...contactRoutes, ...otherRoutes];

  const server = createServer(async (request, response) => {
    // The request id, client address and user agent, as the audit trail records them.
    const incoming = request.headers['x-request-id'];
    const userAgent = request.headers['user-agent'];
    const context: RequestContext = {
      requestId: typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID(),
      ip: request.socket.remoteAddress ?? null,
      userAgent: typeof userAgent === 'string' ? userAgent.slice(0, 300) : null,
    };
    response.setHeader('x-request-id', context.requestId);
    try {
      const url = request.url ?? '/';
      const queryAt = url.indexOf('?');
      const path = queryAt === -1 ? url : url.slice(0, queryAt);
      if (request.method === 'GET' && path === '/api/v1/health/ready') {
        await pool.query('SELECT 1');
        return send(response, 200, { status: 'ok' });
      }
      for (const route of routes) {
        const match = route.method === request.method ? route.pattern.exec(path) : null;
        if (!match) continue;
        const actor = await auth.authenticate(request, context, route.permission);
        const body = request.method === 'GET' ? undefined : await readBody(request);
        const query = new URLSearchParams(queryAt === -1 ? '' : url.slice(queryAt + 1));
        const answer = await route.handle(actor, { params: match.slice(1), query, body, context });
        return send(response, route.status ?? 200, answer);
      }
      throw new HttpError(404, 'not-found');
    } catch (error) {
      if (error instanceof HttpError) return send(response, error.status, { status: error.status, code: error.code });
      process.stderr.write(`${(error as Error).stack ?? error}\n`);
      send(response, 500, { status: 500, code: 'internal' });
    }
  });

  const port = Number(env.PORT ?? 3100);
  const host = env.HOST ?? '127.0.0.1';
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  process.stdout.write(`Baseline ready on http://${host}:${port}\n`);

  const stop = () => {
    server.close();
    server.closeIdleConnections();
    void pool.end().then(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error) => {
  process.stderr.write(`Baseline failed: ${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
