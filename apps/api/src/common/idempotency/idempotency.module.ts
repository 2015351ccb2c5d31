import { Module, type OnModuleInit } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AppSettings } from '../../config/settings.module.js';
import { KeyringModule } from '../../keyring/keyring.module.js';
import { RetentionRules } from '../../retention/retention-rules.service.js';
import { IdempotencyInterceptor } from './idempotency.interceptor.js';
import { IdempotencyRepository } from './idempotency.repository.js';
import { IdempotencyService } from './idempotency.service.js';

/** `Idempotency-Key` on credentialed POSTs: the interceptor, its sealed store and the hourly purge of it. */
@Module({
  imports: [KeyringModule],
  providers: [
    IdempotencyRepository,
    IdempotencyService,
    IdempotencyInterceptor,
    { provide: APP_INTERCEPTOR, useExisting: IdempotencyInterceptor },
  ],
  exports: [IdempotencyService],
})
export class IdempotencyModule implements OnModuleInit {
  constructor(
    private readonly rules: RetentionRules,
    private readonly settings: AppSettings,
  ) {}

  /** Answers (and claims) past the replay period go within the hour: they may hold secrets and personal data. */
  onModuleInit(): void {
    this.rules.registerTable({
      key: 'idempotency-keys',
      title: 'Stored first answers of POSTs sent with an Idempotency-Key (sealed; for retries)',
      category: 'idempotency.answers',
      table: 'idempotency_keys',
      setting: 'idempotency.keyHours',
      unit: 'hours',
      from: 'after the request was first made',
      hourly: true,
      settingValue: () => this.settings.idempotency.keyHours,
      startsAt: 't.created_at',
    });
  }
}
