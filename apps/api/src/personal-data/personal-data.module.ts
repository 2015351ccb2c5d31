import { Global, Module } from '@nestjs/common';
import { PersonalDataRegistry } from '#personal-data';
import { RetentionJob } from './retention.job.js';

/**
 * Holds the one registry of personal-data providers. Every context that stores personal
 * data injects it and registers its provider in onModuleInit. The nightly retention purge
 * (`RetentionJob`) walks it.
 */
@Global()
@Module({
  providers: [{ provide: PersonalDataRegistry, useFactory: () => new PersonalDataRegistry() }, RetentionJob],
  exports: [PersonalDataRegistry],
})
export class PersonalDataModule {}
