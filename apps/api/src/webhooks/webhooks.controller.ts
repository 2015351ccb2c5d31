import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { UpdatedSinceQueryDto, updatedSinceOf } from '../common/pagination.dto.js';
import { CurrentUser, Requires } from '../identity/identity.decorators.js';
import type { Caller } from '../identity/identity.types.js';
import { WebhookEndpointsService } from './webhook-endpoints.service.js';
import {
  toWebhookEndpointResponse,
  WebhookDeliveryListQueryDto,
  WebhookDeliveryListResponseDto,
  WebhookDeliveryResponseDto,
  WebhookEndpointCreateDto,
  WebhookEndpointListResponseDto,
  WebhookEndpointResponseDto,
  WebhookEndpointSecretResponseDto,
  WebhookEndpointUpdateDto,
  WebhookTestResponseDto,
} from './webhooks.dto.js';

@ApiTags('webhooks')
@Controller('webhooks')
export class WebhooksController {
  constructor(private readonly endpoints: WebhookEndpointsService) {}

  @Get('endpoints')
  @Requires('webhooks:manage')
  @ApiOperation({
    summary: 'Webhook endpoints of your organization (never their secrets)',
    description: 'Newest first; with `updatedSince`, oldest change first.',
  })
  @ApiOkResponse({ type: WebhookEndpointListResponseDto })
  async listWebhookEndpoints(
    @CurrentUser() caller: Caller,
    @Query() query: UpdatedSinceQueryDto,
  ): Promise<WebhookEndpointListResponseDto> {
    return { items: (await this.endpoints.list(caller, updatedSinceOf(query))).map(toWebhookEndpointResponse) };
  }

  @Post('endpoints')
  @Requires('webhooks:manage')
  @ApiOperation({
    summary: 'Add a webhook endpoint; its signing secret is in this answer only',
    description:
      'Deliveries are signed per Standard Webhooks with the `whsec_` secret. A url whose host resolves to a ' +
      'private, loopback, link-local or reserved address is refused (400 on `url`).',
  })
  @ApiCreatedResponse({ type: WebhookEndpointSecretResponseDto })
  async createWebhookEndpoint(
    @CurrentUser() caller: Caller,
    @Body() body: WebhookEndpointCreateDto,
  ): Promise<WebhookEndpointSecretResponseDto> {
    const { endpoint, secret } = await this.endpoints.create(caller, body);
    return { endpoint: toWebhookEndpointResponse(endpoint), secret };
  }

  @Get('endpoints/:id')
  @Requires('webhooks:manage')
  @ApiOperation({ summary: 'One webhook endpoint' })
  @ApiOkResponse({ type: WebhookEndpointResponseDto })
  async getWebhookEndpoint(
    @CurrentUser() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<WebhookEndpointResponseDto> {
    return toWebhookEndpointResponse(await this.endpoints.get(caller, id));
  }

  @Patch('endpoints/:id')
  @Requires('webhooks:manage')
  @ApiOperation({ summary: 'Change an endpoint (send the `version` you read; a stale one answers 409)' })
  @ApiOkResponse({ type: WebhookEndpointResponseDto })
  async updateWebhookEndpoint(
    @CurrentUser() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: WebhookEndpointUpdateDto,
  ): Promise<WebhookEndpointResponseDto> {
    return toWebhookEndpointResponse(await this.endpoints.update(caller, id, body));
  }

  @Delete('endpoints/:id')
  @HttpCode(204)
  @Requires('webhooks:manage')
  @ApiOperation({ summary: 'Delete an endpoint with its delivery log' })
  @ApiNoContentResponse()
  async deleteWebhookEndpoint(
    @CurrentUser() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<void> {
    await this.endpoints.delete(caller, id);
  }

  @Post('endpoints/:id/rotate-secret')
  @HttpCode(200)
  @Requires('webhooks:manage')
  @ApiOperation({
    summary: 'Replace the signing secret; the new one is in this answer only',
    description:
      'For 24 hours the previous secret signs too: deliveries carry two signatures in `webhook-signature`, ' +
      'so a receiver still holding the old secret keeps verifying until it switches.',
  })
  @ApiOkResponse({ type: WebhookEndpointSecretResponseDto })
  async rotateWebhookSecret(
    @CurrentUser() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<WebhookEndpointSecretResponseDto> {
    const { endpoint, secret } = await this.endpoints.rotateSecret(caller, id);
    return { endpoint: toWebhookEndpointResponse(endpoint), secret };
  }

  @Post('endpoints/:id/test')
  @HttpCode(202)
  @Requires('webhooks:manage')
  @ApiOperation({ summary: 'Send a `webhook.test` event to this endpoint now (see its delivery log)' })
  @ApiAcceptedResponse({ type: WebhookTestResponseDto })
  sendWebhookTest(
    @CurrentUser() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
  ): Promise<WebhookTestResponseDto> {
    return this.endpoints.sendTest(caller, id);
  }

  @Get('endpoints/:id/deliveries')
  @Requires('webhooks:manage')
  @ApiOperation({ summary: 'The delivery log of an endpoint, newest first, with every attempt' })
  @ApiOkResponse({ type: WebhookDeliveryListResponseDto })
  listWebhookDeliveries(
    @CurrentUser() caller: Caller,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: WebhookDeliveryListQueryDto,
  ): Promise<WebhookDeliveryListResponseDto> {
    return this.endpoints.listDeliveries(caller, id, query);
  }

  @Post('deliveries/:deliveryId/retry')
  @HttpCode(202)
  @Requires('webhooks:manage')
  @ApiOperation({
    summary: 'Deliver a succeeded or failed delivery once more, now',
    description: 'A delivery still pending has its next attempt scheduled already: 409.',
  })
  @ApiAcceptedResponse({ type: WebhookDeliveryResponseDto })
  retryWebhookDelivery(
    @CurrentUser() caller: Caller,
    @Param('deliveryId', new ParseUUIDPipe()) deliveryId: string,
  ): Promise<WebhookDeliveryResponseDto> {
    return this.endpoints.retry(caller, deliveryId);
  }
}
