import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger, Optional } from '@nestjs/common';
import type { Request, Response } from 'express';
import { KeyDestroyedError } from '#crypto';
import { AUTHENTICATE_CHALLENGES } from './api-key-header.js';
import { AppError, ERROR_CATALOG, type ErrorCode, problemType } from './app-error.js';
import { isDatabaseUnavailable, OUTAGE_RETRY_AFTER_SECONDS } from './database-unavailable.js';
import { routeTableOf } from './http-edge.js';
import { ProblemDto } from './problem.dto.js';
import { ProblemObserver } from './problem-observer.js';

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'bad-request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  409: 'conflict',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  429: 'rate-limited',
  503: 'service-unavailable',
};

/** Errors raised by body-parser before a route runs: they carry `type` and `status`. */
interface BodyParserError {
  type: string;
  status: number;
}
const isBodyParserError = (error: unknown): error is BodyParserError =>
  typeof error === 'object' &&
  error !== null &&
  'type' in error &&
  typeof (error as BodyParserError).status === 'number';

/** Turns anything thrown while handling a request into an RFC 9457 problem+json answer. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problem');

  constructor(@Optional() private readonly observer?: ProblemObserver) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const error = refineNotFound(request, this.toAppError(exception));
    if (error.code === 'service-unavailable' && !(exception instanceof AppError)) {
      this.logger.warn({ requestId: request.id }, 'The database cannot be reached');
    } else if (error.code === 'internal') {
      // The stack helps us; the client gets the request id to quote. No payloads logged.
      this.logger.error({ err: exception, requestId: request.id }, 'Unhandled error');
    }
    if (!this.observer) {
      sendProblem(request, response, error);
      return;
    }
    this.observer.observe(request, error).then(
      () => sendProblem(request, response, error),
      (failure: unknown) => {
        this.logger.error({ err: failure, requestId: request.id }, 'Could not record a refused request');
        sendProblem(request, response, new AppError('internal'));
      },
    );
  }

  private toAppError(exception: unknown): AppError {
    if (exception instanceof AppError) return exception;
    // Nest wraps body-parser errors in an HttpException; the cause says what went wrong.
    if (exception instanceof HttpException && isBodyParserError(exception.cause))
      return this.toAppError(exception.cause);
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const code = CODE_BY_STATUS[status] ?? (status >= 500 ? 'internal' : 'bad-request');
      const response = exception.getResponse();
      // Nest's router answers unknown routes with "Cannot GET /x".
      if (
        status === 404 &&
        typeof response === 'object' &&
        /^Cannot [A-Z]+ /.test(String((response as { message?: unknown }).message))
      ) {
        return new AppError('route-not-found', 'No endpoint matches this method and path');
      }
      const message = typeof response === 'object' ? (response as { message?: unknown }).message : response;
      return new AppError(code, typeof message === 'string' && code !== 'internal' ? message : undefined);
    }
    if (isBodyParserError(exception)) {
      if (exception.type === 'entity.too.large') return new AppError('payload-too-large');
      if (exception.type === 'entity.parse.failed') return new AppError('malformed-body');
      if (exception.type === 'encoding.unsupported' || exception.type === 'charset.unsupported') {
        return new AppError('unsupported-media-type');
      }
      if (exception.status >= 400 && exception.status < 500)
        return new AppError(CODE_BY_STATUS[exception.status] ?? 'bad-request');
    }
    // An outage is not the caller's fault nor a bug: ask them to come back, never sign them out.
    // A record whose subject's key is destroyed (an erasure re-applied after a restore): erased, not a crash.
    if (exception instanceof KeyDestroyedError) {
      return new AppError('gone', "This record's personal data was erased");
    }
    if (isDatabaseUnavailable(exception)) {
      return new AppError('service-unavailable', 'The database cannot be reached; try again shortly', {
        retryAfterSeconds: OUTAGE_RETRY_AFTER_SECONDS,
      });
    }
    // PostgreSQL's data exceptions (class 22: a number out of range, a malformed date) mean a
    // value the request carried cannot be stored: the caller's to fix, not a crash. Logged, so
    // a validation rule that should have caught it gets written.
    const code = databaseErrorCode(exception);
    if (typeof code === 'string' && code.startsWith('22')) {
      this.logger.warn({ sqlState: code }, 'A value reached the database that validation let through');
      return new AppError('bad-request', 'A value in the request is out of range or malformed');
    }
    // A unique constraint lost a race the service checked for (two sign-ups with one email at once).
    if (code === UNIQUE_VIOLATION) {
      return new AppError('conflict', 'This conflicts with a record that was just created; reload and try again');
    }
    return new AppError('internal');
  }
}

const UNIQUE_VIOLATION = '23505';
const databaseErrorCode = (error: unknown): unknown =>
  typeof error === 'object' && error !== null && 'driverError' in error
    ? (error.driverError as { code?: unknown } | undefined)?.code
    : undefined;

/** Writes an AppError as an RFC 9457 document. The one place a problem body is shaped. */
export function sendProblem(request: Request, response: Response, error: AppError): void {
  if (response.headersSent) return;
  const { status, title } = ERROR_CATALOG[error.code];
  if (typeof error.extensions.retryAfterSeconds === 'number') {
    response.setHeader('retry-after', String(error.extensions.retryAfterSeconds));
  }
  if (Array.isArray(error.extensions.allow)) response.setHeader('allow', error.extensions.allow.join(', '));
  if (status === 401) response.setHeader('www-authenticate', AUTHENTICATE_CHALLENGES);
  const body: ProblemDto = {
    type: problemType(error.code),
    title,
    status,
    detail: error.detail ?? title,
    instance: request.originalUrl?.split('?')[0] ?? request.url,
    code: error.code,
    requestId: String(request.id ?? ''),
    ...error.extensions,
  };
  response.status(status).type('application/problem+json').send(JSON.stringify(body));
}

/**
 * Registered after every route: whatever nothing else answered (outside the API prefix,
 * where Nest's own not-found handler does not reach) is a problem+json 404 too.
 */
export function routeNotFound(request: Request, response: Response): void {
  sendProblem(
    request,
    response,
    refineNotFound(request, new AppError('route-not-found', 'No endpoint matches this method and path')),
  );
}

/** A path that exists with another method is 405 with Allow, not 404. */
function refineNotFound(request: Request, error: AppError): AppError {
  if (error.code !== 'route-not-found') return error;
  // originalUrl: Nest's not-found handler sits in a router mounted at the prefix, where `path` is relative.
  const path = (request.originalUrl ?? request.url).split('?')[0];
  const allow = routeTableOf(request)?.allowedMethods(path) ?? [];
  if (!allow.length) return error;
  return new AppError('method-not-allowed', `This endpoint answers ${allow.join(', ')}, not ${request.method}`, {
    allow,
  });
}
