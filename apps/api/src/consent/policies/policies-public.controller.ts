import { Controller, Get, Param, ParseIntPipe } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AppError } from '../../common/app-error.js';
import { Public } from '../../common/public.decorator.js';
import {
  PolicyDocumentResponseDto,
  PolicyHistoryResponseDto,
  PolicyVersionResponseDto,
  toHistoryItem,
  toVersionResponse,
} from './policies.dto.js';
import { PoliciesService } from './policies.service.js';
import { PolicyDocuments } from './policy-documents.service.js';
import { DOCUMENT_TITLES } from './policy-templates.js';

const versionNumber = new ParseIntPipe({
  exceptionFactory: () => new AppError('validation-failed', 'The version must be a whole number such as 2'),
});

/** The policies anyone may read, without an account: the pages at /privacy and /privacy/{slug}. */
@ApiTags('privacy policy')
@Public()
@Controller('privacy')
export class PoliciesPublicController {
  constructor(
    private readonly documents: PolicyDocuments,
    private readonly policies: PoliciesService,
  ) {}

  @Get('policy')
  @ApiOperation({
    summary: "The platform's privacy policy: the published version, its facts rendered from live settings",
  })
  @ApiOkResponse({ type: PolicyDocumentResponseDto })
  async platform(): Promise<PolicyDocumentResponseDto> {
    const view = await this.policies.current(this.documents.platform());
    return { ...toVersionResponse(view), title: DOCUMENT_TITLES.platform, organization: null };
  }

  @Get('policy/versions')
  @ApiOperation({ summary: "Version history of the platform's privacy policy" })
  @ApiOkResponse({ type: PolicyHistoryResponseDto })
  async platformHistory(): Promise<PolicyHistoryResponseDto> {
    return { items: (await this.policies.history(this.documents.platform())).map(toHistoryItem) };
  }

  @Get('policy/versions/:number')
  @ApiOperation({ summary: 'One published version of the platform policy, with the facts it stated then' })
  @ApiOkResponse({ type: PolicyVersionResponseDto })
  async platformVersion(@Param('number', versionNumber) number: number): Promise<PolicyVersionResponseDto> {
    return toVersionResponse(await this.policies.version(this.documents.platform(), number));
  }

  @Get('organizations/:slug/notice')
  @ApiOperation({ summary: "An organization's privacy notice toward its contacts" })
  @ApiOkResponse({ type: PolicyDocumentResponseDto })
  async notice(@Param('slug') slug: string): Promise<PolicyDocumentResponseDto> {
    const { ref, organization } = await this.documents.bySlug(slug);
    const view = await this.policies.current(ref);
    return { ...toVersionResponse(view), title: DOCUMENT_TITLES.notice, organization };
  }

  @Get('organizations/:slug/notice/versions')
  @ApiOperation({ summary: "Version history of an organization's privacy notice" })
  @ApiOkResponse({ type: PolicyHistoryResponseDto })
  async noticeHistory(@Param('slug') slug: string): Promise<PolicyHistoryResponseDto> {
    const { ref } = await this.documents.bySlug(slug);
    return { items: (await this.policies.history(ref)).map(toHistoryItem) };
  }

  @Get('organizations/:slug/notice/versions/:number')
  @ApiOperation({ summary: "One published version of an organization's privacy notice" })
  @ApiOkResponse({ type: PolicyVersionResponseDto })
  async noticeVersion(
    @Param('slug') slug: string,
    @Param('number', versionNumber) number: number,
  ): Promise<PolicyVersionResponseDto> {
    const { ref } = await this.documents.bySlug(slug);
    return toVersionResponse(await this.policies.version(ref, number));
  }
}
