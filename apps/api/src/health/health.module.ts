import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller.js';
import { HealthService } from './health.service.js';
import { HealthDetailsController } from './health-details.controller.js';

@Module({
  imports: [TerminusModule.forRoot({ logger: false })],
  controllers: [HealthController, HealthDetailsController],
  providers: [HealthService],
  exports: [HealthService],
})
export class HealthModule {}
