import { Module, type OnModuleInit } from '@nestjs/common';
import { PersonalDataRegistry } from '#personal-data';
import { CrmCoreModule } from '../crm-core.module.js';
import { ClientRefsRepository } from './client-refs.repository.js';
import { JobsController } from './jobs.controller.js';
import { JobsPersonalData } from './jobs.personal-data.js';
import { JobsRepository } from './jobs.repository.js';
import { JobsService } from './jobs.service.js';
import { ScheduleController } from './schedule.controller.js';
import { SchedulesPersonalData } from './schedule.personal-data.js';
import { ScheduleRepository } from './schedule.repository.js';
import { ScheduleService } from './schedule.service.js';

/** Jobs (work orders) and schedules (appointments, job visits). */
@Module({
  imports: [CrmCoreModule],
  controllers: [JobsController, ScheduleController],
  providers: [
    ClientRefsRepository,
    JobsRepository,
    JobsService,
    ScheduleRepository,
    ScheduleService,
    JobsPersonalData,
    SchedulesPersonalData,
  ],
  exports: [JobsService, ScheduleService],
})
export class JobsModule implements OnModuleInit {
  constructor(
    private readonly registry: PersonalDataRegistry,
    private readonly jobsPersonalData: JobsPersonalData,
    private readonly schedulesPersonalData: SchedulesPersonalData,
  ) {}

  onModuleInit(): void {
    this.registry.register(this.jobsPersonalData);
    this.registry.register(this.schedulesPersonalData);
  }
}
