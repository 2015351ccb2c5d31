import { Readable } from 'node:stream';
import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  Logger,
  type NestInterceptor,
  StreamableFile,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { catchError, from, mergeMap, type Observable, of, throwError } from 'rxjs';
import { locationOf } from '../location.interceptor.js';
import { currentRequest } from '../request-context.js';
import {
  type Claim,
  IDEMPOTENT_REPLAYED_HEADER,
  IdempotencyService,
  parseIdempotencyKey,
  type StoredAnswer,
} from './idempotency.service.js';

/**
 * `Idempotency-Key` on POSTs made with credentials. Runs after the guards, so the caller (a
 * user or an API key) is known and the key is theirs alone. Anonymous POSTs (sign-in, sign-up,
 * refresh, password reset, public forms) have their key checked for form and otherwise ignored:
 * they are safe to repeat or issue credentials, which are never stored.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Idempotency');

  constructor(private readonly idempotency: IdempotencyService) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<Request>();
    const response = context.switchToHttp().getResponse<Response>();
    if (request.method !== 'POST') return next.handle();
    const key = parseIdempotencyKey(request.headers['idempotency-key']);
    const actor = currentRequest()?.actor;
    if (key === undefined || !actor) return next.handle();

    const decision = await this.idempotency.begin(actor, key, {
      method: request.method,
      path: request.originalUrl,
      body: request.body,
    });
    if (decision.kind === 'replay') return of(this.replay(response, decision.answer));
    const { claim } = decision;
    const handler = context.getHandler();
    return next.handle().pipe(
      mergeMap((body) => from(this.settle(claim, request, handler, response, body))),
      catchError((error: unknown) => from(this.releaseQuietly(claim)).pipe(mergeMap(() => throwError(() => error)))),
    );
  }

  /** The first answer again: status, Location and body, marked as a replay. */
  private replay(response: Response, answer: StoredAnswer): unknown {
    response.status(answer.status);
    if (answer.location) response.setHeader('location', answer.location);
    response.setHeader(IDEMPOTENT_REPLAYED_HEADER, 'true');
    return answer.body;
  }

  /** Keeps a 2xx answer that can be sent again as it is; anything else frees the key. */
  private async settle(
    claim: Claim,
    request: Request,
    handler: object,
    response: Response,
    body: unknown,
  ): Promise<unknown> {
    const status = response.statusCode;
    if (status < 200 || status > 299 || response.headersSent || !isReplayable(body)) {
      await this.releaseQuietly(claim);
      return body;
    }
    const header = response.getHeader('location');
    const location = typeof header === 'string' ? header : (locationOf(request, handler, status, body) ?? null);
    // Through JSON, as Express will send it: a replay is byte for byte the first answer.
    const answer: StoredAnswer =
      body === undefined ? { status, location } : { status, location, body: JSON.parse(JSON.stringify(body)) };
    try {
      await this.idempotency.complete(claim, answer);
    } catch (error) {
      // The work is done and committed: the caller gets its answer. Unstored, the claim runs out its lease.
      this.logger.warn(
        `Idempotency claim ${claim.id} not completed (${(error as Error).name}); it frees itself at lease end`,
      );
    }
    return body;
  }

  /** A failed release leaves the claim to run out its lease: the original error is what the caller must see. */
  private async releaseQuietly(claim: Claim): Promise<void> {
    try {
      await this.idempotency.release(claim);
    } catch (error) {
      this.logger.warn(
        `Idempotency claim ${claim.id} not released (${(error as Error).name}); it frees itself at lease end`,
      );
    }
  }
}

/** Plain JSON (or no body); files and streams are not kept. */
function isReplayable(body: unknown): boolean {
  return !(body instanceof StreamableFile || body instanceof Readable || Buffer.isBuffer(body));
}
