import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { PageQueryDto } from '../common/pagination.dto.js';
import type { WebhookAttemptEntity } from './entities/webhook-attempt.entity.js';
import { DELIVERY_STATUSES, type DeliveryStatus } from './entities/webhook-delivery.entity.js';
import type { WebhookEndpointEntity } from './entities/webhook-endpoint.entity.js';
import type { DeliveryRow } from './webhook-deliveries.repository.js';
import { WEBHOOK_EVENT_TYPES, WEBHOOK_TEST_EVENT } from './webhooks.types.js';

const EVENT_TYPES_MESSAGE = `eventTypes must hold one or more of ${WEBHOOK_EVENT_TYPES.join(', ')}`;
const LOGGED_EVENT_TYPES = [...WEBHOOK_EVENT_TYPES, WEBHOOK_TEST_EVENT];

export class WebhookEndpointCreateDto {
  /**
   * Where deliveries are posted. Private, loopback, link-local and reserved addresses are
   * refused unless the installation allows them (WEBHOOKS_ALLOW_PRIVATE_ADDRESSES).
   * @example https://integrations.example.com/steward/webhooks
   */
  @IsString()
  @Length(8, 2000, { message: 'url must be 8 to 2000 characters' })
  url: string;

  /** @example Sync erasures to the data warehouse */
  @IsOptional()
  @IsString()
  @MaxLength(200, { message: 'description must be at most 200 characters' })
  description?: string;

  /**
   * Events to deliver: subject.erased, subject.restricted, subject.rectified, request.completed.
   * @example ["subject.erased", "request.completed"]
   */
  @IsArray({ message: EVENT_TYPES_MESSAGE })
  @ArrayMinSize(1, { message: EVENT_TYPES_MESSAGE })
  @ArrayMaxSize(WEBHOOK_EVENT_TYPES.length, { message: EVENT_TYPES_MESSAGE })
  @ArrayUnique({ message: 'eventTypes must not repeat a type' })
  @IsIn(WEBHOOK_EVENT_TYPES, { each: true, message: EVENT_TYPES_MESSAGE })
  eventTypes: string[];

  /** Disabled endpoints keep their settings and receive nothing. Default true. */
  @IsOptional()
  @IsBoolean({ message: 'enabled must be true or false' })
  enabled?: boolean;
}

export class WebhookEndpointUpdateDto {
  /** The `version` you read; a stale one answers 409. */
  @IsInt({ message: 'version must be the version you read' })
  version: number;

  /** @example https://integrations.example.com/steward/webhooks */
  // Present means validated, null included: null is no url (400, not a database error).
  @ValidateIf((body: WebhookEndpointUpdateDto) => body.url !== undefined)
  @IsString()
  @Length(8, 2000, { message: 'url must be 8 to 2000 characters' })
  url?: string;

  @ValidateIf((body: WebhookEndpointUpdateDto) => body.description !== undefined)
  @IsString()
  @MaxLength(200, { message: 'description must be at most 200 characters' })
  description?: string;

  /** @example ["subject.erased"] */
  @ValidateIf((body: WebhookEndpointUpdateDto) => body.eventTypes !== undefined)
  @IsArray({ message: EVENT_TYPES_MESSAGE })
  @ArrayMinSize(1, { message: EVENT_TYPES_MESSAGE })
  @ArrayMaxSize(WEBHOOK_EVENT_TYPES.length, { message: EVENT_TYPES_MESSAGE })
  @ArrayUnique({ message: 'eventTypes must not repeat a type' })
  @IsIn(WEBHOOK_EVENT_TYPES, { each: true, message: EVENT_TYPES_MESSAGE })
  eventTypes?: string[];

  @ValidateIf((body: WebhookEndpointUpdateDto) => body.enabled !== undefined)
  @IsBoolean({ message: 'enabled must be true or false' })
  enabled?: boolean;
}

export class WebhookEndpointResponseDto {
  id: string;
  /** @example https://integrations.example.com/steward/webhooks */
  url: string;
  /** @example Sync erasures to the data warehouse */
  description: string;
  /** @example ["subject.erased", "request.completed"] */
  eventTypes: string[];
  enabled: boolean;
  /** Until then the previous secret signs too (a second signature); null outside a rotation. */
  previousSecretExpiresAt: Date | null;
  /** @example 1 */
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export class WebhookEndpointListResponseDto {
  items: WebhookEndpointResponseDto[];
}

export class WebhookEndpointSecretResponseDto {
  endpoint: WebhookEndpointResponseDto;
  /**
   * The signing secret, in this answer only: verify deliveries with it (Standard Webhooks).
   * @example whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw
   */
  secret: string;
}

export class WebhookTestResponseDto {
  /** The `webhook-id` of the test message. @example msg_2KWPBgLlAfxdpx2AI54pPJ */
  eventId: string;
  deliveryId: string;
}

export class WebhookDeliveryListQueryDto extends PageQueryDto {
  /** @example failed */
  @IsOptional()
  @IsIn(DELIVERY_STATUSES, { message: `status must be one of ${DELIVERY_STATUSES.join(', ')}` })
  status?: DeliveryStatus;

  /** @example subject.erased */
  @IsOptional()
  @IsIn(LOGGED_EVENT_TYPES, { message: `eventType must be one of ${LOGGED_EVENT_TYPES.join(', ')}` })
  eventType?: string;
}

export class WebhookAttemptResponseDto {
  /** @example 1 */
  attemptNumber: number;
  attemptedAt: Date;
  succeeded: boolean;
  /** @example 500 */
  httpStatus: number | null;
  /** @example 112 */
  durationMs: number;
  /** @example receiver answered 500 */
  error: string | null;
}

export class WebhookDeliveryResponseDto {
  id: string;
  endpointId: string;
  /** The message's `webhook-id`, the same on every attempt. @example msg_2KWPBgLlAfxdpx2AI54pPJ */
  eventId: string;
  /** @example subject.erased */
  eventType: string;
  /** pending (attempts remain), succeeded or failed (the schedule ran out). @example pending */
  status: string;
  /** @example 2 */
  attemptCount: number;
  nextAttemptAt: Date | null;
  lastAttemptAt: Date | null;
  /** @example 500 */
  lastHttpStatus: number | null;
  createdAt: Date;
  /** Every attempt, oldest first. */
  attempts: WebhookAttemptResponseDto[];
}

export class WebhookDeliveryListResponseDto {
  items: WebhookDeliveryResponseDto[];
  /** Pass as `cursor` for the next page; null on the last. */
  nextCursor: string | null;
}

export const toWebhookEndpointResponse = (endpoint: WebhookEndpointEntity): WebhookEndpointResponseDto => ({
  id: endpoint.id,
  url: endpoint.url,
  description: endpoint.description,
  eventTypes: endpoint.eventTypes,
  enabled: endpoint.enabled,
  previousSecretExpiresAt: endpoint.previousSecretExpiresAt,
  version: endpoint.version,
  createdAt: endpoint.createdAt,
  updatedAt: endpoint.updatedAt,
});

export const toWebhookDeliveryResponse = (
  { delivery, message }: DeliveryRow,
  attempts: WebhookAttemptEntity[],
): WebhookDeliveryResponseDto => ({
  id: delivery.id,
  endpointId: delivery.endpointId,
  eventId: message.eventId,
  eventType: message.type,
  status: delivery.status,
  attemptCount: delivery.attemptCount,
  nextAttemptAt: delivery.nextAttemptAt,
  lastAttemptAt: delivery.lastAttemptAt,
  lastHttpStatus: delivery.lastHttpStatus,
  createdAt: delivery.createdAt,
  attempts: attempts.map((attempt) => ({
    attemptNumber: attempt.attemptNumber,
    attemptedAt: attempt.attemptedAt,
    succeeded: attempt.succeeded,
    httpStatus: attempt.httpStatus,
    durationMs: attempt.durationMs,
    error: attempt.error,
  })),
});
