import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Requires } from '../../identity/identity.decorators.js';
import type { Caller } from '../../identity/identity.types.js';
import { ActivityListResponseDto } from '../crm.dto.js';
import {
  TaxPolicyCreateDto,
  TaxPolicyEffectiveQueryDto,
  TaxPolicyListQueryDto,
  TaxPolicyListResponseDto,
  TaxPolicyResponseDto,
  TaxPolicyUpdateDto,
} from './tax-policies.dto.js';
import { TaxPoliciesService } from './tax-policies.service.js';

@ApiTags('tax-policies')
@Controller('tax-policies')
export class TaxPoliciesController {
  constructor(private readonly policies: TaxPoliciesService) {}

  @Get()
  @Requires('tax-policies:read')
  @ApiOperation({
    summary: 'Tax policies',
    description:
      'Organization-wide policies first, then per branch, latest first. `at` keeps those in effect that day. ' +
      'Managers and agents see the organization-wide policies and their branches’.',
  })
  @ApiOkResponse({ type: TaxPolicyListResponseDto })
  async listTaxPolicies(
    @CurrentUser() caller: Caller,
    @Query() query: TaxPolicyListQueryDto,
  ): Promise<TaxPolicyListResponseDto> {
    return { items: await this.policies.list(caller, query) };
  }

  @Get('effective')
  @Requires('tax-policies:read')
  @ApiOperation({
    summary: 'The tax policy an invoice would use',
    description:
      'The branch’s policy in effect on `date` (today if omitted), else the organization-wide one; 404 when neither.',
  })
  @ApiOkResponse({ type: TaxPolicyResponseDto })
  getEffectiveTaxPolicy(
    @CurrentUser() caller: Caller,
    @Query() query: TaxPolicyEffectiveQueryDto,
  ): Promise<TaxPolicyResponseDto> {
    return this.policies.effective(caller, query);
  }

  @Post()
  @Requires('tax-policies:write')
  @ApiOperation({
    summary: 'Add a tax policy',
    description: 'Two policies of the same scope (one branch, or the whole organization) cannot share a day: 409.',
  })
  @ApiCreatedResponse({ type: TaxPolicyResponseDto })
  createTaxPolicy(@CurrentUser() caller: Caller, @Body() body: TaxPolicyCreateDto): Promise<TaxPolicyResponseDto> {
    return this.policies.create(caller, body);
  }

  @Get(':id')
  @Requires('tax-policies:read')
  @ApiOperation({ summary: 'One tax policy' })
  @ApiOkResponse({ type: TaxPolicyResponseDto })
  getTaxPolicy(
    @CurrentUser() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<TaxPolicyResponseDto> {
    return this.policies.get(caller, id);
  }

  @Patch(':id')
  @Requires('tax-policies:write')
  @ApiOperation({
    summary: 'Change a tax policy',
    description:
      'Send the `version` you read; a stale one answers 409. Once issued invoices used the policy, its rates, ' +
      'pricing and branch are fixed and its days must keep covering their dates (409).',
  })
  @ApiOkResponse({ type: TaxPolicyResponseDto })
  updateTaxPolicy(
    @CurrentUser() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: TaxPolicyUpdateDto,
  ): Promise<TaxPolicyResponseDto> {
    return this.policies.update(caller, id, body);
  }

  @Delete(':id')
  @Requires('tax-policies:write')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a tax policy', description: 'Refused (409) once an issued invoice used it.' })
  @ApiNoContentResponse()
  async deleteTaxPolicy(@CurrentUser() caller: Caller, @Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    await this.policies.delete(caller, id);
  }

  @Get(':id/activity')
  @Requires('tax-policies:read')
  @ApiOperation({ summary: 'Who created and changed the tax policy, and which fields' })
  @ApiOkResponse({ type: ActivityListResponseDto })
  async getTaxPolicyActivity(
    @CurrentUser() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<ActivityListResponseDto> {
    return { items: await this.policies.activityOf(caller, id) };
  }
}
