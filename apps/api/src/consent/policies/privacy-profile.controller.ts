import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Requires, UsersOnly } from '../../identity/identity.decorators.js';
import type { AuthenticatedUser } from '../../identity/identity.types.js';
import {
  PrivacyContactDto,
  PrivacyContactEnvelopeDto,
  ProcessorInputDto,
  ProcessorListResponseDto,
  ProcessorResponseDto,
  ProcessorUpdateDto,
  toContactResponse,
  toProcessorResponse,
} from './policies.dto.js';
import { documentOf, PolicyDocuments } from './policy-documents.service.js';
import { PrivacyProfileService } from './privacy-profile.service.js';

/** The processors and the privacy contact a document states (its facts, edited here, never in the text). */
@ApiTags('privacy policy')
@Requires('privacy-policy:write')
@UsersOnly()
@Controller('privacy/documents/:document')
export class PrivacyProfileController {
  constructor(
    private readonly documents: PolicyDocuments,
    private readonly profile: PrivacyProfileService,
  ) {}

  @Get('processors')
  @ApiOperation({ summary: 'Processors (sub-processors) this document lists' })
  @ApiOkResponse({ type: ProcessorListResponseDto })
  async list(
    @CurrentUser() user: AuthenticatedUser,
    @Param('document') document: string,
  ): Promise<ProcessorListResponseDto> {
    const ref = await this.documents.forEditor(documentOf(document), user);
    return { items: (await this.profile.listProcessors(ref)).map(toProcessorResponse) };
  }

  @Post('processors')
  @ApiOperation({ summary: 'Add a processor; the draft then lists it' })
  @ApiCreatedResponse({ type: ProcessorResponseDto })
  async add(
    @CurrentUser() user: AuthenticatedUser,
    @Param('document') document: string,
    @Body() body: ProcessorInputDto,
  ): Promise<ProcessorResponseDto> {
    const ref = await this.documents.forEditor(documentOf(document), user);
    return toProcessorResponse(await this.profile.addProcessor(ref, { ...body, dpaDate: body.dpaDate ?? null }));
  }

  @Get('processors/:id')
  @ApiOperation({ summary: 'One processor this document lists' })
  @ApiOkResponse({ type: ProcessorResponseDto })
  async getProcessor(
    @CurrentUser() user: AuthenticatedUser,
    @Param('document') document: string,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<ProcessorResponseDto> {
    const ref = await this.documents.forEditor(documentOf(document), user);
    return toProcessorResponse(await this.profile.getProcessor(ref, id));
  }

  @Put('processors/:id')
  @ApiOperation({ summary: 'Change a processor' })
  @ApiOkResponse({ type: ProcessorResponseDto })
  async update(
    @CurrentUser() user: AuthenticatedUser,
    @Param('document') document: string,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() { version, ...values }: ProcessorUpdateDto,
  ): Promise<ProcessorResponseDto> {
    const ref = await this.documents.forEditor(documentOf(document), user);
    return toProcessorResponse(
      await this.profile.updateProcessor(ref, id, version, { ...values, dpaDate: values.dpaDate ?? null }),
    );
  }

  @Delete('processors/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a processor' })
  @ApiNoContentResponse()
  async remove(
    @CurrentUser() user: AuthenticatedUser,
    @Param('document') document: string,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<void> {
    await this.profile.removeProcessor(await this.documents.forEditor(documentOf(document), user), id);
  }

  @Get('contact')
  @ApiOperation({ summary: "The controller's privacy contact, DPO and supervisory authority" })
  @ApiOkResponse({ type: PrivacyContactEnvelopeDto })
  async contact(
    @CurrentUser() user: AuthenticatedUser,
    @Param('document') document: string,
  ): Promise<PrivacyContactEnvelopeDto> {
    const ref = await this.documents.forEditor(documentOf(document), user);
    return { contact: toContactResponse(await this.profile.contact(ref)) };
  }

  @Put('contact')
  @ApiOperation({ summary: 'Publish or change the privacy contact details' })
  @ApiOkResponse({ type: PrivacyContactEnvelopeDto })
  async saveContact(
    @CurrentUser() user: AuthenticatedUser,
    @Param('document') document: string,
    @Body() body: PrivacyContactDto,
  ): Promise<PrivacyContactEnvelopeDto> {
    const ref = await this.documents.forEditor(documentOf(document), user);
    const saved = await this.profile.saveContact(ref, {
      controllerName: body.controllerName,
      email: body.email,
      dpoName: body.dpoName ?? null,
      dpoEmail: body.dpoEmail ?? null,
      postalAddress: body.postalAddress ?? null,
      phone: body.phone ?? null,
      authorityName: body.authorityName,
      authorityUrl: body.authorityUrl ?? null,
    });
    return { contact: toContactResponse(saved) };
  }
}
