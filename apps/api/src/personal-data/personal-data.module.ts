import { Global, Module } from '@nestjs/common';
import { PersonalDataRegistry } from '#personal-data';

/**
 * Holds the one registry of personal-data providers. Every context that stores personal
 * data injects it and registers its provider in onModuleInit.
 */
@Global()
@Module({
  providers: [{ provide: PersonalDataRegistry, useFactory: () => new PersonalDataRegistry() }],
  exports: [PersonalDataRegistry],
})
export class PersonalDataModule {}
