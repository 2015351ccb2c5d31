import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Requires } from '../../identity/identity.decorators.js';
import type { Caller } from '../../identity/identity.types.js';
import { ActivityListResponseDto } from '../crm.dto.js';
import {
  ScheduleEntryCreateDto,
  ScheduleEntryResponseDto,
  ScheduleEntryUpdateDto,
  ScheduleListResponseDto,
  ScheduleWindowQueryDto,
} from './schedule.dto.js';
import { ScheduleService } from './schedule.service.js';

const DOUBLE_BOOKING =
  'A person cannot be in two places at once: when the assignee has a planned or done entry overlapping ' +
  'the time, the answer is 409 with the clashing entries in `conflicts` ({id, startsAt, endsAt}), unless ' +
  '`allowDoubleBooking` is true.';

@ApiTags('schedule')
@Controller('schedule')
export class ScheduleController {
  constructor(private readonly schedule: ScheduleService) {}

  @Get()
  @Requires('schedules:read')
  @ApiOperation({
    summary: 'Calendar entries in a time window',
    description:
      'Entries overlapping [from, to), by start time. The window is required and spans at most 62 days. ' +
      'Filter by `assigneeId` (`me` for yours), `branchId`, `jobId` or `clientId`.',
  })
  @ApiOkResponse({ type: ScheduleListResponseDto })
  listSchedule(
    @CurrentUser() caller: Caller,
    @Query() query: ScheduleWindowQueryDto,
  ): Promise<ScheduleListResponseDto> {
    return this.schedule.window(caller, query);
  }

  @Post()
  @Requires('schedules:write')
  @ApiOperation({
    summary: 'Book an appointment or a job visit',
    description: `${DOUBLE_BOOKING} Booking the first visit of a new job moves the job to scheduled. Agents book only their own calendar.`,
  })
  @ApiCreatedResponse({ type: ScheduleEntryResponseDto })
  createScheduleEntry(
    @CurrentUser() caller: Caller,
    @Body() body: ScheduleEntryCreateDto,
  ): Promise<ScheduleEntryResponseDto> {
    return this.schedule.create(caller, body);
  }

  @Get(':id')
  @Requires('schedules:read')
  @ApiOperation({ summary: 'One calendar entry' })
  @ApiOkResponse({ type: ScheduleEntryResponseDto })
  getScheduleEntry(
    @CurrentUser() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<ScheduleEntryResponseDto> {
    return this.schedule.get(caller, id);
  }

  @Patch(':id')
  @Requires('schedules:write')
  @ApiOperation({
    summary: 'Move, reassign or change a calendar entry',
    description: `Send the \`version\` you read; a stale one answers 409. ${DOUBLE_BOOKING}`,
  })
  @ApiOkResponse({ type: ScheduleEntryResponseDto })
  updateScheduleEntry(
    @CurrentUser() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: ScheduleEntryUpdateDto,
  ): Promise<ScheduleEntryResponseDto> {
    return this.schedule.update(caller, id, body);
  }

  @Delete(':id')
  @Requires('schedules:write')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a calendar entry' })
  @ApiNoContentResponse()
  async deleteScheduleEntry(
    @CurrentUser() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<void> {
    await this.schedule.delete(caller, id);
  }

  @Get(':id/activity')
  @Requires('schedules:read')
  @ApiOperation({ summary: 'Who booked and changed the entry, and which fields (never the values)' })
  @ApiOkResponse({ type: ActivityListResponseDto })
  async getScheduleEntryActivity(
    @CurrentUser() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<ActivityListResponseDto> {
    return { items: await this.schedule.activityOf(caller, id) };
  }
}
