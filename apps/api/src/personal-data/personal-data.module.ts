import { Global, Module } from '@nestjs/common';
import { PersonalDataRegistry } from '#personal-data';
import { KeyringModule } from '../keyring/keyring.module.js';
import { WebhooksModule } from '../webhooks/webhooks.module.js';
import { ErasureRepository } from './erasure.repository.js';
import { ErasureService } from './erasure.service.js';
import { DataExportModule } from './exports/data-export.module.js';
import { RestoredErasures } from './restored-erasures.js';
import { RestrictionService } from './restriction.service.js';

/**
 * Holds the one registry of personal-data providers. Every context that stores personal
 * data injects it and registers its provider in onModuleInit. Erasures walk it, and so do
 * restrictions (`RestrictionService`) and access exports (`DataExportModule`). Retention rules
 * live in `retention/`.
 */
@Global()
@Module({
  imports: [KeyringModule, WebhooksModule, DataExportModule],
  providers: [
    { provide: PersonalDataRegistry, useFactory: () => new PersonalDataRegistry() },
    ErasureRepository,
    ErasureService,
    RestoredErasures,
    RestrictionService,
  ],
  exports: [PersonalDataRegistry, ErasureService, RestrictionService, DataExportModule],
})
export class PersonalDataModule {}
