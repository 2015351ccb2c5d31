import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Requires } from '../identity/identity.decorators.js';
import { JobsService } from '../jobs/jobs.service.js';
import { HealthDetailsResponseDto } from './health.dto.js';

/** What operators and admins need beyond up/down; signed in, unlike liveness and readiness. */
@ApiTags('health')
@Controller('health')
export class HealthDetailsController {
  constructor(private readonly jobs: JobsService) {}

  @Get('details')
  @Requires('operations:read')
  @ApiOperation({
    summary: 'Background jobs: failed and dead-lettered counts and the last error per job',
    description: 'Counts and error lines only; job payloads (ids) are not shown.',
  })
  @ApiOkResponse({ type: HealthDetailsResponseDto })
  async getHealthDetails(): Promise<HealthDetailsResponseDto> {
    return { jobs: await this.jobs.failures() };
  }
}
