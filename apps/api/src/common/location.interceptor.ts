import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { type Observable, tap } from 'rxjs';
import { routeTableOf } from './http-edge.js';

/**
 * A 201 answer names what it created in `Location` (RFC 9110 §10.2.2) when the API has a
 * GET for it at the collection's path plus its id, so clients need not build URLs.
 */
@Injectable()
export class LocationInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      tap((body) => {
        const request = context.switchToHttp().getRequest<Request>();
        const response = context.switchToHttp().getResponse<Response>();
        if (response.headersSent) return;
        const location = locationOf(request, response.statusCode, body);
        if (location) response.setHeader('location', location);
      }),
    );
  }
}

/**
 * The `Location` of a POST's answer: the collection's path plus the created id, when it
 * answers 201 and the API has a GET there. Also used by the idempotency store, which keeps
 * the answer whatever order the interceptors run in.
 */
export function locationOf(request: Request, status: number, body: unknown): string | undefined {
  if (request.method !== 'POST' || status !== 201) return undefined;
  const id = createdId(body);
  if (!id) return undefined;
  const location = `${request.originalUrl.split('?')[0].replace(/\/$/, '')}/${encodeURIComponent(id)}`;
  return routeTableOf(request)?.allowedMethods(location).includes('GET') ? location : undefined;
}

/** The id of the created resource: the body's own, or that of the one object it wraps (`{ apiKey: {…}, secret }`). */
function createdId(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const { id } = body as { id?: unknown };
  if (typeof id === 'string') return id;
  const nested = Object.values(body).filter((value) => typeof value === 'object' && value !== null);
  if (nested.length !== 1) return undefined;
  const inner = (nested[0] as { id?: unknown }).id;
  return typeof inner === 'string' ? inner : undefined;
}
