import { Global, Module } from '@nestjs/common';
import { LegalHoldsController } from './legal-holds.controller.js';
import { LegalHoldsRepository } from './legal-holds.repository.js';
import { LegalHoldsService } from './legal-holds.service.js';
import { RetentionController } from './retention.controller.js';
import { RetentionJob } from './retention.job.js';
import { RetentionService } from './retention.service.js';
import { RetentionOverridesRepository } from './retention-overrides.repository.js';
import { RetentionRules } from './retention-rules.service.js';
import { RetentionRunner } from './retention-runner.service.js';
import { RetentionRunsRepository } from './retention-runs.repository.js';
import { TablePurgeRepository } from './table-purge.repository.js';

/**
 * Retention: the rules every context registers (`RetentionRules`), their scheduled and
 * on-demand runs with receipts (`RetentionRunner`, `RetentionJob`), dry runs, and legal holds
 * (`LegalHoldsService`), which every rule's query and every erasure respect. Global, so any
 * context registers its rules without importing this module.
 */
@Global()
@Module({
  controllers: [RetentionController, LegalHoldsController],
  providers: [
    TablePurgeRepository,
    RetentionRules,
    RetentionRunsRepository,
    RetentionOverridesRepository,
    RetentionRunner,
    RetentionJob,
    RetentionService,
    LegalHoldsRepository,
    LegalHoldsService,
  ],
  exports: [RetentionRules, LegalHoldsService, RetentionRunner, RetentionService],
})
export class RetentionModule {}
