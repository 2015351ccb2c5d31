import { Global, Module } from '@nestjs/common';
import { PersonalDataRegistry } from '#personal-data';
import { KeyringModule } from '../keyring/keyring.module.js';
import { ErasureRepository } from './erasure.repository.js';
import { ErasureService } from './erasure.service.js';
import { RetentionJob } from './retention.job.js';

/**
 * Holds the one registry of personal-data providers. Every context that stores personal
 * data injects it and registers its provider in onModuleInit. The nightly retention purge
 * (`RetentionJob`) walks it.
 */
@Global()
@Module({
  imports: [KeyringModule],
  providers: [
    { provide: PersonalDataRegistry, useFactory: () => new PersonalDataRegistry() },
    RetentionJob,
    ErasureRepository,
    ErasureService,
  ],
  exports: [PersonalDataRegistry, ErasureService],
})
export class PersonalDataModule {}
