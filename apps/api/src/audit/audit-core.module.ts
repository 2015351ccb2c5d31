import { Global, Module } from '@nestjs/common';
import { ProblemObserver } from '../common/problem-observer.js';
import { AuditRepository } from './audit.repository.js';
import { AuditService } from './audit.service.js';
import { AuditDenials } from './audit-denials.js';

/** The audit writer, available to every context (they record their events through it). */
@Global()
@Module({
  providers: [AuditRepository, AuditService, { provide: ProblemObserver, useClass: AuditDenials }],
  exports: [AuditRepository, AuditService, ProblemObserver],
})
export class AuditCoreModule {}
