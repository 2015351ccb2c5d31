import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import type { AppError } from '../common/app-error.js';
import { ProblemObserver } from '../common/problem-observer.js';
import { currentRequest } from '../common/request-context.js';
import { AuditService } from './audit.service.js';

/**
 * Records every permission denial (403 `forbidden`: a role or scope without the permission,
 * a record outside the caller's branches) in the caller's organization's trail.
 */
@Injectable()
export class AuditDenials extends ProblemObserver {
  constructor(private readonly audit: AuditService) {
    super();
  }

  async observe(request: Request, error: AppError): Promise<void> {
    const actor = currentRequest()?.actor;
    if (error.code !== 'forbidden' || !actor) return;
    const route = (request.route as { path?: string } | undefined)?.path ?? request.path;
    await this.audit.recordNow({
      organizationId: actor.organizationId,
      action: 'access.denied',
      outcome: 'denied',
      targetType: 'route',
      targetId: `${request.method} ${route}`.slice(0, 64),
      details: { reason: error.detail ?? null },
    });
  }
}
