import { Injectable } from '@nestjs/common';
import { HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { AppError } from '../common/app-error.js';
import { OUTAGE_RETRY_AFTER_SECONDS } from '../common/database-unavailable.js';
import type { ReadinessResponseDto } from './health.dto.js';

@Injectable()
export class HealthService {
  private draining = false;

  constructor(
    private readonly checks: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
  ) {}

  /** Called on SIGTERM: load balancers stop routing here while in-flight work finishes. */
  startDraining(): void {
    this.draining = true;
  }

  async readiness(): Promise<ReadinessResponseDto> {
    if (this.draining) throw new AppError('service-unavailable', 'Shutting down');
    try {
      await this.checks.check([() => this.database.pingCheck('database', { timeout: 3_000 })]);
    } catch {
      throw new AppError('service-unavailable', 'The database does not answer', {
        retryAfterSeconds: OUTAGE_RETRY_AFTER_SECONDS,
      });
    }
    return { status: 'ok', checks: { database: 'up' } };
  }
}
