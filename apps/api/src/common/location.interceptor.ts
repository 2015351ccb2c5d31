import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor, SetMetadata } from '@nestjs/common';
import type { Request, Response } from 'express';
import { type Observable, tap } from 'rxjs';
import { routeTableOf } from './http-edge.js';

const CREATED_AT = 'steward:created-at';

interface CreatedAtOptions {
  /** The collection the created resource is read from, below the API prefix; `:name` takes the route's parameter. */
  collection: string;
  /** The field of the answer that holds the created resource, when it is not the answer itself or its one object. */
  field?: string;
}

/**
 * For a POST whose created resource is read elsewhere than at its own path plus the id
 * (`POST /users/invitations` creates what `GET /users/{id}` reads).
 */
export const CreatedAt = (collection: string, options: Omit<CreatedAtOptions, 'collection'> = {}) =>
  SetMetadata(CREATED_AT, { collection, ...options } satisfies CreatedAtOptions);

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
        const location = locationOf(request, context.getHandler(), response.statusCode, body);
        if (location) response.setHeader('location', location);
      }),
    );
  }
}

/**
 * The `Location` of a POST's answer: the collection's path (the route's own, or the one its
 * `@CreatedAt` names) plus the created id, when it answers 201 and the API has a GET there.
 * Also used by the idempotency store, which keeps the answer whatever order the interceptors
 * run in.
 */
export function locationOf(request: Request, handler: object, status: number, body: unknown): string | undefined {
  if (request.method !== 'POST' || status !== 201) return undefined;
  const declared = Reflect.getMetadata(CREATED_AT, handler) as CreatedAtOptions | undefined;
  const id = createdId(declared?.field ? (body as Record<string, unknown> | null)?.[declared.field] : body);
  if (!id) return undefined;
  const path = request.originalUrl.split('?')[0].replace(/\/$/, '');
  const collection = declared ? `${apiRootOf(path)}/${fill(declared.collection, request.params)}` : path;
  const location = `${collection}/${encodeURIComponent(id)}`;
  return routeTableOf(request)?.allowedMethods(location).includes('GET') ? location : undefined;
}

/** `/api/v1` of `/api/v1/users/invitations`. */
const apiRootOf = (path: string) => path.match(/^\/api\/v\d+/)?.[0] ?? '';

const fill = (template: string, params: Record<string, string | string[]>) =>
  template.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(String(params[name] ?? '')));

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
