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
        if (request.method !== 'POST' || response.statusCode !== 201 || response.headersSent) return;
        const id = createdId(body);
        if (!id) return;
        const location = `${request.originalUrl.split('?')[0].replace(/\/$/, '')}/${encodeURIComponent(id)}`;
        if (routeTableOf(request)?.allowedMethods(location).includes('GET')) response.setHeader('location', location);
      }),
    );
  }
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
