import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Requires } from '../../identity/identity.decorators.js';
import type { Caller } from '../../identity/identity.types.js';
import { ActivityListResponseDto } from '../crm.dto.js';
import {
  JobBoardQueryDto,
  JobBoardResponseDto,
  JobCreateDto,
  JobListQueryDto,
  JobListResponseDto,
  JobResponseDto,
  JobStatusChangeDto,
  JobUpdateDto,
} from './jobs.dto.js';
import { JobsService } from './jobs.service.js';

@ApiTags('jobs')
@Controller('jobs')
export class JobsController {
  constructor(private readonly jobs: JobsService) {}

  @Get()
  @Requires('jobs:read')
  @ApiOperation({
    summary: 'Jobs, newest first',
    description:
      'Cursor-paginated. Filter by `status` and `priority` (one or several, comma-separated), `clientId`, ' +
      '`assigneeId` (`me` for yours) and `branchId`. Titles are encrypted at rest, so there is no text search.',
  })
  @ApiOkResponse({ type: JobListResponseDto })
  listJobs(@CurrentUser() caller: Caller, @Query() query: JobListQueryDto): Promise<JobListResponseDto> {
    return this.jobs.list(caller, query);
  }

  @Get('board')
  @Requires('jobs:read')
  @ApiOperation({
    summary: 'The jobs board',
    description: 'How many jobs are in each status, and the 50 newest jobs of each open status.',
  })
  @ApiOkResponse({ type: JobBoardResponseDto })
  getJobBoard(@CurrentUser() caller: Caller, @Query() query: JobBoardQueryDto): Promise<JobBoardResponseDto> {
    return this.jobs.board(caller, query);
  }

  @Post()
  @Requires('jobs:write')
  @ApiOperation({
    summary: 'Open a job for a client',
    description: 'The job gets the next number of the organization and starts as `new`, in the client’s branch.',
  })
  @ApiCreatedResponse({ type: JobResponseDto })
  createJob(@CurrentUser() caller: Caller, @Body() body: JobCreateDto): Promise<JobResponseDto> {
    return this.jobs.create(caller, body);
  }

  @Get(':id')
  @Requires('jobs:read')
  @ApiOperation({ summary: 'One job' })
  @ApiOkResponse({ type: JobResponseDto })
  getJob(@CurrentUser() caller: Caller, @Param('id', new ParseUUIDPipe()) id: string): Promise<JobResponseDto> {
    return this.jobs.get(caller, id);
  }

  @Patch(':id')
  @Requires('jobs:write')
  @ApiOperation({
    summary: 'Change a job',
    description: 'Send the `version` you read; a stale one answers 409. The status changes through /status.',
  })
  @ApiOkResponse({ type: JobResponseDto })
  updateJob(
    @CurrentUser() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: JobUpdateDto,
  ): Promise<JobResponseDto> {
    return this.jobs.update(caller, id, body);
  }

  @Post(':id/status')
  @Requires('jobs:write')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Move a job along its workflow',
    description:
      'new → scheduled → in_progress → completed → invoiced; cancelled from new, scheduled or in_progress. ' +
      'Any other move answers 409 with the allowed next states in `allowed`. Completing sets `completedAt`.',
  })
  @ApiOkResponse({ type: JobResponseDto })
  changeJobStatus(
    @CurrentUser() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: JobStatusChangeDto,
  ): Promise<JobResponseDto> {
    return this.jobs.changeStatus(caller, id, body);
  }

  @Delete(':id')
  @Requires('jobs:write')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete a job',
    description: 'Only new or cancelled jobs (409 otherwise); their visits go too.',
  })
  @ApiNoContentResponse()
  async deleteJob(@CurrentUser() caller: Caller, @Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    await this.jobs.delete(caller, id);
  }

  @Get(':id/activity')
  @Requires('jobs:read')
  @ApiOperation({ summary: 'Who created and changed the job, and which fields (never the values)' })
  @ApiOkResponse({ type: ActivityListResponseDto })
  async getJobActivity(
    @CurrentUser() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<ActivityListResponseDto> {
    return { items: await this.jobs.activityOf(caller, id) };
  }
}
