import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * Every request gets an id: the caller's X-Request-Id when it is well-formed (so a trace
 * spans a proxy), else a new UUID. It is echoed in the response header, written in every
 * log line and quoted in every problem+json body.
 */
export function assignRequestId(req: IncomingMessage & { id?: string }, res: ServerResponse, next: () => void): void {
  const incoming = req.headers['x-request-id'];
  req.id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
  res.setHeader('x-request-id', req.id);
  next();
}
