import { type Server, STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { NextFunction, Request, Response } from 'express';
import { AppError, ERROR_CATALOG, type ErrorCode, problemType } from './app-error.js';
import type { RouteTable } from './route-table.js';

/** Where the route table lives on the Express app, for the problem filter to find. */
export const ROUTE_TABLE = 'stewardRoutes';
export const routeTableOf = (request: Request): RouteTable | undefined => request.app?.locals?.[ROUTE_TABLE];

/** No page of ours uses these powerful features; say so, so an injected script cannot either. */
const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'browsing-topics=()',
  'camera=()',
  'display-capture=()',
  'geolocation=()',
  'gyroscope=()',
  'magnetometer=()',
  'microphone=()',
  'payment=()',
  'usb=()',
].join(', ');

export function permissionsPolicy(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('permissions-policy', PERMISSIONS_POLICY);
  next();
}

const WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);

/**
 * A body the route cannot read is 415, before any parser runs: without this a text/plain
 * body was skipped by the JSON parser and reported as missing fields (400).
 */
export function requireSupportedMediaType(prefix: string) {
  return (req: Request, _res: Response, next: NextFunction): void => {
    next(unsupportedMediaType(req, prefix));
  };
}

function unsupportedMediaType(req: Request, prefix: string): AppError | undefined {
  const routes = routeTableOf(req);
  const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
  if (!routes || !hasBody || !WITH_BODY.has(req.method) || !req.path.startsWith(prefix)) return undefined;
  const accepted = routes.acceptedMediaTypes(req.method, req.path);
  const mediaType = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (!accepted || accepted.includes(mediaType)) return undefined;
  return new AppError('unsupported-media-type', `Send the body as ${accepted.join(' or ')}`, { accepted });
}

/**
 * Node answers requests it cannot parse (headers over 16 KB, malformed request lines)
 * itself, with a bare status line. This answers them as problem+json like everything else.
 * No request object exists yet, so there is no request id to quote.
 */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const code: ErrorCode =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? 'headers-too-large'
        : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? 'request-timeout'
          : 'bad-request';
    const { status, title } = ERROR_CATALOG[code];
    const body = JSON.stringify({ type: problemType(code), title, status, detail: title, code });
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/problem+json\r\n` +
        `Permissions-Policy: ${PERMISSIONS_POLICY}\r\nX-Content-Type-Options: nosniff\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}
