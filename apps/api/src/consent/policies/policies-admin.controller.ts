import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { withPlatformScope } from '../../database/tenant-scope.js';
import { CurrentUser, Requires, UsersOnly } from '../../identity/identity.decorators.js';
import type { AuthenticatedUser } from '../../identity/identity.types.js';
import {
  PolicyDraftEnvelopeDto,
  PolicyDraftResponseDto,
  PolicyDraftUpdateDto,
  PolicyPublishDto,
  PolicyVersionResponseDto,
  toDraftResponse,
  toVersionResponse,
} from './policies.dto.js';
import { type DocumentRef, PoliciesService } from './policies.service.js';
import { documentOf, PolicyDocuments } from './policy-documents.service.js';

/**
 * Drafting and publishing. `platform` is the platform's policy (operator organization only),
 * `notice` your organization's privacy notice.
 */
@ApiTags('privacy policy')
@Requires('privacy-policy:write')
@UsersOnly()
@Controller('privacy/documents/:document')
export class PoliciesAdminController {
  constructor(
    private readonly documents: PolicyDocuments,
    private readonly policies: PoliciesService,
  ) {}

  @Get('draft')
  @ApiOperation({
    summary: 'The draft waiting to be published, with what it changes (facts changed by settings included)',
  })
  @ApiOkResponse({ type: PolicyDraftEnvelopeDto })
  async draft(
    @CurrentUser() user: AuthenticatedUser,
    @Param('document') document: string,
  ): Promise<PolicyDraftEnvelopeDto> {
    const draft = await this.editing(document, user, (ref) => this.policies.draft(ref));
    return { draft: draft ? toDraftResponse(draft) : null };
  }

  @Post('draft')
  @HttpCode(200)
  @ApiOperation({ summary: 'Open a draft from the published text (or get the open one)' })
  @ApiOkResponse({ type: PolicyDraftResponseDto })
  async start(
    @CurrentUser() user: AuthenticatedUser,
    @Param('document') document: string,
  ): Promise<PolicyDraftResponseDto> {
    return toDraftResponse(await this.editing(document, user, (ref) => this.policies.startDraft(ref)));
  }

  @Put('draft')
  @ApiOperation({ summary: "Save the draft's sections (titles and prose; each block of facts exactly once)" })
  @ApiOkResponse({ type: PolicyDraftResponseDto })
  async save(
    @CurrentUser() user: AuthenticatedUser,
    @Param('document') document: string,
    @Body() body: PolicyDraftUpdateDto,
  ): Promise<PolicyDraftResponseDto> {
    return toDraftResponse(
      await this.editing(document, user, (ref) => this.policies.saveDraft(ref, body.version, body.sections)),
    );
  }

  @Delete('draft')
  @HttpCode(204)
  @ApiOperation({ summary: 'Discard the draft (a draft of changed facts comes back until they are published)' })
  @ApiNoContentResponse()
  async discard(@CurrentUser() user: AuthenticatedUser, @Param('document') document: string): Promise<void> {
    await this.editing(document, user, (ref) => this.policies.discardDraft(ref));
  }

  @Post('draft/publish')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Publish the draft; for the platform policy, every user must accept it at their next request',
  })
  @ApiOkResponse({ type: PolicyVersionResponseDto })
  async publish(
    @CurrentUser() user: AuthenticatedUser,
    @Param('document') document: string,
    @Body() body: PolicyPublishDto,
  ): Promise<PolicyVersionResponseDto> {
    return toVersionResponse(
      await this.editing(document, user, (ref) =>
        this.policies.publish(ref, body.version, user.userId, body.changeNote),
      ),
    );
  }

  /**
   * Runs `work` on the document the caller may edit. The platform policy belongs to the
   * platform, not to the operator organization whose staff edit it: written across the
   * tenant wall (row-level security), like the operator's billing route.
   */
  private async editing<Result>(
    document: string,
    user: AuthenticatedUser,
    work: (ref: DocumentRef) => Promise<Result>,
  ): Promise<Result> {
    const ref = await this.documents.forEditor(documentOf(document), user);
    return ref.organizationId === null ? withPlatformScope(() => work(ref)) : work(ref);
  }
}
