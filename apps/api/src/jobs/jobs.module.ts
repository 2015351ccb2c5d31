import { Global, Module } from '@nestjs/common';
import { JobsService } from './jobs.service.js';

/** The job engine, available to every context (like the audit writer). */
@Global()
@Module({ providers: [JobsService], exports: [JobsService] })
export class JobsModule {}
